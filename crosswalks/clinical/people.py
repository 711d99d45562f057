"""People as clinical documents name them: the credentials and degrees after a name ("Jane Roe, DDS, MS").

One list (clinical_text.yaml `credentials`) for every reader of names: the fact patterns, the
name cleaner and the patient-line reader.
"""
from __future__ import annotations

import functools
import re

from crosswalks.clinical.rules import load_clinical_rules
from crosswalks.loader import CrosswalkError

CREDENTIAL_SPELLING = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")


@functools.cache
def load_credentials() -> tuple[str, ...]:
    """The credentials as listed (capitals as written, no dots), longest first so "PA-C" is tried before "PA"."""
    listed = load_clinical_rules()["credentials"]
    if not isinstance(listed, list) or not all(isinstance(item, str) and CREDENTIAL_SPELLING.fullmatch(item)
                                               for item in listed):
        raise CrosswalkError("clinical_text.yaml credentials must be a list of words of letters (a hyphen inside: PA-C)")
    return tuple(sorted(dict.fromkeys(listed), key=lambda item: (-len(item), item)))


@functools.cache
def credential_words() -> frozenset[str]:
    """The credentials in lower case without dots ("md", "pa-c"), for readers comparing whole words in any case."""
    return frozenset(item.lower() for item in load_credentials())


@functools.cache
def credential_pattern() -> str:
    """The regex of one credential, to build into larger ones: in capitals only, even inside an
    ignore-case regex (`(?-i:...)`: "do" or "pa" in prose is no degree), a dot allowed after each
    letter ("M.D.", "Ph.D."). It does not look past its end; callers add their own boundary."""
    spelled = ("".join(rf"{re.escape(char)}\.?" if char.isalpha() else re.escape(char) for char in item)
               for item in load_credentials())
    return "(?-i:" + "|".join(spelled) + ")"
