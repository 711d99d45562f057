"""The insurance chain, read-only: /carriers -> /insplans -> /inssubs -> /patplans."""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import changed_since, fetch, list_answer, row_answer, store, where
from plugin.sandbox.api.args import as_text, query, query_datetime, query_int
from plugin.sandbox.resources import RESOURCES

CARRIERS = RESOURCES["carriers"]
INSPLANS = RESOURCES["insplans"]
INSSUBS = RESOURCES["inssubs"]
PATPLANS = RESOURCES["patplans"]
# PlanType query values -> the stored column ("" is a percentage plan).
PLAN_TYPES = {"percentage": "", "p": "p", "f": "f", "c": "c"}


@bp.get("/carriers")
def list_carriers():
    return list_answer(CARRIERS, store().rows("carriers"))


@bp.get("/carriers/<int:key>")
def get_carrier(key: int):
    return row_answer(CARRIERS, fetch(CARRIERS, key))


@bp.get("/insplans")
def list_insplans():
    plan_type = query("PlanType", as_text)
    rows = where(store().rows("insplans"), CarrierNum=query_int("CarrierNum"))
    if plan_type is not None:
        # An unknown PlanType matches nothing rather than everything.
        rows = [row for row in rows if row.get("PlanType") == PLAN_TYPES.get(plan_type.lower(), object())]
    return list_answer(INSPLANS, rows)


@bp.get("/insplans/<int:key>")
def get_insplan(key: int):
    return row_answer(INSPLANS, fetch(INSPLANS, key))


@bp.get("/inssubs")
def list_inssubs():
    since = query_datetime("SecDateTEdit")
    rows = where(store().rows("inssubs"), PlanNum=query_int("PlanNum"), Subscriber=query_int("Subscriber"))
    return list_answer(INSSUBS, changed_since(rows, "SecDateTEdit", since))


@bp.get("/inssubs/<int:key>")
def get_inssub(key: int):
    return row_answer(INSSUBS, fetch(INSSUBS, key))


@bp.get("/patplans")
def list_patplans():
    rows = where(store().rows("patplans"), PatNum=query_int("PatNum"), InsSubNum=query_int("InsSubNum"))
    return list_answer(PATPLANS, rows)
