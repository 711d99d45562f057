"""/diseases (a patient's problems: list, one, POST, PUT, DELETE) and /diseasedefs (read-only)."""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import (
    created_answer,
    fetch,
    list_answer,
    ok_answer,
    require_row,
    row_answer,
    store,
    where,
)
from plugin.sandbox.api.args import as_date, as_int, as_text, bad_request, json_body, one_of, query_int, read_fields
from plugin.sandbox.defaults import Lookups, complete_row, derive_fields
from plugin.sandbox.resources import RESOURCES
from plugin.sandbox.store import Store

DISEASES = RESOURCES["diseases"]
DISEASE_DEFS = RESOURCES["diseasedefs"]
EDITABLE = {
    "ProbStatus": one_of("Active", "Resolved", "Inactive"),
    "DateStart": as_date,
    "DateStop": as_date,
    "PatNote": as_text,  # overwrites
}


@bp.get("/diseases")
def list_diseases():
    return list_answer(DISEASES, where(store().rows("diseases"), PatNum=query_int("PatNum")))


@bp.get("/diseases/<int:key>")
def get_disease(key: int):
    return row_answer(DISEASES, fetch(DISEASES, key))


@bp.post("/diseases")
def create_disease():
    body = json_body()
    fields = read_fields(body, {"PatNum": as_int, "DiseaseDefNum": as_int, "diseaseDefName": as_text, **EDITABLE})
    if "PatNum" not in fields:
        raise bad_request("PatNum is required.")
    require_row(RESOURCES["patients"], fields["PatNum"], field="PatNum")
    with store().writing() as db:
        lookups = db.lookups()
        fields["DiseaseDefNum"] = _disease_def_num(db, lookups, fields)
        lookups = db.lookups()  # a new definition may have been added
        row = db.insert("diseases", complete_row("diseases", fields, lookups, now=db.now()))
    return created_answer(DISEASES, row)


@bp.put("/diseases/<int:key>")
def update_disease(key: int):
    fields = read_fields(json_body(), EDITABLE)
    with store().writing() as db:
        row = fetch(DISEASES, key)
        updated = db.replace("diseases", key, derive_fields("diseases", {**row, **fields}, db.lookups(), refresh=True))
    return row_answer(DISEASES, updated)


@bp.delete("/diseases/<int:key>")
def delete_disease(key: int):
    with store().writing() as db:
        fetch(DISEASES, key)
        db.delete("diseases", key)
    return ok_answer()


@bp.get("/diseasedefs")
def list_disease_defs():
    return list_answer(DISEASE_DEFS, store().rows("diseasedefs"))


@bp.get("/diseasedefs/<int:key>")
def get_disease_def(key: int):
    return row_answer(DISEASE_DEFS, fetch(DISEASE_DEFS, key))


def _disease_def_num(db: Store, lookups: Lookups, fields: dict) -> int:
    """DiseaseDefNum as given, else by name; Open Dental creates a missing definition from the name."""
    name = fields.pop("diseaseDefName", None)
    if "DiseaseDefNum" in fields:
        if fields["DiseaseDefNum"] not in lookups.disease_defs:
            raise bad_request(f"DiseaseDefNum {fields['DiseaseDefNum']} does not match any problem definition.")
        return fields["DiseaseDefNum"]
    if not name:
        raise bad_request("DiseaseDefNum or diseaseDefName is required.")
    existing = lookups.disease_defs_by_name.get(name.casefold())
    if existing is not None:
        return existing["DiseaseDefNum"]
    created = db.insert("diseasedefs", complete_row("diseasedefs", {"DiseaseName": name}, lookups, now=db.now()))
    return created["DiseaseDefNum"]
