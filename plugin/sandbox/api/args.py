"""Reading query parameters and JSON bodies the way Open Dental does.

Names are case-sensitive and exactly as documented; a parameter the endpoint does not know is
ignored (so `DateStart` instead of `dateStart` silently means "no filter", as in Open Dental).
A known parameter with a malformed value is a 400 with a short explanation.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable

from flask import request

from plugin.sandbox.wire import (
    ApiError,
    format_bool,
    format_date,
    format_datetime,
    parse_bool,
    parse_date,
    parse_datetime,
)

Kind = Callable[[str, object], object]  # (field name, raw value) -> stored value, or ApiError 400

_PATTERN = re.compile(r"^[X/]{1,108}$")  # 5-minute slots, at most 9 hours


def bad_request(text: str) -> ApiError:
    return ApiError(400, text)


# -- kinds of value --------------------------------------------------------------------------


def as_int(name: str, value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise bad_request(f"{name} must be a whole number.")


def as_text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise bad_request(f"{name} must be text.")
    return value


def as_bool(name: str, value: object) -> str:
    try:
        return format_bool(parse_bool(value))
    except ValueError:
        raise bad_request(f'{name} must be "true" or "false".') from None


def as_date(name: str, value: object) -> str:
    try:
        return format_date(parse_date(str(value)))
    except ValueError:
        raise bad_request(f"{name} must be a date in yyyy-MM-dd format.") from None


def as_datetime(name: str, value: object) -> str:
    try:
        return format_datetime(parse_datetime(str(value)))
    except ValueError:
        raise bad_request(f"{name} must be a date and time in yyyy-MM-dd HH:mm:ss format.") from None


def as_time(name: str, value: object) -> str:
    try:
        return datetime.strptime(str(value), "%H:%M:%S").strftime("%H:%M:%S")
    except ValueError:
        raise bad_request(f"{name} must be a time in HH:mm:ss format.") from None


def as_money(name: str, value: object) -> str:
    # Open Dental returns fees as strings with two decimals ("130.00").
    try:
        return f"{Decimal(str(value)):.2f}"
    except InvalidOperation:
        raise bad_request(f"{name} must be an amount.") from None


def as_float(name: str, value: object) -> float:
    try:
        return float(str(value))
    except ValueError:
        raise bad_request(f"{name} must be a number.") from None


def as_pattern(name: str, value: object) -> str:
    if not isinstance(value, str) or not _PATTERN.match(value):
        raise bad_request(f"{name} must be a string of X and / characters, one per 5 minutes, at most 9 hours.")
    return value


def one_of(*choices: str) -> Kind:
    def as_choice(name: str, value: object) -> str:
        if value not in choices:
            raise bad_request(f"{name} must be one of: {', '.join(choices)}.")
        return value  # type: ignore[return-value]

    return as_choice


# -- query string ----------------------------------------------------------------------------


def query(name: str, kind: Kind) -> object | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return None
    return kind(name, raw)


def query_int(name: str) -> int | None:
    return query(name, as_int)  # type: ignore[return-value]


def query_date(name: str) -> date | None:
    value = query(name, as_date)
    return parse_date(value) if value else None  # type: ignore[arg-type]


def query_datetime(name: str) -> datetime | None:
    value = query(name, as_datetime)
    return parse_datetime(value) if value else None  # type: ignore[arg-type]


def query_bool(name: str) -> bool | None:
    value = query(name, as_bool)
    return None if value is None else value == "true"


def require_query(name: str, kind: Kind) -> object:
    value = query(name, kind)
    if value is None:
        raise bad_request(f"{name} is required.")
    return value


# -- JSON body -------------------------------------------------------------------------------


def json_body() -> dict:
    body = request.get_json(silent=True)
    if body is None and request.get_data():
        raise bad_request("The request body is not valid JSON.")
    if not isinstance(body, dict):
        raise bad_request("The request body must be a JSON object.")
    return body


def read_fields(body: dict, kinds: dict[str, Kind], *, required: Iterable[str] = ()) -> dict:
    """The known fields present in the body, each checked and normalised; unknown ones are ignored."""
    for name in required:
        if body.get(name) in (None, ""):
            raise bad_request(f"{name} is required.")
    return {name: kind(name, body[name]) for name, kind in kinds.items() if body.get(name) is not None}
