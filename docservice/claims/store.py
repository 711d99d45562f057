"""Store a built claim; on a rebuild keep every value a person edited.

What a person did survives a rebuild:
- a claim field named in `claim.edited` (including "diagnoses" for the whole list) keeps its value and why;
- a line field named in `line.edited` keeps its value; a line a person added (`"line"` in its
  `edited`) or changed is kept even when no procedure proposes it any more;
- a line a person deleted stays deleted: its tombstone `{"cdt", "tooth", "proc_num", "code"}` is
  kept in `claim.fields["deleted_lines"]` and the rebuild skips a proposed line that matches it
  (by Open Dental's ProcNum when both sides know it, else by CDT code and tooth).
A proposed line is matched to a stored one by procedure id, else by CDT code and tooth, so a
stored line keeps its id. Pointers are carried over by diagnosis code, not by position.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy.orm import Session

from docservice.claims.diagnoses import MAX_DIAGNOSES
from docservice.models import Case, Claim, ClaimLine, Procedure, utcnow

DELETED_LINES = "deleted_lines"
ADDED = "line"  # in ClaimLine.edited: a person added the whole line
LINE_FIELDS = ("cdt", "code", "system", "modifiers", "units", "charge", "pointers", "description",
               "tooth", "service_date", "rule")


def save_claim(session: Session, case: Case, built: Claim) -> Claim:
    """Store `built` as the case's claim (first build) or merge it into the stored one (rebuild)."""
    existing = case.claim
    if existing is None:
        built.case_id = case.id
        session.add(built)
        case.claim = built
        return built
    _merge_claim(existing, built)
    _merge_lines(case, existing, built)
    existing.built_at = utcnow()
    return existing


def _merge_claim(existing: Claim, built: Claim) -> None:
    edited = set(existing.edited or ())
    fields = {key: value for key, value in built.fields.items() if key not in edited}
    why = {key: value for key, value in built.why.items() if key not in edited}
    for key in edited:
        if key in existing.fields:
            fields[key] = existing.fields[key]
        if key in (existing.why or {}):
            why[key] = existing.why[key]
    if existing.fields.get(DELETED_LINES):
        fields[DELETED_LINES] = existing.fields[DELETED_LINES]
    if "payer" not in edited:
        existing.payer = built.payer
    existing.fields, existing.why = fields, why


def _merge_lines(case: Case, existing: Claim, built: Claim) -> None:
    diagnoses_edited = "diagnoses" in (existing.edited or ())
    new_diagnoses = list(existing.diagnoses) if diagnoses_edited else list(built.diagnoses)
    procedures = {procedure.id: procedure for procedure in case.procedures}
    tombstones = existing.fields.get(DELETED_LINES) or []
    unmatched = list(existing.lines)
    built_lines = list(built.lines)
    built.lines = []  # detach: the unsaved claim must not follow its lines into the session
    proposed = [line for line in built_lines if not _is_tombstoned(line, procedures, tombstones)]
    final: list[ClaimLine] = []
    codes_of: dict[int, list[str]] = {}  # id(line) -> pointed diagnosis codes
    for line in proposed:
        match = _find_match(line, unmatched)
        built_codes = _pointed_codes(line.pointers, built.diagnoses)
        if match is None:
            codes_of[id(line)] = built_codes
            final.append(line)
            continue
        unmatched.remove(match)
        old_codes = _pointed_codes(match.pointers, existing.diagnoses)
        _take_proposed(match, line)
        codes_of[id(match)] = old_codes if "pointers" in match.edited else built_codes
        final.append(match)
    for line in unmatched:
        if line.edited:  # a person added or changed it: it stays
            codes_of[id(line)] = _pointed_codes(line.pointers, existing.diagnoses)
            final.append(line)
    if not diagnoses_edited:
        new_diagnoses = _with_pointed(new_diagnoses, codes_of.values(), existing.diagnoses)
    index = {dx["code"]: position for position, dx in enumerate(new_diagnoses, start=1)}
    for position, line in enumerate(final):
        line.position = position
        line.pointers = [index[code] for code in codes_of[id(line)] if code in index][:4]
    existing.diagnoses = new_diagnoses
    existing.lines = final


def _take_proposed(stored: ClaimLine, proposed: ClaimLine) -> None:
    """Copy the proposed values onto the stored line, except those a person set."""
    edited = set(stored.edited or ())
    for name in LINE_FIELDS:
        if name not in edited:
            setattr(stored, name, getattr(proposed, name))
    stored.procedure_id = proposed.procedure_id
    why = {key: value for key, value in (proposed.why or {}).items() if key not in edited}
    why.update({key: value for key, value in (stored.why or {}).items() if key in edited})
    stored.why = why


def _find_match(line: ClaimLine, stored: Sequence[ClaimLine]) -> ClaimLine | None:
    candidates = [other for other in stored if ADDED not in (other.edited or ())]
    by_procedure = next((other for other in candidates
                         if line.procedure_id is not None and other.procedure_id == line.procedure_id), None)
    if by_procedure is not None:
        return by_procedure
    return next((other for other in candidates if (other.cdt, other.tooth) == (line.cdt, line.tooth)), None)


def tombstone(line: ClaimLine, procedure: Procedure | None) -> dict:
    """What is remembered of a proposed line a person deleted."""
    return {"cdt": line.cdt, "tooth": line.tooth, "proc_num": procedure.proc_num if procedure else None,
            "code": line.code}


def _is_tombstoned(line: ClaimLine, procedures: dict[int, Procedure], tombstones: Sequence[dict]) -> bool:
    procedure = procedures.get(line.procedure_id)
    proc_num = procedure.proc_num if procedure else None
    for stone in tombstones:
        if stone.get("proc_num") is not None and proc_num is not None:
            if stone["proc_num"] == proc_num:
                return True
        elif (stone.get("cdt"), stone.get("tooth") or "") == (line.cdt, line.tooth or ""):
            return True
    return False


def _pointed_codes(pointers: Sequence[int], diagnoses: Sequence[dict]) -> list[str]:
    return [diagnoses[p - 1]["code"] for p in pointers or () if 1 <= p <= len(diagnoses)]


def _with_pointed(diagnoses: list[dict], pointed: Iterable[list[str]], old: Sequence[dict]) -> list[dict]:
    """A code a kept line points at stays on the claim even if the new proposal dropped it (room allowing)."""
    result = list(diagnoses)
    present = {dx["code"] for dx in result}
    old_by_code = {dx["code"]: dx for dx in old}
    for codes in pointed:
        for code in codes:
            if code not in present and code in old_by_code and len(result) < MAX_DIAGNOSES:
                result.append(old_by_code[code])
                present.add(code)
    return result
