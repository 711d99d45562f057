"""/api/v1/cases/{id}/claims: The proposed medical claim of a case: lines, diagnoses, claim fields, each with why."""
from __future__ import annotations

from docservice.api.core import ServiceBlueprint

blp = ServiceBlueprint("claims", __name__, url_prefix="/api/v1", description="The proposed medical claim of a case: lines, diagnoses, claim fields, each with why.")
