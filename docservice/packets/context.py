"""The state a packet build hands from step to step (OCRmyPDF's PdfContext, for packets)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from docservice.packets.model import ContentsEntry, PacketFile, PacketRequest


@dataclass
class Section:
    """The narrative or one document: its opened source PDF and how the packet names it."""

    title: str
    kind: str  # "narrative" or the document's kind
    pdf: pikepdf.Pdf
    label_prefix: str  # page-label prefix (navigation.py)
    document_id: int | None = None

    @property
    def page_count(self) -> int:
        return len(self.pdf.pages)


@dataclass(frozen=True)
class Span:
    """Pages [start, stop) of one section, as they go into one packet file."""

    section: Section
    start: int
    stop: int

    @property
    def page_count(self) -> int:
        return self.stop - self.start

    @property
    def continued(self) -> bool:
        return self.start > 0


@dataclass(frozen=True)
class PartPlan:
    """What one packet file holds after its cover sheet, and which part of how many it is."""

    spans: tuple[Span, ...]
    number: int = 1
    total: int = 1

    @property
    def page_count(self) -> int:
        return sum(span.page_count for span in self.spans)


@dataclass
class PacketContext:
    request: PacketRequest
    out_dir: Path
    sections: list[Section] = field(default_factory=list)
    recompressed: bool = False
    files: list[PacketFile] = field(default_factory=list)
    contents: tuple[ContentsEntry, ...] = ()  # of the whole packet as one file
    oversize_pages: list[int] = field(default_factory=list)

    def whole_plan(self) -> PartPlan:
        """Every page of every section, in one file."""
        return PartPlan(spans=tuple(Span(section, 0, section.page_count) for section in self.sections))
