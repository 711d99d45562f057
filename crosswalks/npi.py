"""National Provider Identifier check digit (CMS: Luhn over the card-issuer prefix 80840 + the NPI)."""
from __future__ import annotations

NPI_PREFIX = "80840"  # ISO 7812 issuer prefix for US health cards; part of the Luhn sum, not of the NPI


def is_valid_npi(npi: str) -> bool:
    """True when `npi` is 10 digits whose last digit is the Luhn check digit of "80840" + the first nine."""
    text = str(npi or "").strip()
    if len(text) != 10 or not text.isdigit():
        return False
    return _luhn_ok(NPI_PREFIX + text)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:  # every second digit from the right is doubled
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0
