"""Test inputs made on the fly: a case body, good documents, and every kind of bad upload."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def blank_pdf(pages: int = 1, *, size: tuple[int, int] = (425, 550)) -> bytes:
    """A PDF of `pages` white scanned pages (50 dpi: small and fast)."""
    images = [Image.new("L", size, 255) for _ in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=50)
    return out.getvalue()


def text_pdf(pages: list[list[str]], *, dpi: int = 200) -> bytes:
    """A scanned-looking PDF: each page an image of the given lines of text, at `dpi`."""
    font = ImageFont.truetype(str(FONT), size=int(dpi * 0.16))
    images = []
    for lines in pages:
        image = Image.new("L", (int(8.5 * dpi), int(11 * dpi)), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines):
            draw.text((int(0.8 * dpi), int(0.8 * dpi) + row * int(dpi * 0.3)), line, fill=0, font=font)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def png(size: tuple[int, int] = (200, 100)) -> bytes:
    out = io.BytesIO()
    Image.new("L", size, 255).save(out, "PNG")
    return out.getvalue()


def truncated_pdf() -> bytes:
    """A PDF cut in half, as an interrupted download leaves it."""
    data = blank_pdf(2)
    return data[: len(data) // 2]


def encrypted_pdf(password: str = "secret") -> bytes:
    """A PDF that needs a password to open."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank_pdf())))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid PNG header declaring 10 gigapixels, with a tiny body: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    body = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def text_file() -> bytes:
    """What a .pdf named text file holds."""
    return b"Progress note: patient reports jaw pain on waking.\nThis is plain text, not a PDF.\n" * 5


def case_body(**changes) -> dict:
    """A complete case as the flagger posts it."""
    body = {
        "practice": "main-street",
        "apt_num": 1001,
        "pat_num": 501,
        "appointment": {"start": "2026-03-02T09:00:00", "provider": "DOC1", "op": 2, "note": "Pt reports snoring"},
        "patient": {"name": "Jane Roe", "birthdate": "1970-01-31", "gender": "Female"},
        "procedures": [
            {"proc_num": 9001, "code": "D9947", "tooth": "", "surface": "", "descript": "sleep appliance", "fee": 1800.0}
        ],
        "problems": [{"icd10": "G47.33", "name": "Obstructive sleep apnea"}],
        "insurance": [
            {"kind": "dental", "carrier": "Delta", "plan": "PPO", "subscriber_id": "D123", "ordinal": 1},
            {"kind": "medical", "carrier": "Aetna", "plan": "Choice", "subscriber_id": "M456", "ordinal": 1},
        ],
        "category": "sleep",
        "categories": [{"category": "sleep", "label": "sleep apnea appliance", "strength": "strong"}],
        "evidence": [
            {"category": "sleep", "source": "problem", "rule_id": "sleep-g4733", "detail": "G47.33 Obstructive sleep apnea"}
        ],
        "needs": ["sleep study", "physician referral"],
    }
    body.update(changes)
    return body


def pdf_image_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A one-page PDF drawing an image that declares 10 gigapixels in a few bytes (written by hand)."""
    content = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 16 >>\nstream\n%s\nendstream" % (width, height, b"\x00" * 16),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
