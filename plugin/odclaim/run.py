"""Filling in the Open Dental medical claim of an exported case, and saying what staff still type."""
from __future__ import annotations

from dataclasses import dataclass, field

from plugin.odclaim.case_export import CaseExport
from plugin.odclaim.fields import ACCIDENT_CODES, claim_changes
from plugin.odclaim.matching import chosen_claim, describe_status, find_claim
from plugin.opendental.client import OpenDentalClient

ACCIDENT_NAMES = {code: name for name, code in ACCIDENT_CODES.items()}
CORRECTION_TYPES = {"7": "Replacement", "8": "Void"}


@dataclass(frozen=True)
class ClaimFill:
    """What od-claim did (or, in a dry run, would do) to one claim."""

    case: CaseExport
    claim_num: int
    status: str  # "unsent", "sent"... as the claim was found
    changes: dict  # fields whose value changes
    unchanged: dict  # fields that already held the export's value
    replaces_note: bool  # the claim had a note of someone else's that ClaimNote overwrites
    written: bool
    to_type: list[str] = field(default_factory=list)


def fill_od_claim(
    client: OpenDentalClient, case: CaseExport, *, claim_num: int | None = None, dry_run: bool
) -> ClaimFill:
    """Find the case's claim (or take --claim), PUT the export's fields on it unless dry_run."""
    if claim_num is None:
        claim = find_claim(client, case_id=case.case_id, pat_num=case.pat_num, proc_nums=case.proc_nums)
    else:
        claim = chosen_claim(client, case_id=case.case_id, pat_num=case.pat_num, claim_num=claim_num)
    number = int(claim["ClaimNum"])
    wanted = claim_changes(case.export, case_id=case.case_id)
    # Only what differs is sent, so a second run writes nothing and leaves SecDateTEdit alone.
    changes = {name: value for name, value in wanted.items() if claim.get(name) != value}
    unchanged = {name: value for name, value in wanted.items() if name not in changes}
    earlier_note = str(claim.get("ClaimNote") or "")
    replaces_note = "ClaimNote" in changes and bool(earlier_note) and not earlier_note.startswith("ACN ")
    if changes and not dry_run:
        client.put(f"claims/{number}", changes)
    return ClaimFill(
        case=case,
        claim_num=number,
        status=describe_status(claim),
        changes=changes,
        unchanged=unchanged,
        replaces_note=replaces_note,
        written=bool(changes) and not dry_run,
        to_type=still_to_type(case),
    )


def still_to_type(case: CaseExport) -> list[str]:
    """What the API cannot set and staff type in the claim's Edit Claim window, one line each."""
    lines = [f"Attachment ID: {case.acn}"]
    frequency = str(case.export.get("frequency_code") or "1")
    if frequency in CORRECTION_TYPES:
        payer_number = str(case.export.get("payer_claim_number") or "").strip()
        lines.append(f"Correction Type: {CORRECTION_TYPES[frequency]} (claim frequency {frequency})")
        lines.append(f"Original Reference Number: {payer_number or 'the payer claim number of the claim it corrects'}")
    return lines


def render_fill(fill: ClaimFill) -> str:
    case = fill.case
    out = [
        f"Case {case.case_id}, export {case.export.get('id')} (ACN {case.acn}): "
        f"Open Dental claim {fill.claim_num}, {fill.status}."
    ]
    if not fill.changes:
        out.append(f"Claim {fill.claim_num} already holds the export's fields; nothing written.")
    else:
        verb = "Would write" if not fill.written else "Written"
        out.append(f"{verb} to claim {fill.claim_num}{' (dry run: nothing written)' if not fill.written else ''}:")
        out += [f"  {name}: {_shown(name, value)}" for name, value in fill.changes.items()]
        if fill.replaces_note:
            out.append("  (the claim's earlier note is replaced)")
    out.append(f"Still to type in Open Dental, claim {fill.claim_num} > Edit Claim (the API cannot set these):")
    out += [f"  {line}" for line in fill.to_type]
    return "\n".join(out)


def fill_as_json(fill: ClaimFill) -> dict:
    return {
        "case_id": fill.case.case_id,
        "export_id": fill.case.export.get("id"),
        "acn": fill.case.acn,
        "claim_num": fill.claim_num,
        "claim_status": fill.status,
        "written": fill.written,
        "changes": fill.changes,
        "unchanged": sorted(fill.unchanged),
        "to_type": fill.to_type,
    }


def _shown(name: str, value: object) -> str:
    if name == "AccidentRelated":
        return f"{value} ({ACCIDENT_NAMES.get(str(value), 'none')})"
    return str(value)
