"""A payer that takes images only: one TIFF G4 (text) or JPEG (pictures, grey scans) per packet page."""
from __future__ import annotations

import pytest
from PIL import Image

from docservice.packets import PacketRequest, build_packet


@pytest.fixture
def image_packet(tmp_path, submission, narrative_pdf, packet_document, scan_pdf, photo_pdf):
    documents = [packet_document("photo", title="Intraoral photograph", path=photo_pdf("mouth")),
                 packet_document("chart_note", pages=1),
                 packet_document("sleep_study", path=scan_pdf("study-scan", pages=2))]
    request = PacketRequest(submission=submission, narrative_pdf=narrative_pdf, documents=documents, accepts="images")
    return build_packet(request, out_dir=tmp_path / "out")


def test_every_page_becomes_one_image_named_by_its_page(image_packet):
    # cover, narrative, sleep study scan (2 pages), chart note, photo
    names = [item.name for item in image_packet.files]
    assert names == ["packet-p001.tif", "packet-p002.tif", "packet-p003.tif", "packet-p004.tif", "packet-p005.tif",
                     "packet-p006.jpg"]
    assert image_packet.parts == 0 and image_packet.pages == 6
    assert all(item.pages is None and item.path.stat().st_size == item.size_bytes for item in image_packet.files)
    out = image_packet.files[0].path.parent
    assert sorted(path.name for path in out.iterdir()) == names  # no PDF, no temporary files left behind


def test_text_pages_are_bilevel_tiff_g4_and_pictures_jpeg(image_packet):
    for item in image_packet.files:
        with Image.open(item.path) as image:
            if item.name.endswith(".tif"):
                assert image.info["compression"] == "group4"
                assert image.mode == "1"
                assert image.info["dpi"] == pytest.approx((300, 300))
                assert image.size == (2550, 3300)  # a Letter page at 300 dpi
            else:
                assert image.format == "JPEG" and image.mode == "RGB"
                assert image.size == (1700, 2200)  # 200 dpi


def test_the_stamp_and_text_survive_on_the_bilevel_image(image_packet):
    with Image.open(image_packet.files[0].path) as cover:
        band = cover.convert("L").crop((0, cover.height - 90, cover.width, cover.height))
        body = cover.convert("L").crop((0, 0, cover.width, 300))
        assert band.histogram()[0] > 0  # the stamp's black pixels
        assert body.histogram()[0] > 1000  # the letterhead


def test_the_same_request_gives_the_same_images(tmp_path, submission, narrative_pdf, packet_document, scan_pdf):
    documents = [packet_document("chart_note", path=scan_pdf("same", pages=1))]
    request = PacketRequest(submission=submission, narrative_pdf=narrative_pdf, documents=documents, accepts="images")
    first = build_packet(request, out_dir=tmp_path / "one")
    second = build_packet(request, out_dir=tmp_path / "two")
    assert [item.path.read_bytes() for item in first.files] == [item.path.read_bytes() for item in second.files]
