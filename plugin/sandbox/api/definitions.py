"""/definitions: the office's pick lists (confirmation statuses, image categories...), read-only."""
from __future__ import annotations

from plugin.sandbox.api.blueprint import bp
from plugin.sandbox.api.answers import list_answer, store, where
from plugin.sandbox.api.args import query_bool, query_int
from plugin.sandbox.resources import RESOURCES

DEFINITIONS = RESOURCES["definitions"]


@bp.get("/definitions")
def list_definitions():
    rows = where(store().rows("definitions"), Category=query_int("Category"))
    if not query_bool("includeHidden"):
        rows = [row for row in rows if str(row.get("isHidden", "false")).lower() != "true"]
    return list_answer(DEFINITIONS, rows)
