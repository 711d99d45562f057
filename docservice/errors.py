"""Typed errors of the document service, each with the exit code the CLI ends with (`ExitCode`).

Messages are one line a person can act on and never carry patient data. The HTTP side
has its own mapping (`docservice.api.errors`); these are for the command line and for
problems found before a request is served (configuration, database, queue).
"""
from __future__ import annotations

from crosswalks.exitcodes import ExitCode


class DocServiceError(Exception):
    """Base of every document-service error reported as one clear line."""

    exit_code = ExitCode.failure


class ConfigError(DocServiceError):
    """A setting is missing or malformed (MEDLANE_HOME, database or queue URL, limits)."""

    exit_code = ExitCode.usage


class UserError(DocServiceError):
    """A `medlane users` request cannot be done (unknown role, duplicate or unknown name)."""

    exit_code = ExitCode.users


class QueueError(DocServiceError):
    """The job queue cannot be reached or used (Redis down, queue file unwritable)."""

    exit_code = ExitCode.queue


class DatabaseError(DocServiceError):
    """The database cannot be reached, created or migrated."""

    exit_code = ExitCode.database


class ServeError(DocServiceError):
    """The server cannot start (the port is taken, the address is not this machine's)."""

    exit_code = ExitCode.serve


class UploadRejected(DocServiceError):
    """An uploaded file is refused. `code` is machine-readable, `status` the HTTP status to answer."""

    def __init__(self, message: str, *, code: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
