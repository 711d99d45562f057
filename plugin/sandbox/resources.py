"""What each Open Dental resource the sandbox serves is: its key, change stamp, required fields, links.

One table of facts shared by the seed validator, the store and the routes, so that "which column
is the primary key of inssubs" is answered in exactly one place.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Resource:
    path: str  # the API path and the seed-file key, e.g. "appointments"
    key: str  # primary key column, e.g. "AptNum"
    noun: str  # for messages: "Appointment not found."
    # Fields a seed row must carry besides the key. A tuple inside means "one of these".
    required: tuple[str | tuple[str, ...], ...] = ()
    # The column Open Dental bumps on every write; None when the table has none.
    stamp: str | None = "DateTStamp"
    # Whether Open Dental adds `serverDateTime` to each returned row.
    echoes_server_time: bool = False
    # Stored but never returned (e.g. a document's parked upload).
    hidden: frozenset[str] = frozenset()
    # True when a seed row may leave the key out and the sandbox numbers it.
    key_optional: bool = False


# In dependency order: a table only refers to tables above it, so seeds are checked top-down.
RESOURCES: dict[str, Resource] = {
    r.path: r
    for r in (
        Resource("definitions", "DefNum", "Definition", ("Category", "ItemName"), stamp=None),
        Resource("providers", "ProvNum", "Provider", ("Abbr",), echoes_server_time=True),
        Resource("procedurecodes", "CodeNum", "Procedure code", ("ProcCode",), echoes_server_time=True),
        Resource("diseasedefs", "DiseaseDefNum", "Problem definition", ("DiseaseName",)),
        Resource("carriers", "CarrierNum", "Carrier", ("CarrierName",), stamp=None),
        Resource("insplans", "PlanNum", "Insurance plan", ("CarrierNum",), stamp="SecDateTEdit"),
        Resource("patients", "PatNum", "Patient", ("LName", "FName")),
        Resource("inssubs", "InsSubNum", "Insurance subscriber", ("PlanNum", "Subscriber"), stamp="SecDateTEdit"),
        Resource("patplans", "PatPlanNum", "PatPlan", ("PatNum", "InsSubNum"), stamp="SecDateTEdit"),
        Resource(
            "appointments",
            "AptNum",
            "Appointment",
            ("PatNum", "AptDateTime", "AptStatus"),
            echoes_server_time=True,
        ),
        Resource(
            "procedurelogs",
            "ProcNum",
            "Procedure",
            ("PatNum", ("CodeNum", "procCode")),
            echoes_server_time=True,
        ),
        Resource("claims", "ClaimNum", "Claim", ("PatNum",), stamp="SecDateTEdit"),
        Resource("claimprocs", "ClaimProcNum", "ClaimProc", ("PatNum",), stamp="SecDateTEdit"),
        Resource("diseases", "DiseaseNum", "Problem", ("PatNum", ("DiseaseDefNum", "diseaseDefName")), stamp=None),
        Resource("popups", "PopupNum", "Popup", ("PatNum", "Description"), stamp=None),
        Resource("commlogs", "CommlogNum", "Commlog", ("PatNum",), echoes_server_time=True),
        Resource("apptfielddefs", "ApptFieldDefNum", "Appointment field definition", ("FieldName",), stamp=None),
        Resource(
            "apptfields",
            "ApptFieldNum",
            "Appointment field",
            ("AptNum", "FieldName"),
            stamp=None,
            hidden=frozenset({"ApptFieldNum"}),
            key_optional=True,
        ),
        # The Note column holds the parked upload ("_rawBase64_:..."); Open Dental never returns it.
        Resource("documents", "DocNum", "Document", ("PatNum",), hidden=frozenset({"Note"})),
    )
}

# (resource, column, target resource, 0 allowed): rows that must exist for a seed to make sense.
# 0 means "none" where the column is optional in Open Dental (an unscheduled procedure has AptNum 0).
REFERENCES: tuple[tuple[str, str, str, bool], ...] = (
    ("insplans", "CarrierNum", "carriers", False),
    ("inssubs", "PlanNum", "insplans", False),
    ("inssubs", "Subscriber", "patients", False),
    ("patplans", "PatNum", "patients", False),
    ("patplans", "InsSubNum", "inssubs", False),
    ("appointments", "PatNum", "patients", False),
    ("procedurelogs", "PatNum", "patients", False),
    ("procedurelogs", "CodeNum", "procedurecodes", False),
    ("procedurelogs", "AptNum", "appointments", True),
    ("claims", "PatNum", "patients", False),
    ("claims", "PlanNum", "insplans", True),
    ("claims", "InsSubNum", "inssubs", True),
    ("claims", "ProvTreat", "providers", True),
    ("claims", "ProvBill", "providers", True),
    ("claimprocs", "PatNum", "patients", False),
    ("claimprocs", "ClaimNum", "claims", True),  # 0: an estimate, not on a claim yet
    ("claimprocs", "ProcNum", "procedurelogs", True),  # 0: an insurance adjustment
    ("diseases", "PatNum", "patients", False),
    ("diseases", "DiseaseDefNum", "diseasedefs", False),
    ("popups", "PatNum", "patients", False),
    ("commlogs", "PatNum", "patients", False),
    ("apptfields", "AptNum", "appointments", False),
    ("documents", "PatNum", "patients", False),
)

APPOINTMENT_STATUSES = (
    "Scheduled",
    "Complete",
    "UnschedList",
    "ASAP",
    "Broken",
    "Planned",
    "PtNote",
    "PtNoteCompleted",
)
PROCEDURE_STATUSES = ("TP", "C", "EC", "EO", "R", "D", "Cn", "TPi")
# Claim.ClaimStatus: Unsent, Hold until pri received, Waiting in queue, Sent, Received, Hold for In Process.
CLAIM_STATUSES = ("U", "H", "W", "S", "R", "I")
# Claim.ClaimType: "Other" is what the desktop's New Claim > Medical makes; the API cannot make one.
CLAIM_TYPES = ("P", "S", "PreAuth", "Other", "Cap")
# Claim.AccidentRelated as stored and returned: none, Auto, Employment, Other.
ACCIDENT_CODES = ("", "A", "E", "O")
CLAIMPROC_STATUSES = (
    "NotReceived",
    "Received",
    "Preauth",
    "Adjustment",
    "Supplemental",
    "CapClaim",
    "Estimate",
    "CapComplete",
    "CapEstimate",
    "InsHist",
)
