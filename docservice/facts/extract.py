"""Read facts from one text: run every rule of patterns.yaml, turn matches into values, mark scope.

`extract_text_facts` is a pure function over a string; storing is docservice/facts/store.py.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from crosswalks.clinical.context import DENYING_CONTEXTS, SpanContext, read_contexts
from crosswalks.clinical.dates import parse_date
from crosswalks.clinical.layout import compose, preferred_cell, tidy_leaders
from crosswalks.clinical.numbers import Rewritten, spell_numbers_as_digits
from crosswalks.clinical.people import credential_pattern
from crosswalks.clinical.sentences import Sentences, clean, cut_snippet, split_sentences
from crosswalks.clinical.teeth import teeth_in
from docservice.facts import values
from docservice.facts.patterns import Pattern, Patterns, Rule, Where, load_patterns

NOT_BEFORE_CHARS = 60
NPI_NEARBY = re.compile(r"NPI(?:\s*(?:#|No\.?|number))?\s*[:#]?\s*(\d{10})(?!\d)", re.IGNORECASE)
NPI_REACH = 160  # characters after a name where its NPI may stand (same block of a letterhead)
NOT_A_NAME = re.compile(
    r"^(?:NPI|Date|Phone|Fax|Address|Name|Signature|Signed|Title|Patient|Provider|Physician|Report|Page|Study|None|N/A|Unknown)$",
    re.IGNORECASE,
)
# A word that ends a name: a credential (in capitals only, the one list) or a label that follows a name.
NAME_STOP = re.compile(rf"^(?:{credential_pattern()}|NPI|Board|Date|On|At|Phone|Fax)$", re.IGNORECASE)
LINE_BREAK_PENALTY = 0.9  # a match spread over lines is more likely an OCR accident
# ...except where a value is a block of lines by nature (a report section; a name with its NPI below)
WHOLE_BLOCK_KINDS = frozenset({"text", "person", "referral", "signer"})
OUT_OF_CONTEXT_PENALTY = 0.7
SUMMED_CONFIDENCE = 0.75  # a total added up from a table's rows, not written as one
TEXT_MAX = 500
FUTURE_SLACK = timedelta(days=31)  # a recorded date this far after the text's own date is misread
UNKNOWN_KINDS = frozenset({None, "", "other"})  # documents the classifier could not name
HEAD_LINES = 8  # the head of a document: letterhead, title and first header fields
HEAD_CHARS = 700


@dataclass(frozen=True)
class ExtractedFact:
    """A fact as read from text, before it is stored (`Fact` rows have the same fields)."""

    name: str
    value: object
    display: str
    snippet: str
    start: int
    end: int
    page: int | None = None
    negated: bool = False
    historical: bool = False  # any context but present and negated: past, family, planned, resolved, post-op
    confidence: float = 0.9
    source: str = "document"
    cue: str = ""  # the words that decided its context, for a reviewer
    context: str = "present"  # crosswalks.clinical.context.CONTEXTS
    section: str = ""  # the section of the document it was read in
    # Read from wording that records an act as done, dated by the text ("Seated the appliance"):
    # "not seated" or "will seat" undo it, as they would a condition.
    recorded_act: bool = False

    @property
    def present(self) -> bool:
        return self.context == "present"


@dataclass
class _Reading:
    """One text being read: what every rule needs, computed once."""

    text: str  # the text as rules read it: numbers written in words already digits
    sentences: Sentences
    reference_date: date | None
    patterns: Patterns
    kind: str | None = None
    head: str = ""
    taken: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def reads(self, where: Where) -> bool:
        """Whether a rule or pattern restricted to some documents reads this one."""
        if where.anywhere:
            return True
        if self.kind in where.skip_kinds:
            return False
        if not (where.kinds or where.header or where.document):
            return True
        if where.document is not None and not where.document.search(self.text):
            return False
        if where.kinds and self.kind in where.kinds:
            return True
        if where.header is not None and (not where.kinds or self.kind in UNKNOWN_KINDS):
            return bool(where.header.search(self.head))
        return not where.kinds and where.header is None


def document_head(text: str) -> str:
    """The first lines of a document (letterhead, title, header fields), where its kind shows."""
    return "\n".join(text.strip().splitlines()[:HEAD_LINES])[:HEAD_CHARS]


def extract_text_facts(
    text: str,
    *,
    page: int | None = None,
    reference_date: date | None = None,
    source: str = "document",
    kind: str | None = None,
    head: str | None = None,
) -> list[ExtractedFact]:
    """Every fact the patterns find in `text`, in reading order.

    `page` (1-based) is copied onto each fact. `reference_date` (the date the text was written)
    lets "since January" become a number of days; without it such wording is skipped.
    `kind` is the document's kind (Document.kind; None when unknown) and `head` the first lines of
    its first page (default: of `text`): rules of patterns.yaml may read only some documents (an
    IMPRESSION is a radiology impression only in a radiology report; an Rx's own date is its order date).
    """
    if not text or not text.strip():
        return []
    # Layout first, then wording: "AHI ........ 18.2" reads as "AHI: 18.2", "twenty-two" as "22".
    tidied = tidy_leaders(text)
    rewritten = compose(spell_numbers_as_digits(tidied.text), tidied)
    reading = _Reading(rewritten.text, split_sentences(rewritten.text), reference_date, load_patterns(), kind=kind,
                       head=document_head(text) if head is None else head)
    facts: list[ExtractedFact] = []
    for rule in reading.patterns.rules:
        if not reading.reads(rule.where):
            continue
        for contrary, pattern_list in ((True, rule.contrary), (False, rule.patterns)):
            for pattern in pattern_list:
                if reading.reads(pattern.where):
                    facts.extend(_read_pattern(reading, rule, pattern, contrary=contrary))
    facts.extend(_row_sums(reading, facts))
    facts = _with_context(reading, facts)
    facts = _drop_outranked(reading, facts)
    facts = _first_in_sentence(reading, facts)
    facts.sort(key=lambda fact: (fact.start, fact.name))
    return [_placed(fact, rewritten, page=page, source=source) for fact in facts]


def _placed(fact: ExtractedFact, rewritten: Rewritten, *, page: int | None, source: str) -> ExtractedFact:
    """The fact with its offsets in the text as written (not as rewritten), its page and source."""
    start, end = rewritten.original_span(fact.start, fact.end)
    return dataclasses.replace(fact, start=start, end=end, page=page, source=source)


def _with_context(reading: _Reading, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """Each fact with the context its words stand in (crosswalks.clinical.context), as its rule lets it count.

    A rule says which contexts apply to it: a measurement is not "negated" by a nearby "no", nor
    a place "family" for being an aunt's (negatable: false: negated, resolved and family are for
    conditions), a CPAP trial "in the past" is still the trial the payer asks about (history:
    false, or a cue in ignore_history). Planned and post-operative always apply.
    """
    contexts = read_contexts(reading.text, [(fact.start, fact.end) for fact in facts])
    rules = {rule.name: rule for rule in reading.patterns.rules}
    out = []
    for fact, found in zip(facts, contexts):
        rule = rules[fact.name]
        context = _rule_context(rule, found, recorded_act=fact.recorded_act) if not fact.negated else "negated"
        cue = fact.cue or (found.cue if context != "present" else "")
        out.append(dataclasses.replace(fact, context=context, section=found.section, cue=cue,
                                       negated=context in DENYING_CONTEXTS,
                                       historical=context not in ("present", *DENYING_CONTEXTS)))
    return out


def _rule_context(rule: Rule, found: SpanContext, *, recorded_act: bool = False) -> str:
    context = found.context
    if context in ("negated", "narrowed", "resolved", "family") and not (rule.negatable or recorded_act):
        return "present"
    if context == "historical" and (not rule.history or found.cue.lower() in rule.ignore_history):
        return "present"
    return context


def _read_pattern(reading: _Reading, rule: Rule, pattern: Pattern, *, contrary: bool) -> list[ExtractedFact]:
    out = []
    for match in pattern.regex.finditer(reading.text):
        start, end = _trimmed_span(reading.text, match)
        key = rule.group or rule.name
        if start >= end or _overlaps(reading.taken.get(key, ()), start, end):
            continue
        fact = _read_match(reading, rule, pattern, match, start, end, contrary=contrary)
        if fact is not None:
            reading.taken.setdefault(key, []).append((start, end))
            out.append(fact)
    return out


def _row_sums(reading: _Reading, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A count a table gives only in parts (a row of apneas, a row of hypopneas): their sum, when no
    pattern read the whole. The first set of rows (patterns.yaml `sum_of_rows`) whose first and last
    rows are both in the text wins; a row between them that is missing counts nothing."""
    out = []
    read = {fact.name for fact in facts}
    for rule in reading.patterns.rules:
        if not rule.sum_of_rows or rule.name in read or not reading.reads(rule.where):
            continue
        for labels in rule.sum_of_rows:
            rows = [label.search(reading.text) for label in labels]
            if rows[0] is None or rows[-1] is None:
                continue
            found = [row for row in rows if row is not None]
            total = sum(int(row.group("count")) for row in found)
            if rule.range and not rule.range[0] <= total <= rule.range[1]:
                continue
            start = min(row.start("count") for row in found)
            end = max(row.end("count") for row in found)
            out.append(ExtractedFact(
                name=rule.name, value=total, display=_display(rule, f"{total} (the rows' sum)")[:200],
                snippet=" + ".join(clean(row.group(0)) for row in found)[:300], start=start, end=end,
                confidence=SUMMED_CONFIDENCE))
            break
    return out


def _drop_outranked(reading: _Reading, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """A more specific value beats a general one read in the same sentence ("fell off his bike": bicycle, not fall)."""
    beaten: set[int] = set()
    for rule in reading.patterns.rules:
        for winner, losers in rule.outranks:
            sentences = {reading.sentences.around(fact.start) for fact in facts
                         if fact.name == rule.name and fact.value == winner and fact.present}
            beaten.update(id(fact) for fact in facts if fact.name == rule.name and fact.value in losers
                          and reading.sentences.around(fact.start) in sentences)
    return [fact for fact in facts if id(fact) not in beaten]


def _first_in_sentence(reading: _Reading, facts: list[ExtractedFact]) -> list[ExtractedFact]:
    """For a rule with `first_in_sentence`, the later present readings of a sentence are dropped."""
    first = {rule.name for rule in reading.patterns.rules if rule.first_in_sentence}
    seen: set[tuple[str, object]] = set()
    out = []
    for fact in sorted(facts, key=lambda fact: fact.start):
        if fact.name in first and fact.present:
            key = (fact.name, reading.sentences.around(fact.start))
            if key in seen:
                continue
            seen.add(key)
        out.append(fact)
    return out


def _trimmed_span(text: str, match: re.Match) -> tuple[int, int]:
    start, end = match.span()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlaps(spans, start: int, end: int) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _read_match(
    reading: _Reading, rule: Rule, pattern: Pattern, match: re.Match, start: int, end: int, *, contrary: bool
) -> ExtractedFact | None:
    text = reading.text
    first, last = reading.sentences.around(start)
    last = max(last, end)
    sentence = text[first:last]
    confidence = pattern.confidence
    if rule.context and not rule.context.search(sentence):
        in_document = rule.document_context is not None and rule.document_context.search(text)
        if not (rule.context_optional or in_document):
            return None
        confidence *= OUT_OF_CONTEXT_PENALTY
    if rule.exclude_context and rule.exclude_context.search(sentence):
        return None
    if rule.not_before and rule.not_before.search(text[max(first, start - NOT_BEFORE_CHARS):start]):
        return None
    read = READERS[rule.kind](reading, rule, pattern, match)
    if read is None:
        return None
    value, display = read
    # Its context (negated, family, past...) is read for all facts of the text at once, afterwards.
    negated, cue = contrary, "contrary wording" if contrary else ""
    if "\n" in text[start:end] and rule.kind not in WHOLE_BLOCK_KINDS:
        confidence *= LINE_BREAK_PENALTY
    return ExtractedFact(
        name=rule.name,
        value=value,
        display=display[:200],
        snippet=cut_snippet(text, start, end, bounds=reading.sentences.around(start)),
        start=start,
        end=end,
        negated=negated,
        context="negated" if negated else "present",
        confidence=round(confidence, 3),
        cue=cue,
        recorded_act=pattern.dated_by_text,
    )


# ------------------------------------------------------------------------------ value readers
# Each returns (value, display) or None when the words do not make a value of the fact.


def _group(match: re.Match, *names: str) -> str | None:
    for name in names:
        if name in match.re.groupindex and match.group(name):
            return match.group(name)
    return None


def _label(rule: Rule) -> str:
    return rule.name.replace("_", " ")


def _display(rule: Rule, value_text: str, **extra: str) -> str:
    if rule.display:
        return rule.display.format(value=value_text, **{"why": "", **extra})
    return f"{_label(rule)}: {value_text}"


def _canonical(terms, words: str) -> str | None:
    words = clean(words)
    return next((value for regex, value in terms if regex.match(words)), None)


def _convert(rule: Rule, number: float, unit: str | None) -> float | None:
    if unit is None:
        # A temperature without its unit: a value a person could have in Celsius is Celsius.
        if rule.name == "temperature" and 34 <= number <= 43:
            return number * 9 / 5 + 32
        return number
    factor = next((factor for regex, factor in rule.units if regex.match(clean(unit))), None)
    if factor is None:
        return None
    if factor == "c":
        return number * 9 / 5 + 32
    if factor == "f":
        return number
    return number * float(factor)


UNIT_SUFFIX = {"_mm": " mm", "_cm": " cm", "temperature": " °F"}


def read_number(reading, rule, pattern, match):
    raw = _group(match, "value")
    if raw is None:
        return None
    value_start = match.start("value")
    lines = reading.text[match.start():value_start].split("\n")
    if len(lines) > 1 and not lines[-1].strip(" \t:=#-") and not lines[-2].rstrip().endswith((":", "=")):
        return None  # a number alone on the next line belongs to the next row, unless "Label:" asked for it
    column = preferred_cell(reading.text, value_start)
    if column is not None and column.start != value_start:
        raw = column.text.rstrip("%")  # the whole-study column of a table row, not the first number
    number = values.largest_dimension(raw)
    number = None if number is None else _convert(rule, number, _group(match, "unit"))
    if number is None or (rule.range and not rule.range[0] <= number <= rule.range[1]):
        return None
    number = round(number, 2)
    if rule.kind == "integer":
        if number != int(number):
            return None
        number = int(number)
    suffix = next((text for end, text in UNIT_SUFFIX.items() if rule.name.endswith(end)), "")
    return number, _display(rule, f"{number:g}{suffix}")


def read_date(reading, rule, pattern, match):
    if pattern.dated_by_text:
        parsed = reading.reference_date
    else:
        parsed = parse_date(_group(match, "value") or "", anchor=reading.reference_date)
    if parsed is None:
        return None
    if not rule.future and reading.reference_date and parsed > reading.reference_date + FUTURE_SLACK:
        # what a text records happened by the day it was written: "December 18, 40 minutes later" is no 2040
        return None
    return parsed.isoformat(), _display(rule, parsed.isoformat())


def read_days(reading, rule, pattern, match):
    since = _group(match, "since")
    if since is not None:
        days = values.days_since(since, reading.reference_date)
        words = clean(match.group(0))
    else:
        days = values.duration_days(_group(match, "n") or "", _group(match, "unit") or "")
        words = clean(match.group(0))
    if days is None or days <= 0:
        return None
    return days, _display(rule, f"{days} days ({words})")


def read_flag(reading, rule, pattern, match):
    why = clean(_group(match, "why") or match.group(0))[:150]
    return True, _display(rule, why, why=why)


def read_term(reading, rule, pattern, match):
    if pattern.value is not None:
        return pattern.value, _display(rule, str(pattern.value).replace("_", " "))
    value = _canonical(rule.terms, _group(match, "term", "term2") or "")
    if value is None:
        return None
    return value, _display(rule, value.replace("_", " "))


def read_text(reading, rule, pattern, match):
    value = clean(_group(match, "value") or "").strip(" .,;:-")
    if len(value) < 2:
        return None
    value = value[:TEXT_MAX]
    return value, _display(rule, value)


def _name(match: re.Match) -> str | None:
    words = values.person_name(_group(match, "name") or "").split()
    kept = []
    for word in words:
        if NAME_STOP.match(word.strip(",")):
            break
        kept.append(word)
    name = " ".join(kept).strip(" ,")
    if not kept or NOT_A_NAME.match(kept[0]) or len(name) < 3:
        return None
    return name


def _npi(reading: _Reading, match: re.Match) -> str | None:
    npi = _group(match, "npi")
    if npi:
        return npi
    nearby = NPI_NEARBY.search(reading.text, match.start(), min(len(reading.text), match.end() + NPI_REACH))
    return nearby.group(1) if nearby else None


def read_person(reading, rule, pattern, match):
    name = _name(match)
    if name is None:
        return None
    npi = _npi(reading, match)
    return {"name": name, "npi": npi}, _display(rule, name + (f" (NPI {npi})" if npi else ""))


def read_referral(reading, rule, pattern, match):
    person = read_person(reading, rule, pattern, match)
    if person is None:
        return None
    value = person[0]
    reach = reading.text[match.start():min(len(reading.text), match.end() + NPI_REACH)]
    specialty = next((name for regex, name in rule.specialties if regex.search(reach)), None)
    if specialty is None and pattern.letterhead:
        specialty = next((name for regex, name in rule.specialties if regex.search(reading.head)), None)
    value = {"name": value["name"], "npi": value["npi"], "specialty": specialty}
    return value, _display(rule, value["name"] + (f", {specialty.replace('_', ' ')}" if specialty else ""))


def read_signer(reading, rule, pattern, match):
    name = _name(match)
    if name is None:
        return None
    return {"by": name}, _display(rule, f"signed by {name}")


def read_joint_sound(reading, rule, pattern, match):
    sound = _canonical(rule.terms, _group(match, "term", "term2") or "")
    if sound is None:
        return None
    side_words = _group(match, "side", "side2")
    side = _canonical(reading.patterns.rule("side").terms, side_words) if side_words else None
    return {"sound": sound, "side": side}, _display(rule, sound + (f" ({side})" if side else ""))


def read_teeth(reading, rule, pattern, match):
    found = teeth_in(_group(match, "value") or "")
    if not found:
        return None
    return found, _display(rule, ", ".join(f"#{tooth}" for tooth in found))


READERS: dict[str, Callable] = {
    "number": read_number,
    "integer": read_number,
    "date": read_date,
    "days": read_days,
    "flag": read_flag,
    "term": read_term,
    "text": read_text,
    "person": read_person,
    "referral": read_referral,
    "signer": read_signer,
    "joint_sound": read_joint_sound,
    "teeth": read_teeth,
}
