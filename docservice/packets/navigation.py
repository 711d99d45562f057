"""The outline (bookmarks) and page labels of a packet file.

Outline: one top-level entry per part of the file: the cover sheet, the narrative, each
document (a document continued from an earlier part file says so).

Page labels (what a viewer shows in its page box; pikepdf has no helper, so the /PageLabels
number tree is written here). Each part of the file restarts its own decimal numbering under
a prefix naming the part:

    C-1, C-2 ...    the cover sheet
    N-1, N-2 ...    the narrative (letter of medical necessity)
    D1-1, D1-2 ...  the first document in reading order; D2-1 the second; and so on

A document continued from an earlier part file keeps its own numbering: D3-6 is page 6 of
document 3. The stamp's "page X of Y" is the physical page of the file, which viewers also
accept as "(X)" or by their page-number mode.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name, NumberTree, OutlineItem

from docservice.packets.model import ContentsEntry

COVER_LABEL_PREFIX = "C-"
NARRATIVE_LABEL_PREFIX = "N-"
CONTINUED = " (continued)"


@dataclass(frozen=True)
class LabelRange:
    first_page: int  # 1-based in the file
    prefix: str
    start: int  # the number the range's first page gets


def document_label_prefix(number: int) -> str:
    """The label prefix of the `number`th document (1-based, in reading order)."""
    return f"D{number}-"


def add_outline(pdf: pikepdf.Pdf, contents: Sequence[ContentsEntry]) -> None:
    with pdf.open_outline() as outline:
        for entry in contents:
            title = entry.title + (CONTINUED if entry.continued else "")
            outline.root.append(OutlineItem(title, entry.first_page - 1))


def add_page_labels(pdf: pikepdf.Pdf, ranges: Sequence[LabelRange]) -> None:
    tree = NumberTree.new(pdf)
    for label in ranges:
        tree[label.first_page - 1] = Dictionary(Type=Name.PageLabel, S=Name.D, P=pikepdf.String(label.prefix),
                                                St=label.start)
    pdf.Root.PageLabels = tree.obj
