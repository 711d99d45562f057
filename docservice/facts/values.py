"""Turn the words a pattern matched into the value shapes of the contract (numbers, ISO dates, days...)."""
from __future__ import annotations

import re
from datetime import date, datetime

from crosswalks.clinical.dates import parse_date
from crosswalks.clinical.people import credential_pattern
from crosswalks.clinical.sentences import clean

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "eighteen": 18, "twenty": 20,
    "few": 3, "a few": 3, "several": 3, "a couple": 2, "couple of": 2, "a couple of": 2,
}
UNIT_DAYS = {"d": 1, "day": 1, "w": 7, "wk": 7, "week": 7, "m": 30, "mo": 30, "month": 30, "y": 365, "yr": 365, "year": 365}
# The credentials that end a name (", MD, FAASM"), each a whole word: "WILLIAMS" does not end in "MS".
CREDENTIALS = re.compile(rf"(?:(?:^|\s*,|\s)\s*{credential_pattern()}(?![A-Za-z]))+\s*$")


def parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def largest_dimension(text: str) -> float | None:
    """"2 x 3" -> 3.0: a lesion's size is its largest dimension."""
    numbers = [parse_number(part) for part in re.split(r"\s*(?:x|×|by|\*)\s*", text.strip(), flags=re.IGNORECASE)]
    numbers = [number for number in numbers if number is not None]
    return max(numbers) if numbers else None


def stored_date(value: object) -> date | None:
    """A date as MedLane stores it (an ISO date or datetime string, or the object), else None.

    The one reading of stored dates: fact values, claim fields and narrative values all go through it.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def duration_days(amount: str, unit: str) -> int | None:
    """("8", "months") -> 240: months count 30 days and years 365, as a duration on a form does."""
    amount = clean(amount).lower()
    number = WORD_NUMBERS.get(amount)
    if number is None:
        number = parse_number(amount)
    factor = UNIT_DAYS.get(unit.lower().rstrip("s").rstrip(".")) or UNIT_DAYS.get(unit.lower()[:1])
    if number is None or factor is None:
        return None
    return int(round(number * factor))


def days_since(text: str, reference: date | None) -> int | None:
    """"January" or "March 2025" or a date -> days until `reference`; None without a reference date.

    A month without a year is the latest such month not after the reference.
    """
    if reference is None:
        return None
    start = parse_date(text, anchor=reference)
    if start is None:
        return None
    days = (reference - start).days
    return days if days >= 0 else None


def person_name(text: str) -> str:
    """"Dr. Test Sleepwell, MD" -> "Test Sleepwell": the name as a claim form wants it."""
    name = clean(text)
    name = re.sub(r"^Dr\.?\s+", "", name)
    name = CREDENTIALS.sub("", name)
    return name.strip(" ,;:-")


def credentials(text: str) -> str:
    found = CREDENTIALS.search(clean(text))
    return found.group(0).strip(" ,") if found else ""
