"""Opens and updates cases in the document service for flagged appointments, over HTTP only.

`POST /api/v1/cases` is idempotent on (practice, AptNum), so a re-scan simply posts again and
the service updates the case; the status staff gave the case is kept because it is not sent. A
visit that continues a case is posted to that case (`POST /api/v1/cases/{id}/visits`), idempotent
on its AptNum too.
"""
from __future__ import annotations

import requests

from plugin.config import DocServiceSettings
from plugin.errors import DocServiceError
from plugin.flagger.model import AppointmentContext, Decision
from plugin.opendental.records import Appointment, PlanOnFile
from plugin.opendental.values import parse_date


class CaseSink:
    def __init__(self, settings: DocServiceSettings, *, practice: str, session: requests.Session | None = None):
        self.url = settings.url.rstrip("/") + "/cases"
        self.practice = practice
        self._session = session or requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {settings.token}"})

    def post_case(
        self,
        *,
        appointment: Appointment,
        context: AppointmentContext,
        decision: Decision,
        patient: dict,
        plans: list[PlanOnFile],
        subscribers: dict[int, dict] | None = None,
    ) -> int:
        """Send the case; return its id in the document service.

        `subscribers`: Open Dental patient rows of the plans' subscribers who are not the patient.
        """
        body = case_body(self.practice, appointment, context, decision, patient, plans, subscribers or {})
        response = self._send("post", self.url, what="the case", json=body)
        return int(response.json().get("id", 0))

    def post_visit(self, opened_by: int, *, appointment: Appointment, context: AppointmentContext) -> int | None:
        """Add a later visit to the case appointment `opened_by` opened (idempotent on its AptNum); return
        the visit's id, or None when the document service has no such case (it was never sent)."""
        body = {"practice": self.practice, "joins_apt_num": opened_by, **visit_body(appointment, context)}
        try:
            response = self._send("post", f"{self.url}/visits", what="the visit", json=body)
        except CaseNotFound:
            return None
        return int(response.json().get("id", 0))

    def _send(self, method: str, url: str, *, what: str, **kwargs) -> requests.Response:
        try:
            response = self._session.request(method, url, timeout=(5, 30), **kwargs)
        except requests.RequestException as exc:
            raise DocServiceError(f"Cannot reach the document service at {self.url}: {type(exc).__name__}.") from None
        if response.status_code == 404 and what == "the visit":
            raise CaseNotFound(what)
        if response.status_code not in (200, 201):
            try:
                message = response.json().get("message", "")
            except ValueError:
                message = ""
            raise DocServiceError(f"The document service refused {what} ({response.status_code}): {message}")
        return response


class CaseNotFound(Exception):
    """The document service holds no case for the appointment a visit continues."""


def visit_body(appointment: Appointment, context: AppointmentContext) -> dict:
    """A later visit as `POST /api/v1/cases/visits` takes it: the appointment part of a case body."""
    return {
        "apt_num": appointment.apt_num,
        "appointment": _appointment_part(appointment, context),
        "procedures": _procedures_part(context),
    }


def _appointment_part(appointment: Appointment, context: AppointmentContext) -> dict:
    return {
        "start": appointment.start.strftime("%Y-%m-%dT%H:%M:%S"),
        "provider": appointment.prov_abbr,
        "op": str(appointment.op),
        "note": context.note,
    }


def _procedures_part(context: AppointmentContext) -> list[dict]:
    return [
        {"proc_num": p.proc_num, "code": p.code, "tooth": p.tooth, "surface": p.surface, "descript": p.descript, "fee": p.fee}
        for p in context.procedures
        if p.code
    ]


def case_body(practice, appointment, context, decision, patient, plans, subscribers=None) -> dict:
    subscribers = subscribers or {}
    name = person_name(patient) or f"Patient {appointment.pat_num}"
    birthdate = parse_date(patient.get("Birthdate"))
    flag = decision.primary
    return {
        "practice": practice,
        "apt_num": appointment.apt_num,
        "pat_num": appointment.pat_num,
        "appointment": _appointment_part(appointment, context),
        "patient": {
            "name": name,
            "birthdate": birthdate.isoformat() if birthdate else None,
            "gender": str(patient.get("Gender") or ""),
            "address": {
                "line1": str(patient.get("Address") or ""),
                "line2": str(patient.get("Address2") or ""),
                "city": str(patient.get("City") or ""),
                "state": str(patient.get("State") or "").upper()[:2],
                "zip": str(patient.get("Zip") or ""),
            },
            "phone": str(patient.get("WirelessPhone") or patient.get("HmPhone") or ""),
        },
        "procedures": _procedures_part(context),
        "problems": [{"icd10": p.icd10, "name": p.name} for p in context.problems],
        "insurance": [
            {
                "kind": plan.kind,
                "carrier": plan.carrier,
                "plan": plan.group_name,
                "subscriber_id": plan.subscriber_id,
                "group_number": plan.group_number,
                "payer_id": plan.payer_id,
                "ordinal": max(1, min(9, plan.ordinal)),
                "relationship": plan.relationship,
                **subscriber_fields(subscribers.get(plan.subscriber_pat_num)),
            }
            for plan in plans
        ],
        "category": flag.category if flag else "",
        "categories": [{"category": c.category, "label": c.label, "strength": c.strength} for c in decision.categories],
        "evidence": [
            {"category": c.category, "source": e.source, "rule_id": e.rule_id, "detail": e.detail[:1000], "negated": e.negated}
            for c in decision.categories
            for e in c.evidence
        ],
        "needs": list(flag.needs) if flag else [],
    }


def person_name(row: dict) -> str:
    """"Last, First" as Open Dental keeps a person's name."""
    return ", ".join(part for part in (row.get("LName"), row.get("FName")) if part)


def subscriber_fields(row: dict | None) -> dict:
    """The subscriber's name, birth date and sex, when the subscriber is someone else."""
    if not row:
        return {}
    birthdate = parse_date(row.get("Birthdate"))
    return {
        "subscriber_name": person_name(row),
        "subscriber_birthdate": birthdate.isoformat() if birthdate else None,
        "subscriber_gender": str(row.get("Gender") or ""),
    }
