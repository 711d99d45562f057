"""Universal tooth numbers and Open Dental surfaces: which jaw and quadrant a procedure is in.

Permanent teeth 1-16 and primary A-J are maxillary, 17-32 and K-T mandibular; quadrants run
UR 1-8/A-E, UL 9-16/F-J, LL 17-24/K-O, LR 25-32/P-T. A procedure's tooth may be one tooth,
a list ("2,3,4") or a range ("2-5").
"""
from __future__ import annotations

import re

_PRIMARY = "ABCDEFGHIJKLMNOPQRST"
_SEPARATORS = re.compile(r"[,\s;/]+")


def parse_teeth(tooth: str) -> list[str]:
    """The teeth named by a procedure's tooth field, in order; unknown tokens are dropped."""
    teeth: list[str] = []
    for token in _SEPARATORS.split((tooth or "").strip().upper()):
        if not token:
            continue
        first, dash, last = token.partition("-")
        if dash and first.isdigit() and last.isdigit():
            start, end = sorted((int(first), int(last)))
            teeth.extend(str(n) for n in range(start, end + 1) if 1 <= n <= 32)
        elif dash and first in _PRIMARY and last in _PRIMARY and len(first) == len(last) == 1:
            start, end = sorted((_PRIMARY.index(first), _PRIMARY.index(last)))
            teeth.extend(_PRIMARY[start : end + 1])
        elif quadrant_of_tooth(token):
            teeth.append(str(int(token)) if token.isdigit() else token)
    return teeth


def quadrant_of_tooth(tooth: str) -> str | None:
    """UR, UL, LL or LR for a universal tooth number or primary letter; None when not a tooth."""
    tooth = tooth.strip().upper()
    if tooth.isdigit() and 1 <= int(tooth) <= 32:
        return ("UR", "UL", "LL", "LR")[(int(tooth) - 1) // 8]
    if len(tooth) == 1 and tooth in _PRIMARY:
        return ("UR", "UL", "LL", "LR")[_PRIMARY.index(tooth) // 5]
    return None


def jaw_of_quadrant(quadrant: str) -> str:
    return "maxilla" if quadrant.startswith("U") else "mandible"
