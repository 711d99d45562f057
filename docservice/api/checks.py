"""/api/v1/cases/{id}/checks: Consistency checks: do codes, diagnoses and documents tell one medical story?"""
from __future__ import annotations

from docservice.api.core import ServiceBlueprint

blp = ServiceBlueprint("checks", __name__, url_prefix="/api/v1", description="Consistency checks: do codes, diagnoses and documents tell one medical story?")
