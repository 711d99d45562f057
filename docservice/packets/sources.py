"""Open the narrative and the documents, in reading order, as the packet's sections."""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pikepdf

from docservice.packets.context import PacketContext, Section
from docservice.packets.errors import PacketError
from docservice.packets.navigation import NARRATIVE_LABEL_PREFIX, document_label_prefix
from docservice.packets.order import document_title, order_documents, reading_order


def open_sections(ctx: PacketContext, *, stack: ExitStack) -> None:
    """Fill `ctx.sections`: the narrative first, then the documents in reading order.

    The PDFs stay open (closed by `stack`): pages are copied from them lazily when a packet
    file is saved, and image recompression edits them in memory only, never on disk.
    """
    request = ctx.request
    if request.narrative_pdf is not None:
        title = reading_order().section_titles["narrative"]
        pdf = _open(Path(request.narrative_pdf), what="The narrative PDF", stack=stack)
        ctx.sections.append(Section(title=title, kind="narrative", pdf=pdf, label_prefix=NARRATIVE_LABEL_PREFIX))
    for number, document in enumerate(order_documents(request.documents), start=1):
        title = document_title(document)
        pdf = _open(Path(document.pdf_path), what=f"Document {document.document_id} ({title})", stack=stack)
        ctx.sections.append(Section(title=title, kind=document.kind, pdf=pdf, document_id=document.document_id,
                                    label_prefix=document_label_prefix(number)))


def _open(path: Path, *, what: str, stack: ExitStack) -> pikepdf.Pdf:
    if not path.is_file():
        raise PacketError(f"{what} is missing its PDF file; process the document again.")
    try:
        pdf = stack.enter_context(pikepdf.open(path))
    except pikepdf.PasswordError:
        raise PacketError(f"{what} is password-protected; upload an unprotected copy.") from None
    except (pikepdf.PdfError, OSError):
        raise PacketError(f"{what} is not a readable PDF; process the document again.") from None
    if len(pdf.pages) == 0:
        raise PacketError(f"{what} has no pages.")
    return pdf
