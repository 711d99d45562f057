"""Typed errors of the OCR pipeline.

`DocumentError` and its subclasses mean "this upload cannot be used": each carries a `message`
written for the person who uploaded the file and a stable `code` the API puts in its 4xx JSON
body (clients switch on the code, people read the message). Messages never quote document
content, which may be patient data.

`PageError` and its subclasses (`PageTimeout`, ...) are not `DocumentError`s: a page that takes
too long or crashes tesseract is the service's problem, not the uploader's, and the pipeline turns
it into a page marked `needs_review` instead of failing the document.
"""
from __future__ import annotations


class DocumentError(Exception):
    """Base of every "this file cannot be used" error."""

    code = "invalid_document"
    http_status = 422

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_dict(self) -> dict[str, str]:
        """The JSON body the API returns: `{"code": ..., "message": ...}`."""
        return {"code": self.code, "message": self.message}


class EmptyDocument(DocumentError):
    """The file has no bytes at all."""

    code = "empty_file"
    http_status = 400


class UnsupportedDocument(DocumentError):
    """The bytes are not a PDF, TIFF, PNG or JPEG, whatever the file name says."""

    code = "unsupported_type"
    http_status = 415


class CorruptDocument(DocumentError):
    """The file claims a supported type but cannot be read (truncated or damaged)."""

    code = "corrupt_file"


class CorruptPdf(CorruptDocument):
    """A PDF that is truncated or damaged."""

    code = "corrupt_pdf"


class CorruptImage(CorruptDocument):
    """A TIFF, PNG or JPEG that is truncated or damaged."""

    code = "corrupt_image"


class EncryptedPdf(DocumentError):
    """A PDF that needs a password to open."""

    code = "encrypted_pdf"


class TooManyPixels(DocumentError):
    """A page or image larger than the pixel budget: a decompression bomb or an absurd scan."""

    code = "too_many_pixels"
    http_status = 413


class TooManyPages(DocumentError):
    """More pages than one claim attachment may have."""

    code = "too_many_pages"
    http_status = 413


class DocumentTooLarge(DocumentError):
    """More bytes than the upload limit."""

    code = "too_large"
    http_status = 413


class PageError(Exception):
    """A page could not be OCR'd for reasons of ours, not the file's; it goes to `needs_review`."""


class PageTimeout(PageError):
    """An OCR or rendering step ran past the page's time budget."""

    def __init__(self, message: str, *, seconds: float = 0.0) -> None:
        super().__init__(message)
        self.seconds = seconds


class TesseractError(PageError):
    """Tesseract failed: it crashed, was killed (out of memory), or wrote no output."""


class RenderError(PageError):
    """pdftoppm could not render a page that pypdf could read."""
