"""Shared pieces of the kind corpus: a seeded random source, synthetic people and places, numbers, dates.

Every name here is made up from syllables or is plainly a test name; nothing is a real person.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

FIRST = ("Alex", "Jordan", "Casey", "Morgan", "Riley", "Taylor", "Jamie", "Avery", "Quinn", "Robin", "Drew",
         "Sam", "Pat", "Dana", "Kim", "Terry", "Jesse", "Cameron", "Maria", "James", "Linda", "Robert", "Grace",
         "Omar", "Priya", "Wei", "Elena", "Marcus", "Nadia", "Tomas", "Aisha", "Hiro", "Sofia", "Luis", "Ingrid")
SYLLABLES_A = ("Bren", "Hal", "Cor", "Mal", "Tess", "Wen", "Dar", "Fen", "Gal", "Lom", "Pry", "Quel", "Ros",
               "Sel", "Tav", "Ul", "Vin", "Yar", "Zem", "Ost", "Kel", "Nor", "Ash", "Bel", "Cam")
SYLLABLES_B = ("wick", "vorsen", "dale", "ton", "ridge", "mont", "by", "field", "stead", "ley", "ner", "ova",
               "ez", "ski", "berg", "well", "man", "ford", "ard", "ian", "etti", "sen", "oux", "ada", "ham")
TOWNS = ("Testville", "Lakeside", "Cedar Hollow", "North Example", "Sampleton", "Riverbend", "Maple Grove",
         "Fairmont", "Westbrook", "Harbor City", "Pine Ridge", "Oak Valley", "Stonebridge", "Millbrook")
STREETS = ("Main St", "Oak Ave", "Medical Pkwy", "Center Dr", "Elm St", "Hospital Rd", "Park Blvd",
           "Commerce Way", "Lakeview Dr", "Professional Ct")
STATES = ("OH", "PA", "MI", "IN", "WI", "MN", "IA", "MO", "KY", "TN", "NC", "VA", "CO", "AZ", "OR", "WA")
DENTAL_SPECIALTIES = ("DDS", "DMD", "DDS, MS", "DMD, MD")
MD_SUFFIX = ("MD", "DO", "MD, FACP", "MD, PhD", "MD, FCCP", "DO, FAASM")


def surname(r: random.Random) -> str:
    return r.choice(SYLLABLES_A) + r.choice(SYLLABLES_B)


@dataclass
class Person:
    first: str
    middle: str
    last: str
    birth: date
    sex: str

    def name(self, r: random.Random) -> str:
        """The name as documents write it: First Last, LAST, FIRST M, First M. Last..."""
        style = r.randrange(6)
        if style == 0:
            return f"{self.first} {self.last}"
        if style == 1:
            return f"{self.last.upper()}, {self.first.upper()}" + (f" {self.middle}" if self.middle else "")
        if style == 2:
            return f"{self.last}, {self.first}"
        if style == 3:
            return f"{self.first} {self.middle + '. ' if self.middle else ''}{self.last}"
        if style == 4:
            return f"{self.first.upper()} {self.last.upper()}"
        return f"{self.first} {self.last}"


def person(r: random.Random) -> Person:
    age_days = r.randint(6 * 365, 88 * 365)
    return Person(r.choice(FIRST), r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.5 else "", surname(r),
                  date(2025, 6, 1) - timedelta(days=age_days), r.choice(("F", "M")))


def doctor(r: random.Random, *, dental: bool = False) -> str:
    first = r.choice(FIRST)
    name = f"{first} {surname(r)}" if r.random() < 0.6 else f"{first[0]}. {surname(r)}"
    return f"{name}, {r.choice(DENTAL_SPECIALTIES if dental else MD_SUFFIX)}"


def town(r: random.Random) -> str:
    return r.choice(TOWNS)


def address(r: random.Random) -> str:
    return f"{r.randint(10, 9800)} {r.choice(STREETS)}, {town(r)}, {r.choice(STATES)} {r.randint(10000, 99999)}"


def phone(r: random.Random) -> str:
    fmt = r.randrange(3)
    a, b = r.randint(200, 989), r.randint(0, 9999)
    return (f"({a}) 555-{b:04d}", f"{a}-555-{b:04d}", f"{a}.555.{b:04d}")[fmt]


def npi(r: random.Random) -> str:
    return "1" + "".join(r.choice("0123456789") for _ in range(9))


def day(r: random.Random, *, start: date = date(2023, 1, 1), span: int = 900) -> date:
    return start + timedelta(days=r.randrange(span))


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def fmt_date(r: random.Random, value: date) -> str:
    """A date the way US documents write it, in one of many formats."""
    style = r.randrange(8)
    if style == 0:
        return f"{value.month:02d}/{value.day:02d}/{value.year}"
    if style == 1:
        return f"{value.month}/{value.day}/{value.year % 100:02d}"
    if style == 2:
        return value.isoformat()
    if style == 3:
        return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"
    if style == 4:
        return f"{MONTHS[value.month - 1][:3]} {value.day}, {value.year}"
    if style == 5:
        return f"{value.day:02d}-{MONTHS[value.month - 1][:3].upper()}-{value.year}"
    if style == 6:
        return f"{value.month:02d}-{value.day:02d}-{value.year}"
    return f"{value.month}/{value.day}/{value.year}"


def pick(r: random.Random, options):
    return r.choice(options)


def some(r: random.Random, options, low: int, high: int) -> list:
    """Between low and high distinct items, in a random order."""
    options = list(options)
    return r.sample(options, min(len(options), r.randint(low, high)))


def maybe(r: random.Random, p: float) -> bool:
    return r.random() < p


def num(r: random.Random, low: float, high: float, digits: int = 1) -> str:
    value = r.uniform(low, high)
    return f"{value:.{digits}f}" if digits else str(int(round(value)))


def money(r: random.Random, low: float, high: float) -> float:
    return round(r.uniform(low, high), 2)


def dollars(value: float, *, sign: bool = True) -> str:
    return f"{'$' if sign else ''}{value:,.2f}"


@dataclass
class Section:
    """One part of a document: a heading in some wording, its lines, and maybe a table."""

    key: str
    heading: str
    lines: list[str] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None


@dataclass
class Draft:
    """What a document says, before a house style lays it out."""

    kind: str
    title: str
    sections: list[Section]
    patient: Person
    author: str = ""
    department: str = ""
    facility: str = ""
    letter: bool = False  # reads as a letter: salutation, paragraphs, closing
    salutation: str = ""
    closing: str = ""
    recipient: str = ""
    doc_date: date | None = None
    short: bool = False  # a label or caption: no letterhead, no banner
