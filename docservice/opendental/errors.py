"""The one error of the document service's Open Dental writer."""
from __future__ import annotations

from docservice.errors import DocServiceError


class PmsWriteError(DocServiceError):
    """Open Dental could not be reached, refused the keys, rejected a value or failed.

    The message is one line naming the step and the status, with Open Dental's own short
    explanation; never a patient's data or a key. `status` is the HTTP status, None when there
    was no answer at all.
    """

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
