"""Diagnoses the documents write: an ICD-10-CM code anywhere, or a diagnosis's words in a section that
states diagnoses (impression, assessment, diagnosis...), and the diagnoses they deny ("no TMD found").

The words and the sections are crosswalk data (`evidence.yaml`); whether a mention is the patient's
own, current and affirmed is read by the same machinery as the facts' context
(crosswalks.clinical.context: negated, hypothetical, family, historical...). Only documents that speak
of this patient count: one whose identity is "mismatch" is never read.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswalks import icd10
from crosswalks.clinical.context import DENYING_CONTEXTS, read_contexts
from crosswalks.clinical.sentences import cut_snippet
from docservice.evidence.readings import MISMATCH, PRESENT
from docservice.models import READABLE_STATUSES

ICD_CODE = re.compile(r"(?<![A-Za-z0-9.])([A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?![0-9A-Za-z])")


@dataclass(frozen=True)
class DiagnosisSource:
    """Where a document states (or denies) a diagnosis."""

    document_id: int
    page: int | None
    snippet: str
    words: str  # the code or words read
    section: str = ""
    kind: str | None = None  # the document's kind

    def cite(self) -> str:
        return f"document {self.document_id}" + (f" p.{self.page}" if self.page else "")


@dataclass(frozen=True)
class Mention:
    """One diagnosis the documents name: a code (`code`) or a crosswalk word rule's prefixes (`prefixes`)."""

    code: str
    prefixes: tuple[str, ...]
    source: DiagnosisSource
    narrow: bool = False  # a denial of a narrower diagnosis ("no severe OSA"): stands only where none is stated

    def covers(self, code: str) -> bool:
        plain = icd10.bare(code)
        if self.code:
            return plain == icd10.bare(self.code)
        return icd10.starts_with_any(code, self.prefixes)


@dataclass(frozen=True)
class DocumentedDiagnoses:
    stated: tuple[Mention, ...] = ()
    denied: tuple[Mention, ...] = ()

    def source_of(self, code: str) -> DiagnosisSource | None:
        """Where the documents state this diagnosis (its code, or words covering it), else None."""
        return next((mention.source for mention in self.stated if mention.covers(code)), None)

    def denial_of(self, code: str) -> DiagnosisSource | None:
        return next((mention.source for mention in self.denied if mention.covers(code)), None)

    def codes(self) -> list[str]:
        """The codes written in the documents, each once, in reading order."""
        return list(dict.fromkeys(mention.code for mention in self.stated if mention.code))


def read_diagnoses(documents: Iterable, rules) -> DocumentedDiagnoses:
    """Every diagnosis the case's readable documents state or deny (`rules`: crosswalk EvidenceRules)."""
    stated: list[Mention] = []
    denied: list[Mention] = []
    words = _word_patterns(rules)
    for document in documents:
        if getattr(document, "identity", None) == MISMATCH or document.status not in READABLE_STATUSES:
            continue
        for page, text in _pages(document):
            for code, prefixes, context, section, start, end in _read_page(text, words):
                source = DiagnosisSource(document.id, page, cut_snippet(text, start, end), text[start:end], section,
                                         kind=getattr(document, "kind", None))
                mention = Mention(code, prefixes, source, narrow=context == "narrowed")
                if code and context in DENYING_CONTEXTS:
                    # A written code asserts its diagnosis: a cue before it belongs to the diagnosis's own
                    # words ("abscess without sinus tract (K04.7)"); denials are read from words.
                    context = PRESENT
                if context in DENYING_CONTEXTS:
                    denied.append(mention)
                elif context == PRESENT and (code or section in rules.diagnosis_sections):
                    stated.append(mention)
    return DocumentedDiagnoses(tuple(stated), tuple(_standing_denials(denied, stated, rules)))


def _standing_denials(denied: list[Mention], stated: list[Mention], rules) -> list[Mention]:
    """The denials a statement by an authoritative document (evidence.yaml `authority`) does not outrank,
    and that deny more than a narrower diagnosis the documents state anyway ("no severe OSA" beside "mild OSA")."""
    out = []
    for denial in denied:
        if denial.narrow and any(mention.covers(prefix) for mention in stated
                                 for prefix in (denial.prefixes or (denial.code,))):
            continue
        entries = [entry for entry in rules.diagnoses if set(denial.prefixes) & set(entry.icd_prefixes)]
        authority = {kind for entry in entries for kind in entry.authority}
        established = any(mention.source.kind in authority and any(mention.covers(prefix) for prefix in
                                                                   denial.prefixes) for mention in stated)
        if not (established and denial.source.kind not in authority):
            out.append(denial)
    return out


@functools.lru_cache(maxsize=512)
def _read_page(text: str, words: tuple) -> tuple:
    """(code, prefixes, context, section, start, end) of each diagnosis mention of a page (cached: pages
    are read again on every resolution, and reading context is the costly part)."""
    found: list[tuple[str, tuple[str, ...], int, int]] = []
    for match in ICD_CODE.finditer(text):
        code = icd10.normalize(match.group(1))
        if icd10.is_valid(code):
            found.append((code, (), match.start(1), match.end(1)))
    for prefixes, pattern in words:
        found += [("", prefixes, match.start(), match.end()) for match in pattern.finditer(text)]
    contexts = read_contexts(text, [(start, end) for _, _, start, end in found])
    return tuple((code, prefixes, context.context, context.section, start, end)
                 for (code, prefixes, start, end), context in zip(found, contexts))


def _pages(document) -> list[tuple[int | None, str]]:
    pages = [(page.index + 1, page.text) for page in getattr(document, "pages", None) or []
             if page.text and page.status in READABLE_STATUSES]
    if pages:
        return pages
    return [(None, document.text)] if getattr(document, "text", "") else []


@functools.lru_cache(maxsize=8)
def _word_patterns(rules) -> tuple[tuple[tuple[str, ...], re.Pattern], ...]:
    return tuple((rule.icd_prefixes, _phrases(rule.words)) for rule in rules.diagnoses if rule.words)


def _phrases(words: Sequence[str]) -> re.Pattern:
    ordered = sorted({word.strip() for word in words if word.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w/-])(?:" + "|".join(re.escape(word) for word in ordered) + r")(?![\w/-])",
                      re.IGNORECASE)
