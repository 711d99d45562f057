"""Box 24: the service lines of one page, one row each (NUCC 1500 instructions, 24A-24J)."""
from __future__ import annotations

from collections.abc import Sequence

from docservice.claimforms.submission import ClaimSubmission, ServiceLine

from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.cms1500.formatting import form_text
from docservice.claimforms.cms1500.layout import ServiceRows
from docservice.claimforms.cms1500.page_writer import PageWriter

POINTER_LETTERS = "ABCDEFGHIJKL"  # 24E points at box 21's A-L by letter, up to 4, no separators
MAX_POINTERS = 4
MAX_MODIFIERS = 4
# Qualifiers of the shaded supplemental line (NUCC): JP tooth number in the Universal/National
# system (Open Dental's numbering), ZZ narrative description of an unlisted code.
TOOTH_QUALIFIER = "JP"
DESCRIPTION_QUALIFIER = "ZZ"
SUPPLEMENTAL_SEPARATOR = "   "  # NUCC: three spaces between items of the shaded line


def fill_service_rows(writer: PageWriter, submission: ClaimSubmission, lines: Sequence[ServiceLine], *,
                      rows: ServiceRows) -> None:
    """`lines` (at most `rows.rows` of them) in rows 1, 2, ... of box 24."""
    if len(lines) > rows.rows:
        raise ValueError(f"a page holds {rows.rows} service lines, not {len(lines)}")  # the caller splits pages
    for row, line in enumerate(lines):
        _fill_row(writer, submission, line, rows=rows, at=rows.row_line(row))


def supplemental_text(line: ServiceLine) -> str:
    """The shaded line above a service: tooth number and unlisted-code description."""
    items = []
    if line.tooth:
        items.append(form_text(f"{TOOTH_QUALIFIER}{line.tooth}", box="24"))
    if line.description:
        items.append(form_text(f"{DESCRIPTION_QUALIFIER}{line.description}", box="24"))
    return SUPPLEMENTAL_SEPARATOR.join(items)


def pointer_letters(line: ServiceLine, *, diagnosis_count: int) -> str:
    """"AB" for pointers (1, 2): NUCC 24E takes letters, not numbers, without separators."""
    pointers = line.pointers[:MAX_POINTERS]
    if any(not 1 <= pointer <= min(diagnosis_count, len(POINTER_LETTERS)) for pointer in pointers):
        raise Cms1500Error(f"Box 24E of line {line.number} points at a diagnosis box 21 does not hold.")
    return "".join(POINTER_LETTERS[pointer - 1] for pointer in pointers)


def _fill_row(writer: PageWriter, submission: ClaimSubmission, line: ServiceLine, *, rows: ServiceRows,
              at: int) -> None:
    text = {name: spot.moved(at) for name, spot in rows.text.items()}
    box = f"24 (line {line.number})"
    writer.put_text(text["supplemental"], supplemental_text(line), box=box)
    for name in ("from", "to"):  # one date of service: NUCC accepts it in both From and To
        writer.put_date(rows.dates[name].moved(at), line.service_date)
    writer.put_text(text["place_of_service"], line.place_of_service or submission.place_of_service, box=box,
                    must_fit=True)
    writer.put_text(text["code"], form_text(line.code, box=box), box=box, must_fit=True)
    if len(line.modifiers) > MAX_MODIFIERS:
        raise Cms1500Error(f"Box 24D of line {line.number} holds {MAX_MODIFIERS} modifiers; the line has more.")
    for position, modifier in enumerate(line.modifiers, start=1):
        writer.put_text(text[f"modifier_{position}"], form_text(modifier, box=box), box=box, must_fit=True)
    writer.put_text(text["pointers"], pointer_letters(line, diagnosis_count=len(submission.diagnoses)), box=box)
    writer.put_money(rows.money["charge"].moved(at), line.charge, box=box)
    writer.put_text(text["units"], str(line.units), box=box, must_fit=True)
    rendering = line.rendering or submission.rendering_provider or submission.billing_provider
    writer.put_text(text["rendering_npi"], rendering.npi, box=box, must_fit=True)
