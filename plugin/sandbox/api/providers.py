"""/providers, read-only."""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import changed_since, fetch, list_answer, row_answer, store
from plugin.sandbox.api.args import query_datetime, query_int
from plugin.sandbox.resources import RESOURCES

PROVIDERS = RESOURCES["providers"]


@bp.get("/providers")
def list_providers():
    # ClinicNum is checked but filters nothing: the sandbox has no clinic links, and Open Dental
    # lists providers that are not restricted to clinics under every clinic.
    query_int("ClinicNum")
    since = query_datetime("DateTStamp")
    return list_answer(PROVIDERS, changed_since(store().rows("providers"), "DateTStamp", since))


@bp.get("/providers/<int:key>")
def get_provider(key: int):
    return row_answer(PROVIDERS, fetch(PROVIDERS, key))
