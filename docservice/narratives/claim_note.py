"""The 80-character claim note (837P NTE / CMS-1500 box 19): codes, key measured facts, what is attached.

Only codes, numbers and coded values go in: never a name or words copied from the records.
Parts are added most important first while the note still fits; a fact the records lack is
simply not quoted.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from docservice.evidence import Evidence, case_evidence
from docservice.models import READABLE_STATUSES, Case, Claim, Fact
from docservice.narratives.context import claim_diagnoses, claim_lines
from docservice.narratives.rendering import render_phrase
from docservice.narratives.values import format_number, is_blank, parse_date
from docservice.narratives.vocabulary import Vocabulary

NOTE_LIMIT = 80
# A coded value fit for the note: a short word or two of letters, digits and -_/.
CODED_VALUE = re.compile(r"^[A-Za-z0-9_./-]{1,20}$")


def to_ascii(text: str) -> str:
    """ASCII only, single spaces: what every clearinghouse accepts in an NTE segment."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(folded.split())


def note_value(value: object) -> str | None:
    """A fact value short and plain enough for the note, or None (free text never goes in)."""
    if isinstance(value, bool):
        return "" if value else None
    if isinstance(value, (int, float)):
        return None if is_blank(value) else format_number(value)
    if isinstance(value, str):
        parsed = parse_date(value) if re.match(r"^\d{4}-\d{2}-\d{2}", value) else None
        if parsed:
            return f"{parsed:%m/%d/%y}"
        return value.replace("_", " ") if CODED_VALUE.match(value) else None
    return None


def fact_parts(evidence: Evidence, names: Sequence[str], vocabulary: Vocabulary) -> list[str]:
    parts = []
    for name in names:
        phrase = vocabulary.wording(name).note
        found = evidence.reading(name)
        value = note_value(found.value) if found is not None and phrase else None
        if value is not None:
            parts.append(to_ascii(render_phrase(phrase, raw=value)))
    return [part for part in parts if part]


def compose(dx: list[str], facts: list[str], codes: list[str], attached: list[str]) -> str:
    """"OSA G47.33 AHI 22 CPAP intol; E0486-NU; LMN+sleep study attached"."""
    head = " ".join([*dx, *facts])
    tail = ("+".join(attached) + " attached") if attached else ""
    return "; ".join(part for part in (head, " ".join(codes), tail) if part)


def build_claim_note(case: Case, facts: Sequence[Fact], claim: Claim | None, *, vocabulary: Vocabulary,
                     evidence: Evidence | None = None, crosswalk=None) -> str:
    """The claim note, at most 80 ASCII characters; its values are the case's one evidence resolution
    (`evidence`, else resolved here from `facts` with the crosswalk's rules)."""
    if evidence is None:
        evidence = case_evidence(case, facts, crosswalk)
    label, names = vocabulary.claim_note.get(case.category or "general") or vocabulary.claim_note.get("general", ("", ()))
    diagnoses = claim_diagnoses(case, claim)
    codes = list(dict.fromkeys(line["text"] for line in claim_lines(case, claim, None)))
    kinds = list(dict.fromkeys(d.kind for d in case.documents if d.status in READABLE_STATUSES and d.kind
                               and d.kind != "narrative"))
    # Most important first; each part joins only if the whole note still fits.
    candidates: list[tuple[str, str]] = []
    if label:
        candidates.append(("dx", to_ascii(label)))
    candidates += [("dx", to_ascii(d["code"])) for d in diagnoses[:1]]
    candidates += [("codes", to_ascii(code)) for code in codes[:1]]
    measures = fact_parts(evidence, names, vocabulary)
    # Reports that prove the measures matter more than the lesser measures; plain notes matter least.
    reports = [kind for kind in kinds if kind != "chart_note"]
    candidates += [("facts", part) for part in measures[:3]]
    candidates.append(("attached", "LMN"))
    candidates += [("attached", to_ascii(vocabulary.document_short(kind))) for kind in reports]
    candidates += [("facts", part) for part in measures[3:]]
    candidates += [("attached", to_ascii(vocabulary.document_short(kind))) for kind in kinds if kind == "chart_note"]
    candidates += [("codes", to_ascii(code)) for code in codes[1:]]
    candidates += [("dx", to_ascii(d["code"])) for d in diagnoses[1:2]]
    chosen: dict[str, list[str]] = {"dx": [], "facts": [], "codes": [], "attached": []}
    for group, text in candidates:
        if not text:
            continue
        chosen[group].append(text)
        if len(compose(**chosen)) > NOTE_LIMIT:
            chosen[group].pop()
    return compose(**chosen)[:NOTE_LIMIT]
