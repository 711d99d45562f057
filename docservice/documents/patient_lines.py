"""The patient a document names: its labelled name and birth-date lines, in headers, banners and tables.

Only labelled values count ("Patient:", "Name:", "Pt:", "PATIENT NAME", "DOB:", "Date of Birth",
"D.O.B.", "Re: <name>, DOB ..."), inline or as a table's header row over its values. A name is
kept only if it looks like a person's (letters, two to six words, no credentials such as "MD"),
so "Name: Kevin Nguyen, MD" in a provider block or "Re: Appeal of denied claim" are not read as
the patient. Dates are read by the one date parser (crosswalks.clinical.dates); OCR's look-alike
letters in them (O for 0, l for 1) are put right first.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from crosswalks.clinical.dates import parse_date
from crosswalks.clinical.people import credential_words

NAME_LABEL = r"(?:patient(?:'s)?\s+(?:full\s+)?name|name\s+of\s+patient|patient|pt\.?\s*name|pt|name)"
DOB_LABEL = r"(?:date\s+of\s+birth|birth\s*date|d\.?\s?o\.?\s?b\b\.?|born)"
OTHER_LABEL = (r"(?:mrn|mr\s*#|medical\s+record\b[^:]{0,10}|chart\s*#?|acct\.?\s*#?|account\s*#?|sex|gender|age|"
               r"patient\s+id|id|ssn|phone|visit\s+date|date\s+of\s+service|dos|date|encounter\s*#?|room|location|"
               r"provider|physician|doctor|insurance|member\s+id)")
# A label starts a line or a cell: after the line's start, two spaces, a tab or a table rule.
_CELL_START = r"(?:^|(?<=\s\s)|(?<=\t)|(?<=\|))"
INLINE_NAME = re.compile(_CELL_START + r"\s*" + NAME_LABEL + r"\s*(?::|#|-\s)\s*(?P<value>\S.*)", re.IGNORECASE)
RE_LINE = re.compile(r"^\s*(?:re|regarding)\s*:\s*(?:patient\s*:?\s+)?(?P<value>\S.*)", re.IGNORECASE)
INLINE_DOB = re.compile(r"(?P<before>\w+\s+)?\b" + DOB_LABEL + r"\s*[:#-]?\s*(?P<value>.{0,30})", re.IGNORECASE)
# Where a name's value ends: a wide gap, a cell rule, the next label, an opening parenthesis.
NAME_END = re.compile(
    r"\s{2,}|\t|\||\(|;|,?\s+(?=" + DOB_LABEL + r"(?:\W|$))|\s+(?=" + OTHER_LABEL + r"\s*[:#])", re.IGNORECASE
)
HEADER_LABEL = re.compile(r"(?P<name>" + NAME_LABEL + r")|(?P<dob>" + DOB_LABEL + r")|(?P<other>" + OTHER_LABEL + r")",
                          re.IGNORECASE)
DATE_SPAN = re.compile(
    r"(?:\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|\d{1,2}-[A-Za-z]{3}-\d{2,4}"
    r"|\b\d{8}\b)"
    r"(?![^\s\w]?\d)"  # "01/19/19;92": a stray mark inside the year; better no date than a wrong one
)
DATE_SLACK = 3  # the date must follow its label at once ("DOB: 01/31/1970"), not somewhere later on the line
# Someone else's birth date in the same document: the insured, a parent, a guarantor.
OTHER_PEOPLE = {"subscriber", "subscriber's", "insured", "insured's", "member", "guarantor", "spouse", "parent",
                "mother", "father", "guardian", "policyholder", "responsible"}
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NOT_NAMES = {"information", "info", "name", "signature", "unknown", "see", "attached", "records", "record", "request",
             "appeal", "of", "the", "for", "claim", "and", "dob", "date", "birth", "on", "file", "with", "to", "from",
             "your", "our", "this", "denial", "medical", "necessity", "history", "demographics", "label", "here",
             "sticker", "copy", "chart", "number", "address", "phone", "na", "n/a", "none", "same", "above"}
# OCR reads letters in names as look-alike digits.
NAME_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "6": "g", "3": "e"})
MAX_LINES = 400  # the patient is named at the head of a document or of its pages; tables further down are rare


@dataclass(frozen=True)
class StatedPatient:
    """What a document says about whose it is."""

    names: tuple[str, ...]
    birthdates: tuple[date, ...]

    @property
    def empty(self) -> bool:
        return not self.names and not self.birthdates


def read_stated_patient(text: str, *, today: date | None = None) -> StatedPatient:
    """The patient names and birth dates a document states in labelled lines (each once, in reading order)."""
    today = today or date.today()
    names: list[str] = []
    birthdates: list[date] = []
    lines = text.replace("\f", "\n").splitlines()[:MAX_LINES]
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        found_names, found_dates = _read_line(line, today=today, following=following)
        if not found_names and not found_dates:
            found_names, found_dates = _read_table(line, _next_content_line(lines, index), today=today)
        for name in found_names:
            if name not in names:
                names.append(name)
        for born in found_dates:
            if born not in birthdates:
                birthdates.append(born)
    return StatedPatient(tuple(names), tuple(birthdates))


def _read_line(line: str, *, today: date, following: str = "") -> tuple[list[str], list[date]]:
    names = []
    for pattern in (INLINE_NAME, RE_LINE):
        for found in pattern.finditer(line):
            if pattern is RE_LINE and not _re_names_a_patient(line, found, following):
                continue
            name = clean_name(NAME_END.split(found.group("value"), maxsplit=1)[0])
            if name:
                names.append(name)
    dates = []
    for found in INLINE_DOB.finditer(line):
        before = (found.group("before") or "").strip().lower()
        if before in OTHER_PEOPLE:
            continue
        born = parse_birthdate(found.group("value"), today=today)
        if born is not None:
            dates.append(born)
    return names, dates


def _re_names_a_patient(line: str, found: re.Match, following: str) -> bool:
    """A letter's "Re:" line names its subject, a topic as often as a person ("Re: Oral appliance therapy",
    "Re: Prior authorization approval"): it names the patient when it says so ("Re: Patient ..."), gives a
    birth date on its line or the next, or writes the name as "Last, First"."""
    if re.search(r"(?:re|regarding)\s*:\s*patient\b", line, re.IGNORECASE):
        return True
    if re.search(DOB_LABEL, line, re.IGNORECASE) or re.search(DOB_LABEL, following, re.IGNORECASE):
        return True
    return bool(re.match(r"\s*[A-Za-z'-]+,\s*[A-Za-z]", found.group("value")))


def _read_table(header: str, values: str | None, *, today: date) -> tuple[list[str], list[date]]:
    """A header row of labels without values ("Patient Name   DOB   MRN") over a row of values."""
    if values is None:
        return [], []
    labels = [found for found in HEADER_LABEL.finditer(header) if _starts_cell(header, found.start())]
    if len(labels) < 2 or not any(found.group("name") or found.group("dob") for found in labels):
        return [], []
    if HEADER_LABEL.search(values) and not DATE_SPAN.search(values):
        return [], []  # a second header row, not values
    header_cells = _cells(header)
    value_cells = _cells(values)
    names, dates = [], []
    for position, found in enumerate(labels):
        if len(header_cells) == len(labels) and len(value_cells) == len(labels):
            cell = value_cells[position]
        else:  # cells split differently: take the columns under each label
            end = labels[position + 1].start() if position + 1 < len(labels) else None
            cell = values[found.start():end] if found.start() < len(values) else ""
        if found.group("name"):
            name = clean_name(cell)
            if name:
                names.append(name)
        elif found.group("dob"):
            born = parse_birthdate(cell, today=today)
            if born is not None:
                dates.append(born)
    return names, dates


def _starts_cell(line: str, start: int) -> bool:
    before = line[:start]
    return not before.strip(" |+") or before.endswith(("  ", "\t", "|", "| "))


def _cells(line: str) -> list[str]:
    return [cell for cell in re.split(r"\s{2,}|\t|\|", line.strip().strip("|")) if cell.strip()]


def _next_content_line(lines: list[str], index: int) -> str | None:
    """The next line with words or digits (table rules of dashes, pluses and pipes are skipped)."""
    for line in lines[index + 1: index + 4]:
        if re.search(r"[A-Za-z0-9]", line):
            return line
    return None


def clean_name(value: str) -> str:
    """The value as a person's name, or "" when it does not look like one."""
    value = value.translate(NAME_DIGITS).strip(" .,:;-")
    value = re.sub(r"\s+", " ", value)
    if not value or not re.fullmatch(r"[^\W\d_][\w .,'-]*", value) or any(ch.isdigit() for ch in value):
        return ""
    words = [word.strip(".,").lower() for word in re.split(r"[\s,]+", value) if word.strip(".,")]
    if not 2 <= len(words) <= 6:
        return ""
    # a credential ends a provider's name, not a patient's ("M.D." is "md" in the list)
    if any(word in NOT_NAMES for word in words) or words[-1].replace(".", "") in credential_words() or words[0] == "dr":
        return ""
    if ", " in value and value.split(", ", 1)[1].strip(" .").lower().replace(".", "") in credential_words():
        return ""
    if sum(len(word) >= 2 for word in words) < 2:
        return ""
    return value


def parse_birthdate(value: str, *, today: date) -> date | None:
    """The first date in `value`, as a birth date (two-digit years in the past), or None."""
    value = re.sub(r"(?<=\d)[Oo]|[Oo](?=\d)", "0", value)
    value = re.sub(r"(?<=\d)[lI|]|[lI|](?=\d)", "1", value)
    value = value.lstrip(" :#-.")
    found = DATE_SPAN.search(value)
    if found is None or found.start() > DATE_SLACK:
        return None
    span = re.sub(r"\s+(?=[/.-])|(?<=[/.-])\s+", "", found.group(0))
    parsed = parse_date(span)  # the one date parser; a birth date is never relative
    if parsed is None:
        return None
    if parsed > today and parsed.year - 100 > 1890:
        parsed = parsed.replace(year=parsed.year - 100)  # "1/31/70" is 1970 for a birth date
    if parsed > today or parsed.year < 1890:
        return None
    return parsed


def name_parts(name: str) -> tuple[list[str], list[str]]:
    """(given names, family names) as plain lower-case words: "ROE, JANE M." -> (["jane"], ["roe"])."""
    # Accents are dropped (José = Jose) but letters of other scripts are kept: a name in Cyrillic or
    # Chinese must not become empty and so "match" anyone.
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().translate(NAME_DIGITS)
    plain = plain.replace("'", "").replace(".", " ").replace("-", " ")
    if "," in plain:
        family_text, _, given_text = plain.partition(",")
        given = _words(given_text)
        family = _words(family_text)
    else:
        words = _words(plain)
        given, family = words[:-1], words[-1:]
    return given, family


def _words(text: str) -> list[str]:
    words = [word for word in re.split(r"[\s,]+", text) if word]
    words = [word for word in words if word not in TITLES and word not in SUFFIXES]
    full = [word for word in words if len(word) > 1]  # middle initials say little and are often left out
    return full or words
