"""Open Dental's default columns for each resource, and the derived (lowercase) fields computed from others.

A seed row or a POST body names only some columns; Open Dental returns all of them. The templates
below list every column in the order Open Dental returns it, with the value a fresh row gets.
Derived fields (`provAbbr`, `confirmed`, `procCode`...) are looked up in the related tables, the
way Open Dental joins them, unless the row already carries them.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import cached_property
from typing import Callable, Iterable, Mapping

from plugin.sandbox.wire import EMPTY_DATE, EMPTY_DATETIME, format_date, format_datetime


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NOW = _Marker("NOW")  # the time the row is created
TODAY = _Marker("TODAY")  # the date the row is created
DERIVED = _Marker("DERIVED")  # computed from other columns or tables

# Definition categories (the `definition.Category` column) the sandbox uses or names.
CATEGORY_NAMES = {
    1: "AdjTypes",
    2: "ApptConfirmed",
    4: "BillingTypes",
    11: "ProcCodeCats",
    13: "RecallUnschedStatus",
    16: "Diagnosis",
    18: "ImageCats",
    20: "TxPriorities",
    27: "CommLogTypes",
    30: "Prognosis",
    33: "TaskPriorities",
    35: "ProviderSpecialty",
    36: "ClaimPaymentTracking",
}
APPT_CONFIRMED = 2
PROC_CODE_CATS = 11
RECALL_UNSCHED_STATUS = 13
DIAGNOSIS = 16
IMAGE_CATS = 18
TX_PRIORITIES = 20
COMMLOG_TYPES = 27
PROVIDER_SPECIALTY = 35
CLAIM_PAYMENT_TRACKING = 36

# What a new Open Dental database ships with, for the categories the served resources point into.
# Used when a seed has no "definitions" at all. DefNums are arbitrary but stable.
_STOCK = {
    APPT_CONFIRMED: [
        (19, "Not Called"),
        (20, "Unconfirmed"),
        (21, "Confirmed"),
        (22, "Left Msg"),
        (23, "Texted"),
        (24, "E-mailed"),
        (25, "Sent"),
        (26, "Not Accepted"),
        (27, "Failed"),
    ],
    PROC_CODE_CATS: [
        (70, "Exams & Xrays"),
        (72, "Fillings"),
        (74, "Endo"),
        (76, "Perio"),
        (78, "Cleanings"),
        (80, "Prosth, Removable"),
        (82, "Crown & Bridge"),
        (84, "Implants"),
        (86, "Ortho"),
        (88, "Misc"),
        (89, "Oral Surgery"),
    ],
    RECALL_UNSCHED_STATUS: [(100, "Called once"), (101, "Left message"), (102, "Patient to call back")],
    DIAGNOSIS: [(110, "Caries"), (111, "Fracture"), (112, "Periodontitis"), (113, "Infection")],
    IMAGE_CATS: [(150, "Patient Info"), (151, "BWs"), (152, "FMXs"), (153, "Panos"), (154, "Photos"), (155, "Letters")],
    TX_PRIORITIES: [(120, "1"), (121, "2"), (122, "3")],
    COMMLOG_TYPES: [
        (236, "Appointment Related"),
        (237, "Financial"),
        (238, "Insurance"),
        (239, "Misc"),
        (240, "Recall"),
    ],
    PROVIDER_SPECIALTY: [
        (255, "General"),
        (256, "Endodontics"),
        (257, "Oral Surgery"),
        (258, "Orthodontics"),
        (259, "Periodontics"),
        (260, "Hygienist"),
    ],
}


def stock_definitions() -> list[dict]:
    rows = []
    for category, items in _STOCK.items():
        for def_num, name in items:
            rows.append(
                {
                    "DefNum": def_num,
                    "ItemName": name,
                    "ItemValue": "",
                    "Category": category,
                    "category": CATEGORY_NAMES[category],
                    "isHidden": "false",
                }
            )
    return sorted(rows, key=lambda r: r["DefNum"])


TEMPLATES: dict[str, dict] = {
    "definitions": {
        "DefNum": 0,
        "ItemName": "",
        "ItemValue": "",
        "Category": 0,
        "category": DERIVED,
        "isHidden": "false",
    },
    "providers": {
        "ProvNum": 0,
        "Abbr": "",
        "LName": "",
        "FName": "",
        "MI": "",
        "Suffix": "",
        "FeeSched": 0,
        "Specialty": 0,
        "SSN": "",
        "StateLicense": "",
        "IsSecondary": "false",
        "provColor": "-16777216",
        "IsHidden": "false",
        "UsingTIN": "false",
        "SigOnFile": "true",
        "NationalProvID": "",
        "DateTStamp": NOW,
        "IsNotPerson": "false",
        "ProvStatus": "Active",
        "IsHiddenReport": "false",
        "Birthdate": EMPTY_DATE,
        "SchedNote": "",
        "PreferredName": "",
    },
    "procedurecodes": {
        "CodeNum": 0,
        "ProcCode": "",
        "Descript": "",
        "AbbrDesc": "",
        "ProcTime": "/X/",
        "ProcCat": 0,
        "procCat": DERIVED,
        "TreatArea": "Mouth",
        "NoBillIns": "false",
        "IsProsth": "false",
        "DefaultNote": "",
        "IsHygiene": "false",
        "AlternateCode1": "",
        "MedicalCode": "",
        "IsTaxed": "false",
        "PaintType": "None",
        "LaymanTerm": "",
        "IsCanadianLab": "false",
        "BaseUnits": 0,
        "SubstitutionCode": "",
        "SubstOnlyIf": "Always",
        "DateTStamp": NOW,
        "DrugNDC": "",
        "RevenueCodeDefault": "",
        "ProvNumDefault": 0,
        "CanadaTimeUnits": 0.0,
        "IsRadiology": "false",
        "DefaultClaimNote": "",
        "DefaultTPNote": "",
        "PaintText": "",
        "AreaAlsoToothRange": "false",
        "DiagnosticCodes": "",
    },
    "diseasedefs": {
        "DiseaseDefNum": 0,
        "DiseaseName": "",
        "IsHidden": "false",
        "DateTStamp": NOW,
        "ICD9Code": "",
        "ICD10Code": "",
        "SnomedCode": "",
    },
    "carriers": {
        "CarrierNum": 0,
        "CarrierName": "",
        "Address": "",
        "Address2": "",
        "City": "",
        "State": "",
        "Zip": "",
        "Phone": "",
        "ElectID": "",
        "NoSendElect": "SendElect",
        "IsHidden": "false",
    },
    "insplans": {
        "PlanNum": 0,
        "GroupName": "",
        "GroupNum": "",
        "PlanNote": "",
        "FeeSched": 0,
        "PlanType": "",
        "ClaimFormNum": 1,
        "ClaimsUseUCR": "false",
        "CopayFeeSched": 0,
        "EmployerNum": 0,
        "CarrierNum": 0,
        "IsMedical": "false",
        "FilingCode": 0,
        "ShowBaseUnits": "false",
        "CodeSubstNone": "false",
        "IsHidden": "false",
        "MonthRenew": 0,
        "FilingCodeSubtype": 0,
        "CobRule": "Basic",
        "SecUserNumEntry": 0,
        "SecDateEntry": TODAY,
        "SecDateTEdit": NOW,
        "BillingType": 0,
        "ExclusionFeeRule": "PracticeDefault",
        "ManualFeeSchedNum": 0,
        "IsBlueBookEnabled": "true",
    },
    "patients": {
        "PatNum": 0,
        "LName": "",
        "FName": "",
        "MiddleI": "",
        "Preferred": "",
        "PatStatus": "Patient",
        "Gender": "Unknown",
        "Position": "Single",
        "Birthdate": EMPTY_DATE,
        "SSN": "",
        "Address": "",
        "Address2": "",
        "City": "",
        "State": "",
        "Zip": "",
        "HmPhone": "",
        "WkPhone": "",
        "WirelessPhone": "",
        "Guarantor": DERIVED,
        "Email": "",
        "EstBalance": 0.0,
        "PriProv": 0,
        "priProvAbbr": DERIVED,
        "SecProv": 0,
        "secProvAbbr": DERIVED,
        "FeeSched": 0,
        "BillingType": "Standard Account",
        "ImageFolder": DERIVED,
        "FamFinUrgNote": "",
        "ChartNumber": "",
        "MedicaidID": "",
        "BalTotal": 0.0,
        "EmployerNum": 0,
        "DateFirstVisit": EMPTY_DATE,
        "ClinicNum": 0,
        "clinicAbbr": "",
        "Premed": "false",
        "Ward": "",
        "PreferConfirmMethod": "None",
        "PreferContactMethod": "None",
        "PreferRecallMethod": "None",
        "Language": "",
        "AdmitDate": EMPTY_DATE,
        "siteDesc": "",
        "DateTStamp": NOW,
        "SuperFamily": 0,
        "TxtMsgOk": "Unknown",
        "SecDateEntry": TODAY,
    },
    "inssubs": {
        "InsSubNum": 0,
        "PlanNum": 0,
        "Subscriber": 0,
        "DateEffective": EMPTY_DATE,
        "DateTerm": EMPTY_DATE,
        "SubscriberID": "",
        "BenefitNotes": "",
        "ReleaseInfo": "true",
        "AssignBen": "true",
        "SubscNote": "",
        "SecDateTEdit": NOW,
    },
    "patplans": {
        "PatPlanNum": 0,
        "PatNum": 0,
        "Ordinal": 1,
        "IsPending": "false",
        "Relationship": "Self",
        "PatID": "",
        "InsSubNum": 0,
        "OrthoAutoFeeBilledOverride": -1.0,
        "OrthoAutoNextClaimDate": EMPTY_DATE,
        "SecDateTEntry": NOW,
        "SecDateTEdit": NOW,
    },
    "appointments": {
        "AptNum": 0,
        "PatNum": 0,
        "AptStatus": "Scheduled",
        "Pattern": "/XX/",
        "PatternSecondary": "",
        "Confirmed": DERIVED,
        "confirmed": DERIVED,
        "TimeLocked": "false",
        "Op": 0,
        "Note": "",
        "ProvNum": 0,
        "provAbbr": DERIVED,
        "ProvHyg": 0,
        "AptDateTime": EMPTY_DATETIME,
        "NextAptNum": 0,
        "UnschedStatus": 0,
        "unschedStatus": DERIVED,
        "IsNewPatient": "false",
        "ProcDescript": DERIVED,
        "ClinicNum": 0,
        "IsHygiene": "false",
        "DateTStamp": NOW,
        "DateTimeArrived": DERIVED,
        "DateTimeSeated": DERIVED,
        "DateTimeDismissed": DERIVED,
        "DateTimeAskedToArrive": EMPTY_DATETIME,
        "InsPlan1": 0,
        "InsPlan2": 0,
        "colorOverride": "0,0,0",
        "AppointmentTypeNum": 0,
        "SecUserNumEntry": 0,
        "SecDateTEntry": NOW,
        "Priority": "Normal",
        "ItemOrderPlanned": 0,
    },
    "procedurelogs": {
        "ProcNum": 0,
        "PatNum": 0,
        "AptNum": 0,
        "ProcDate": EMPTY_DATE,
        "ProcFee": "0.00",
        "Surf": "",
        "ToothNum": "",
        "ToothRange": "",
        "Priority": 0,
        "priority": DERIVED,
        "ProcStatus": "TP",
        "ProvNum": 0,
        "provAbbr": DERIVED,
        "Dx": 0,
        "dxName": DERIVED,
        "PlannedAptNum": 0,
        "PlaceService": "Office",
        "Prosthesis": "",
        "DateOriginalProsth": EMPTY_DATE,
        "ClaimNote": "",
        "DateEntryC": EMPTY_DATE,
        "ClinicNum": 0,
        "CodeNum": 0,
        "procCode": DERIVED,
        "descript": DERIVED,
        "UnitQty": 1,
        "BaseUnits": 0,
        "DateTP": TODAY,
        "SiteNum": 0,
        "HideGraphics": "false",
        "CanadianTypeCodes": "",
        "ProcTime": "00:00:00",
        "ProcTimeEnd": "00:00:00",
        "DateTStamp": NOW,
        "Prognosis": 0,
        "IsLocked": "false",
        "BillingNote": "",
        "Discount": 0.0,
        "IsDateProsthEst": "false",
        "SecDateEntry": TODAY,
    },
    "claims": {
        "ClaimNum": 0,
        "PatNum": 0,
        "DateService": EMPTY_DATE,
        "DateSent": EMPTY_DATE,
        "ClaimStatus": "U",
        "DateReceived": EMPTY_DATE,
        "PlanNum": 0,
        "ProvTreat": 0,
        "ClaimFee": 0.0,
        "InsPayEst": 0.0,
        "InsPayAmt": 0.0,
        "DedApplied": 0.0,
        "IsProsthesis": "N",
        "PriorDate": EMPTY_DATE,
        "ReasonUnderPaid": "",
        "ClaimNote": "",
        "ClaimType": "P",
        "ProvBill": 0,
        "PlaceService": "Office",
        "AccidentRelated": "",
        "AccidentDate": EMPTY_DATE,
        "AccidentST": "",
        "IsOrtho": "False",  # claims answer "True"/"False", capitalised
        "OrthoRemainM": 0,
        "OrthoDate": EMPTY_DATE,
        "PatRelat": "Self",
        "PlanNum2": 0,
        "PatRelat2": "Self",
        "WriteOff": 0.0,
        "ClaimForm": "0",  # a string; "0" means the plan's claim form
        "InsSubNum": 0,
        "InsSubNum2": 0,
        "PriorAuthorizationNumber": "",
        "CustomTracking": 0,
        "customTracking": "",
        "OrthoTotalM": 0,
        "SecDateTEdit": NOW,
    },
    "claimprocs": {
        "ClaimProcNum": 0,
        "ProcNum": 0,
        "ClaimNum": 0,
        "PatNum": 0,
        "ProvNum": DERIVED,
        "FeeBilled": DERIVED,
        "InsPayEst": 0.0,
        "DedApplied": 0.0,
        "Status": "NotReceived",
        "InsPayAmt": 0.0,
        "Remarks": "",
        "ClaimPaymentNum": 0,
        "PlanNum": DERIVED,
        "DateCP": EMPTY_DATE,
        "WriteOff": 0.0,
        "CodeSent": DERIVED,
        "AllowedOverride": -1.0,
        "Percentage": -1,
        "PercentOverride": -1,
        "CopayAmt": -1.0,
        "NoBillIns": "false",
        "PaidOtherIns": 0.0,
        "BaseEst": 0.0,
        "CopayOverride": -1.0,
        "ProcDate": DERIVED,
        "DateEntry": EMPTY_DATE,
        "DedEst": 0.0,
        "DedEstOverride": -1.0,
        "InsEstTotal": 0.0,
        "InsEstTotalOverride": -1.0,
        "PaidOtherInsOverride": -1.0,
        "EstimateNote": "",
        "WriteOffEst": -1.0,
        "WriteOffEstOverride": -1.0,
        "ClinicNum": 0,
        "InsSubNum": DERIVED,
        "PaymentRow": 0,
        "PayPlanNum": 0,
        "ClaimPaymentTracking": 0,
        "claimPaymentTracking": DERIVED,
        "SecUserNumEntry": 0,
        "SecDateEntry": TODAY,
        "SecDateTEdit": NOW,
        "DateSuppReceived": EMPTY_DATE,
        "DateInsFinalized": EMPTY_DATE,
        "IsTransfer": "false",
        "ClaimAdjReasonCodes": "",
    },
    "diseases": {
        "DiseaseNum": 0,
        "PatNum": 0,
        "DiseaseDefNum": 0,
        "diseaseDefName": DERIVED,
        "PatNote": "",
        "ProbStatus": "Active",
        "DateStart": EMPTY_DATE,
        "DateStop": EMPTY_DATE,
    },
    "popups": {
        "PopupNum": 0,
        "PatNum": 0,
        "Description": "",
        "IsDisabled": "false",
        "PopupLevel": "Patient",
        "DateTimeEntry": NOW,
        "IsArchived": "false",
        "PopupNumArchive": 0,
        "DateTimeDisabled": EMPTY_DATETIME,
    },
    "commlogs": {
        "CommlogNum": 0,
        "PatNum": 0,
        "CommDateTime": NOW,
        "CommType": DERIVED,
        "commType": DERIVED,
        "Note": "",
        "Mode_": "Phone",
        "SentOrReceived": "Sent",
        "UserNum": 0,
        "DateTStamp": NOW,
        "CommSource": "User",
        "ProgramNum": 0,
        "DateTEntry": NOW,
        "ReferralNum": 0,
    },
    "apptfielddefs": {"ApptFieldDefNum": 0, "FieldName": "", "FieldType": "Text", "PickList": ""},
    "apptfields": {"ApptFieldNum": 0, "AptNum": 0, "FieldName": "", "FieldValue": ""},
    "documents": {
        "DocNum": 0,
        "Description": "",
        "DateCreated": NOW,
        "DocCategory": DERIVED,
        "docCategory": DERIVED,
        "PatNum": 0,
        "FileName": "",
        "ImgType": "Document",
        "ToothNumbers": "",
        "DateTStamp": NOW,
        "ProvNum": 0,
        "PrintHeading": "false",
        "Note": "",
    },
}


def _as_int(value: object) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


class Lookups:
    """Indexes over the tables, built on first use, for filling derived fields."""

    def __init__(self, tables: Mapping[str, Iterable[dict]]) -> None:
        self._tables = tables

    @cached_property
    def definitions(self) -> dict:
        return {_as_int(r.get("DefNum")): r for r in self._tables.get("definitions", ())}

    @cached_property
    def providers(self) -> dict:
        return {_as_int(r.get("ProvNum")): r for r in self._tables.get("providers", ())}

    @cached_property
    def codes(self) -> dict:
        return {_as_int(r.get("CodeNum")): r for r in self._tables.get("procedurecodes", ())}

    @cached_property
    def codes_by_proc_code(self) -> dict:
        return {str(r.get("ProcCode")): r for r in self._tables.get("procedurecodes", ())}

    @cached_property
    def disease_defs(self) -> dict:
        return {_as_int(r.get("DiseaseDefNum")): r for r in self._tables.get("diseasedefs", ())}

    @cached_property
    def disease_defs_by_name(self) -> dict:
        # Open Dental matches problem names without regard to case.
        return {str(r.get("DiseaseName")).casefold(): r for r in self._tables.get("diseasedefs", ())}

    @cached_property
    def procedures(self) -> dict:
        return {_as_int(r.get("ProcNum")): r for r in self._tables.get("procedurelogs", ())}

    @cached_property
    def claims(self) -> dict:
        return {_as_int(r.get("ClaimNum")): r for r in self._tables.get("claims", ())}

    @cached_property
    def procedures_by_appointment(self) -> dict[int, list[dict]]:
        grouped: dict[int, list[dict]] = defaultdict(list)
        for proc in self._tables.get("procedurelogs", ()):
            grouped[_as_int(proc.get("AptNum"))].append(proc)
        return grouped

    def def_name(self, def_num: object, category: int) -> str:
        row = self.definitions.get(_as_int(def_num))
        if row is None or _as_int(row.get("Category")) != category:
            return ""
        return str(row.get("ItemName", ""))

    def def_num_named(self, category: int, name: str) -> int | None:
        for def_num, row in self.definitions.items():
            if _as_int(row.get("Category")) == category and str(row.get("ItemName", "")).casefold() == name.casefold():
                return def_num
        return None

    def first_def(self, category: int) -> int:
        """The first visible definition of a category: what Open Dental picks as a default."""
        for def_num, row in sorted(self.definitions.items()):
            if _as_int(row.get("Category")) == category and str(row.get("isHidden", "false")).lower() != "true":
                return def_num
        return 0

    def prov_abbr(self, prov_num: object) -> str:
        row = self.providers.get(_as_int(prov_num))
        return str(row.get("Abbr", "")) if row else ""


def _appointment_day(row: dict, _: Lookups) -> str:
    # Open Dental keeps only the time of arrival/seating/dismissal and returns it on the appointment's day.
    return f"{str(row.get('AptDateTime', EMPTY_DATETIME))[:10]} 00:00:00"


def describe_procedures(row: dict, lookups: Lookups) -> str:
    """An appointment's ProcDescript: the AbbrDesc of its procedures, in ProcNum order."""
    procs = sorted(lookups.procedures_by_appointment.get(_as_int(row.get("AptNum")), []), key=lambda p: p["ProcNum"])
    abbrs = [str(lookups.codes.get(_as_int(p.get("CodeNum")), {}).get("AbbrDesc", "")) for p in procs]
    return ", ".join(a for a in abbrs if a)


def _of_procedure(field: str, default: object, convert: Callable[[object], object] = lambda value: value):
    """A claimproc column copied from its procedure, as Open Dental fills it when attaching one."""
    return lambda row, lookups: convert(lookups.procedures.get(_as_int(row.get("ProcNum")), {}).get(field, default))


def _of_claim(field: str):
    return lambda row, lookups: lookups.claims.get(_as_int(row.get("ClaimNum")), {}).get(field, 0)


def _code_sent(row: dict, lookups: Lookups) -> str:
    proc = lookups.procedures.get(_as_int(row.get("ProcNum")), {})
    return str(lookups.codes.get(_as_int(proc.get("CodeNum")), {}).get("ProcCode", ""))


def _as_float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _code_field(field: str) -> Callable[[dict, Lookups], str]:
    return lambda row, lookups: str(lookups.codes.get(_as_int(row.get("CodeNum")), {}).get(field, ""))


def _def_name(column: str, category: int) -> Callable[[dict, Lookups], str]:
    return lambda row, lookups: lookups.def_name(row.get(column), category)


def _prov_abbr(column: str) -> Callable[[dict, Lookups], str]:
    return lambda row, lookups: lookups.prov_abbr(row.get(column))


# resource -> field -> how to compute it. Within a resource, a field is computed after those above it.
DERIVERS: dict[str, dict[str, Callable[[dict, Lookups], object]]] = {
    "definitions": {"category": lambda row, _: CATEGORY_NAMES.get(_as_int(row.get("Category")), "")},
    "procedurecodes": {"procCat": _def_name("ProcCat", PROC_CODE_CATS)},
    "patients": {
        "Guarantor": lambda row, _: row["PatNum"],  # a new patient is their own guarantor
        "ImageFolder": lambda row, _: f"{row.get('LName', '')}{row.get('FName', '')}{row['PatNum']}",
        "priProvAbbr": _prov_abbr("PriProv"),
        "secProvAbbr": _prov_abbr("SecProv"),
    },
    "appointments": {
        "Confirmed": lambda row, lookups: lookups.first_def(APPT_CONFIRMED),
        "confirmed": _def_name("Confirmed", APPT_CONFIRMED),
        "provAbbr": _prov_abbr("ProvNum"),
        "unschedStatus": _def_name("UnschedStatus", RECALL_UNSCHED_STATUS),
        "ProcDescript": describe_procedures,
        "DateTimeArrived": _appointment_day,
        "DateTimeSeated": _appointment_day,
        "DateTimeDismissed": _appointment_day,
    },
    "procedurelogs": {
        "priority": _def_name("Priority", TX_PRIORITIES),
        "provAbbr": _prov_abbr("ProvNum"),
        "dxName": _def_name("Dx", DIAGNOSIS),
        "procCode": _code_field("ProcCode"),
        "descript": _code_field("Descript"),
    },
    "claimprocs": {
        "ProvNum": _of_procedure("ProvNum", 0),
        "FeeBilled": _of_procedure("ProcFee", 0.0, _as_float),
        "PlanNum": _of_claim("PlanNum"),
        "CodeSent": _code_sent,
        "ProcDate": _of_procedure("ProcDate", EMPTY_DATE),
        "InsSubNum": _of_claim("InsSubNum"),
        "claimPaymentTracking": _def_name("ClaimPaymentTracking", CLAIM_PAYMENT_TRACKING),
    },
    "diseases": {
        "diseaseDefName": lambda row, lookups: str(
            lookups.disease_defs.get(_as_int(row.get("DiseaseDefNum")), {}).get("DiseaseName", "")
        ),
    },
    "commlogs": {
        # CommType is a DefNum that Open Dental returns as a string.
        "CommType": lambda row, lookups: str(
            lookups.def_num_named(COMMLOG_TYPES, "Misc") or lookups.first_def(COMMLOG_TYPES)
        ),
        "commType": _def_name("CommType", COMMLOG_TYPES),
    },
    "documents": {
        "DocCategory": lambda row, lookups: lookups.first_def(IMAGE_CATS),
        "docCategory": _def_name("DocCategory", IMAGE_CATS),
    },
}


def fill_defaults(resource: str, given: Mapping, *, now: datetime) -> dict:
    """Every column in Open Dental's order: the given value, else the default. Derived ones stay marked."""
    row: dict = {}
    for field, default in TEMPLATES[resource].items():
        if field in given:
            row[field] = given[field]
        elif default is NOW:
            row[field] = format_datetime(now)
        elif default is TODAY:
            row[field] = format_date(now.date())
        else:
            row[field] = default
    for field, value in given.items():
        row.setdefault(field, value)  # columns we don't template are kept, after the known ones
    return row


def derive_fields(resource: str, row: dict, lookups: Lookups, *, refresh: bool = False) -> dict:
    """Fill marked derived fields. With refresh, also recompute every lowercase (read-only) field,
    because a write may have changed the column it is looked up from."""
    for field, derive in DERIVERS.get(resource, {}).items():
        if row.get(field) is DERIVED or (refresh and field[:1].islower()):
            row[field] = derive(row, lookups)
    return row


def complete_row(resource: str, given: Mapping, lookups: Lookups, *, now: datetime) -> dict:
    return derive_fields(resource, fill_defaults(resource, given, now=now), lookups)
