"""/api/v1/cases/{id}/facts: Facts read from a case's documents, with where each was read."""
from __future__ import annotations

from flask.views import MethodView

from docservice import audit
from docservice.api.cases import get_case_or_404
from docservice.api.core import ServiceBlueprint
from docservice.auth import CASES_READ, FACTS_EXTRACT
from docservice.evidence.schemas import FactSchema
from docservice.extensions import db
from docservice.facts import extract_case_facts

blp = ServiceBlueprint("facts", __name__, url_prefix="/api/v1", description="Facts read from a case's documents, with where each was read.")


@blp.route("/cases/<int:case_id>/facts")
class CaseFacts(MethodView):
    @blp.requires(CASES_READ)
    @blp.response(200, FactSchema(many=True))
    @blp.errors(404)
    def get(self, case_id):
        """List the case's facts, in reading order, negated and historical ones included (flagged)."""
        case = get_case_or_404(case_id)
        facts = list(case.facts)
        audit.record_read("facts.read", "case", case.id, detail={"facts": len(facts)})
        return facts


@blp.route("/cases/<int:case_id>/facts/extract")
class CaseFactsExtract(MethodView):
    @blp.requires(FACTS_EXTRACT)
    @blp.response(200, FactSchema(many=True))
    @blp.errors(404)
    def post(self, case_id):
        """Read the case's finished documents and appointment note again now; return the new facts.

        Re-reading changes what the claim and the checks see: staff and billers may ask for it.
        """
        case = get_case_or_404(case_id)
        facts = extract_case_facts(db.session, case)
        audit.record("facts.extract", "case", case.id, detail={"facts": len(facts)})
        db.session.commit()
        return facts
