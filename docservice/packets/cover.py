"""The cover sheet: page 1 of every packet file (fpdf2).

It tells a reviewer, before any record, which claim the pages support: the practice, the
patient, the payer and member id, the claim's lines and diagnoses, the providers, the
attachment control number (in the body, not only in the stamp) and a contents list with the
page range of each part of the file.

The core Helvetica font is used whenever it can print every value (nearly always): loading and
subsetting the Unicode font costs about as much time as assembling a 200-page packet.
"""
from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timezone

from fpdf import FPDF

from docservice.claimforms.submission import ClaimSubmission, Provider
from docservice.packets.fonts import CORE_FONT, add_fonts, encode_for_font, fits_core_font
from docservice.packets.letterhead import Letterhead, draw_letterhead
from docservice.packets.model import ContentsEntry
from docservice.packets.navigation import CONTINUED
from docservice.packets.stamp import STAMP_BAND_PT, format_us_date, person_name

MARGIN_MM = 16
BOTTOM_MARGIN_MM = MARGIN_MM + STAMP_BAND_PT * 25.4 / 72  # the stamp band stays empty
POINTER_LETTERS = string.ascii_uppercase[:12]  # diagnosis pointers as on the CMS-1500 (box 21 A-L)
HEADING_GREY = (235, 235, 235)
ROW_MM = 4.6


@dataclass(frozen=True)
class CoverSheet:
    """Every value the cover prints, as text, before a font is chosen."""

    letterhead: Letterhead
    title: str
    acn: str
    facts: tuple[tuple[str, str], ...]  # (label, value): patient, birth date, payer, member id...
    lines: tuple[tuple[str, ...], ...]  # claim-line table rows, header first
    diagnoses: tuple[tuple[str, str], ...]  # (pointer letter, ICD-10-CM code)
    providers: tuple[tuple[str, str, str], ...]  # (role, name, NPI)
    contents: tuple[tuple[str, str], ...]  # (title, pages)
    contents_heading: str
    created: datetime

    def texts(self) -> list[str]:
        cells = [self.letterhead.name, self.letterhead.contact_line, self.title, self.acn, self.contents_heading]
        for rows in (self.facts, self.lines, self.diagnoses, self.providers, self.contents):
            cells.extend(cell for row in rows for cell in row)
        return cells


def render_cover(submission: ClaimSubmission, *, contents: Sequence[ContentsEntry], part: int = 1,
                 parts: int = 1) -> bytes:
    """The cover sheet PDF of one packet file (part `part` of `parts`)."""
    return draw_cover(describe_cover(submission, contents=contents, part=part, parts=parts))


def describe_cover(submission: ClaimSubmission, *, contents: Sequence[ContentsEntry], part: int = 1,
                   parts: int = 1) -> CoverSheet:
    patient, coverage = submission.patient, submission.coverage
    title = "Medical claim attachments" + (f": part {part} of {parts}" if parts > 1 else "")
    facts = [
        ("Patient", person_name(patient.last_name, patient.first_name, patient.middle_name)),
        ("Date of birth", format_us_date(patient.birthdate) if patient.birthdate else ""),
        ("Payer", coverage.payer.name + (f" (payer ID {coverage.payer.payer_id})" if coverage.payer.payer_id else "")),
        ("Member ID", coverage.member_id),
        ("Group number", coverage.group_number),
        ("Dates of service", _service_dates(submission)),
        ("Claim number", submission.claim_control_number),
        ("Prior authorization", submission.prior_authorization),
    ]
    return CoverSheet(
        letterhead=Letterhead.from_provider(submission.billing_provider),
        title=title,
        acn=submission.attachment_control_number,
        facts=tuple((label, value) for label, value in facts if value),
        lines=_line_rows(submission),
        diagnoses=tuple((POINTER_LETTERS[index], code) for index, code in enumerate(submission.diagnoses[:12])),
        providers=_provider_rows(submission),
        contents=tuple((_contents_title(entry), _page_range(entry)) for entry in contents),
        contents_heading="Contents of this part" if parts > 1 else "Contents",
        # A claim always has lines (exports.readiness refuses one without), so it has a last date of service.
        created=datetime.combine(submission.last_service_date, time(), tzinfo=timezone.utc),
    )


def draw_cover(sheet: CoverSheet) -> bytes:
    pdf = FPDF(format="Letter")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(auto=True, margin=BOTTOM_MARGIN_MM)
    # Same sheet, same bytes: the date comes from the claim, never from the clock.
    pdf.set_creation_date(sheet.created)
    pdf.set_title(sheet.title)
    font = CORE_FONT if all(fits_core_font(text) for text in sheet.texts()) else add_fonts(pdf)
    pdf.add_page()
    pdf.set_fill_color(*HEADING_GREY)
    draw_letterhead(pdf, sheet.letterhead, font=font)
    _draw_heading(pdf, sheet, font=font)
    _draw_facts(pdf, sheet.facts, font=font)
    _section(pdf, "Claim lines", font=font)
    _table(pdf, sheet.lines, font=font, widths=(8, 22, 20, 20, 10, 20))
    _section(pdf, "Diagnoses (ICD-10-CM)", font=font)
    _diagnoses(pdf, sheet.diagnoses, font=font)
    _section(pdf, "Providers", font=font)
    _table(pdf, (("Role", "Name", "NPI"), *sheet.providers), font=font, widths=(30, 50, 20))
    _section(pdf, sheet.contents_heading, font=font)
    _table(pdf, (("Part", "Pages"), *sheet.contents), font=font, widths=(80, 20))
    return bytes(pdf.output())


def _draw_heading(pdf: FPDF, sheet: CoverSheet, *, font: str) -> None:
    pdf.set_font(font, "B", 15)
    pdf.cell(0, 8, encode_for_font(sheet.title, font), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, "", 9)
    pdf.cell(0, 5, "The records below support the claim described on this page.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(font, "B", 12)
    acn = f"Attachment control number (ACN): {sheet.acn}" if sheet.acn else "No attachment control number"
    pdf.cell(0, 9, encode_for_font(acn, font), border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _draw_facts(pdf: FPDF, facts: Sequence[tuple[str, str]], *, font: str) -> None:
    """Label and value pairs, two to a row, to keep the cover on one page."""
    column = pdf.epw / 2
    for index, (label, value) in enumerate(facts):
        pdf.set_font(font, "B", 9)
        pdf.cell(30, 4.8, encode_for_font(label, font))
        pdf.set_font(font, "", 9)
        last = index % 2 == 1 or index == len(facts) - 1
        pdf.cell(column - 30, 4.8, encode_for_font(_fit(pdf, value, column - 31), font),
                 new_x="LMARGIN" if last else "RIGHT", new_y="NEXT" if last else "TOP")


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """`text` cut with an ellipsis to fit `width` mm: a long payer name must not push into the next column."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "...") > width:
        text = text[:-1]
    return text + "..."


def _section(pdf: FPDF, heading: str, *, font: str) -> None:
    pdf.ln(2.5)
    pdf.set_font(font, "B", 10.5)
    pdf.cell(0, 6, encode_for_font(heading, font), new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, rows: Sequence[Sequence[str]], *, font: str, widths: Sequence[float]) -> None:
    """A header row on grey, then one line per row, each cell cut to its column.

    Plain cells rather than fpdf2's table(): that one wraps and measures every cell and costs
    more time than stamping the whole packet.
    """
    columns = [pdf.epw * width / sum(widths) for width in widths]
    for number, row in enumerate(rows):
        header = number == 0
        pdf.set_font(font, "B" if header else "", 9)
        for width, value in zip(columns, row):
            pdf.cell(width, ROW_MM, encode_for_font(_fit(pdf, value, width - 1), font), fill=header,
                     border="B" if header else 0)
        pdf.ln(ROW_MM)


def _diagnoses(pdf: FPDF, diagnoses: Sequence[tuple[str, str]], *, font: str) -> None:
    pdf.set_font(font, "", 9.5)
    text = "     ".join(f"{letter}.  {code}" for letter, code in diagnoses)
    pdf.multi_cell(0, 5.2, encode_for_font(text, font) or "None", new_x="LMARGIN", new_y="NEXT")


def _line_rows(submission: ClaimSubmission) -> tuple[tuple[str, ...], ...]:
    rows = [("Line", "Date of service", "Code", "Modifiers", "Units", "Diagnosis pointers")]
    for line in submission.lines:
        pointers = ", ".join(POINTER_LETTERS[pointer - 1] for pointer in line.pointers if 0 < pointer <= 12)
        code = f"{line.code} ({line.system})"
        rows.append((str(line.number), format_us_date(line.service_date), code, " ".join(line.modifiers),
                     str(line.units), pointers))
    return tuple(rows)


def _provider_rows(submission: ClaimSubmission) -> tuple[tuple[str, str, str], ...]:
    rendering = submission.rendering_provider or submission.billing_provider
    roles: list[tuple[str, Provider | None]] = [
        ("Rendering provider", rendering),
        ("Billing provider", submission.billing_provider),
        ("Referring provider", submission.referring_provider),
        ("Ordering provider", submission.ordering_provider),
    ]
    return tuple((role, provider.name, provider.npi) for role, provider in roles if provider is not None)


def _service_dates(submission: ClaimSubmission) -> str:
    if not submission.lines:
        return ""
    first, last = submission.first_service_date, submission.last_service_date
    return format_us_date(first) if first == last else f"{format_us_date(first)} to {format_us_date(last)}"


def _contents_title(entry: ContentsEntry) -> str:
    return entry.title + (CONTINUED if entry.continued else "")


def _page_range(entry: ContentsEntry) -> str:
    if entry.first_page == entry.last_page:
        return str(entry.first_page)
    return f"{entry.first_page}-{entry.last_page}"
