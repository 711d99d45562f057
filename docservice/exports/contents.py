"""What the packet carries: the narrative and the case's documents, and a digest of them.

The digest is over what the parts are made of (the narrative's text, each original's hash and
kind, their order), not over the packet's bytes, which carry the ACN themselves: the ACN then
changes exactly when the attachments do.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from crosswalks.billing import DOCUMENT_KINDS
from docservice.case_terms import case_categories
from docservice.exports.context import ExportContext, PacketPart
from docservice.models import READABLE_STATUSES, Document
from docservice.narratives.workflow import body_digest

NARRATIVE_FILE = "narrative.pdf"


def gather_parts(ctx: ExportContext, *, store) -> list[PacketPart]:
    """The narrative (rendered into the work folder) and every finished document, in packet order."""
    from docservice.narratives.pdf import render_pdf
    from docservice.packets import PacketDocument, order_documents

    parts: list[PacketPart] = []
    narrative = ctx.case.narrative
    if narrative is not None and narrative.body.strip():
        path = ctx.work_dir / NARRATIVE_FILE
        path.write_bytes(render_pdf(narrative, letterhead=letterhead(ctx.settings)))
        parts.append(PacketPart(kind="narrative", title="Letter of medical necessity", pdf_path=path,
                                sha256=narrative.body_sha256 or body_digest(narrative.body)))
    documents = [doc for doc in ctx.case.documents if doc.pdf_path and doc.status in READABLE_STATUSES]
    packet_documents = [
        PacketDocument(title=document_title(doc), kind=packet_kind(doc), pdf_path=store.absolute(doc.pdf_path),
                       document_id=doc.id)
        for doc in documents
    ]
    by_id = {doc.id: doc for doc in documents}
    for item in order_documents(packet_documents):
        parts.append(PacketPart(kind=item.kind, title=item.title, pdf_path=Path(item.pdf_path),
                                sha256=by_id[item.document_id].sha256, document_id=item.document_id))
    return parts


def attachments_digest(parts: list[PacketPart]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(f"{part.kind}:{part.document_id or 0}:{part.sha256}\n".encode())
    return digest.hexdigest()


def attachment_types(ctx: ExportContext) -> list[tuple[str, str]]:
    """(PWK01, label) once per report type, in packet order: one PWK each on the claim."""
    claim = ctx.case.claim
    codes = [line.code for line in claim.lines]
    categories = case_categories(ctx.case)
    seen: dict[str, str] = {}
    for part in ctx.parts:
        sent = ctx.crosswalk.billing.report_type(part.kind, codes, categories)
        seen.setdefault(sent.pwk, sent.label)
    return list(seen.items())[:10]


def packet_kind(document: Document) -> str:
    """The document's kind; an unclassified one is a photo or radiograph when most pages are."""
    if document.kind in DOCUMENT_KINDS:
        return document.kind
    images = Counter(page.image_kind for page in document.pages if page.image_kind in ("photo", "radiograph"))
    if images and sum(images.values()) * 2 > len(document.pages):
        return images.most_common(1)[0][0]
    return "other"


def document_title(document: Document) -> str:
    """"Sleep study report (document 12)": the kind's title, and which upload it is."""
    from docservice.packets.order import reading_order

    return f"{reading_order().title(packet_kind(document))} (document {document.id})"


def letterhead(settings: dict):
    """The practice's letterhead for the narrative: the billing provider as the claim names it."""
    from docservice.claimforms.build import billing_provider
    from docservice.narratives.pdf import Letterhead

    return Letterhead.from_provider(billing_provider(settings))
