"""Find crosswalk note terms in free text (appointment notes, problem names), with their context and exclusions.

The terms are found by a blank English spaCy pipeline (no model download):

    tokenizer -> span_ruler (terms) -> span_ruler (exclusions) -> sentencizer

- The term ruler is built from `flag_note_terms.yaml`; every match is a span labelled with its term
  id. A span ruler (not an entity ruler) is used so that overlapping wording of *different*
  categories can both match ("dentigerous cyst" is impacted and pathology); within one category the
  longest match wins.
- Whether a term is the patient's current finding is read by crosswalks.clinical.context, the same
  ConText machinery and cue rules (crosswalks/data/clinical_text.yaml) the documents are read with:
  a negated term ("NO COMPLAINT OF JAW PAIN") is "negated"; one spoken of as family, past and
  resolved, planned or asked about ("hx of fractured #8, healed", "asks about a snoring appliance
  for her husband") is "not_current". Wording that itself holds a cue ("can't tolerate CPAP") is
  not undone by its own cue: the shared pipeline drops cues inside a term.
- Exclusions ("while eating" for trauma) cancel a term of their category in the same clause
  (sentence split at , ; :), with scope "sentence" anywhere in the sentence, or, with scope
  "overlap", only a term they overlap.

Negated, not-current and excluded matches are returned too (with the cue), so a reviewer can see
why nothing fired. Build the analyzer once (`get_analyzer`); results are cached per text.
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Literal

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from crosswalks.clinical.context import DENYING_CONTEXTS, read_contexts
from crosswalks.clinical.sentences import cut_snippet
from crosswalks.loader import Crosswalk, NoteExclusion, NoteTerm

TERMS_KEY = "medlane_terms"
EXCLUSIONS_KEY = "medlane_exclusions"
CONCEPTS_KEY = "medlane_concepts"
ACTIVE_CONTEXTS = frozenset({"present", "postoperative", "suspected"})  # contexts in which a term speaks for the visit
# A term made of concepts (`all_of`) holds when they stand this many tokens apart at most, in one sentence.
CONCEPT_REACH = 24
SNIPPET_MAX = 160  # a flag's note is read at a glance: shorter than a document's snippet
CLAUSE_BREAKS = {",", ";", ":"}

MatchStatus = Literal["active", "negated", "not_current", "excluded"]


@dataclass(frozen=True)
class NoteMatch:
    """One term found in a text. `text`/`snippet` are the words as written."""

    term: NoteTerm
    text: str  # the matched words
    snippet: str  # the sentence around them (trimmed)
    start: int  # character offsets in the analysed text
    end: int
    status: MatchStatus = "active"
    cue: str = ""  # the context cue or the exclusion words
    exclusion: NoteExclusion | None = None
    context: str = "present"  # crosswalks.clinical.context.CONTEXTS

    @property
    def category(self) -> str:
        return self.term.category

    @property
    def rule_id(self) -> str:
        return self.term.id

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def reason(self) -> str:
        if self.status == "negated":
            return f'negated by "{self.cue}"'
        if self.status == "not_current":
            return f'{self.context.replace("_", " ")} ("{self.cue}")' if self.cue else self.context
        if self.status == "excluded" and self.exclusion is not None:
            return f'excluded by "{self.cue}" ({self.exclusion.label})'
        return ""


# ------------------------------------------------------------------------------------ text


def normalize_text(text: str) -> tuple[str, list[int]]:
    """Text the pipeline reads, plus for each of its characters the offset in the original.

    Line breaks end a sentence (unless the line already ends in punctuation), hyphens between
    words become spaces (as in the patterns), and a space is put after , and ; that lack one.
    """
    out: list[str] = []
    index: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in "\r\n":
            j = i + 2 if text.startswith("\r\n", i) else i + 1
            last = next((c for c in reversed(out) if not c.isspace()), "")
            if last and last not in ".!?;:,":
                out.append(".")
                index.append(i)
            out.append(" ")
            index.append(i)
            i = j
            continue
        if ch == "-" and 0 < i < n - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            out.append(" ")
            index.append(i)
        elif ch in ",;" and i < n - 1 and not text[i + 1].isspace():
            out.append(ch)
            index.append(i)
            out.append(" ")
            index.append(i)
        else:
            out.append(ch)
            index.append(i)
        i += 1
    return "".join(out), index


# ------------------------------------------------------------------------------------ pipeline


def _ruler_patterns(nlp: Language, label: str, patterns: tuple[str, ...]) -> list[dict]:
    out: list[dict] = []
    for pattern in patterns:
        if pattern.startswith("="):
            tokens = [{"ORTH": tok.text} for tok in nlp.make_doc(pattern[1:])]
            out.append({"label": label, "pattern": tokens})
        else:
            out.append({"label": label, "pattern": pattern})
    return out


def build_pipeline(crosswalk: Crosswalk) -> Language:
    """The spaCy pipeline for `crosswalk` (slow: about a second; use `get_analyzer`)."""
    nlp = spacy.blank("en")
    ruler_config = {"phrase_matcher_attr": "LOWER", "validate": False, "overwrite": True}
    terms = nlp.add_pipe("span_ruler", name="medlane_terms", config={"spans_key": TERMS_KEY, **ruler_config})
    term_patterns: list[dict] = []
    for term in crosswalk.note_terms:
        term_patterns.extend(_ruler_patterns(nlp, term.id, term.patterns))
    terms.add_patterns(term_patterns)
    if crosswalk.note_concepts:
        concepts = nlp.add_pipe(
            "span_ruler", name="medlane_concepts", config={"spans_key": CONCEPTS_KEY, **ruler_config})
        concepts.add_patterns([pattern for name, patterns in crosswalk.note_concepts
                               for pattern in _ruler_patterns(nlp, name, patterns)])
    excl = nlp.add_pipe(
        "span_ruler", name="medlane_exclusions", config={"spans_key": EXCLUSIONS_KEY, **ruler_config}
    )
    excl_patterns: list[dict] = []
    for exclusion in crosswalk.note_exclusions:
        excl_patterns.extend(_ruler_patterns(nlp, exclusion.id, exclusion.patterns))
    if excl_patterns:
        excl.add_patterns(excl_patterns)
    nlp.add_pipe("sentencizer")
    return nlp


class NoteAnalyzer:
    """Finds the crosswalk's note terms in a text. Thread-safe for reading; results cached per text."""

    def __init__(self, crosswalk: Crosswalk, cache_size: int = 4096):
        self.crosswalk = crosswalk
        self.nlp = build_pipeline(crosswalk)
        self._terms = {t.id: t for t in crosswalk.note_terms}
        self._exclusions = {x.id: x for x in crosswalk.note_exclusions}
        self._combined_terms = tuple(t for t in crosswalk.note_terms if t.all_of)
        self.analyze = functools.lru_cache(maxsize=cache_size)(self._analyze)  # type: ignore[method-assign]

    def analyze(self, text: str) -> tuple[NoteMatch, ...]:  # replaced by the cached version in __init__
        return self._analyze(text)

    def _analyze(self, text: str) -> tuple[NoteMatch, ...]:
        if not text or not text.strip():
            return ()
        norm, index = normalize_text(text)
        doc = self.nlp(norm)
        spans = self._longest_per_category(doc)
        if not spans:
            return ()
        clause = self._clauses(doc)
        exclusions = list(doc.spans[EXCLUSIONS_KEY])
        contexts = read_contexts(norm, [(span.start_char, span.end_char) for span in spans])
        out: list[NoteMatch] = []
        seen: set[tuple[str, int, int]] = set()
        for span, found in zip(spans, contexts):
            term = self._terms[span.label_]
            key = (term.id, span.start_char, span.end_char)
            if key in seen:
                continue
            seen.add(key)
            status: MatchStatus = "active"
            cue, excluded_by = "", None
            # A visit in the course after a surgery ("post-op check after BSSO") is still about it.
            if not found.present and found.context not in ACTIVE_CONTEXTS:
                status = "negated" if found.context in DENYING_CONTEXTS else "not_current"
                cue = found.cue
            if status == "active":
                hit = self._exclusion_for(term, span, exclusions, clause)
                if hit is not None:
                    status, excluded_by, cue = "excluded", self._exclusions[hit.label_], hit.text
            out.append(
                NoteMatch(
                    term=term,
                    text=_original(text, index, span.start_char, span.end_char),
                    snippet=_snippet(text, index, span),
                    start=index[span.start_char],
                    end=index[span.end_char - 1] + 1,
                    status=status,
                    cue=cue,
                    exclusion=excluded_by,
                    context=found.context,
                )
            )
        out.sort(key=lambda m: (m.start, m.term.category, m.term.id))
        return tuple(out)

    # -- helpers

    def _combined(self, doc: Doc) -> list[Span]:
        """The terms made of concepts: each of a term's concepts in one sentence, in any order, within
        CONCEPT_REACH tokens ("the ENT wants a pano", "pano per ENT request"), spanning all of them."""
        if not self._combined_terms or CONCEPTS_KEY not in doc.spans:
            return []
        by_sentence: dict[int, dict[str, list[Span]]] = {}
        in_note: dict[str, list[Span]] = {}
        for span in doc.spans[CONCEPTS_KEY]:
            by_sentence.setdefault(span.sent.start, {}).setdefault(span.label_, []).append(span)
            in_note.setdefault(span.label_, []).append(span)
        out: list[Span] = []
        candidates: list[tuple[Span, list[Span]]] = []
        for term in self._combined_terms:
            if term.within == "note":
                out.extend(self._combined_in_note(doc, term, in_note))
                continue
            for found in by_sentence.values():
                if not all(name in found for name in term.all_of):
                    continue
                parts = [found[name][0] for name in term.all_of]
                start, end = min(part.start for part in parts), max(part.end for part in parts)
                if end - start <= CONCEPT_REACH:
                    candidates.append((Span(doc, start, end, label=term.id), parts))
        # The span joins its concepts with the words between them, whose cues are then inside it: each concept
        # must stand undenied on its own ("pano reviewed: no radiolucency" asks no medical question).
        parts = [part for _, spans in candidates for part in spans]
        contexts = iter(read_contexts(doc.text, [(part.start_char, part.end_char) for part in parts]))
        for span, spans in candidates:
            found = [next(contexts).context for _ in spans]  # every part's, to keep the rest aligned
            if not set(found) & DENYING_CONTEXTS:
                out.append(span)
        return out

    @staticmethod
    def _combined_in_note(doc: Doc, term: NoteTerm, in_note: dict[str, list[Span]]) -> list[Span]:
        """A note-wide term: its first concept, when each other one is somewhere in the note and not denied."""
        if not all(name in in_note for name in term.all_of):
            return []
        others = [span for name in term.all_of[1:] for span in in_note[name]]
        contexts = read_contexts(doc.text, [(span.start_char, span.end_char) for span in others])
        affirmed = {span.label_ for span, found in zip(others, contexts) if found.context not in (*DENYING_CONTEXTS, "family")}
        if not set(term.all_of[1:]) <= affirmed:
            return []
        anchor = in_note[term.all_of[0]][0]
        return [Span(doc, anchor.start, anchor.end, label=term.id)]

    def _longest_per_category(self, doc: Doc) -> list[Span]:
        """Within a category keep the longest of overlapping matches (first one on ties)."""
        by_cat: dict[str, list[Span]] = {}
        for span in list(doc.spans[TERMS_KEY]) + self._combined(doc):
            by_cat.setdefault(self._terms[span.label_].category, []).append(span)
        kept: list[Span] = []
        for spans in by_cat.values():
            taken: list[Span] = []
            # longest first; of equal ones the specific term (it may flag alone), then the first found
            for span in sorted(spans, key=lambda s: (-(s.end - s.start), self._terms[s.label_].level != "specific",
                                                     s.start)):
                if all(span.end <= t.start or span.start >= t.end for t in taken):
                    taken.append(span)
            kept.extend(taken)
        return kept

    @staticmethod
    def _clauses(doc: Doc) -> list[int]:
        ids: list[int] = []
        current = 0
        for tok in doc:
            if tok.is_sent_start and tok.i > 0:
                current += 1
            ids.append(current)
            if tok.text in CLAUSE_BREAKS:
                current += 1
        return ids

    def _exclusion_for(self, term: NoteTerm, span: Span, exclusions: list[Span], clause: list[int]) -> Span | None:
        """The (longest) exclusion that cancels `span`, or None."""
        for hit in sorted(exclusions, key=lambda h: (-(h.end - h.start), h.start)):
            exclusion = self._exclusions[hit.label_]
            if exclusion.category != term.category:
                continue
            if exclusion.terms and term.id not in exclusion.terms:
                continue
            inside = span.start <= hit.start and hit.end <= span.end
            if inside and (hit.start, hit.end) != (span.start, span.end) and not term.all_of:
                continue  # the term is the more specific wording ("not tolerating cpap")
            overlaps = hit.start < span.end and span.start < hit.end
            if exclusion.scope == "overlap":
                if overlaps:
                    return hit
            elif exclusion.scope == "sentence":
                if overlaps or hit.sent.start == span.sent.start:
                    return hit
            elif overlaps or clause[hit.start] == clause[span.start] or clause[hit.end - 1] == clause[span.end - 1]:
                return hit
        return None


def _original(text: str, index: list[int], start: int, end: int) -> str:
    return text[index[start] : index[end - 1] + 1]


def _snippet(text: str, index: list[int], span: Span) -> str:
    """The sentence around the span as written, cut to SNIPPET_MAX (the analysed text maps back through `index`)."""
    sent = span.sent
    return cut_snippet(text, index[span.start_char], index[span.end_char - 1] + 1,
                       bounds=(index[sent.start_char], index[sent.end_char - 1] + 1), max_chars=SNIPPET_MAX)


# ------------------------------------------------------------------------------------ singleton

_ANALYZERS: dict[int, tuple[Crosswalk, NoteAnalyzer]] = {}
_LOCK = threading.Lock()


def get_analyzer(crosswalk: Crosswalk) -> NoteAnalyzer:
    """The analyzer for `crosswalk`, built on first use and kept for the life of the process."""
    key = id(crosswalk)
    found = _ANALYZERS.get(key)
    if found is not None and found[0] is crosswalk:
        return found[1]
    with _LOCK:
        found = _ANALYZERS.get(key)
        if found is None or found[0] is not crosswalk:
            found = (crosswalk, NoteAnalyzer(crosswalk))
            _ANALYZERS[key] = found
        return found[1]
