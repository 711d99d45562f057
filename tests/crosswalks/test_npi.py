"""NPI check digit: Luhn over "80840" + the NPI."""
from __future__ import annotations

import pytest

from crosswalks import is_valid_npi


@pytest.mark.parametrize("npi", ["1234567893", "1245319599", " 1234567893 "])
def test_valid(npi):
    assert is_valid_npi(npi)


@pytest.mark.parametrize("npi", ["1234567890", "1245319598", "123456789", "12345678931", "12345678a3", "", None])
def test_invalid(npi):
    assert not is_valid_npi(npi)


def test_every_wrong_check_digit_is_caught():
    assert [d for d in "0123456789" if is_valid_npi("123456789" + d)] == ["3"]
