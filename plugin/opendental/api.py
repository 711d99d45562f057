"""The Open Dental resources MedLane uses, as methods with the documented parameter names.

Parameter names are case-sensitive in practice (`dateStart`, not `DateStart`): Open Dental
ignores names it does not know and returns unfiltered rows, so they are spelled once, here.
Lookup tables that rarely change (diseasedefs, insplans, carriers, apptfielddefs) are read once
per instance.
"""
from __future__ import annotations

from datetime import date, datetime

from plugin.errors import PMSNotFound
from plugin.opendental.client import OpenDentalClient
from plugin.opendental.records import Appointment, PlanOnFile, Popup, ProblemRow, ProcedureRow, relationship_of
from plugin.opendental.values import format_date, format_datetime, parse_bool, parse_int


class OpenDentalAPI:
    def __init__(self, client: OpenDentalClient) -> None:
        self.client = client
        self._disease_icd10: dict[int, str] | None = None
        self._plans: dict[int, dict] | None = None
        self._carriers: dict[int, str] | None = None
        self._inssubs: dict[int, dict] = {}

    # -- appointments ------------------------------------------------------------------------

    def appointments_between(self, first: date, last: date, *, status: str | None = None) -> list[Appointment]:
        params = {"dateStart": format_date(first), "dateEnd": format_date(last), "AptStatus": status}
        return [Appointment.from_row(r) for r in self.client.get_all("appointments", params)]

    def appointments_changed_since(self, stamp: str) -> list[Appointment]:
        return [Appointment.from_row(r) for r in self.client.get_all("appointments", {"DateTStamp": stamp})]

    def appointment(self, apt_num: int) -> Appointment | None:
        try:
            return Appointment.from_row(self.client.get(f"appointments/{apt_num}"))
        except PMSNotFound:
            return None

    def append_appointment_note(self, apt_num: int, line: str) -> None:
        # Open Dental appends this as a new line; running it twice would add the line twice.
        self.client.put(f"appointments/{apt_num}/Note", {"Note": line}, idempotent=False)

    def patient(self, pat_num: int) -> dict:
        """The patient row (demographics for a case). Returned as Open Dental sent it."""
        return self.client.get(f"patients/{pat_num}")

    # -- procedures and problems ------------------------------------------------------------

    def procedures_for_appointment(self, apt_num: int) -> list[ProcedureRow]:
        return [ProcedureRow.from_row(r) for r in self.client.get_all("procedurelogs", {"AptNum": apt_num})]

    def procedures_changed_since(self, stamp: str) -> tuple[list[ProcedureRow], str]:
        rows = self.client.get_all("procedurelogs", {"DateTStamp": stamp})
        server_time = max((str(r.get("serverDateTime") or "") for r in rows), default="")
        return [ProcedureRow.from_row(r) for r in rows], server_time

    def problems_for_patient(self, pat_num: int) -> list[ProblemRow]:
        return [ProblemRow.from_row(r) for r in self.client.get_all("diseases", {"PatNum": pat_num})]

    def icd10_of_problem(self, def_num: int) -> str:
        if self._disease_icd10 is None:
            self._disease_icd10 = {
                parse_int(r.get("DiseaseDefNum")): str(r.get("ICD10Code") or "").strip().upper()
                for r in self.client.get_all("diseasedefs")
            }
        return self._disease_icd10.get(def_num, "")

    # -- insurance ---------------------------------------------------------------------------

    def plans_on_file(self, pat_num: int) -> list[PlanOnFile]:
        """The patient's coverage, primary first. Only patplan rows make coverage in Open Dental."""
        found = []
        for patplan in self.client.get_all("patplans", {"PatNum": pat_num}):
            sub = self._inssub(parse_int(patplan.get("InsSubNum")))
            if sub is None:
                continue
            plan = self._insplans().get(parse_int(sub.get("PlanNum")), {})
            found.append(
                PlanOnFile(
                    ordinal=parse_int(patplan.get("Ordinal"), 1),
                    is_medical=parse_bool(plan.get("IsMedical")),
                    carrier=self._carriers_by_num().get(parse_int(plan.get("CarrierNum")), {}).get("CarrierName", ""),
                    group_name=str(plan.get("GroupName") or ""),
                    subscriber_id=str(sub.get("SubscriberID") or ""),
                    plan_num=parse_int(sub.get("PlanNum")),
                    ins_sub_num=parse_int(sub.get("InsSubNum")),
                    relationship=relationship_of(patplan.get("Relationship")),
                    group_number=str(plan.get("GroupNum") or ""),
                    subscriber_pat_num=parse_int(sub.get("Subscriber")),
                    payer_id=str(self._carriers_by_num().get(parse_int(plan.get("CarrierNum")), {}).get("ElectID")
                                 or "").strip(),
                )
            )
        return sorted(found, key=lambda p: p.ordinal)

    def _inssub(self, ins_sub_num: int) -> dict | None:
        if ins_sub_num not in self._inssubs:
            try:
                self._inssubs[ins_sub_num] = self.client.get(f"inssubs/{ins_sub_num}")
            except PMSNotFound:
                self._inssubs[ins_sub_num] = None
        return self._inssubs[ins_sub_num]

    def _insplans(self) -> dict[int, dict]:
        if self._plans is None:
            self._plans = {parse_int(r.get("PlanNum")): r for r in self.client.get_all("insplans")}
        return self._plans

    def _carriers_by_num(self) -> dict[int, dict]:
        """Carrier rows by CarrierNum: the name, and the electronic payer id (ElectID) claims go to."""
        if self._carriers is None:
            self._carriers = {parse_int(r.get("CarrierNum")): r for r in self.client.get_all("carriers")}
        return self._carriers

    # -- prompts -----------------------------------------------------------------------------

    def popups_of_patient(self, pat_num: int) -> list[Popup]:
        # Open Dental also returns the family's and super-family's popups: keep this patient's.
        return [p for p in map(Popup.from_row, self.client.get_all("popups", {"PatNum": pat_num})) if p.pat_num == pat_num]

    def create_popup(self, pat_num: int, description: str, *, disabled_at: datetime) -> int | None:
        created = self.client.post(
            "popups",
            {
                "PatNum": pat_num,
                "Description": description,
                "PopupLevel": "Patient",
                "DateTimeDisabled": format_datetime(disabled_at),
            },
        )
        return parse_int(created.get("PopupNum")) if isinstance(created, dict) else None

    def update_popup(self, popup_num: int, *, description: str | None = None, disabled_at: datetime | None = None) -> None:
        body: dict = {}
        if description is not None:
            body["Description"] = description
        if disabled_at is not None:
            body["DateTimeDisabled"] = format_datetime(disabled_at)
        self.client.put(f"popups/{popup_num}", body)

    def apptfield_def_names(self) -> set[str]:
        return {str(r.get("FieldName") or "") for r in self.client.get_all("apptfielddefs")}

    def create_apptfield_def(self, name: str) -> None:
        self.client.post("apptfielddefs", {"FieldName": name, "FieldType": "Text"})

    def apptfield_value(self, apt_num: int, name: str) -> str:
        row = self.client.get("apptfields", {"AptNum": apt_num, "FieldName": name})
        return str(row.get("FieldValue") or "") if isinstance(row, dict) else ""

    def set_apptfield(self, apt_num: int, name: str, value: str) -> None:
        self.client.put("apptfields", {"AptNum": apt_num, "FieldName": name, "FieldValue": value})
