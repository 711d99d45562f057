"""The /api/v1 blueprint: the subset of Open Dental's REST API that MedLane uses.

One module per resource family registers its routes on `bp`, as in the Flask tutorial.
"""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# Imported for their routes, after `bp` exists.
from plugin.sandbox.api import (  # noqa: E402,F401
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
