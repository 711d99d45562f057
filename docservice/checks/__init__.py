"""Consistency checks: do codes, diagnoses and documents tell one medical story before a claim is sent?

`run_checks(case, claim, facts, crosswalk)` returns a `CheckReport` (`ready`, sorted `findings`).
Rules are small functions, one module per area, registered in `docservice.checks.engine.RULES`;
their thresholds and code lists come from the crosswalk (`crosswalk.billing`), not from the rules.
"""
from docservice.checks.engine import RULES, run_checks
from docservice.checks.findings import CheckReport, Finding

__all__ = ["RULES", "CheckReport", "Finding", "run_checks"]
