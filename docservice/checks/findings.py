"""What a check reports: findings, and the report of one case (ready while no error stands)."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Finding:
    """One thing wrong (or worth knowing) about a case's claim, said for a dental office."""

    rule: str  # stable id, e.g. "attachment-missing"
    severity: str  # error | warning | info
    message: str  # what is wrong, in plain words; never a patient's name
    fix: str  # what to do about it
    line: int | None = None  # 1-based position of the claim line, None for the whole claim
    evidence: list[dict] = field(default_factory=list)

    def __post_init__(self):
        if self.severity not in _RANK:
            raise ValueError(f"unknown severity {self.severity!r}")


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]

    @property
    def ready(self) -> bool:
        """Nothing blocks sending the claim: no error stands (warnings and notes may)."""
        return not any(finding.severity == "error" for finding in self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]

    def rules(self) -> set[str]:
        """The ids of the rules that reported something."""
        return {finding.rule for finding in self.findings}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; within each, claim-level first, then by line."""
    return sorted(findings, key=lambda f: (_RANK[f.severity], f.line or 0, f.rule))
