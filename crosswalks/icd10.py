"""ICD-10-CM questions the claim builder and checks ask, answered from `simple_icd_10_cm`.

Codes are accepted with or without the dot and in any case. Nothing here hard-codes a code list:
validity, billability (leaf), 7th characters and descriptions all come from the package's
tabular (April 2026 release). Answers are cached because checks ask per diagnosis, per case.
"""
from __future__ import annotations

import functools
import re
import warnings
from types import ModuleType
from typing import Literal

Laterality = Literal["right", "left", "bilateral", "unspecified"]

_CODE = re.compile(r"^[A-Z][0-9][0-9A-Z](?:[0-9A-Z]{1,4})?$")
_RIGHT = re.compile(r"\bright\b")
_LEFT = re.compile(r"\bleft\b")
_BOTH = re.compile(r"\bbilateral\b|\bboth sides\b")
_UNSPECIFIED_SIDE = re.compile(r"\bunspecified (?:side|laterality)\b")


@functools.lru_cache(maxsize=1)
def _icd() -> ModuleType:
    # Imported lazily: loading the tabular takes about a second and many callers never need it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the package uses importlib's legacy API
        import simple_icd_10_cm

    return simple_icd_10_cm


def normalize(code: str) -> str:
    """"m26601" / " M26.601 " -> "M26.601" (upper case, dot after the category)."""
    plain = bare(code)
    return f"{plain[:3]}.{plain[3:]}" if len(plain) > 3 else plain


def bare(code: str) -> str:
    """" m26.601" -> "M26601": the code without its decimal point, as claim forms carry it
    (837P HI, CMS-1500 box 21)."""
    return str(code or "").strip().upper().replace(".", "").replace(" ", "")


def starts_with_any(code: str, prefixes) -> bool:
    """Whether `code` falls under one of `prefixes` ("G47.33" under "G47.3"), with or without dots."""
    plain = bare(code)
    return bool(plain) and any(plain.startswith(bare(prefix)) for prefix in prefixes)


@functools.lru_cache(maxsize=4096)
def is_valid(code: str) -> bool:
    """True for any item of the tabular: chapter blocks excluded, categories and codes included."""
    norm = normalize(code)
    if not _CODE.match(norm.replace(".", "")):
        return False
    icd = _icd()
    return bool(icd.is_valid_item(norm)) and not icd.is_chapter_or_block(norm)


@functools.lru_cache(maxsize=4096)
def is_billable(code: str) -> bool:
    """True when the code is valid and a leaf (full specificity, usable on a claim)."""
    return is_valid(code) and bool(_icd().is_leaf(normalize(code)))


@functools.lru_cache(maxsize=4096)
def description(code: str) -> str:
    """The tabular description (public domain), or "" for an invalid code."""
    return str(_icd().get_description(normalize(code))) if is_valid(code) else ""


def display_code(code: str) -> str:
    """The code as every message shows it: upper case, dotted when shaped like ICD-10-CM
    ("s02.5xx" -> "S02.5XX"), else as typed in upper case ("abc-1" -> "ABC-1")."""
    plain = bare(code)
    return normalize(plain) if _CODE.match(plain) else str(code or "").strip().upper()


@functools.lru_cache(maxsize=4096)
def seventh_characters(code: str) -> dict[str, str]:
    """The 7th characters the code's category takes, each with its meaning, in the code set's order
    ({} when it takes none): "S02.5XX" -> {"A": "initial encounter for closed fracture", ...}."""
    plain = bare(code)
    known = _longest_valid_prefix(plain[:6])
    if not known:
        return {}
    icd = _icd()
    for item in [known, *icd.get_ancestors(known)]:
        if icd.is_chapter_or_block(item):
            break
        characters = icd.get_seven_chr_def(item)
        if characters:
            return dict(characters)
    return {}


@functools.lru_cache(maxsize=4096)
def needs_seventh_character(code: str) -> bool:
    """True when the code is complete but for its 7th character: with placeholder X up to six
    characters and one of its category's 7th characters it is a billable code ("S02.5", "S025X",
    "S02.5XX" -> S02.5XXA). "S02.60" is not: it needs a 6th character first."""
    plain = bare(code)
    if len(plain) >= 7 or not _CODE.match(plain) or is_billable(code):
        return False
    padded = plain.ljust(6, "X")
    return any(is_billable(padded + character) for character in seventh_characters(code))


def is_injury(code: str) -> bool:
    """Chapter 19 (S00-T88): injuries, poisonings and other external-cause consequences."""
    head = _category(code)
    return bool(head) and "S00" <= head <= "T88"


def is_external_cause(code: str) -> bool:
    """Chapter 20 (V00-Y99): how, where and doing what an injury happened."""
    head = _category(code)
    return bool(head) and "V00" <= head <= "Y99"


@functools.lru_cache(maxsize=4096)
def laterality(code: str) -> Laterality | None:
    """Side the code states, "unspecified" when the concept has sides but none is chosen, None when
    the concept has no side (decided from the code's own description and those of its siblings)."""
    if not is_valid(code):
        return None
    norm = normalize(code)
    side = _side_in(description(norm))
    if side:
        return side
    base = _without_extension(norm)
    icd = _icd()
    parent = icd.get_parent(base)
    relatives = [c for c in (icd.get_children(parent) if parent else []) if c != base]
    relatives += list(icd.get_children(base)) if not icd.is_leaf(base) else []
    # Sides exist for the concept only when relatives come as a right AND a left version; a lone
    # "Left ventricular failure" next to "Heart failure, unspecified" is anatomy, not laterality.
    sides = {_side_in(description(c)) for c in relatives}
    return "unspecified" if {"right", "left"} <= sides else None


# ------------------------------------------------------------------------------------ helpers


def _category(code: str) -> str:
    """The 3-character category of a well-formed code ("" when it is not shaped like ICD-10-CM)."""
    plain = bare(code)
    return plain[:3] if _CODE.match(plain) else ""


def _side_in(text: str) -> Laterality | None:
    low = text.lower()
    if _UNSPECIFIED_SIDE.search(low):
        return "unspecified"
    if _BOTH.search(low):
        return "bilateral"
    right, left = bool(_RIGHT.search(low)), bool(_LEFT.search(low))
    if right and left:
        return "bilateral"
    if right:
        return "right"
    if left:
        return "left"
    return None


def _longest_valid_prefix(plain: str) -> str:
    icd = _icd()
    for n in range(len(plain), 2, -1):
        candidate = normalize(plain[:n])
        if icd.is_valid_item(candidate):
            return candidate
    return ""


def _without_extension(code: str) -> str:
    """"S03.01XA" -> "S03.01" (the concept without its 7th character and placeholders)."""
    icd = _icd()
    item = code
    while icd.is_extended_subcategory(item):
        item = icd.get_parent(item)
    return item
