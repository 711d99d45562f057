"""A payer's size limit: recompress first, then split into parts; never drop a page."""
from __future__ import annotations

import re
from collections import Counter

import pikepdf
import pytest

from docservice.packets import PacketRequest, build_packet


LIMIT = 1_000_000


@pytest.fixture
def heavy_documents(packet_document, noise_pdf):
    """Three documents of four noise pages, ~600 KB each at q95 (~280 KB recompressed): three pages a part."""
    return [packet_document(kind, path=noise_pdf(f"heavy{number}", pages=4, kb=600))
            for number, kind in enumerate(("chart_note", "sleep_study", "referral"), start=1)]


@pytest.fixture
def split_packet(tmp_path, submission, narrative_pdf, heavy_documents):
    request = PacketRequest(submission=submission, narrative_pdf=narrative_pdf, documents=heavy_documents,
                            limit_bytes=LIMIT)
    return build_packet(request, out_dir=tmp_path / "out")


def test_an_oversized_packet_is_split_into_parts_under_the_limit(split_packet, qpdf_check):
    names = [item.name for item in split_packet.files]
    assert len(names) >= 2 and split_packet.parts == len(names)
    assert names == [f"packet-part{number}.pdf" for number in range(1, len(names) + 1)]
    assert not (split_packet.files[0].path.parent / "packet.pdf").exists()
    for item in split_packet.files:
        assert item.path.stat().st_size == item.size_bytes <= LIMIT
        assert qpdf_check(item.path) == 0
    assert split_packet.recompressed and not split_packet.oversize_pages


def test_each_part_starts_with_a_cover_marked_part_k_of_n_and_stamps_its_pages(packet_labels, split_packet, pdftotext):
    total = split_packet.parts
    for number, item in enumerate(split_packet.files, start=1):
        cover = " ".join(pdftotext(item.path, 1).split())
        assert f"Medical claim attachments: part {number} of {total}" in cover
        assert f"Attachment control number (ACN): {packet_labels.acn}" in cover
        with pikepdf.open(item.path) as pdf:
            pages = len(pdf.pages)
        assert pages == item.pages
        for page in range(1, pages + 1):
            assert f"part {number} of {total} | page {page} of {pages}" in " ".join(pdftotext(item.path, page).split())


def test_every_page_is_in_exactly_one_part_in_packet_order(split_packet, pdftotext):
    markers = []
    narratives = 0
    for item in split_packet.files:
        text = pdftotext(item.path)
        markers += re.findall(r"MARK-heavy\d-\d", text)
        narratives += text.count("NARRATIVE-BODY-TEXT")
    assert narratives == 1
    # documents in reading order: sleep study (heavy2), chart notes (heavy1), referral (heavy3)
    expected = [f"MARK-heavy{document}-{page}" for document in (2, 1, 3) for page in (1, 2, 3, 4)]
    assert markers == expected
    assert all(count == 1 for count in Counter(markers).values())
    covers = sum(1 for item in split_packet.files for entry in item.contents if entry.kind == "cover")
    assert covers == split_packet.parts
    assert split_packet.pages == 1 + 1 + 12  # the whole packet: one cover, the narrative, twelve pages


def test_a_document_continued_in_the_next_part_says_so(split_packet):
    entries = [entry for item in split_packet.files for entry in item.contents if entry.kind != "cover"]
    by_document = Counter(entry.document_id for entry in entries)
    continued = Counter(entry.document_id for entry in entries if entry.continued)
    assert any(count > 1 for count in by_document.values())
    for document, parts in by_document.items():
        assert continued[document] == parts - 1  # every part but its first says "continued"
    assert {entry.first_page for entry in entries if entry.continued} == {2}  # right after that part's cover


def test_a_page_alone_over_the_limit_still_goes_out_in_its_own_part_and_is_reported(tmp_path, submission, packet_document,
                                                                                     noise_pdf, pdftotext):
    small = packet_document("physician_order", pages=1)
    huge = packet_document("chart_note", path=noise_pdf("huge", pages=1, kb=4000))
    request = PacketRequest(submission=submission, narrative_pdf=None, documents=[small, huge], limit_bytes=LIMIT)
    packet = build_packet(request, out_dir=tmp_path / "out")
    assert packet.parts == 2
    assert packet.oversize_pages == (3,)  # cover, order, then the huge page
    first, second = packet.files
    assert not first.over_limit and second.over_limit and second.size_bytes > LIMIT
    assert "MARK-huge-1" in pdftotext(second.path)
    assert re.search(r"MARK-physician_order\d+-1", pdftotext(first.path))


def test_large_grey_scans_are_recompressed_to_fit_before_any_split(packet_labels, tmp_path, submission, packet_document, grey_scan_pdf,
                                                                  pdftotext):
    scan = packet_document("chart_note", path=grey_scan_pdf("grey"))
    with pikepdf.open(scan.pdf_path) as source:
        assert source.pages[0].get_images()["/image"].Width == 2550  # 300 dpi
    request = PacketRequest(submission=submission, narrative_pdf=None, documents=[scan], limit_bytes=1_500_000)
    packet = build_packet(request, out_dir=tmp_path / "out")
    assert [item.name for item in packet.files] == ["packet.pdf"]
    assert packet.recompressed and packet.files[0].size_bytes <= 1_500_000
    with pikepdf.open(packet.files[0].path) as pdf:
        image = next(iter(pdf.pages[1].get_images().values()))
        assert image.Width == 1700 and image.Filter == pikepdf.Name.DCTDecode  # 200 dpi JPEG
    assert f"ACN {packet_labels.acn}" in pdftotext(packet.files[0].path, 2)
    with pikepdf.open(scan.pdf_path) as source:  # the document on disk is untouched
        assert source.pages[0].get_images()["/image"].Width == 2550


def test_bilevel_scans_are_never_recompressed(tmp_path, submission, packet_document, scan_pdf, grey_scan_pdf):
    bilevel = packet_document("chart_note", path=scan_pdf("bilevel", pages=2))
    grey = packet_document("sleep_study", path=grey_scan_pdf("grey"))
    request = PacketRequest(submission=submission, narrative_pdf=None, documents=[bilevel, grey],
                            limit_bytes=2_000_000)
    packet = build_packet(request, out_dir=tmp_path / "out")
    with pikepdf.open(packet.files[0].path) as pdf:
        images = [next(iter(page.get_images().values())) for page in pdf.pages[2:]]
        assert [_filters(image) for image in images] == [["/CCITTFaxDecode"]] * 2
        assert all(image.BitsPerComponent == 1 for image in images)


def _filters(image: pikepdf.Stream) -> list[str]:
    value = image.get("/Filter")
    return [str(name) for name in value] if isinstance(value, pikepdf.Array) else [str(value)]
