"""Lenient parsing of Open Dental's value conventions.

Open Dental sends booleans as "true"/"false" strings (sometimes "True"), dates as yyyy-MM-dd with
0001-01-01 meaning empty, datetimes in several cultures, and money as strings or floats. These
functions turn them into Python values and never raise on odd input: they return the default.
"""
from __future__ import annotations

from datetime import date, datetime

EMPTY_DATE = "0001-01-01"
DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_DATETIME_FORMATS = (
    DATETIME_FORMAT,
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %I:%M:%S %p",  # US culture, as in SecurityLogs and old Popups examples
    "%m/%d/%Y %H:%M:%S",
    DATE_FORMAT,
)


def parse_bool(value, default: bool = False) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no", ""):
            return False
    if isinstance(value, (int, float)):
        return bool(value)
    return default


def parse_int(value, default: int = 0) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        try:
            return int(float(str(value).strip()))
        except (TypeError, ValueError):
            return default


def parse_money(value, default: float = 0.0) -> float:
    try:
        return float(str(value).replace("$", "").replace(",", "").strip())
    except (TypeError, ValueError):
        return default


def parse_datetime(value) -> datetime | None:
    """A datetime, or None for Open Dental's empty 0001-01-01 and for anything unreadable."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for fmt in _DATETIME_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return None if parsed.year <= 1 else parsed
    return None


def parse_date(value) -> date | None:
    parsed = parse_datetime(value)
    return parsed.date() if parsed else None


def format_date(value: date) -> str:
    return value.strftime(DATE_FORMAT)


def format_datetime(value: datetime) -> str:
    return value.strftime(DATETIME_FORMAT)
