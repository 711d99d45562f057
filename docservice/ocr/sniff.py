"""Find a document's type from its first bytes, never from its name."""
from __future__ import annotations

from pathlib import Path

from docservice.ocr.errors import EmptyDocument, UnsupportedDocument

PDF = "application/pdf"
TIFF = "image/tiff"
PNG = "image/png"
JPEG = "image/jpeg"

# How many bytes the caller should read: PDF readers accept a %PDF- header anywhere in the
# first kilobyte (some scanners and mail gateways prepend junk), so look that far.
SNIFF_BYTES = 1024

_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)

# Types people upload by mistake, named so the message can say what the file actually is.
_KNOWN_OTHERS = (
    (b"PK\x03\x04", "a ZIP archive or an Office document (.docx, .xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"II+\x00", "a BigTIFF image"),
    (b"MM\x00+", "a BigTIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)

_ACCEPTED = "PDF, TIFF, PNG or JPEG"


def sniff_media_type(head: bytes) -> str:
    """Return the media type of a document from its first bytes.

    Args:
        head: The first `SNIFF_BYTES` bytes of the file (fewer if the file is shorter).

    Returns:
        One of "application/pdf", "image/tiff", "image/png", "image/jpeg".

    Raises:
        EmptyDocument: `head` is empty.
        UnsupportedDocument: Any other type, with a message naming it when it is recognisable.
    """
    if not head:
        raise EmptyDocument("The file is empty (0 bytes). Please upload the document again.")
    for signature, media_type in _IMAGE_SIGNATURES:
        if head.startswith(signature):
            return media_type
    if b"%PDF-" in head[:SNIFF_BYTES]:
        return PDF
    raise UnsupportedDocument(f"This file is {_describe(head)}, not a {_ACCEPTED}. Please upload a {_ACCEPTED}.")


def sniff_file(path: Path) -> str:
    """Read the head of `path` and return its media type (see `sniff_media_type`)."""
    with path.open("rb") as file:
        return sniff_media_type(file.read(SNIFF_BYTES))


def _describe(head: bytes) -> str:
    for signature, description in _KNOWN_OTHERS:
        if head.startswith(signature):
            return description
    if _looks_like_text(head):
        return "a plain text file"
    return "of an unrecognised type"


def _looks_like_text(head: bytes) -> bool:
    # Replacement characters also absorb a multi-byte character cut at the end of the sample
    # and the odd Latin-1 byte; binary files fail on control characters such as NUL.
    decoded = head.decode("utf-8", errors="replace")
    printable = sum(char.isprintable() or char in "\r\n\t\f" for char in decoded)
    return bool(decoded) and printable / len(decoded) > 0.95
