"""How the flagger reads a note or a problem's name: spelling first, then the crosswalk's terms in context.

`NoteReader.read(text)` lowers shouted lines and undoes typing slips (`spelling.Speller`), then finds
the note terms with `notes.NoteAnalyzer` (context: negated, not current; exclusions), and also the
wording of a follow-up visit ("f/u", "recheck #8") and of a routine one ("recall", "prophy"), which
are no category's evidence but tell the engine what kind of visit it is. Each match carries the words
as the office wrote them, for the reviewer.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import threading
from dataclasses import dataclass

from crosswalks.clinical.rules import clinical_abbreviations, context_cue_phrases
from crosswalks.loader import FOLLOWUP, ROUTINE, Crosswalk
from plugin.flagger.notes import NoteAnalyzer, NoteMatch, get_analyzer
from plugin.flagger.spelling import Speller, vocabulary_of

VISIT_KINDS = (FOLLOWUP, ROUTINE)  # pseudo-categories of wording about the visit itself


@dataclass(frozen=True)
class ReadMatch:
    match: NoteMatch
    written: str  # the matched words as the office wrote them ("APNIA" where the match says "apnea")

    @property
    def category(self) -> str:
        return self.match.category

    @property
    def active(self) -> bool:
        return self.match.active


class NoteReader:
    """Spelling plus term matching over one crosswalk. Build once per crosswalk (`reader_for`)."""

    def __init__(self, crosswalk: Crosswalk, analyzer: NoteAnalyzer | None = None) -> None:
        self.crosswalk = crosswalk
        self.analyzer = analyzer or get_analyzer(reading_crosswalk(crosswalk))
        self.speller = speller_for(crosswalk)
        self.read = functools.lru_cache(maxsize=8192)(self._read)  # type: ignore[method-assign]

    def read(self, text: str) -> tuple[ReadMatch, ...]:  # replaced by the cached version in __init__
        return self._read(text)

    def _read(self, text: str) -> tuple[ReadMatch, ...]:
        if not text or not text.strip():
            return ()
        read = self.speller.read(text)
        out = []
        for match in self.analyzer.analyze(read.text):
            start, end = read.original_span(match.start, match.end)
            out.append(ReadMatch(match=match, written=text[start:end] if read.text != text else match.text))
        return tuple(out)


def reading_crosswalk(crosswalk: Crosswalk) -> Crosswalk:
    """The crosswalk whose terms the analyzer looks for: the category terms plus the visit wording.

    One object per crosswalk, so the analyzer (built once per crosswalk object) is shared."""
    with _LOCK:
        held = _READING.get(id(crosswalk))
        if held is None or held[0] is not crosswalk:
            terms = crosswalk.note_terms + crosswalk.followup.terms + crosswalk.routine_terms
            held = (crosswalk, dataclasses.replace(crosswalk, note_terms=terms))
            _READING[id(crosswalk)] = held
        return held[1]


def speller_for(crosswalk: Crosswalk) -> Speller:
    """Corrects towards the words of the terms (category, follow-up, routine); never touches a word of
    any pattern, of the shared context cues (crosswalks/data/clinical_text.yaml), nor the crosswalk's
    `spelling.keep`."""
    with _LOCK:
        held = _SPELLERS.get(id(crosswalk))
        if held is None or held[0] is not crosswalk:
            terms = crosswalk.note_terms + crosswalk.followup.terms + crosswalk.routine_terms
            targets = vocabulary_of(p for t in terms for p in t.patterns)
            others = vocabulary_of(
                [p for x in crosswalk.note_exclusions for p in x.patterns] + list(context_cue_phrases())
            )
            held = (crosswalk, Speller(targets, keep=others | crosswalk.spelling_keep,
                                       abbreviations=abbreviations_for(terms, crosswalk)))
            _SPELLERS[id(crosswalk)] = held
        return held[1]


def abbreviations_for(terms, crosswalk: Crosswalk) -> dict[str, str]:
    """The shared short forms (clinical_text.yaml `abbreviations`) the terms, concepts and exclusions do not
    use as written."""
    patterns = [pattern for term in terms for pattern in term.patterns]
    patterns += [pattern for x in crosswalk.note_exclusions for pattern in x.patterns]
    patterns += [pattern for _, concept in crosswalk.note_concepts for pattern in concept]
    written = {word.lower() for pattern in patterns for word in _LETTERS.findall(pattern)}
    return {short: long for short, long in clinical_abbreviations().items() if short.lower() not in written}


_LETTERS = re.compile(r"[A-Za-z]+")
_LOCK = threading.Lock()
_READING: dict[int, tuple[Crosswalk, Crosswalk]] = {}
_SPELLERS: dict[int, tuple[Crosswalk, Speller]] = {}
