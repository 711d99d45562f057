"""The /api/v1 blueprint: the subset of Open Dental's REST API that MedLane uses.

One module per resource family registers its routes on `bp` (`blueprint.py`), as in the Flask tutorial.
"""
# Imported for their routes.
from plugin.sandbox.api import (  # noqa: F401
    appointments,
    apptfields,
    claims,
    commlogs,
    definitions,
    documents,
    insurance,
    patients,
    popups,
    problems,
    procedures,
    providers,
)
from plugin.sandbox.api.blueprint import bp  # noqa: F401  (app.py registers it from here)
