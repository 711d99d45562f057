"""How values are written on the CMS-1500, following the NUCC 1500 instruction manual.

The paper form is read by OCR: upper case, plain characters, no punctuation in addresses, no
periods in names, no separators inside dates, phone numbers, ZIP codes or amounts (the form has
a cell for each part).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from crosswalks import icd10
from docservice.claimforms.submission import Address, Person, Provider

from docservice.claimforms.cms1500.errors import Cms1500Error

_PRINTABLE = re.compile(r"^[ -~]*$")  # ASCII letters, digits, space and ordinary punctuation
_ADDRESS_PUNCTUATION = re.compile(r"[.,#;:]")
CENT = Decimal("0.01")


def form_text(value: object, *, box: str) -> str:
    """`value` in upper case with accents dropped and runs of spaces collapsed.

    Raises Cms1500Error naming `box` when a character has no plain equivalent (the printed form
    and its OCR take ASCII only); the value itself stays out of the message.
    """
    text = " ".join(str(value or "").split())
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    if not _PRINTABLE.match(text):
        raise Cms1500Error(f"Box {box} holds characters the printed form cannot take; use plain letters and digits.")
    return text.upper()


def person_name(person: Person, *, box: str) -> str:
    """"LAST, FIRST, M": NUCC separates last name, first name and middle initial with commas."""
    parts = [_name_part(person.last_name, box=box), _name_part(person.first_name, box=box),
             _name_part(person.middle_name, box=box)[:1]]
    return ", ".join(part for part in parts if part)


def provider_name(provider: Provider, *, box: str) -> str:
    """A person as "FIRST LAST" (box 17 lists first name first), an organisation by its name."""
    if not provider.is_person:
        return form_text(provider.name, box=box)
    return " ".join(part for part in (_name_part(provider.first_name, box=box),
                                      _name_part(provider.last_name, box=box)) if part)


def street(address: Address, *, box: str) -> str:
    """Street and unit on one line, without punctuation ("123 N MAIN ST 101")."""
    text = " ".join(part for part in (address.line1, address.line2) if part)
    return form_text(_ADDRESS_PUNCTUATION.sub(" ", text), box=box)


def city_state_zip(address: Address, *, box: str) -> str:
    return form_text(" ".join(part for part in (_ADDRESS_PUNCTUATION.sub(" ", address.city),
                                                address.state, address.zip) if part), box=box)


def date_parts(day: date, *, year_digits: int) -> tuple[str, str, str]:
    """("MM", "DD", "YY" or "YYYY") for the three cells of a date."""
    return f"{day.month:02d}", f"{day.day:02d}", f"{day.year:04d}"[-year_digits:]


def compact_date(day: date) -> str:
    """MMDDYY, the 6-digit date NUCC asks for where the form has one undivided field (12, 31)."""
    return f"{day.month:02d}{day.day:02d}{day.year % 100:02d}"


def money_parts(amount: Decimal) -> tuple[str, str]:
    """("1234", "50") for $1,234.50: dollars and cents go in separate cells, without a point."""
    cents_total = int((Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())
    dollars, cents = divmod(abs(cents_total), 100)
    return str(dollars), f"{cents:02d}"


def phone_parts(phone: str) -> tuple[str, str] | None:
    """(area code, 7 digits) of a 10-digit US number; None for anything else (the box stays empty)."""
    digits = re.sub(r"\D", "", str(phone or ""))
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return (digits[:3], digits[3:]) if len(digits) == 10 else None


def bare_icd10(code: str) -> str:
    """"M26.601" -> "M26601": box 21 takes ICD-10-CM codes without the decimal point (NUCC)."""
    return icd10.bare(code)


def _name_part(value: str, *, box: str) -> str:
    # NUCC: no periods in names; a word that is only punctuation (a "-" placeholder) is no name.
    words = [word for word in form_text(value, box=box).replace(".", "").split() if re.search(r"[A-Z0-9]", word)]
    return " ".join(words)
