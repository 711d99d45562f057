"""The one error the CMS-1500 renderer raises for a claim it cannot print correctly."""
from __future__ import annotations

from docservice.errors import DocServiceError


class Cms1500Error(DocServiceError):
    """The claim cannot be printed on the CMS-1500. The message is one sentence naming the box,
    never the value (it may be patient data), so staff can fix the claim and print again."""
