"""What a loop-writing function is handed: where to write, which code lists, which claim.

Loop functions take one of these instead of a row of loose parameters, so adding something
every loop needs (a code list, a counter) changes this file and not every signature.
"""
from __future__ import annotations

from dataclasses import dataclass

from docservice.claimforms.submission import ClaimSubmission
from docservice.claimforms.x837p.codes import X12Codes
from docservice.claimforms.x837p.segments import SegmentWriter


@dataclass
class TransactionContext:
    """The transaction set being written: its segments, the code lists and the HL numbering."""

    out: SegmentWriter
    codes: X12Codes
    last_level: int = 0

    def open_level(self, *, parent: int | None, level: str, has_children: bool) -> int:
        """Write the next HL (numbered 1, 2, 3... in the order written) and return its number."""
        self.last_level += 1
        self.out.add("HL", str(self.last_level), str(parent or ""), level, "1" if has_children else "0")
        return self.last_level


@dataclass(frozen=True)
class ClaimContext:
    """One claim being written under its billing provider's HL."""

    tx: TransactionContext
    claim: ClaimSubmission
    billing_level: int  # HL01 of the 2000A the claim's 2000B hangs from

    @property
    def out(self) -> SegmentWriter:
        return self.tx.out

    @property
    def codes(self) -> X12Codes:
        return self.tx.codes

    @property
    def patient_is_subscriber(self) -> bool:
        return self.claim.coverage.relationship == self.codes.self_relationship_code
