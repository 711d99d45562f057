"""Packet test inputs: a synthetic claim, a signed narrative, and documents made here.

Documents are born-digital text PDFs (fpdf2), image-only scans without a text layer (Pillow,
G4), pages of incompressible noise (to exceed a size limit) and photographs. Each page of a
text document carries a marker "MARK-<document>-<page>" so a test can find every page again.
Nothing here is real patient data.
"""
from __future__ import annotations

import io
import random
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pikepdf
import pytest
from fpdf import FPDF
from PIL import Image, ImageDraw

from docservice.claimforms.submission import (
    Address,
    Attachment,
    ClaimSubmission,
    Coverage,
    Payer,
    Person,
    Provider,
    ServiceLine,
)
from docservice.models import Narrative
from docservice.narratives.pdf import Letterhead, render_pdf
from docservice.packets import PacketDocument

ACN = "TACN20260302A"
PATIENT = "Testperson, Alpha"
BIRTH_DATE = "01/31/1970"


@pytest.fixture
def submission() -> ClaimSubmission:
    patient = Person(last_name="Testperson", first_name="Alpha", birthdate=date(1970, 1, 31))
    return ClaimSubmission(
        claim_control_number="TCLM0001",
        billing_provider=Provider(name="Test Dental Practice", npi="1245319599", tin="123456789",
                                  address=Address("12 Test Street", "Testville", "TX", "750011234"),
                                  phone="5550100199"),
        coverage=Coverage(payer=Payer(payer_id="TESTP", name="Test Health Plan"), subscriber=patient,
                          member_id="TST000111", group_number="GRP-9"),
        patient=patient,
        place_of_service="11",
        diagnoses=("G47.33", "I10"),
        lines=(ServiceLine(number=1, code="E0486", system="HCPCS", charge=Decimal("2500.00"), units=1,
                           pointers=(1, 2), service_date=date(2026, 3, 2), control_number="TCLM0001-1",
                           modifiers=("NU", "KX")),),
        rendering_provider=Provider(name="Testdentist, Beta", npi="1234567893", last_name="Testdentist",
                                    first_name="Beta"),
        attachments=(Attachment(report_type="DG", control_number=ACN, label="sleep study report"),),
    )


@pytest.fixture
def narrative_pdf(tmp_path) -> Path:
    narrative = Narrative(body="## Request\nWe request coverage of E0486 for G47.33.\nNARRATIVE-BODY-TEXT\n",
                          status="signed", placeholders=[], signed_name="Testdentist, Beta, DDS",
                          signed_at=datetime(2026, 3, 3, 14, 5), body_sha256="ab" * 32)
    path = tmp_path / "narrative.pdf"
    path.write_bytes(render_pdf(narrative, letterhead=Letterhead(name="Test Dental Practice", npi="1245319599")))
    return path


@pytest.fixture
def text_pdf(tmp_path) -> Callable[..., Path]:
    """A born-digital PDF: `pages` pages of text, each with its marker."""

    def make(name: str, *, pages: int = 2) -> Path:
        pdf = FPDF(format="Letter")
        pdf.set_font("Helvetica", size=12)
        for page in range(1, pages + 1):
            pdf.add_page()
            pdf.cell(0, 10, f"MARK-{name}-{page}", new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(0, 6, "Synthetic record text for the packet tests. " * 8)
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(bytes(pdf.output()))
        return path

    return make


@pytest.fixture
def scan_pdf(tmp_path) -> Callable[..., Path]:
    """An image-only PDF like a scanner's: 150 dpi bilevel pages (G4), no text layer, ink to the edges."""

    def make(name: str, *, pages: int = 1, full_bleed: bool = False) -> Path:
        images = []
        for page in range(pages):
            image = Image.new("L", (1275, 1650), 255)
            draw = ImageDraw.Draw(image)
            if full_bleed:
                draw.rectangle((0, 0, image.width, image.height), fill=0)
            else:
                for line in range(30):
                    draw.rectangle((120, 120 + line * 45, 900 + (line * 37 + page) % 200, 140 + line * 45), fill=0)
            images.append(image.convert("1"))
        path = tmp_path / f"{name}.pdf"
        images[0].save(path, format="PDF", save_all=True, append_images=images[1:], resolution=150)
        return path

    return make


@pytest.fixture
def noise_pdf(tmp_path) -> Callable[..., Path]:
    """Pages of random RGB noise with a text marker each: ~`kb` KB a page (JPEG q95; about half at q75)."""

    def make(name: str, *, pages: int, kb: int = 300) -> Path:
        rng = random.Random(name)
        side = int((kb * 1024 / 3 / 0.39) ** 0.5)  # noise as JPEG q95 keeps about 39% of its raw bytes
        pdf = FPDF(format="Letter")
        pdf.set_font("Helvetica", size=12)
        for page in range(1, pages + 1):
            noise = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
            buffer = io.BytesIO()
            noise.save(buffer, format="JPEG", quality=95)
            pdf.add_page()
            pdf.cell(0, 10, f"MARK-{name}-{page}", new_x="LMARGIN", new_y="NEXT")
            pdf.image(buffer, x=20, y=30, w=170)
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(bytes(pdf.output()))
        return path

    return make


@pytest.fixture
def grey_scan_pdf(tmp_path) -> Callable[..., Path]:
    """A 300 dpi greyscale scan (paper grain, bars of "text") as JPEG q95: ~4 MB, ~0.7 MB at 200 dpi q75."""

    def make(name: str) -> Path:
        dpi = 300
        size = (int(8.5 * dpi), int(11 * dpi))
        image = Image.blend(Image.effect_noise(size, 40).convert("L"), Image.new("L", size, 230), 0.5)
        draw = ImageDraw.Draw(image)
        for line in range(60):
            draw.rectangle((200, 200 + line * 50, 2200, 220 + line * 50), fill=30)
        path = tmp_path / f"{name}.pdf"
        image.save(path, format="PDF", resolution=dpi, quality=95)
        return path

    return make


@pytest.fixture
def photo_pdf(tmp_path) -> Callable[..., Path]:
    """A colour photograph page: a smooth gradient at `dpi` over a Letter page, JPEG q95."""

    def make(name: str, *, dpi: int = 150) -> Path:
        width, height = int(8.5 * dpi), int(11 * dpi)
        red = Image.linear_gradient("L").resize((width, height))
        green = red.transpose(Image.Transpose.ROTATE_90).resize((width, height))
        image = Image.merge("RGB", (red, green, Image.new("L", (width, height), 128)))
        path = tmp_path / f"{name}.pdf"
        image.save(path, format="PDF", resolution=dpi, quality=95)
        return path

    return make


@pytest.fixture
def document(text_pdf) -> Callable[..., PacketDocument]:
    """A PacketDocument of `kind` over a fresh text PDF named after it."""
    ids = iter(range(101, 10_000))

    def make(kind: str, *, title: str = "", pages: int = 2, path: Path | None = None) -> PacketDocument:
        number = next(ids)
        return PacketDocument(title=title, kind=kind, pdf_path=path or text_pdf(f"{kind}{number}", pages=pages),
                              document_id=number)

    return make


@pytest.fixture
def pdftotext() -> Callable[..., str]:
    """The text poppler extracts from a PDF, or from one page (1-based) of it."""

    def extract(path: Path, page: int | None = None, *, bbox: bool = False, layout: bool = False) -> str:
        command = ["pdftotext", "-q", *(["-layout"] if layout else [])]
        if page is not None:
            command += ["-f", str(page), "-l", str(page)]
        if bbox:
            command.append("-bbox")
        result = subprocess.run([*command, str(path), "-"], check=True, capture_output=True, text=True)
        return result.stdout

    return extract


@pytest.fixture
def render_page(tmp_path) -> Callable[[Path, int], Image.Image]:
    """Page `page` (1-based) as poppler draws it (rotation applied) in grey at 72 dpi: one pixel a point."""

    def render(path: Path, page: int) -> Image.Image:
        prefix = tmp_path / f"render-{path.stem}-{page}"
        subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(path), str(prefix)], check=True, capture_output=True)
        with Image.open(prefix.with_suffix(".png")) as image:
            return image.convert("L")

    return render


@pytest.fixture
def qpdf_check() -> Callable[[Path], int]:
    def check(path: Path) -> int:
        return subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode

    return check


@pytest.fixture
def page_count() -> Callable[[Path], int]:
    def count(path: Path) -> int:
        with pikepdf.open(path) as pdf:
            return len(pdf.pages)

    return count
