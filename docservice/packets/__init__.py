"""The payer-ready packet: one PDF per claim (or numbered parts, or page images).

Cover sheet, signed narrative, then the documents in the order a medical reviewer reads them
(reading_order.yaml), each page stamped with patient, date of birth, ACN and "page X of Y".
See build.py for the steps and navigation.py for the page-label scheme.
"""
from docservice.packets.build import build_packet
from docservice.packets.errors import PacketError
from docservice.packets.model import ContentsEntry, Packet, PacketDocument, PacketFile, PacketRequest
from docservice.packets.order import order_documents

__all__ = [
    "ContentsEntry",
    "Packet",
    "PacketDocument",
    "PacketError",
    "PacketFile",
    "PacketRequest",
    "build_packet",
    "order_documents",
]
