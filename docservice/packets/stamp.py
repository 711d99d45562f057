"""The stamp on every packet page, and the shrink that keeps it off the page's content.

The stamp is one line in the lowest STAMP_BAND_PT of the page as displayed (after /Rotate):
patient, date of birth and ACN on the left, "page X of Y" on the right, in the standard
Helvetica font as real text, so pdftotext and a payer's indexer read it.

Every page the packet did not draw itself (narrative and documents) is shrunk a little about
its top centre so that band is free: a scan is full-bleed and a born-digital page may print to
its edge, and measuring each page's ink would cost more than the packet itself. Shrinking by
~3% leaves the page readable and its text layer intact (the text is only transformed).
Annotations (rare on scans) keep their place.

Each page's own content is wrapped in q/Q first, so whatever graphics state it leaves behind
cannot move or recolour the stamp.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from datetime import date

import pikepdf
from fpdf.fonts import CORE_FONTS_CHARWIDTHS
from pikepdf import Dictionary, Matrix, Name

from docservice.claimforms.submission import ClaimSubmission

STAMP_BAND_PT = 24.0  # height kept free at the bottom of every page
BASELINE_PT = 8.0  # stamp baseline above the page's bottom edge
FONT_SIZE_PT = 7.0
MIN_FONT_SIZE_PT = 4.0  # a narrow page gets a smaller stamp, down to this
SIDE_MARGIN_PT = 18.0
GAP_PT = 12.0  # between the left and right texts
GREY = 0.25  # fill of the stamp text (0 black, 1 white)
MIN_SCALE = 0.8  # a tiny page is not shrunk further than this
FONT_RESOURCE = Name("/MedLaneStamp")
_WIDTHS = CORE_FONTS_CHARWIDTHS["helvetica"]
_DEFAULT_WIDTH = 556  # Helvetica digits; for a character the table lacks
# Latin letters WinAnsi lacks that Unicode does not decompose into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans({"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "ĸ": "k"})


@dataclass(frozen=True)
class StampText:
    left: str  # "Testperson, Alpha  |  DOB 01/31/1970  |  ACN ..."
    right: str  # "page 3 of 57", or "part 2 of 3  |  page 3 of 57"


def stamp_identity(submission: ClaimSubmission) -> str:
    """The left part of every stamp: who the page is about and which attachment set it belongs to."""
    patient = submission.patient
    parts = [person_name(patient.last_name, patient.first_name, patient.middle_name)]
    if patient.birthdate:
        parts.append(f"DOB {format_us_date(patient.birthdate)}")
    if submission.attachment_control_number:
        parts.append(f"ACN {submission.attachment_control_number}")
    return "  |  ".join(parts)


def page_counter(page: int, pages: int, *, part: int = 1, parts: int = 1) -> str:
    counter = f"page {page} of {pages}"
    return f"part {part} of {parts}  |  {counter}" if parts > 1 else counter


def person_name(last: str, first: str, middle: str = "") -> str:
    """Last, First Middle: as claims and charts file a patient."""
    given = " ".join(part for part in (first, middle) if part)
    return f"{last}, {given}" if given else last


def format_us_date(value: date) -> str:
    return f"{value:%m/%d/%Y}"


class Stamper:
    """Stamps the pages of one output PDF, sharing one font object and one wrapper stream per shape."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                                 Encoding=Name.WinAnsiEncoding))
        self._openers: dict[bytes, pikepdf.Stream] = {}

    def stamp(self, page: pikepdf.Page, text: StampText, *, shrink: bool) -> None:
        width, height = display_size(page)
        to_user = display_matrix(page)
        opener = b"q\n"
        if shrink:
            opener += shrink_matrix(width, height, to_user).encode() + b" cm\n"
        page.contents_add(self._opener(opener), prepend=True)
        page.add_resource(self.font, Name.Font, FONT_RESOURCE)
        page.contents_add(pikepdf.Stream(self.pdf, b"\nQ\n" + stamp_operators(text, width, to_user)))

    def _opener(self, data: bytes) -> pikepdf.Stream:
        if data not in self._openers:
            self._openers[data] = self.pdf.make_indirect(pikepdf.Stream(self.pdf, data))
        return self._openers[data]


def display_size(page: pikepdf.Page) -> tuple[float, float]:
    """Width and height of the page as a viewer shows it (the crop box, turned by /Rotate)."""
    box = page.cropbox
    width, height = abs(float(box[2]) - float(box[0])), abs(float(box[3]) - float(box[1]))
    return (height, width) if _rotation(page) in (90, 270) else (width, height)


def display_matrix(page: pikepdf.Page) -> Matrix:
    """Maps upright display coordinates (origin at the shown page's bottom left) to the page's user space."""
    x0, y0, x1, y1 = (float(value) for value in page.cropbox)
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    return {
        0: Matrix(1, 0, 0, 1, x0, y0),
        90: Matrix(0, 1, -1, 0, x1, y0),
        180: Matrix(-1, 0, 0, -1, x1, y1),
        270: Matrix(0, -1, 1, 0, x0, y1),
    }[_rotation(page)]


def shrink_matrix(width: float, height: float, to_user: Matrix) -> Matrix:
    """Scale about the displayed top centre so the lowest STAMP_BAND_PT of the shown page is left empty."""
    scale = max(MIN_SCALE, (height - STAMP_BAND_PT) / height)
    in_display = Matrix(1, 0, 0, 1, -width / 2, -height) @ Matrix(scale, 0, 0, scale, 0, 0) @ Matrix(
        1, 0, 0, 1, width / 2, height)
    return to_user.inverse() @ in_display @ to_user


def stamp_operators(text: StampText, width: float, to_user: Matrix) -> bytes:
    """The stamp's content stream: left text at the left margin, right text flush right."""
    left, right = winansi(text.left), winansi(text.right)
    room = width - 2 * SIDE_MARGIN_PT
    size = FONT_SIZE_PT
    natural = (text_width(left) + text_width(right)) / 1000 + GAP_PT / FONT_SIZE_PT
    if natural * size > room:
        size = max(MIN_FONT_SIZE_PT, room / natural)
    right_x = width - SIDE_MARGIN_PT - text_width(right) * size / 1000
    operations = [
        ([], pikepdf.Operator("q")),
        (list(to_user.shorthand), pikepdf.Operator("cm")),
        ([GREY], pikepdf.Operator("g")),
        ([], pikepdf.Operator("BT")),
        ([FONT_RESOURCE, size], pikepdf.Operator("Tf")),
        ([SIDE_MARGIN_PT, BASELINE_PT], pikepdf.Operator("Td")),
        ([pikepdf.String(left)], pikepdf.Operator("Tj")),
        ([round(right_x - SIDE_MARGIN_PT, 2), 0], pikepdf.Operator("Td")),
        ([pikepdf.String(right)], pikepdf.Operator("Tj")),
        ([], pikepdf.Operator("ET")),
        ([], pikepdf.Operator("Q")),
    ]
    return pikepdf.unparse_content_stream(operations)


@functools.lru_cache(maxsize=64)  # the left text is the same on every page of a packet
def winansi(text: str) -> bytes:
    """`text` in the standard fonts' WinAnsi encoding: accents dropped only where it has no letter."""
    out = bytearray()
    for char in text.translate(_PLAIN_LETTERS):
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore")
            out += plain or b"?"
    return bytes(out)


@functools.lru_cache(maxsize=64)
def text_width(data: bytes) -> float:
    """Width in 1/1000 of the font size."""
    return sum(_WIDTHS.get(chr(byte), _DEFAULT_WIDTH) for byte in data)  # the table is indexed by code


def _rotation(page: pikepdf.Page) -> int:
    """The page's /Rotate (inherited or its own), as 0, 90, 180 or 270."""
    return round(int(page.rotation) / 90) % 4 * 90
