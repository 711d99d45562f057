"""Is a fact denied, or spoken of as past? NegEx-style scope over the words around it.

The cue lists are negspacy's "en_clinical" termset (the NegEx lists clinical NLP uses) plus
the cues in patterns.yaml. The scope is the one NegEx uses, narrowed as plugin/flagger does
for notes: a preceding cue counts within `window_before` words before the fact, in the same
sentence, and not across a termination cue ("denies fever but reports swelling"); a following
cue ("clicking: none") within `window_after` words after it, not across a comma. Pseudo-negations
("no further", "without relief") are removed before looking, so they negate nothing. Words of
the match itself never count: "unable to tolerate CPAP" is intolerance, not its denial.
A cue further back still reaches a fact that ends a coordinated list it heads ("negative for
hypertension, heart disease and stroke"; "has not tried a splint, medication or physical therapy"):
short items joined by commas, "and", "or", "nor", with no verb of a new clause between.

negspacy's own component negates spaCy entities, which cannot overlap; facts do overlap
("failed CPAP" is a trial and an intolerance), so the scope is computed here on plain words.
"""
from __future__ import annotations

import dataclasses

import functools
import re

from negspacy.termsets import termset

from docservice.facts.patterns import Scope

WORD = re.compile(r"[a-z0-9]+(?:['’/][a-z0-9]+)*|[,;:()]", re.IGNORECASE)
LIST_SEPARATORS = frozenset({",", "and", "or", "nor"})
# Words that start a new clause: past them, a list is over ("no caries noted, tooth fractured and mobile").
CLAUSE_WORDS = frozenset({
    "is", "was", "were", "are", "has", "have", "had", "noted", "seen", "found", "shows", "showed", "present",
    "reports", "reported", "states", "stated", "but", "|", ":", "(", ")", "which", "who", "that",
})
ITEM_OPENERS = frozenset({"a", "an", "the", "any", "his", "her", "their", "other"})
LIST_ITEM_WORDS = 4  # words in one item of a list ("tried a splint", "shortness of breath")
LIST_REACH = 24  # words between the cue and the last item


# The merged cue lists have the same shape as the pattern file's scope section: one type serves both.
Cues = Scope


@functools.cache
def _english_clinical() -> dict[str, tuple[str, ...]]:
    return {key: tuple(cue.lower() for cue in cues) for key, cues in termset("en_clinical").get_patterns().items()}


def build_cues(scope: Scope) -> Cues:
    """The merged cue lists, longest first (so "not been ruled out" is seen before "ruled out")."""
    base = _english_clinical()

    def merged(*lists) -> tuple[str, ...]:
        seen = {" ".join(WORD.findall(cue)) for cues in lists for cue in cues}
        return tuple(sorted((cue for cue in seen if cue), key=len, reverse=True))

    return dataclasses.replace(
        scope,
        preceding_negations=merged(base["preceding_negations"], scope.preceding_negations),
        following_negations=merged(base["following_negations"], scope.following_negations),
        pseudo_negations=merged(base["pseudo_negations"], scope.pseudo_negations),
        preceding_history=merged(scope.preceding_history),
        following_history=merged(scope.following_history),
        termination=merged(base["termination"], scope.termination),
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


def _after_termination(before: str, cues: Cues) -> list[str]:
    """The words before a fact after the last termination cue or semicolon."""
    tokens = words(before)
    padded = f" {' '.join(tokens)} "
    cut = 0
    for cue in cues.termination + (";",):
        at = padded.rfind(f" {cue} ")
        if at >= 0:
            cut = max(cut, len(padded[:at + len(cue) + 2].split()))
    return tokens[cut:]


def before_window(before: str, cues: Cues) -> str:
    """The words a preceding cue may stand in: after the last termination cue or semicolon, at most N words."""
    kept = _after_termination(before, cues)[-cues.window_before:]
    return _strip_pseudo(" ".join(kept), cues)


def _is_list_gap(gap: list[str]) -> bool:
    """Whether the words between a cue and a fact are the earlier items of a list the fact ends."""
    while gap and gap[-1] in ITEM_OPENERS:  # "... or a soft diet": the last item's article
        gap = gap[:-1]
    if not gap or gap[-1] not in LIST_SEPARATORS or len(gap) > LIST_REACH:
        return False
    items: list[list[str]] = [[]]
    for token in gap:
        if token in CLAUSE_WORDS:
            return False
        if token in LIST_SEPARATORS:
            items.append([])
        else:
            items[-1].append(token)
    return all(len(item) <= LIST_ITEM_WORDS for item in items)


def list_cue(before: str, cue_list: tuple[str, ...], cues: Cues, ignore: frozenset[str] = frozenset()) -> str:
    """A cue heading the coordinated list whose last item the fact is, or ""."""
    tokens = _strip_pseudo(" ".join(_after_termination(before, cues)), cues).split()
    padded = f" {' '.join(tokens)} "
    best, best_end = "", -1
    for cue in cue_list:
        at = padded.rfind(f" {cue} ")
        if cue in ignore or at < 0:
            continue
        end = len(padded[:at + len(cue) + 2].split())
        if end > best_end:
            best, best_end = cue, end
    return best if best and _is_list_gap(tokens[best_end:]) else ""


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
    return (
        _find(before_window(before, cues), cues.preceding_negations)
        or _find(after_window(after, cues), cues.following_negations)
        or list_cue(before, cues.preceding_negations, cues)
    )


def history_cue(before: str, after: str, cues: Cues, *, ignore: frozenset[str] = frozenset()) -> str:
    """The cue that puts a fact in the past, or ""."""
    return (
        _find(before_window(before, cues), cues.preceding_history, ignore)
        or _find(after_window(after, cues), cues.following_history, ignore)
        or list_cue(before, cues.preceding_history, cues, ignore)
    )
