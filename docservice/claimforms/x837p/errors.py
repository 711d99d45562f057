"""The one error the 837P writer raises for input it cannot turn into a valid claim."""
from __future__ import annotations

from docservice.errors import DocServiceError


class ClaimFormatError(DocServiceError):
    """The claim cannot be written as an 837P. The message is one sentence naming the field (and
    MedLane's claim number, never patient data), so staff can fix it and export again."""
