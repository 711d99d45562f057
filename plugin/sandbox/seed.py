"""Load and check a seed file: Open Dental resources keyed by API path, rows as Open Dental returns them.

Every problem becomes one SeedError naming the resource, the row index and the field, so a
person can fix the file without reading a traceback. Messages name keys and columns, never
values that could be patient data (names, notes).
"""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from plugin.errors import SeedError
from plugin.sandbox.defaults import Lookups, derive_fields, fill_defaults, stock_definitions
from plugin.sandbox.resources import (
    ACCIDENT_CODES,
    APPOINTMENT_STATUSES,
    CLAIM_STATUSES,
    CLAIM_TYPES,
    CLAIMPROC_STATUSES,
    PROCEDURE_STATUSES,
    REFERENCES,
    RESOURCES,
    Resource,
)
from plugin.sandbox.wire import is_datetime_text

Tables = dict[str, list[dict]]

DEMO_SEED = Path(__file__).parent / "seeds" / "demo-practice.json"

# (resource, column) -> the values Open Dental stores there; a seed row with another is refused.
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("appointments", "AptStatus"): APPOINTMENT_STATUSES,
    ("procedurelogs", "ProcStatus"): PROCEDURE_STATUSES,
    ("claims", "ClaimStatus"): CLAIM_STATUSES,
    ("claims", "ClaimType"): CLAIM_TYPES,
    ("claims", "AccidentRelated"): ACCIDENT_CODES,
    ("claimprocs", "Status"): CLAIMPROC_STATUSES,
}


def read_json(path: Path, *, what: str) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SeedError(f"{what} {path} does not exist.") from None
    except UnicodeDecodeError:
        raise SeedError(f"{what} {path} is not UTF-8 text.") from None
    except OSError as exc:
        raise SeedError(f"cannot read {what} {path}: {exc.strerror or type(exc).__name__}.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SeedError(
            f"{what} {path} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
        ) from None


def read_seed(path: Path, *, now: datetime | None = None) -> Tables:
    return validate_seed(read_json(path, what="seed file"), source=f"seed file {path.name}", now=now)


def validate_seed(data: object, *, source: str = "seed", now: datetime | None = None) -> Tables:
    """Check a seed and return every resource's rows complete with defaults and derived fields."""
    now = now or datetime.now().replace(microsecond=0)

    def fail(detail: str) -> SeedError:
        return SeedError(f"{source}: {detail}")

    if not isinstance(data, dict):
        raise fail(f"expected a JSON object keyed by resource, got a JSON {_json_type(data)}.")
    for name in data:
        if name not in RESOURCES:
            raise fail(f"unknown resource {name!r}; known resources: {', '.join(sorted(RESOURCES))}.")
    tables: Tables = {}
    for name, resource in RESOURCES.items():
        rows = data.get(name, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise fail(f"{name} must be a list of objects.")
        tables[name] = [dict(row) for row in rows]
        _check_rows(resource, tables[name], fail)
    if "definitions" not in data:
        # A real database always has definitions; a seed that says nothing gets Open Dental's stock set.
        tables["definitions"] = stock_definitions()

    _resolve_text_links(tables, fail)
    tables = {name: [fill_defaults(name, row, now=now) for row in rows] for name, rows in tables.items()}
    _check_references(tables, fail)
    _check_claim_procedures(tables, fail)
    lookups = Lookups(tables)
    for name, rows in tables.items():
        for row in rows:
            derive_fields(name, row, lookups)
        rows.sort(key=lambda row: row[RESOURCES[name].key])
    return tables


def _json_type(value: object) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _where(resource: Resource, index: int, row: dict) -> str:
    key = row.get(resource.key)
    return f"{resource.path}[{index}]" + (f" ({resource.key} {key})" if _is_id(key) else "")


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _check_rows(resource: Resource, rows: list[dict], fail) -> None:
    seen: set[int] = set()
    for index, row in enumerate(rows):
        where = _where(resource, index, row)
        if resource.key in row or not resource.key_optional:
            if row.get(resource.key) is None:
                raise fail(f"{where} is missing the required field {resource.key}.")
            if not _is_id(row[resource.key]):
                raise fail(f"{where}: {resource.key} must be a positive whole number.")
            if row[resource.key] in seen:
                raise fail(f"{resource.path} has more than one row with {resource.key} {row[resource.key]}.")
            seen.add(row[resource.key])
        for required in resource.required:
            choices = required if isinstance(required, tuple) else (required,)
            if all(row.get(field) in (None, "") for field in choices):
                raise fail(f"{where} is missing the required field {' or '.join(choices)}.")
        for _, column, _, zero_allowed in (ref for ref in REFERENCES if ref[0] == resource.path):
            value = row.get(column)
            if value is not None and not (_is_id(value) or (zero_allowed and value == 0)):
                raise fail(f"{where}: {column} must be a positive whole number.")
        if resource.stamp and resource.stamp in row and not is_datetime_text(row[resource.stamp]):
            raise fail(f"{where}: {resource.stamp} must look like yyyy-MM-dd HH:mm:ss.")
    if resource.path == "appointments":
        for index, row in enumerate(rows):
            if not is_datetime_text(row["AptDateTime"]):
                raise fail(f"{_where(resource, index, row)}: AptDateTime must look like yyyy-MM-dd HH:mm:ss.")
    for (path, column), choices in CHOICES.items():
        if path != resource.path:
            continue
        for index, row in enumerate(rows):
            if column in row and row[column] not in choices:
                listed = ", ".join(f'"{choice}"' if choice == "" else choice for choice in choices)
                raise fail(f"{_where(resource, index, row)}: {column} must be one of {listed}.")


def _resolve_text_links(tables: Tables, fail) -> None:
    """Turn the text twins Open Dental accepts (procCode, diseaseDefName, FieldName) into keys."""
    codes = {str(row["ProcCode"]): row["CodeNum"] for row in tables["procedurecodes"]}
    for index, row in enumerate(tables["procedurelogs"]):
        if row.get("CodeNum") is None:
            if row["procCode"] not in codes:
                raise fail(
                    f"{_where(RESOURCES['procedurelogs'], index, row)} has procCode {row['procCode']!r}, "
                    "which is not in procedurecodes."
                )
            row["CodeNum"] = codes[row["procCode"]]

    # As with POST /diseases, a problem named but not defined creates its definition.
    defs = tables["diseasedefs"]
    by_name = {str(row["DiseaseName"]).casefold(): row["DiseaseDefNum"] for row in defs}
    for row in tables["diseases"]:
        if row.get("DiseaseDefNum") is None:
            name = str(row["diseaseDefName"])
            if name.casefold() not in by_name:
                new_num = max((d["DiseaseDefNum"] for d in defs), default=0) + 1
                defs.append({"DiseaseDefNum": new_num, "DiseaseName": name})
                by_name[name.casefold()] = new_num
            row["DiseaseDefNum"] = by_name[name.casefold()]

    field_names = {str(row["FieldName"]) for row in tables["apptfielddefs"]}
    next_num = max((row.get("ApptFieldNum", 0) for row in tables["apptfields"]), default=0) + 1
    pairs: set[tuple[int, str]] = set()
    for index, row in enumerate(tables["apptfields"]):
        where = _where(RESOURCES["apptfields"], index, row)
        if row["FieldName"] not in field_names:
            raise fail(f"{where} names a FieldName that is not in apptfielddefs.")
        if (row["AptNum"], row["FieldName"]) in pairs:
            raise fail(f"{where} repeats a FieldName already set for AptNum {row['AptNum']}.")
        pairs.add((row["AptNum"], row["FieldName"]))
        if row.get("ApptFieldNum") is None:
            row["ApptFieldNum"] = next_num
            next_num += 1


def _check_references(tables: Tables, fail) -> None:
    keys = {name: {row[RESOURCES[name].key] for row in rows} for name, rows in tables.items()}
    for name, column, target, zero_allowed in REFERENCES:
        for index, row in enumerate(tables[name]):
            value = row.get(column)
            if zero_allowed and value == 0:
                continue
            if value not in keys[target]:
                raise fail(
                    f"{_where(RESOURCES[name], index, row)} refers to {column} {value}, which is not in {target}."
                )


def _check_claim_procedures(tables: Tables, fail) -> None:
    """A claimproc joins a procedure to a claim of the same patient, as Open Dental only attaches those."""
    patients = {
        name: {row[RESOURCES[name].key]: row["PatNum"] for row in tables[name]} for name in ("claims", "procedurelogs")
    }
    for index, row in enumerate(tables["claimprocs"]):
        for column, owner in (("ClaimNum", "claims"), ("ProcNum", "procedurelogs")):
            if row.get(column) and patients[owner][row[column]] != row["PatNum"]:
                raise fail(
                    f"{_where(RESOURCES['claimprocs'], index, row)}: its {column} {row[column]} "
                    "belongs to another patient."
                )
