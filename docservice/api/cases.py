"""/api/v1/cases: treatment episodes that medical insurance may pay for.

The flagger posts a case per flagged appointment; posting the same (practice, apt_num) again
updates it. Staff list, read and review cases.
"""
from __future__ import annotations

from dataclasses import dataclass

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import func, select

from crosswalks import load_crosswalk
from docservice import audit
from docservice.api.core import ServiceBlueprint
from docservice.auth import (
    CASES_READ,
    CASES_WRITE,
    STATUS_PERMISSIONS,
    case_change_permissions,
    current_user,
    role_may,
)
from docservice.case_status import SUBMITTED, clear_for_submission
from docservice.cases import apply_case, apply_flags, filter_cases, find_case, upsert_case
from docservice.exports.numbers import mark_submitted
from docservice.extensions import db
from docservice.models import Case, utcnow
from docservice.overrides import OverrideDecision
from docservice.schemas import (
    CaseInSchema,
    CasePatchSchema,
    CaseQuerySchema,
    CaseSchema,
    OpenedVisitInSchema,
    VisitInSchema,
    VisitSchema,
    case_as_dict,
)
from docservice.visits import add_visit

blp = ServiceBlueprint(
    "cases", __name__, url_prefix="/api/v1/cases", description="Potentially medical treatment episodes."
)


class CaseReviewSchema(CasePatchSchema):
    override_reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500), metadata={
        "description": "Admins: why the case is marked submitted although its checks have errors (recorded)"})


class OverrideSchema(ma.Schema):
    reason = ma.fields.String(metadata={"description": "The admin's reason, as recorded in the audit log"})
    rules = ma.fields.List(ma.fields.String(), metadata={"description": "The check errors let through"})


class ReviewedCaseSchema(CaseSchema):
    """A case after review; `override` is there when an admin let check errors through."""

    override = ma.fields.Nested(OverrideSchema, dump_only=True)

    @ma.pre_dump
    def from_model(self, reviewed, **kwargs) -> dict:  # replaces CaseSchema's hook of the same name
        if not isinstance(reviewed, ReviewedCase):
            return case_as_dict(reviewed)
        answer = case_as_dict(reviewed.case)
        if reviewed.override.overridden:
            answer["override"] = {"reason": reviewed.override.reason, "rules": list(reviewed.override.overridden)}
        return answer


@dataclass(frozen=True)
class ReviewedCase:
    case: Case
    override: OverrideDecision


def _allow_changes(changes: dict) -> None:
    """Let through only what the caller's role may change (the table in docservice.auth).

    :raise 403: the caller may not make one of these changes.
    """
    role = current_user().role
    refused = sorted(permission for permission in case_change_permissions(changes) if not role_may(role, permission))
    if refused:
        abort(403, message=f"The {role} role may not make this change ({', '.join(refused)}).")


def _allow_status_in_body(data: dict, case: Case | None) -> None:
    """A whole case posted or replaced may carry a status; the statuses with a rule of their own keep it.

    :raise 403: the role may not set this status.
    :raise 422: `submitted`, which only a PATCH sets (it runs the checks first).
    """
    status = data.get("status")
    if status not in STATUS_PERMISSIONS or (case is not None and case.status == status):
        return
    _allow_changes({"status": status})
    if status == SUBMITTED:
        abort(422, message="A case is marked submitted with PATCH /api/v1/cases/{id}, which checks it first.",
              errors={"status": ["Set submitted with PATCH."]})


def get_case_or_404(case_id: int) -> Case:
    """The case with this id.

    :raise 404: there is none.
    """
    case = db.session.get(Case, case_id)
    if case is None:
        abort(404, message=f"There is no case {case_id}.")
    return case


@blp.route("")
class Cases(MethodView):
    @blp.requires(CASES_READ)
    @blp.arguments(CaseQuerySchema, location="query")
    @blp.response(200, CaseSchema(many=True))
    @blp.paginate(page_size=50, max_page_size=500)
    def get(self, query, pagination_parameters):
        """List cases, oldest appointment first, filtered by day, status, category or practice."""
        statement = filter_cases(query)
        pagination_parameters.item_count = db.session.scalar(
            select(func.count()).select_from(statement.order_by(None).subquery())
        )
        cases = db.session.scalars(
            statement.offset(pagination_parameters.first_item).limit(pagination_parameters.page_size)
        ).all()
        audit.record_read("case.list", "case", detail={"case_ids": [case.id for case in cases]})
        return cases

    @blp.requires(CASES_WRITE)
    @blp.arguments(CaseInSchema)
    @blp.response(200, CaseSchema, description="The case of this appointment existed and was updated")
    @blp.alt_response(201, schema=CaseSchema, description="A new case was created")
    def post(self, data):
        """Create the case of an appointment, or update it: idempotent on (practice, apt_num)."""
        _allow_status_in_body(data, find_case(db.session, data["practice"], data["apt_num"]))
        case, created = upsert_case(db.session, data)
        audit.record("case.create" if created else "case.update", "case", case.id)
        db.session.commit()
        return case, 201 if created else 200


@blp.route("/<int:case_id>")
class CaseById(MethodView):
    @blp.requires(CASES_READ)
    @blp.response(200, CaseSchema)
    @blp.errors(404)
    def get(self, case_id):
        """Read one case."""
        case = get_case_or_404(case_id)
        audit.record_read("case.read", "case", case.id)
        return case

    @blp.requires(CASES_WRITE)
    @blp.arguments(CaseInSchema)
    @blp.response(200, CaseSchema)
    @blp.errors(404, 409)
    def put(self, data, case_id):
        """Replace a case. Its practice and apt_num cannot change."""
        case = get_case_or_404(case_id)
        if (data["practice"], data["apt_num"]) != (case.practice, case.apt_num):
            other = find_case(db.session, data["practice"], data["apt_num"])
            abort(
                409 if other else 422,
                message="practice and apt_num identify a case and cannot change; "
                "post to /api/v1/cases to create or update the case of another appointment.",
            )
        _allow_status_in_body(data, case)
        apply_case(case, data)
        audit.record("case.update", "case", case.id)
        db.session.commit()
        return case

    @blp.requires(CASES_READ)
    @blp.arguments(CaseReviewSchema)
    @blp.response(200, ReviewedCaseSchema)
    @blp.errors(404, 409)
    def patch(self, data, case_id):
        """Change a case's status, category, evidence or needs after review.

        Billers, who send claims, mark a case submitted (or closed once paid) and change nothing
        else here. Nobody marks it submitted while its checks have errors (409 with the findings),
        unless an admin gives an override_reason: it is recorded and answered in `override`."""
        override_reason = data.pop("override_reason")
        _allow_changes(data)
        case = get_case_or_404(case_id)
        decision = OverrideDecision()
        submitting = data.get("status") == SUBMITTED
        if submitting and case.status != SUBMITTED:
            decision = clear_for_submission(db.session, case, user=current_user(), crosswalk=load_crosswalk(),
                                            override_reason=override_reason)
        apply_flags(case, data)
        if submitting:
            # From now on a changed claim goes out as a replacement of the one the payer has.
            mark_submitted(case, when=utcnow())
        audit.record("case.update", "case", case.id, detail={"fields": sorted(data)})
        if decision.overridden:
            audit.record("case.submit.override", "case", case.id,
                         detail={"reason": decision.reason, "rules": list(decision.overridden)})
        db.session.commit()
        return ReviewedCase(case=case, override=decision)


@blp.route("/visits")
class VisitsByOpeningAppointment(MethodView):
    @blp.requires(CASES_WRITE)
    @blp.arguments(OpenedVisitInSchema)
    @blp.response(200, VisitSchema, description="The visit was already on the case (updated if it changed)")
    @blp.alt_response(201, schema=VisitSchema, description="The visit was added to the case")
    @blp.errors(404, 409)
    def post(self, data):
        """Add a later visit to the case its opening appointment (`joins_apt_num`) made, as the flagger
        knows it: the flagger may write cases but not read them, so it never needs a case id."""
        case = find_case(db.session, data["practice"], data["joins_apt_num"])
        if case is None:
            abort(404, message=f"No case was opened by appointment {data['joins_apt_num']} of this practice.")
        return _store_visit(case, {key: data[key] for key in ("apt_num", "appointment", "procedures")})


@blp.route("/<int:case_id>/visits")
class CaseVisits(MethodView):
    @blp.requires(CASES_WRITE)
    @blp.arguments(VisitInSchema)
    @blp.response(200, VisitSchema, description="The visit was already on the case (updated if it changed)")
    @blp.alt_response(201, schema=VisitSchema, description="The visit was added to the case")
    @blp.errors(404, 409)
    def post(self, data, case_id):
        """Add a later visit (follow-up, next stage) to a case: idempotent on apt_num.

        409 when the appointment is another case's own appointment or visit. The case's facts are
        read again, the visit's note among them."""
        return _store_visit(get_case_or_404(case_id), data)


def _store_visit(case: Case, data: dict) -> tuple:
    """Add or update the visit on `case`, audited and committed; the answer and its status (201 new, 200 known)."""
    visit, created = add_visit(db.session, case, data)
    audit.record("case.visit.add" if created else "case.visit.update", "case", case.id,
                 detail={"apt_num": visit.apt_num})
    db.session.commit()
    return visit, 201 if created else 200
