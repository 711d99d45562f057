"""Is a fact denied, or spoken of as past? NegEx-style scope over the words around it.

The cue lists are negspacy's "en_clinical" termset (the NegEx lists clinical NLP uses) plus
the cues in patterns.yaml. The scope is the one NegEx uses, narrowed as plugin/flagger does
for notes: a preceding cue counts within `window_before` words before the fact, in the same
sentence, and not across a termination cue ("denies fever but reports swelling"); a following
cue ("clicking: none") within `window_after` words after it, not across a comma. Pseudo-negations
("no further", "without relief") are removed before looking, so they negate nothing. Words of
the match itself never count: "unable to tolerate CPAP" is intolerance, not its denial.

negspacy's own component negates spaCy entities, which cannot overlap; facts do overlap
("failed CPAP" is a trial and an intolerance), so the scope is computed here on plain words.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from negspacy.termsets import termset

from docservice.facts.patterns import Scope

WORD = re.compile(r"[a-z0-9]+(?:['’/][a-z0-9]+)*|[,;:()]", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    preceding_negations: tuple[str, ...]
    following_negations: tuple[str, ...]
    pseudo_negations: tuple[str, ...]
    preceding_history: tuple[str, ...]
    following_history: tuple[str, ...]
    termination: tuple[str, ...]
    window_before: int
    window_after: int


@functools.cache
def _english_clinical() -> dict[str, tuple[str, ...]]:
    return {key: tuple(cue.lower() for cue in cues) for key, cues in termset("en_clinical").get_patterns().items()}


def build_cues(scope: Scope) -> Cues:
    """The merged cue lists, longest first (so "not been ruled out" is seen before "ruled out")."""
    base = _english_clinical()

    def merged(*lists) -> tuple[str, ...]:
        seen = {" ".join(WORD.findall(cue)) for cues in lists for cue in cues}
        return tuple(sorted((cue for cue in seen if cue), key=len, reverse=True))

    return Cues(
        preceding_negations=merged(base["preceding_negations"], scope.preceding_negations),
        following_negations=merged(base["following_negations"], scope.following_negations),
        pseudo_negations=merged(base["pseudo_negations"], scope.pseudo_negations),
        preceding_history=merged(scope.preceding_history),
        following_history=merged(scope.following_history),
        termination=merged(base["termination"], scope.termination),
        window_before=scope.window_before,
        window_after=scope.window_after,
    )


def words(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


def _find(haystack: str, cues: tuple[str, ...], ignore: frozenset[str] = frozenset()) -> str:
    """The first cue found as whole words in `haystack` (words joined by single spaces), or ""."""
    padded = f" {haystack} "
    for cue in cues:
        if cue not in ignore and f" {cue} " in padded:
            return cue
    return ""


def _strip_pseudo(text: str, cues: Cues) -> str:
    padded = f" {text} "
    for pseudo in cues.pseudo_negations:
        padded = padded.replace(f" {pseudo} ", " | ")
    return padded.strip()


def before_window(before: str, cues: Cues) -> str:
    """The words a preceding cue may stand in: after the last termination cue or semicolon, at most N words."""
    tokens = words(before)
    joined = " ".join(tokens)
    cut = 0
    padded = f" {joined} "
    for cue in cues.termination + (";",):
        at = padded.rfind(f" {cue} ")
        if at >= 0:
            cut = max(cut, len(padded[:at + len(cue) + 2].split()))
    kept = tokens[cut:][-cues.window_before:]
    return _strip_pseudo(" ".join(kept), cues)


def after_window(after: str, cues: Cues) -> str:
    """The words a following cue may stand in: up to the first comma/semicolon/bracket, at most N words."""
    kept: list[str] = []
    for token in words(after):
        if token in {",", ";", "(", ")"} or len(kept) >= cues.window_after:
            break
        if token != ":":
            kept.append(token)
    return _strip_pseudo(" ".join(kept), cues)


def negation_cue(before: str, after: str, cues: Cues) -> str:
    """The cue that negates a fact between `before` and `after` (its sentence around it), or ""."""
    return _find(before_window(before, cues), cues.preceding_negations) or _find(
        after_window(after, cues), cues.following_negations
    )


def history_cue(before: str, after: str, cues: Cues, *, ignore: frozenset[str] = frozenset()) -> str:
    """The cue that puts a fact in the past, or ""."""
    return _find(before_window(before, cues), cues.preceding_history, ignore) or _find(
        after_window(after, cues), cues.following_history, ignore
    )
