"""Typed errors of the Open Dental side, each with the exit code the CLI ends with (`ExitCode`).

Every message is one line a person can act on. Messages never carry patient data:
Open Dental's own error text is kept, but request bodies and query values are not.
"""
from __future__ import annotations

from crosswalks.exitcodes import ExitCode


class MedLaneError(Exception):
    """Base of every error the CLI reports as one clear line."""

    exit_code = ExitCode.failure


class ConfigError(MedLaneError):
    """A setting is missing or malformed (URL, keys, dates, MEDLANE_HOME)."""

    exit_code = ExitCode.usage


class SeedError(MedLaneError):
    """A sandbox seed file cannot be used (unreadable, not JSON, missing required keys)."""

    exit_code = ExitCode.seed_file


class StateError(MedLaneError):
    """The local state under MEDLANE_HOME cannot be read or written."""

    exit_code = ExitCode.local_state


class PMSError(MedLaneError):
    """Talking to Open Dental failed. `status` is the HTTP status, `text` Open Dental's explanation."""

    exit_code = ExitCode.open_dental

    def __init__(self, message: str, *, status: int | None = None, text: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.text = text


class PMSUnreachable(PMSError):
    """No HTTP answer at all: wrong host or port, connection refused, DNS, TLS, read timeout."""


class PMSAuthError(PMSError):
    """401: bad, disabled or unassigned key, or the developer key lacks this method's permission."""


class PMSNotFound(PMSError):
    """404: no such record, or no such route (often a wrong base URL)."""


class PMSBadRequest(PMSError):
    """400: validation failure, eConnector down, or a method too new for the office's version."""


class PMSTimeout(PMSError):
    """504: Open Dental gave up after its 60-second limit. A write may or may not have happened."""


class PMSThrottled(PMSError):
    """429: too many requests for this customer key."""


class PMSGone(PMSError):
    """410: the method is deprecated."""


class DocServiceError(MedLaneError):
    """The document service refused a case or could not be reached."""

    exit_code = ExitCode.document_service
