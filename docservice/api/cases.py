"""/api/v1/cases: treatment episodes that medical insurance may pay for.

The flagger posts a case per flagged appointment; posting the same (practice, apt_num) again
updates it. Staff list, read and review cases.
"""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort
from sqlalchemy import func, select

from docservice import audit
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, CASES_REVIEW, CASES_WRITE, CLAIMS_EXPORT, PERMISSIONS, current_user
from docservice.cases import apply_case, apply_flags, filter_cases, find_case, upsert_case
from docservice.exports.numbers import mark_submitted
from docservice.extensions import db
from docservice.models import Case, utcnow
from docservice.schemas import CaseInSchema, CasePatchSchema, CaseQuerySchema, CaseSchema

blp = ServiceBlueprint(
    "cases", __name__, url_prefix="/api/v1/cases", description="Potentially medical treatment episodes."
)


BILLER_STATUSES = ("submitted", "closed")


def _allow_patch(data: dict) -> None:
    """Staff who review cases change anything here; billers only mark a claim sent or done.

    :raise 403: the caller may not make this change.
    """
    granted = PERMISSIONS.get(current_user().role, ())
    if CASES_REVIEW in granted:
        return
    if CLAIMS_EXPORT in granted and set(data) == {"status"} and data["status"] in BILLER_STATUSES:
        return
    abort(403, message=f"The {current_user().role} role may only set status to "
                       f"{' or '.join(BILLER_STATUSES)} here." if CLAIMS_EXPORT in granted
                       else f"The {current_user().role} role may not review cases.")


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
        apply_case(case, data)
        audit.record("case.update", "case", case.id)
        db.session.commit()
        return case

    @blp.requires(CASES_READ)
    @blp.arguments(CasePatchSchema)
    @blp.response(200, CaseSchema)
    @blp.errors(404)
    def patch(self, data, case_id):
        """Change a case's status, category, evidence or needs after review.

        Billers, who send claims, may only mark a case submitted (or closed once paid)."""
        _allow_patch(data)
        case = get_case_or_404(case_id)
        apply_flags(case, data)
        if data.get("status") == "submitted":
            # From now on a changed claim goes out as a replacement of the one the payer has.
            mark_submitted(case, when=utcnow())
        audit.record("case.update", "case", case.id, detail={"fields": sorted(data)})
        db.session.commit()
        return case
