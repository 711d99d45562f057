"""Media types come from the bytes, never the name."""
from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from docservice.ocr.errors import EmptyDocument, UnsupportedDocument
from docservice.ocr.sniff import sniff_media_type


def _image_bytes(fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (8, 8), 255).save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
        (b"\r\n\r\nsome mail gateway junk %PDF-1.4\n", "application/pdf"),
        (_image_bytes("PNG"), "image/png"),
        (_image_bytes("JPEG"), "image/jpeg"),
        (_image_bytes("TIFF"), "image/tiff"),
        (_image_bytes("TIFF", compression="tiff_lzw")[:16], "image/tiff"),
    ],
)
def test_sniffs_supported_types(head, expected):
    assert sniff_media_type(head) == expected


def test_empty_is_its_own_error():
    with pytest.raises(EmptyDocument) as caught:
        sniff_media_type(b"")
    assert caught.value.code == "empty_file"
    assert "empty" in caught.value.message


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "described_as"),
    [
        (_docx_bytes(), "Office document"),
        (b"Patient: Jane Doe\nChief complaint: jaw pain\n", "plain text"),
        (_image_bytes("GIF"), "GIF"),
        (bytes(range(256)) * 4, "unrecognised"),
    ],
)
def test_unsupported_types_say_what_they_are(head, described_as):
    with pytest.raises(UnsupportedDocument) as caught:
        sniff_media_type(head)
    assert caught.value.code == "unsupported_type"
    assert described_as in caught.value.message
    assert "PDF, TIFF, PNG or JPEG" in caught.value.message
