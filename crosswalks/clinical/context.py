"""Whether a finding in clinical text is the patient's own, current and affirmed, and where it stands.

One pipeline for the flagger's notes and the documents' pages: medspaCy's ConText over the
spans a caller found (a fact's words, a note term), and medspaCy's sectionizer for the section
each span stands in, both with the cue phrases and headings of crosswalks/data/clinical_text.yaml.
Only the context is decided here; what a span means (a fact, a category) is the caller's.

Contexts (`CONTEXTS`): present, negated, narrowed, historical, family, hypothetical (planned, if,
asked about), suspected (r/o, probable), resolved, postoperative. A finding's own cue wins over its
section's ("FHx: denies OSA" is negated, "FHx: OSA" is family). "narrowed" is a denial of a narrower
finding than the one named ("no severe OSA", "no facial swelling", "no pain at rest"): the note denies
that much, but it never contradicts the finding stated elsewhere.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswalks.clinical.rules import load_clinical_rules
from crosswalks.clinical.sentences import Sentences, split_sentences

if TYPE_CHECKING:
    # spaCy and medspaCy (which drags in quickumls and nltk) cost seconds to import, so they are
    # imported when the pipeline is built: a `medlane` command or worker that reads no text
    # (settings, users, export of stored facts) does not pay for them.
    from medspacy.context import ConTextRule
    from spacy.language import Language
    from spacy.tokens import Doc, Span

CONTEXTS = ("present", "negated", "narrowed", "historical", "family", "hypothetical", "suspected", "resolved",
            "postoperative")
DENYING_CONTEXTS = frozenset({"negated", "narrowed"})  # the text denies the finding, wholly or a narrower one
NARROWING_REACH = 2  # words before a finding's own words where a grade or site narrows it
NARROWING_REACH_AFTER = 4  # words after them where a circumstance or time narrows it ("at rest", "today")
SPAN_GROUP = "medlane"
# A heading is its words followed by a colon, or standing alone before a line break ("IMPRESSION\n").
HEADING_ENDS = ([{"ORTH": ":"}], [{"IS_SPACE": True, "TEXT": {"REGEX": "\n"}}])


@dataclass(frozen=True)
class SpanContext:
    """How the text speaks of one span: its context, the cue words that decided it, its section."""

    context: str = "present"
    cue: str = ""
    section: str = ""

    @property
    def present(self) -> bool:
        return self.context == "present"


@dataclass(frozen=True)
class _Meaning:
    contexts: dict[str, str]  # ConText category -> our context, strongest first
    section_contexts: dict[str, str]


@functools.cache
def _meaning() -> _Meaning:
    rules = load_clinical_rules()
    return _Meaning(dict(rules["context"]["contexts"]), dict(rules["sections"]["contexts"]))


@functools.cache
def _narrowing(key: str = "narrowing") -> re.Pattern:
    phrases = load_clinical_rules()["context"].get(key) or []
    alternatives = "|".join(re.escape(phrase).replace(r"\ ", r"\s+")
                            for phrase in sorted(phrases, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def is_narrowed(text: str, start: int, end: int) -> bool:
    """Whether a grade, site, circumstance or time narrows the finding text[start:end]: in its own words
    ("facial swelling"), in the NARROWING_REACH words before them on the same line ("moderate or severe
    OSA"), or in the NARROWING_REACH_AFTER words after them in the same clause ("pain at rest")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = re.findall(r"[\w-]+", text[line_start:start])
    before = [word for word in before if word.lower() not in ("or", "and")][-NARROWING_REACH:]
    if _narrowing().search(text[start:end]) or any(_narrowing().fullmatch(word) for word in before):
        return True
    clause = re.split(r"[.;,:\n]", text[end:end + 80], maxsplit=1)[0]
    after = " ".join(re.findall(r"[\w-]+", clause)[:NARROWING_REACH_AFTER])
    return bool(_narrowing("narrowing_after").search(after))


@functools.cache
def build_context_pipeline() -> Language:
    """The spaCy pipeline (blank English tokenizer, ConText, sectionizer) with MedLane's rules; built once."""
    import spacy
    from medspacy.context import ConTextRule
    from medspacy.section_detection import SectionRule

    rules = load_clinical_rules()
    nlp = spacy.blank("en")
    # A cue inside the span read is part of its wording, not its context ("can't tolerate CPAP"):
    # medspaCy never lets a cue modify a span it overlaps.
    context = nlp.add_pipe("medspacy_context", config={
        "rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP, "span_attrs": None})
    dropped = {literal.lower() for literal in rules["context"]["drop_default"]}
    context.add([rule for rule in map(functools.partial(_without_words, dropped=dropped),
                                      ConTextRule.from_json(context.DEFAULT_RULES_FILEPATH)) if rule is not None])
    context.add([
        ConTextRule(entry, category, direction=direction) if isinstance(entry, str)
        else ConTextRule(entry["literal"], category, pattern=entry.get("pattern"), direction=direction,
                         max_scope=entry.get("max_scope"))
        for category, directions in rules["context"]["rules"].items()
        for direction, entries in directions.items()
        for entry in entries
    ])
    # A heading starts its line: "reviewed medical history\n" at the end of a sentence heads nothing.
    sectionizer = nlp.add_pipe("medspacy_sectionizer", config={
        "rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP, "span_attrs": None,
        "require_start_line": True})
    sectionizer.add([
        SectionRule(heading, category, pattern=[{"LOWER": word.lower_} for word in nlp.make_doc(heading)] + end)
        for category, headings in rules["sections"]["headings"].items()
        for heading in headings
        for end in HEADING_ENDS
    ])
    return nlp


def _without_words(rule: ConTextRule, *, dropped: set[str]) -> ConTextRule | None:
    """A medspaCy default rule without the cue words we drop (None when nothing of it is left)."""
    from medspacy.context import ConTextRule

    if rule.literal.lower() in dropped:
        return None
    if not isinstance(rule.pattern, list):
        return rule
    pattern = [_token_without(token, dropped) for token in rule.pattern]
    if pattern == rule.pattern:
        return rule
    return ConTextRule(rule.literal, rule.category, pattern=pattern, direction=rule.direction,
                       max_scope=rule.max_scope, allowed_types=rule.allowed_types, excluded_types=rule.excluded_types)


def _token_without(token: dict, dropped: set[str]) -> dict:
    choices = token.get("LOWER", {}).get("IN") if isinstance(token.get("LOWER"), dict) else None
    if not choices:
        return token
    return {**token, "LOWER": {**token["LOWER"], "IN": [word for word in choices if word.lower() not in dropped]}}


def read_contexts(text: str, spans: Sequence[tuple[int, int]]) -> list[SpanContext]:
    """The context of each (start, end) character span of `text`, in the order given."""
    if not spans:
        return []
    nlp = build_context_pipeline()
    sentences = split_sentences(text)
    doc = _sentenced_doc(nlp, text, sentences)
    found: list[Span | None] = [doc.char_span(start, end, alignment_mode="expand") if end > start else None
                                for start, end in spans]
    unique = {(span.start, span.end): span for span in found if span is not None and len(span)}
    doc.spans[SPAN_GROUP] = list(unique.values())
    for _, component in nlp.pipeline:
        doc = component(doc)
    pseudo = [modifier.modifier_span for modifier in doc._.context_graph.modifiers if modifier.category == "PSEUDO"]
    read = {(span.start, span.end): _narrowed(_context_of(doc, span, pseudo, sentences), text, span)
            for span in doc.spans[SPAN_GROUP]}
    return [read.get((span.start, span.end), SpanContext()) if span is not None else SpanContext() for span in found]


def _narrowed(found: SpanContext, text: str, span: Span) -> SpanContext:
    """A denial of a narrower finding than the span names is "narrowed", not "negated"."""
    if found.context != "negated" or not is_narrowed(text, span.start_char, span.end_char):
        return found
    return SpanContext("narrowed", found.cue, found.section)


def _sentenced_doc(nlp: Language, text: str, sentences: Sentences | None = None) -> Doc:
    """The tokens of `text` with the sentence starts of crosswalks.clinical.sentences (built for OCR line breaks)."""
    doc = nlp.make_doc(text)
    starts = set((sentences or split_sentences(text)).starts)
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts or (
            doc[token.i - 1].is_space and doc[token.i - 1].idx + len(doc[token.i - 1].text) in starts)
    return doc


def _context_of(doc: Doc, span: Span, pseudo: list[tuple[int, int]], sentences: Sentences) -> SpanContext:
    """The strongest context of `span`'s cues, else its section's. A cue inside a pseudo-cue is
    none ("history of" in "two-month history of", "no" in "no change")."""
    meaning = _meaning()
    section = _section_of(doc, span, sentences)
    # A cue inside the span is part of its wording ("could not sleep with" in a CPAP failure), not its context.
    categories = {modifier.category: modifier for modifier in span._.modifiers
                  if not any(start < modifier.modifier_span[1] and modifier.modifier_span[0] < end
                             for start, end in pseudo)
                  and not (span.start <= modifier.modifier_span[0] and modifier.modifier_span[1] <= span.end)}
    for category, context in meaning.contexts.items():
        if category in categories:
            start, end = categories[category].modifier_span
            return SpanContext(context, doc[start:end].text, section)
    if section in meaning.section_contexts:
        return SpanContext(meaning.section_contexts[section], section.replace("_", " "), section)
    return SpanContext("present", "", section)


def _section_of(doc: Doc, span: Span, sentences: Sentences) -> str:
    """The section category of `span`.

    A heading alone on its line ("PAST MEDICAL HISTORY:") heads the lines below it, up to the next
    heading. A heading with its content on the same line ("PMH: HTN, DM2.") is a field: it heads
    only its own sentence, so the next labelled line or sentence is not swallowed by it.
    """
    section = span._.section
    if section is None or not section.category:
        return ""
    last = next(token for token in reversed(doc[section.title_start:section.title_end]) if not token.is_space)
    title_end = last.idx + len(last.text)
    line_end = doc.text.find("\n", title_end)
    line_end = len(doc.text) if line_end < 0 else line_end
    inline = bool(doc.text[title_end:line_end].strip())
    # Sentences by offset (bisect), not spaCy's span.sent, which walks the document each time.
    same_sentence = sentences.around(span.start_char) == sentences.around(doc[section.title_start].idx)
    if inline and (span.start_char > line_end or not same_sentence):
        return ""
    return section.category
