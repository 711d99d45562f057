"""Is a document this case's patient's? The name and birth date it states, compared with the case's patient.

Names are compared forgivingly (case, punctuation, "Last, First", middle initials, titles, and one
character of OCR noise in the whole name, in words of four letters or more, so "Roe" is not
"Doe"); birth dates exactly. Any stated name or birth date that is not the patient's makes a
mismatch: a document naming two patients is as suspect as one naming another.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import Levenshtein

from docservice.documents.patient_lines import StatedPatient, name_parts, read_stated_patient
from docservice.models import READABLE_STATUSES, Document

MIN_FUZZY_LENGTH = 4  # shorter names differ by one letter too often to forgive it (Roe / Doe)
MAX_STORED = 3  # names or dates kept in the detail: enough for a person to see what was read


@dataclass(frozen=True)
class IdentityCheck:
    status: str  # one of models.IDENTITY_STATUSES: match, mismatch, unknown
    detail: dict

    @property
    def mismatched(self) -> list[str]:
        """What did not match, in words for a message: ["name"], ["date of birth"], or both."""
        return [label for key, label in (("name", "name"), ("birthdate", "date of birth"))
                if self.detail.get(key) == "mismatch"]


def check_identity(text: str, *, patient_name: str, patient_birthdate: date | None) -> IdentityCheck:
    """Compare the patient a document states with the case's patient."""
    stated = read_stated_patient(text)
    name = _compare_names(stated, patient_name)
    birthdate = _compare_birthdates(stated, patient_birthdate)
    if "mismatch" in (name, birthdate):
        status = "mismatch"
    elif "match" in (name, birthdate):
        status = "match"
    else:
        status = "unknown"
    detail = {
        "read": {"names": list(stated.names[:MAX_STORED]),
                 "birthdates": [born.isoformat() for born in stated.birthdates[:MAX_STORED]]},
        "compared_to": {"name": patient_name or "",
                        "birthdate": patient_birthdate.isoformat() if patient_birthdate else None},
        "name": name,
        "birthdate": birthdate,
    }
    return IdentityCheck(status, detail)


def identity_of(document: Document) -> IdentityCheck:
    """The document's identity now: "unchecked" while it has no case or its OCR has not finished."""
    case = document.case
    if case is None or document.status not in READABLE_STATUSES:
        return IdentityCheck("unchecked", {})
    return check_identity(document.text or "", patient_name=case.patient_name or "",
                          patient_birthdate=case.patient_birthdate)


def apply_identity(document: Document) -> bool:
    """Check the document again and store the outcome (a person's confirmation is replaced: the check
    is made afresh after a move or a change of patient). Returns whether its facts' standing changed
    (it became or stopped being a mismatch)."""
    before = document.identity
    check = identity_of(document)
    document.identity = check.status
    document.identity_detail = check.detail
    return (before == "mismatch") != (check.status == "mismatch")


def names_match(stated: str, expected: str) -> bool:
    """Does a stated name name the expected person? Given name and family name(s) of `expected` must
    each be found among the stated words, with one character of slack over the whole name."""
    given, family = name_parts(expected)
    required = given[:1] + family
    if not required:
        return False  # nothing of the expected name to find: never a match by default
    stated_given, stated_family = name_parts(stated)
    words = stated_given + stated_family
    # OCR breaks words in two ("Ri ley"): two or three neighbours joined are candidates too.
    candidates = words + ["".join(words[i:i + n]) for n in (2, 3) for i in range(len(words) - n + 1)]
    budget = 1
    for word in required:
        if word in candidates:
            candidates.remove(word)
            continue
        if budget == 0 or len(word) < MIN_FUZZY_LENGTH:
            return False
        near = next((c for c in candidates if Levenshtein.distance(word, c, score_cutoff=1) <= 1), None)
        if near is None:
            return False
        candidates.remove(near)
        budget = 0
    return True


def _compare_names(stated: StatedPatient, expected: str) -> str:
    if not stated.names:
        return "not stated"
    if not expected.strip():
        return "not compared"
    return "match" if all(names_match(name, expected) for name in stated.names) else "mismatch"


def _compare_birthdates(stated: StatedPatient, expected: date | None) -> str:
    if not stated.birthdates:
        return "not stated"
    if expected is None:
        return "not compared"
    return "match" if all(born == expected for born in stated.birthdates) else "mismatch"
