"""/api/v1/cases/{id}/narratives: The medical-necessity narrative: draft, edit, sign, PDF and claim note."""
from __future__ import annotations

from docservice.api.core import ServiceBlueprint

blp = ServiceBlueprint("narratives", __name__, url_prefix="/api/v1", description="The medical-necessity narrative: draft, edit, sign, PDF and claim note.")
