"""How values look on Open Dental's wire: dates, booleans, text error bodies, flattened newlines."""
from __future__ import annotations

import re
from datetime import date, datetime

from plugin.sandbox.resources import Resource

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
EMPTY_DATE = "0001-01-01"
EMPTY_DATETIME = "0001-01-01 00:00:00"

_NEWLINES = re.compile(r"\r\n|\r|\n")


class ApiError(Exception):
    """An answer Open Dental would give instead of data: a status and a short human text."""

    def __init__(self, status: int, text: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(text)
        self.status = status
        self.text = text
        self.headers = headers or {}


def format_date(value: date) -> str:
    return value.strftime(DATE_FORMAT)


def format_datetime(value: datetime) -> str:
    return value.strftime(DATETIME_FORMAT)


def parse_date(text: str) -> date:
    """`yyyy-MM-dd`, strictly: a client sending another shape should find out, not get a guess."""
    return datetime.strptime(text, DATE_FORMAT).date()


def parse_datetime(text: str) -> datetime:
    """`yyyy-MM-dd HH:mm:ss`; a bare date means its midnight, as .NET's parser reads it."""
    try:
        return datetime.strptime(text, DATETIME_FORMAT)
    except ValueError:
        return datetime.strptime(text, DATE_FORMAT)


def is_datetime_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.strptime(value, DATETIME_FORMAT)
    except ValueError:
        return False
    return True


def parse_bool(value: object) -> bool:
    """Open Dental's booleans are the strings "true"/"false" (examples also show "True")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError("not a boolean")


def format_bool(value: bool) -> str:
    return "true" if value else "false"


def flatten_newlines(value: object) -> object:
    """Open Dental's serializer turns CR/LF into spaces on output; the database keeps them."""
    if isinstance(value, str) and ("\r" in value or "\n" in value):
        return _NEWLINES.sub(" ", value)
    return value


def render_row(resource: Resource, row: dict, *, server_time: str | None = None) -> dict:
    """The row as Open Dental returns it: hidden columns dropped, newlines flattened."""
    shown: dict = {"serverDateTime": server_time} if server_time else {}
    for field, value in row.items():
        if field not in resource.hidden:
            shown[field] = flatten_newlines(value)
    return shown
