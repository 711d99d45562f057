"""A person's changes to the proposed claim: claim fields, the diagnosis list, and lines.

Every value a person sets is listed in `edited` (so a rebuild keeps it) with why "set by <role>".
Input shapes are validated by the API's schemas; what depends on the stored claim (pointer
ranges) is checked here and raised as `EditRejected` before anything changes.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from docservice.claims.diagnoses import MAX_POINTERS
from docservice.claims.store import ADDED, DELETED_LINES, tombstone
from docservice.models import Claim, ClaimLine, Procedure


class EditRejected(ValueError):
    """The edit does not fit the stored claim; `errors` maps field -> messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def set_by(role: str) -> str:
    return f"set by {role}"


def edit_claim(claim: Claim, data: Mapping, role: str) -> list[str]:
    """Apply `{"fields": {...}, "diagnoses": [...]}`; returns the names changed. None clears a field."""
    changed: list[str] = []
    fields, why, edited = dict(claim.fields), dict(claim.why), list(claim.edited)
    for name, value in (data.get("fields") or {}).items():
        if value is None:
            fields.pop(name, None)
        else:
            fields[name] = _stored(value)
        why[name] = set_by(role)
        changed.append(name)
    if "diagnoses" in data:
        _replace_diagnoses(claim, data["diagnoses"], role)
        why["diagnoses"] = set_by(role)
        changed.append("diagnoses")
    claim.fields, claim.why = fields, why
    claim.edited = edited + [name for name in changed if name not in edited]
    return changed


def _replace_diagnoses(claim: Claim, items: Sequence[Mapping], role: str) -> None:
    """The new list, keeping why and source of codes already there; pointers follow their codes."""
    before = {dx["code"]: dx for dx in claim.diagnoses}
    pointed = {line.id or id(line): _codes(line.pointers, claim.diagnoses) for line in claim.lines}
    diagnoses = []
    for item in items:
        code = item["code"]
        old = before.get(code)
        label = item.get("label") or (old or {}).get("label", "")
        diagnoses.append({"code": code, "label": label, "why": old["why"] if old else set_by(role),
                          "source": old["source"] if old else "person"})
    claim.diagnoses = diagnoses
    index = {dx["code"]: position for position, dx in enumerate(diagnoses, start=1)}
    for line in claim.lines:
        line.pointers = [index[code] for code in pointed[line.id or id(line)] if code in index]


def _codes(pointers: Sequence[int], diagnoses: Sequence[Mapping]) -> list[str]:
    return [diagnoses[p - 1]["code"] for p in pointers or () if 1 <= p <= len(diagnoses)]


def add_line(claim: Claim, data: Mapping, role: str) -> ClaimLine:
    """A line a person adds: kept through rebuilds (`"line"` in its edited)."""
    check_pointers(claim, data.get("pointers", ()))
    line = ClaimLine(position=len(claim.lines), cdt="", system="", modifiers=[], units=1, pointers=[],
                     description="", tooth="", rule="", why={}, edited=[ADDED])
    _apply_line(line, data, role)
    claim.lines.append(line)
    return line


def edit_line(claim: Claim, line: ClaimLine, data: Mapping, role: str) -> list[str]:
    if "pointers" in data:
        check_pointers(claim, data["pointers"])
    return _apply_line(line, data, role)


def _apply_line(line: ClaimLine, data: Mapping, role: str) -> list[str]:
    why, edited = dict(line.why or {}), list(line.edited or ())
    for name, value in data.items():
        setattr(line, name, list(value) if isinstance(value, (list, tuple)) else value)
        why[name] = set_by(role)
        if name not in edited:
            edited.append(name)
    line.why, line.edited = why, edited
    return list(data)


def delete_line(claim: Claim, line: ClaimLine, procedure: Procedure | None) -> None:
    """Remove a line; a proposed one leaves a tombstone so a rebuild does not bring it back."""
    if ADDED not in (line.edited or ()):
        fields = dict(claim.fields)
        fields[DELETED_LINES] = [*fields.get(DELETED_LINES, []), tombstone(line, procedure)]
        claim.fields = fields
    claim.lines.remove(line)
    for position, other in enumerate(claim.lines):
        other.position = position


def check_pointers(claim: Claim, pointers: Sequence[int]) -> None:
    count = len(claim.diagnoses)
    bad = [p for p in pointers if not 1 <= p <= count]
    errors = []
    if len(pointers) > MAX_POINTERS:
        errors.append(f"At most {MAX_POINTERS} pointers per line.")
    if bad:
        errors.append(f"Pointers must be positions 1 to {count} in the claim's diagnoses; {bad} is not.")
    if len(set(pointers)) != len(pointers):
        errors.append("A line points at each diagnosis once.")
    if errors:
        raise EditRejected({"pointers": errors})


def _stored(value):
    """JSON-ready: dates as ISO strings, nested dicts alike."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _stored(item) for key, item in value.items() if item is not None}
    return value
