"""Write one packet file: its cover sheet, then the planned pages, stamped, with outline and labels.

Pages are copied from the source PDFs by pikepdf (qpdf) as they are: content streams, images
and text layers untouched, only wrapped by the stamp and the shrink (stamp.py). The file is
saved with a deterministic /ID and no dates, so the same request gives the same bytes.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pikepdf
from pikepdf import Name

from docservice.packets.context import PacketContext, PartPlan
from docservice.packets.cover import render_cover
from docservice.packets.errors import PacketError
from docservice.packets.model import ContentsEntry, PacketFile
from docservice.packets.navigation import COVER_LABEL_PREFIX, LabelRange, add_outline, add_page_labels
from docservice.packets.order import reading_order
from docservice.packets.stamp import Stamper, StampText, page_counter, stamp_identity

# qpdf's fixed /ID under static_id (the digits of pi) and how far from the end the trailer's copy lies.
QPDF_STATIC_ID = b"/ID [<31415926535897932384626433832795><31415926535897932384626433832795>]"
TRAILER_WINDOW = 1 << 20
MAX_COVER_PASSES = 3  # the cover's page count feeds its own contents list; this settles in two


def write_part(ctx: PacketContext, plan: PartPlan, path: Path) -> PacketFile:
    """Assemble and save the packet file `plan` describes at `path`."""
    submission = ctx.request.submission
    cover, contents = _open_cover(ctx, plan)
    cover_pages = len(cover.pages)
    with cover, pikepdf.new() as pdf:
        pdf.pages.extend(cover.pages)
        for span in plan.spans:
            pdf.pages.extend(span.section.pdf.pages[span.start:span.stop])
        _stamp_pages(pdf, identity=stamp_identity(submission), cover_pages=cover_pages, plan=plan)
        add_outline(pdf, contents)
        add_page_labels(pdf, _label_ranges(plan, cover_pages=cover_pages))
        _set_metadata(pdf, acn=submission.attachment_control_number, plan=plan)
        save_pdf(pdf, path, identity=_file_identity(submission.attachment_control_number, plan, path=path))
        pages = len(pdf.pages)
    return PacketFile(name=path.name, path=path, pages=pages, size_bytes=path.stat().st_size, contents=contents)


def _open_cover(ctx: PacketContext, plan: PartPlan) -> tuple[pikepdf.Pdf, tuple[ContentsEntry, ...]]:
    """The rendered cover sheet and the file's contents, whose page ranges count the cover's own pages.

    The cover is drawn for a page count, then again if it came out longer (a claim with many lines).
    """
    cover_pages = 1
    for attempt in range(1, MAX_COVER_PASSES + 1):
        contents = plan_contents(plan, cover_pages=cover_pages)
        data = render_cover(ctx.request.submission, contents=contents, part=plan.number, parts=plan.total)
        cover = pikepdf.open(io.BytesIO(data))
        if len(cover.pages) == cover_pages or attempt == MAX_COVER_PASSES:
            return cover, plan_contents(plan, cover_pages=len(cover.pages))
        cover_pages = len(cover.pages)
        cover.close()
    raise AssertionError("unreachable")


def plan_contents(plan: PartPlan, *, cover_pages: int) -> tuple[ContentsEntry, ...]:
    """The contents of the file: the cover, then each span with its page range in the file."""
    entries = [ContentsEntry(title=reading_order().section_titles["cover"], kind="cover", first_page=1,
                             last_page=cover_pages)]
    page = cover_pages + 1
    for span in plan.spans:
        entries.append(ContentsEntry(title=span.section.title, kind=span.section.kind, first_page=page,
                                     last_page=page + span.page_count - 1, document_id=span.section.document_id,
                                     continued=span.continued))
        page += span.page_count
    return tuple(entries)


def save_pdf(pdf: pikepdf.Pdf, path: Path, *, identity: str) -> None:
    """Save with an /ID made from `identity`, never from the time or the file name.

    qpdf's own deterministic /ID is an MD5 of the whole output: on a 200-page scanned packet that
    is a third of the assembly time. What makes a packet file what it is is known beforehand (the
    ACN already digests the attachments; the part and its page ranges say the rest), so qpdf
    writes its fixed test /ID and that placeholder is overwritten in place with a digest of
    `identity`: same length, so no offset in the file moves.
    """
    pdf.save(path, static_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    digest = hashlib.md5(identity.encode(), usedforsecurity=False).hexdigest().upper().encode()
    with path.open("r+b") as handle:
        size = handle.seek(0, io.SEEK_END)
        start = max(0, size - TRAILER_WINDOW)
        handle.seek(start)
        tail = handle.read()
        found = tail.rfind(QPDF_STATIC_ID)
        if found < 0:
            raise PacketError("The packet's file identifier could not be set; please report this.")
        handle.seek(start + found)
        handle.write(b"/ID [<" + digest + b"><" + digest + b">]")


def _file_identity(acn: str, plan: PartPlan, *, path: Path) -> str:
    spans = ";".join(f"{span.section.kind}:{span.section.document_id}:{span.start}-{span.stop}"
                     for span in plan.spans)
    return f"{acn}|{path.name}|{plan.number}/{plan.total}|{spans}"


def _stamp_pages(pdf: pikepdf.Pdf, *, identity: str, cover_pages: int, plan: PartPlan) -> None:
    stamper = Stamper(pdf)
    total = len(pdf.pages)
    for index, page in enumerate(pdf.pages):
        counter = page_counter(index + 1, total, part=plan.number, parts=plan.total)
        # The cover is drawn with the band free; every other page is shrunk to free it.
        stamper.stamp(page, StampText(left=identity, right=counter), shrink=index >= cover_pages)


def _label_ranges(plan: PartPlan, *, cover_pages: int) -> list[LabelRange]:
    ranges = [LabelRange(first_page=1, prefix=COVER_LABEL_PREFIX, start=1)]
    page = cover_pages + 1
    for span in plan.spans:
        ranges.append(LabelRange(first_page=page, prefix=span.section.label_prefix, start=span.start + 1))
        page += span.page_count
    return ranges


def _set_metadata(pdf: pikepdf.Pdf, *, acn: str, plan: PartPlan) -> None:
    """A title and creator only: no dates, no patient data (the file name travels in logs and portals)."""
    title = "Medical claim attachments" + (f", ACN {acn}" if acn else "")
    if plan.total > 1:
        title += f", part {plan.number} of {plan.total}"
    pdf.docinfo[Name.Title] = title
    pdf.docinfo[Name.Creator] = "MedLane"
