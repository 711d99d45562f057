"""Finding the Open Dental claim staff made for a case's procedures.

The API cannot create a medical claim, so staff make it (Account > New Claim > Medical); this
finds it again: the patient's claims that hold any of the case's procedures (through their
claimprocs), on a medical plan, not yet sent. Anything but exactly one such claim is said
plainly, with the claim numbers, so staff can pick one with --claim.
"""
from __future__ import annotations

from collections.abc import Iterable

from crosswalks.exitcodes import ExitCode
from plugin.errors import MedLaneError, PMSNotFound
from plugin.opendental.client import OpenDentalClient
from plugin.opendental.values import parse_bool, parse_int

# Not yet sent: Unsent, Hold until primary received, Waiting in queue.
UNSENT = frozenset({"U", "H", "W"})
STATUS_NAMES = {
    "U": "unsent",
    "H": "on hold until the primary is received",
    "W": "waiting in the send queue",
    "S": "sent",
    "R": "received",
    "I": "on hold for in-process",
}
# Claimprocs that put a procedure on a claim (estimates and history rows do not).
ON_A_CLAIM = frozenset({"NotReceived", "Received", "Supplemental", "CapClaim"})


class ClaimNotMatched(MedLaneError):
    """No single Open Dental claim can be told to be the case's medical claim."""

    exit_code = ExitCode.claim_not_matched


def find_claim(client: OpenDentalClient, *, case_id: int, pat_num: int, proc_nums: Iterable[int]) -> dict:
    """The one unsent medical claim of the patient holding any of `proc_nums`."""
    wanted = set(proc_nums)
    on_claims = set().union(*(claim_nums_of_procedure(client, proc_num) for proc_num in wanted))
    holding = [
        claim
        for claim in client.get_all("claims", {"PatNum": pat_num})
        if parse_int(claim.get("ClaimNum")) in on_claims and claim.get("ClaimType") != "PreAuth"
    ]
    listed = ", ".join(str(n) for n in sorted(wanted))
    if not holding:
        raise ClaimNotMatched(
            f"No Open Dental claim holds the procedures of case {case_id} (ProcNums {listed}): make the medical "
            "claim in Open Dental (Account > New Claim > Medical), then run this again."
        )
    medical_plans = medical_plan_nums(client)
    medical = [claim for claim in holding if parse_int(claim.get("PlanNum")) in medical_plans]
    if not medical:
        raise ClaimNotMatched(
            f"Only dental claims ({_numbers(holding)}) hold the procedures of case {case_id}: make the medical "
            "claim in Open Dental (Account > New Claim > Medical), then run this again."
        )
    unsent = [claim for claim in medical if claim.get("ClaimStatus") in UNSENT]
    if len(unsent) == 1:
        return unsent[0]
    if unsent:
        raise ClaimNotMatched(
            f"Several unsent medical claims hold the procedures of case {case_id} ({_numbers(unsent)}): "
            "pick one with --claim."
        )
    raise ClaimNotMatched(
        f"The medical claims holding the procedures of case {case_id} were already sent ({_numbers(medical)}): "
        "pick one with --claim to fill it in anyway."
    )


def chosen_claim(client: OpenDentalClient, *, case_id: int, pat_num: int, claim_num: int) -> dict:
    """The claim staff named with --claim, if it is this case's patient's."""
    try:
        claim = client.get(f"claims/{claim_num}")
    except PMSNotFound:
        raise ClaimNotMatched(f"Open Dental has no claim {claim_num}.") from None
    if parse_int(claim.get("PatNum")) != pat_num:
        raise ClaimNotMatched(f"Claim {claim_num} is not for the patient of case {case_id}.")
    return claim


def claim_nums_of_procedure(client: OpenDentalClient, proc_num: int) -> set[int]:
    try:
        lines = client.get_all("claimprocs", {"ProcNum": proc_num})
    except PMSNotFound:
        return set()  # the procedure was deleted in Open Dental since the case was opened
    return {
        parse_int(line.get("ClaimNum"))
        for line in lines
        if parse_int(line.get("ClaimNum")) > 0 and line.get("Status") in ON_A_CLAIM
    }


def medical_plan_nums(client: OpenDentalClient) -> set[int]:
    # Open Dental keeps no Medical/Dental switch on the claim (MedType is not in the API);
    # a medical claim is one on a plan with the Medical Insurance box ticked.
    return {parse_int(plan.get("PlanNum")) for plan in client.get_all("insplans") if parse_bool(plan.get("IsMedical"))}


def describe_status(claim: dict) -> str:
    status = str(claim.get("ClaimStatus") or "")
    return STATUS_NAMES.get(status, f"status {status}")


def _numbers(claims: list[dict]) -> str:
    return ", ".join(f"{c['ClaimNum']} {describe_status(c)}" for c in claims)
