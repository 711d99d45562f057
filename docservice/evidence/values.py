"""A value a person gives for a fact, checked against the fact's kind (docservice/facts/vocabulary.py).

`check_value(name, value)` returns the value as MedLane stores it and how staff read it, or raises
`EvidenceRejected` naming the field, so a bad value is answered 422 before anything is stored.
"""
from __future__ import annotations

import math

from datetime import date

from crosswalks.clinical.teeth import teeth_in
from crosswalks.npi import is_valid_npi
from docservice.facts.vocabulary import TERM_VALUES, VOCABULARY

SIDES = TERM_VALUES["side"]
TEXT_MAX = 500
YEARS = (1900, 2100)


class EvidenceRejected(ValueError):
    """A confirmation that cannot be stored; `errors` maps field -> messages (answered 422)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def kind_of(name: str) -> str:
    """The value kind of a fact name; an unknown name is refused."""
    if name not in VOCABULARY:
        raise EvidenceRejected({"fact": [f"{name!r} is not a fact MedLane knows (see the facts vocabulary)."]})
    return VOCABULARY[name]


def check_value(name: str, value: object) -> tuple[object, str]:
    """(stored value, display) of a person's value for `name`."""
    kind = kind_of(name)
    try:
        return _CHECKS[kind](name, value)
    except (TypeError, ValueError, KeyError) as error:
        raise EvidenceRejected({"value": [f"{_EXPECTED[kind]} ({error})." if str(error) else f"{_EXPECTED[kind]}."]})


def _number(name: str, value: object) -> tuple[float, str]:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError("not a number")
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ValueError("must be a finite number, 0 or more")
    return number, f"{number:g}"


def _integer(name: str, value: object) -> tuple[int, str]:
    number, _ = _number(name, value)
    if number != int(number):
        raise ValueError("not a whole number")
    return int(number), str(int(number))


def _days(name: str, value: object) -> tuple[int, str]:
    days, _ = _integer(name, value)
    return days, f"{days} days"


def _date(name: str, value: object) -> tuple[str, str]:
    if not isinstance(value, str):
        raise ValueError("not a string")
    day = date.fromisoformat(value.strip()[:10]) if len(value.strip()) == 10 else None
    if day is None or not YEARS[0] <= day.year <= YEARS[1]:
        raise ValueError(f"{value!r} is not a date")
    return day.isoformat(), day.isoformat()


def _flag(name: str, value: object) -> tuple[bool, str]:
    if not isinstance(value, bool):
        raise ValueError("not true or false")
    return value, "yes" if value else "no"


def _term(name: str, value: object) -> tuple[str, str]:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("not a word")
    term = "_".join(value.strip().lower().replace("-", " ").split())
    allowed = TERM_VALUES.get(name)
    if allowed is not None and term not in allowed:
        raise ValueError(f"one of {', '.join(sorted(allowed))}")
    if len(term) > 200:
        raise ValueError("at most 200 characters")
    return term, term.replace("_", " ")


def _text(name: str, value: object) -> tuple[str, str]:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("empty")
    text = " ".join(value.split())
    if len(text) > TEXT_MAX:
        raise ValueError(f"at most {TEXT_MAX} characters")
    return text, text[:200]


def _person(name: str, value: object) -> tuple[dict, str]:
    if not isinstance(value, dict) or set(value) - {"name", "npi", "specialty"}:
        raise ValueError('an object {"name", "npi"}')
    person = " ".join(str(value.get("name") or "").split())
    if not person or len(person) > 120:
        raise ValueError("a name of 1 to 120 characters is needed")
    npi = str(value.get("npi") or "").strip()
    if npi and not is_valid_npi(npi):
        raise ValueError(f"NPI {npi} is not a valid NPI: 10 digits with a matching check digit")
    out = {"name": person, "npi": npi or None}
    if VOCABULARY[name] == "referral":
        out["specialty"] = str(value.get("specialty") or "").strip() or None
    return out, person + (f" (NPI {npi})" if npi else "")


def _signer(name: str, value: object) -> tuple[dict, str]:
    if not isinstance(value, dict) or not str(value.get("by") or "").strip():
        raise ValueError('an object {"by": name}')
    signer = " ".join(str(value["by"]).split())
    return {"by": signer}, f"signed by {signer}"


def _joint_sound(name: str, value: object) -> tuple[dict, str]:
    if not isinstance(value, dict) or value.get("sound") not in TERM_VALUES["joint_sounds"]:
        raise ValueError(f'an object {{"sound": {" | ".join(sorted(TERM_VALUES["joint_sounds"]))}, "side"}}')
    side = value.get("side")
    if side is not None and side not in SIDES:
        raise ValueError(f"side is one of {', '.join(sorted(SIDES))}")
    return {"sound": value["sound"], "side": side}, value["sound"] + (f" ({side})" if side else "")


def _teeth(name: str, value: object) -> tuple[list[str], str]:
    items = value if isinstance(value, list) else None
    if items is None or not items or not all(isinstance(item, (str, int)) and not isinstance(item, bool)
                                              for item in items):
        raise ValueError('a list of tooth numbers, e.g. ["8", "9"]')
    found = teeth_in(" ".join(f"#{item}" for item in items))
    if len(found) != len(items):
        raise ValueError("teeth are 1-32 or A-T")
    return found, ", ".join(f"#{tooth}" for tooth in found)


_CHECKS = {
    "number": _number, "integer": _integer, "days": _days, "date": _date, "flag": _flag, "term": _term,
    "text": _text, "person": _person, "referral": _person, "signer": _signer, "joint_sound": _joint_sound,
    "teeth": _teeth,
}
_EXPECTED = {
    "number": "Expected a number", "integer": "Expected a whole number", "days": "Expected a number of days",
    "date": "Expected an ISO date (YYYY-MM-DD)", "flag": "Expected true or false", "term": "Expected a term",
    "text": "Expected text", "person": "Expected a physician", "referral": "Expected a referring physician",
    "signer": "Expected a signer", "joint_sound": "Expected a joint sound", "teeth": "Expected teeth",
}
