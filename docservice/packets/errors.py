"""The one error a packet build reports: a sentence a biller can act on, without patient data."""
from __future__ import annotations


class PacketError(ValueError):
    """The packet cannot be built from what was given (an unreadable document, a bad option)."""
