"""What od-claim writes on the Open Dental claim, from the newest export of a case.

Only the fields `PUT /claims/{n}` documents: ClaimNote (the NTE of a medical claim, 80
characters), PriorAuthorizationNumber and the accident fields. The ACN leads the note, whole:
the payer matches the attachments to the claim by it, so the note is what gets trimmed.
"""
from __future__ import annotations

import re
from datetime import date

from plugin.errors import DocServiceError

NOTE_LIMIT = 80  # an 837P NTE, and what Open Dental sends of a medical claim's note
# The export's accident kinds -> Open Dental's AccidentRelated codes.
ACCIDENT_CODES = {"auto": "A", "employment": "E", "other": "O"}
_STATE = re.compile(r"^[A-Za-z]{2}$")


def compose_claim_note(acn: str, note: str, *, limit: int = NOTE_LIMIT) -> str:
    """"ACN <acn>; <note>", at most `limit` characters, the note trimmed at a boundary.

    The note loses whole "; " parts from its end first, then whole words, never half a word.
    """
    note = " ".join(note.split())
    acn = acn.strip()
    if not acn or acn in note:
        return _fit(note, limit)
    head = f"ACN {acn}" if len(acn) + 4 <= limit else acn[:limit]
    room = limit - len(head) - 2
    tail = _fit(note, room) if room > 0 else ""
    return f"{head}; {tail}" if tail else head


def _fit(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    parts = text.split("; ")
    while len(parts) > 1 and len("; ".join(parts)) > limit:
        parts.pop()
    kept = "; ".join(parts)
    if len(kept) <= limit:
        return kept
    words = kept[: limit + 1].split(" ")[:-1]  # the last piece was cut, or is the word that overflows
    return " ".join(words).rstrip(" ;,")


def claim_changes(export: dict, *, case_id: int) -> dict:
    """The PUT /claims body for this export. Fields the export leaves empty are not touched."""
    claim = export.get("claim") or {}
    changes = {"ClaimNote": compose_claim_note(str(export.get("acn") or ""), str(claim.get("note") or ""))}
    prior_authorization = str(claim.get("prior_authorization") or "").strip()
    if prior_authorization:
        changes["PriorAuthorizationNumber"] = prior_authorization
    accident = claim.get("accident")
    if accident:
        changes.update(_accident_fields(accident, case_id=case_id))
    return changes


def _accident_fields(accident: dict, *, case_id: int) -> dict:
    related = str(accident.get("related") or "").lower()
    if related not in ACCIDENT_CODES:
        raise DocServiceError(
            f"The export of case {case_id} names an accident that is not auto, employment or other."
        )
    fields = {"AccidentRelated": ACCIDENT_CODES[related]}
    if accident.get("date"):
        try:
            fields["AccidentDate"] = date.fromisoformat(str(accident["date"])).isoformat()
        except ValueError:
            raise DocServiceError(
                f"The export of case {case_id} has an accident date that is not YYYY-MM-DD."
            ) from None
    state = str(accident.get("state") or "").strip()
    if state:
        if not _STATE.match(state):
            raise DocServiceError(f"The export of case {case_id} has an accident state that is not two letters.")
        fields["AccidentST"] = state.upper()
    return fields
