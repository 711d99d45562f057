"""Why an export did not happen: refused (the case is not ready) or failed (our side)."""
from __future__ import annotations

from crosswalks.exitcodes import ExitCode

from docservice.checks.findings import Finding
from docservice.errors import DocServiceError


class ExportRefused(DocServiceError):
    """The case may not be exported as it stands; `findings` say what stands in the way (409)."""

    exit_code = ExitCode.export_refused

    def __init__(self, message: str, *, findings: list[Finding], code: str = "not_ready",
                 refused: list | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.findings = findings
        self.code = code
        # For a batch none of whose cases was ready: (case, its own refusal) each.
        self.refused = refused or []


class ExportFailed(DocServiceError):
    """MedLane could not produce a valid file for a ready case (a defect on our side, 500)."""

    exit_code = ExitCode.export_failed
