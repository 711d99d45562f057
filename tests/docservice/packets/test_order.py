"""Reading order: data from reading_order.yaml, stable for ties, unknown kinds last."""
from __future__ import annotations

from pathlib import Path

from docservice.packets import PacketDocument, order_documents


def doc(kind: str, number: int) -> PacketDocument:
    return PacketDocument(title=f"{kind} {number}", kind=kind, pdf_path=Path(f"/nonexistent/{number}.pdf"),
                          document_id=number)


def test_a_reviewer_reads_order_then_report_then_notes_then_referral_then_pictures_then_the_rest():
    given = [doc("other", 1), doc("photo", 2), doc("referral", 3), doc("chart_note", 4), doc("eob", 5),
             doc("sleep_study", 6), doc("radiograph", 7), doc("physician_order", 8)]
    kinds = [item.kind for item in order_documents(given)]
    assert kinds == ["physician_order", "sleep_study", "chart_note", "referral", "photo", "radiograph", "other",
                     "eob"]


def test_documents_of_equal_rank_keep_the_order_they_were_given_in():
    given = [doc("chart_note", 1), doc("pathology_report", 2), doc("chart_note", 3), doc("sleep_study", 4),
             doc("radiology_report", 5)]
    assert [item.document_id for item in order_documents(given)] == [2, 4, 5, 1, 3]


def test_an_unknown_kind_reads_as_other_at_the_end():
    given = [doc("mystery_kind", 1), doc("chart_note", 2), doc("other", 3)]
    assert [item.document_id for item in order_documents(given)] == [2, 1, 3]
