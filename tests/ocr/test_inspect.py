"""Every kind of bad upload is refused up front with a typed error a person can act on."""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from docservice.ocr import (
    CorruptImage,
    CorruptPdf,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedPdf,
    Limits,
    TooManyPages,
    TooManyPixels,
    UnsupportedDocument,
    check_file_size,
    inspect_document,
)


@pytest.fixture(scope="module")
def text_pdf(synth, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("inspect") / "born-digital.pdf"
    return synth.make_text_pdf([synth.TEXTS["chart_note"], synth.TEXTS["referral"]], path)


@pytest.fixture(scope="module")
def scanned_pdf(synth, tmp_path_factory) -> Path:
    page = synth.render_text_page(synth.TEXTS["sleep_study"], dpi=150)
    return synth.make_image_pdf([page, synth.fax(page)], tmp_path_factory.mktemp("inspect") / "scan.pdf")


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares a huge image: the classic decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _assert_refused(path: Path, error: type[DocumentError], code: str, *, limits: Limits | None = None) -> DocumentError:
    with pytest.raises(error) as caught:
        inspect_document(path, **({"limits": limits} if limits else {}))
    assert caught.value.code == code
    assert caught.value.message and "Traceback" not in caught.value.message
    assert caught.value.to_dict() == {"code": code, "message": caught.value.message}
    return caught.value


def test_born_digital_pdf_pages_have_text_layers(text_pdf):
    info = inspect_document(text_pdf)
    assert info.media_type == "application/pdf"
    assert info.page_count == 2
    assert all(page.has_text_layer for page in info.pages)
    assert (info.pages[0].width_px, info.pages[0].height_px) == (2550, 3300)


def test_scanned_pdf_pages_report_their_scan_resolution(scanned_pdf):
    info = inspect_document(scanned_pdf)
    assert [page.has_text_layer for page in info.pages] == [False, False]
    assert [page.embedded_scan for page in info.pages] == [True, True]
    assert info.pages[0].dpi == pytest.approx((150, 150), abs=0.5)
    assert info.pages[1].dpi == pytest.approx((150, 150), abs=0.5)


def test_multipage_tiff_frames_are_counted_with_their_fax_resolution(synth, tmp_path):
    page = synth.render_text_page(synth.TEXTS["referral"], dpi=150)
    fax = synth.fax(page, dpi=(204, 98))
    path = synth.save_tiff([fax, fax, fax], tmp_path / "fax.tif", compression="group4")
    info = inspect_document(path)
    assert info.media_type == "image/tiff"
    assert info.page_count == 3
    assert info.pages[0].dpi == (204.0, 98.0)


def test_image_without_resolution_gets_a_letter_page_guess(synth, tmp_path):
    page = synth.render_text_page("Hello", dpi=200)
    path = tmp_path / "scan.jpg"
    page.image.save(path, "JPEG")  # no density written
    assert inspect_document(path).pages[0].dpi == pytest.approx((200, 200), abs=1)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _assert_refused(path, EmptyDocument, "empty_file")


@pytest.mark.parametrize("fraction", [0.3, 0.9, 0.995])
def test_truncated_pdf(scanned_pdf, tmp_path, fraction):
    data = scanned_pdf.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    error = _assert_refused(path, CorruptPdf, "corrupt_pdf")
    assert "damaged or incomplete" in error.message


def test_garbage_after_a_pdf_header(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    _assert_refused(path, CorruptPdf, "corrupt_pdf")


def test_pdf_with_a_user_password(text_pdf, tmp_path):
    writer = PdfWriter(clone_from=text_pdf)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    error = _assert_refused(path, EncryptedPdf, "encrypted_pdf")
    assert "password" in error.message


def test_pdf_with_only_an_owner_password_is_accepted(text_pdf, tmp_path):
    # Printing/copying restrictions only: every viewer opens it without asking, so do we.
    writer = PdfWriter(clone_from=text_pdf)
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert PdfReader(path).is_encrypted
    assert inspect_document(path).page_count == 2


def test_png_bomb_beyond_pillows_limit(tmp_path):
    path = tmp_path / "bomb.png"
    path.write_bytes(_png_declaring(60000, 60000))
    _assert_refused(path, TooManyPixels, "too_many_pixels")


def test_png_between_pillows_warning_and_error_is_refused_too(tmp_path):
    # 144 MP: Pillow only warns (its error is at 2x its 89 MP limit); our budget refuses it.
    path = tmp_path / "huge.png"
    path.write_bytes(_png_declaring(12000, 12000))
    error = _assert_refused(path, TooManyPixels, "too_many_pixels")
    assert "12000 x 12000" in error.message


def test_pdf_page_too_large_to_render(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=200 * 72, height=200 * 72)  # 200 x 200 inches
    path = tmp_path / "poster.pdf"
    writer.write(path)
    _assert_refused(path, TooManyPixels, "too_many_pixels")


def test_too_many_pages(text_pdf):
    _assert_refused(text_pdf, TooManyPages, "too_many_pages", limits=Limits(max_pages=1))


def test_total_pixel_budget(text_pdf):
    _assert_refused(text_pdf, TooManyPixels, "too_many_pixels", limits=Limits(max_total_pixels=10_000_000))


@pytest.mark.parametrize("name", ["notes.docx", "notes.pdf"])
def test_docx_whatever_its_name(tmp_path, name):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    error = _assert_refused(path, UnsupportedDocument, "unsupported_type")
    assert "Office document" in error.message


def test_text_file_renamed_pdf(tmp_path):
    path = tmp_path / "note.pdf"
    path.write_text("Progress note\nChief complaint: jaw pain\n")
    error = _assert_refused(path, UnsupportedDocument, "unsupported_type")
    assert "plain text" in error.message


@pytest.mark.parametrize(("fmt", "suffix"), [("PNG", "png"), ("JPEG", "jpg"), ("TIFF", "tif")])
def test_truncated_images(synth, tmp_path, fmt, suffix):
    page = synth.add_noise(synth.render_text_page(synth.TEXTS["eob"], dpi=100), sigma=20)
    whole = tmp_path / f"whole.{suffix}"
    page.image.save(whole, fmt, **({"compression": "tiff_lzw"} if fmt == "TIFF" else {}))
    data = whole.read_bytes()
    path = tmp_path / f"cut.{suffix}"
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, CorruptImage, "corrupt_image")


def test_oversize_helper():
    check_file_size(10 * 1024 * 1024, max_bytes=20 * 1024 * 1024)
    with pytest.raises(DocumentTooLarge) as caught:
        check_file_size(25 * 1024 * 1024, max_bytes=20 * 1024 * 1024)
    assert caught.value.code == "too_large"
    assert caught.value.http_status == 413
    assert "25.0 MB" in caught.value.message and "20.0 MB" in caught.value.message
