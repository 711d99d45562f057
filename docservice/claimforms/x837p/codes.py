"""The 837P code lists and limits (`codes.yaml`), read once into a frozen record.

They are data, not constants, so a change of guide or a payer's quirk is an edit of the YAML
file; this module only reads it and refuses a file with a missing key (a programming error,
raised as KeyError when the package loads the file, never at a practice's desk).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

CODES_FILE = Path(__file__).resolve().parent / "codes.yaml"


@dataclass(frozen=True)
class X12Codes:
    implementation: str  # GS08 / ST03
    procedure_qualifiers: dict[str, str]  # ServiceLine.system -> SV101-1
    related_causes: dict[str, str]  # Accident.related -> CLM11-1
    related_causes_needing_state: frozenset[str]
    frequency_codes: frozenset[str]
    frequency_codes_needing_payer_claim_number: frozenset[str]
    pwk_transmission_codes: frozenset[str]
    usage_codes: frozenset[str]
    sex_codes: frozenset[str]
    release_codes: frozenset[str]
    responsibility_codes: frozenset[str]
    dependent_relationship_codes: frozenset[str]
    self_relationship_code: str
    filing_indicators: frozenset[str]
    limits: dict[str, int]
    id_lengths: dict[str, tuple[int, int]]
    text_lengths: dict[str, int]


@functools.cache
def load_codes(path: Path = CODES_FILE) -> X12Codes:
    """The code lists of `path` (the package's `codes.yaml` unless a test passes another)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def codes(key: str) -> frozenset[str]:
        return frozenset(str(value) for value in raw[key])

    return X12Codes(
        implementation=str(raw["implementation"]),
        procedure_qualifiers={str(k): str(v) for k, v in raw["procedure_qualifiers"].items()},
        related_causes={str(k): str(v) for k, v in raw["related_causes"].items()},
        related_causes_needing_state=codes("related_causes_needing_state"),
        frequency_codes=codes("frequency_codes"),
        frequency_codes_needing_payer_claim_number=codes("frequency_codes_needing_payer_claim_number"),
        pwk_transmission_codes=codes("pwk_transmission_codes"),
        usage_codes=codes("usage_codes"),
        sex_codes=codes("sex_codes"),
        release_codes=codes("release_codes"),
        responsibility_codes=codes("responsibility_codes"),
        dependent_relationship_codes=codes("dependent_relationship_codes"),
        self_relationship_code=str(raw["self_relationship_code"]),
        filing_indicators=codes("filing_indicators"),
        limits={str(k): int(v) for k, v in raw["limits"].items()},
        id_lengths={str(k): (int(v[0]), int(v[1])) for k, v in raw["id_lengths"].items()},
        text_lengths={str(k): int(v) for k, v in raw["text_lengths"].items()},
    )
