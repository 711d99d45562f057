"""/api/v1/cases/{id}/facts: Facts read from a case's documents, with where each was read."""
from __future__ import annotations

from docservice.api.core import ServiceBlueprint

blp = ServiceBlueprint("facts", __name__, url_prefix="/api/v1", description="Facts read from a case's documents, with where each was read.")
