"""The reading order of a packet's documents and their default titles: the crosswalk's `sent_as`
(crosswalks/data/attachments.yaml); the titles of the cover and the narrative: reading_order.yaml."""
from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import yaml

from crosswalks import load_packet_kinds

from docservice.packets.model import PacketDocument

ORDER_FILE = "reading_order.yaml"
FALLBACK_KIND = "other"


@dataclass(frozen=True)
class ReadingOrder:
    sent_as: dict  # document kind -> crosswalks.billing.SentAs (rank, label)
    section_titles: dict[str, str]  # "cover", "narrative"

    def rank(self, kind: str) -> int:
        return self._of(kind).rank

    def title(self, kind: str) -> str:
        label = self._of(kind).label
        return label[:1].upper() + label[1:]

    def _of(self, kind: str):
        return self.sent_as.get(kind) or self.sent_as[FALLBACK_KIND]


def order_documents(documents: Iterable[PacketDocument]) -> list[PacketDocument]:
    """The documents in reading order; documents of equal rank keep their given order (a stable sort)."""
    order = reading_order()
    return sorted(documents, key=lambda document: order.rank(document.kind))


def document_title(document: PacketDocument) -> str:
    """The document's own title, else its kind's default."""
    return document.title.strip() or reading_order().title(document.kind)


@functools.cache
def reading_order() -> ReadingOrder:
    text = resources.files("docservice.packets").joinpath(ORDER_FILE).read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # the C loader when libyaml is there
    return ReadingOrder(
        sent_as=load_packet_kinds(),
        section_titles={name: str(title) for name, title in raw["sections"].items()},
    )
