"""Teeth as clinical text names them (Universal numbering: 1-32 permanent, A-T primary).

One reader for both sides: the documents' "#8 and #9", "#7-10" and the flagger's "recheck #08".
A number joined to more digits ("#12-0417", "claim #24-77812") is paperwork, not a tooth.
"""
from __future__ import annotations

import re

TOOTH = re.compile(r"(?<![A-Za-z0-9])(\d{1,2}|[A-Ta-t])(?![A-Za-z0-9])(?![-/.]\d{3})")
MENTION = re.compile(r"#\s?(\d{1,2}|[A-Ta-t])(?![\w])(?![-/.]\d)")
RANGE_WORDS = re.compile(r"^\s*(?:-|–|to|through|thru)\s*#?\s*$", re.IGNORECASE)


def tooth_number(token: str) -> str | None:
    """"08" -> "8", "k" -> "K"; None for what is no tooth ("45", "0")."""
    token = token.strip().upper()
    if token.isdigit():
        return str(int(token)) if 1 <= int(token) <= 32 else None
    return token if len(token) == 1 and "A" <= token <= "T" else None


def teeth_in(text: str) -> list[str]:
    """"#8 and #9" -> ["8", "9"]; "#7-10" -> ["7", "8", "9", "10"], in the order written."""
    found = list(TOOTH.finditer(text))
    out: list[str] = []
    for index, match in enumerate(found):
        tooth = tooth_number(match.group(1))
        if tooth is None:
            continue
        previous = found[index - 1] if index else None
        between = text[previous.end():match.start()] if previous else ""
        low = tooth_number(previous.group(1)) if previous else None
        if low and low.isdigit() and tooth.isdigit() and RANGE_WORDS.match(between) and int(low) < int(tooth):
            out.extend(str(number) for number in range(int(low) + 1, int(tooth) + 1) if str(number) not in out)
        if tooth not in out:
            out.append(tooth)
    return out


def teeth_mentioned(text: str) -> list[str]:
    """Teeth a free-text note points at with "#" ("recheck #08", "#9 mobile"), normalised."""
    return [tooth for tooth in (tooth_number(m.group(1)) for m in MENTION.finditer(text or "")) if tooth]
