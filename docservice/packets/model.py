"""What a caller hands `build_packet` and what it gets back."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docservice.claimforms.submission import ClaimSubmission

ACCEPTS = ("pdf", "images")


@dataclass(frozen=True)
class PacketDocument:
    """One supporting document, as its searchable PDF (the OCR output)."""

    title: str  # how the contents list and outline name it, e.g. "Sleep study report"; "" for the kind's default
    kind: str  # Document.kind, or "photo" / "radiograph"; an unknown kind reads as "other"
    pdf_path: Path
    document_id: int


@dataclass(frozen=True)
class PacketRequest:
    submission: ClaimSubmission
    narrative_pdf: Path | None  # the rendered, signed narrative; None when the claim goes without one
    documents: Sequence[PacketDocument]  # any order: the packet orders them (order_documents)
    limit_bytes: int | None = None  # the payer's largest attachment file; None for no limit
    accepts: str = "pdf"  # "pdf", or "images" when the payer takes page images only


@dataclass(frozen=True)
class ContentsEntry:
    """One part of a packet file: the cover sheet, the narrative or a document, and where it lies."""

    title: str
    kind: str  # "cover", "narrative" or the document's kind
    first_page: int  # 1-based, in the file (or, for Packet.contents, in the whole packet)
    last_page: int
    document_id: int | None = None
    continued: bool = False  # a split packet: the document began in an earlier part


@dataclass(frozen=True)
class PacketFile:
    """A file written: packet.pdf, packet-partK.pdf, or one page image packet-pNNN.tif/.jpg."""

    name: str
    path: Path
    pages: int | None  # None for a page image
    size_bytes: int
    contents: tuple[ContentsEntry, ...] = ()  # PDFs only, pages numbered within this file
    over_limit: bool = False  # larger than the payer's limit although it holds a single page of content


@dataclass(frozen=True)
class Packet:
    files: tuple[PacketFile, ...]
    # The whole packet with pages numbered as one file (cover, narrative, documents), also when split.
    contents: tuple[ContentsEntry, ...]
    pages: int  # of the whole packet, one cover sheet counted
    parts: int  # PDF files written (1 unless split); 0 for page images
    recompressed: bool  # images were re-encoded to meet the limit
    # Pages of the whole packet (numbered as in `contents`) that alone exceed the limit: each went
    # out in a part of its own all the same, and the payer may refuse that part.
    oversize_pages: tuple[int, ...] = ()
