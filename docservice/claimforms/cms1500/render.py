"""The CMS-1500 (02/12) of a claim as a PDF: data for the red pre-printed form, or a full page.

A claim of more than six service lines is printed on several complete forms of six lines each;
only the last carries the total charge (box 28), the others say CONTINUED (NUCC instructions).
The PDF's dates come from the claim, not the clock, so the same claim gives the same bytes.
"""
from __future__ import annotations

from datetime import datetime, time, timezone

from fpdf import FPDF

from docservice.claimforms.submission import ClaimSubmission

from docservice.claimforms.cms1500.claim_boxes import fill_claim_boxes
from docservice.claimforms.cms1500.drawing import draw_data
from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.cms1500.layout import Layout, load_layout
from docservice.claimforms.cms1500.outline import draw_outline
from docservice.claimforms.cms1500.page_writer import PageWriter, Placed
from docservice.claimforms.cms1500.service_boxes import fill_service_rows

MODES = ("data", "full")
MAX_OFFSET_IN = 1.0  # a printer feeding the form further off than this needs fixing, not an offset
POINTS_PER_INCH = 72
FOOTER = "Drawn by MedLane on the NUCC 1500 (02/12) print grid from the claim's data; not the official form."


def render_cms1500(submission: ClaimSubmission, *, mode: str = "data",
                   offset_in: tuple[float, float] = (0.0, 0.0)) -> bytes:
    """The claim's CMS-1500 pages as PDF bytes.

    Args:
        mode: "data" prints only the values, on the 10 cpi / 6 lpi grid, for the red pre-printed
            form; "full" prints the same values over MedLane's own outline of the form, for
            portals and review.
        offset_in: the printer's correction in inches, (right, down); negative moves left / up.
    """
    if mode not in MODES:
        raise Cms1500Error(f"The CMS-1500 mode must be one of {', '.join(MODES)}.")
    if any(abs(float(value)) > MAX_OFFSET_IN for value in offset_in):
        raise Cms1500Error(f"The printer offset must be within {MAX_OFFSET_IN:g} inch in each direction.")
    layout = load_layout()
    offset_pt = (float(offset_in[0]) * POINTS_PER_INCH, float(offset_in[1]) * POINTS_PER_INCH)
    pages = compose_pages(submission, layout=layout)

    pdf = FPDF(unit="pt", format=(layout.page_in[0] * POINTS_PER_INCH, layout.page_in[1] * POINTS_PER_INCH))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_creation_date(datetime.combine(submission.last_service_date, time(), tzinfo=timezone.utc))
    pdf.set_title(f"CMS-1500 claim {submission.claim_control_number}")
    pdf.set_creator("MedLane")
    for number, placed in enumerate(pages, start=1):
        pdf.add_page()
        if mode == "full":
            draw_outline(pdf, layout=layout, offset_pt=offset_pt, footer=FOOTER,
                         page_label=f"Claim {submission.claim_control_number}  -  page {number} of {len(pages)}")
        draw_data(pdf, placed, layout=layout, offset_pt=offset_pt)
    return bytes(pdf.output())


def compose_pages(submission: ClaimSubmission, *, layout: Layout | None = None) -> list[list[Placed]]:
    """What each page says, cell by cell: the claim's boxes and up to six service lines per page."""
    layout = layout or load_layout()
    if not submission.lines:
        raise Cms1500Error("The claim has no service lines; box 24 needs at least one.")
    per_page = layout.service_rows.rows
    lines = sorted(submission.lines, key=lambda line: line.number)
    chunks = [lines[start:start + per_page] for start in range(0, len(lines), per_page)]
    pages = []
    for index, chunk in enumerate(chunks):
        writer = PageWriter()
        fill_claim_boxes(writer, submission, layout=layout, last_page=index == len(chunks) - 1)
        fill_service_rows(writer, submission, chunk, rows=layout.service_rows)
        pages.append(writer.placed)
    return pages
