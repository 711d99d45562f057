"""The /api/v1 blueprint each resource module registers its routes on.

Its own module so the resource modules need not import the package that imports them.
"""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")
