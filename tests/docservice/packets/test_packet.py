"""One packet PDF: cover, narrative, documents in reading order; stamps, outline, labels, determinism.

Checked with tools other than the one that wrote it: pypdf for the outline and page labels,
poppler's pdftotext for text, qpdf --check for structure.
"""
from __future__ import annotations

import random
import re

import pytest
from pypdf import PdfReader

from docservice.packets import PacketError, PacketRequest, build_packet


KINDS_IN_READING_ORDER = ["physician_order", "sleep_study", "chart_note", "referral", "photo"]


@pytest.fixture
def shuffled_documents(packet_document, scan_pdf):
    """One document per kind (the photo an image-only scan), given in a scrambled order."""
    documents = [packet_document(kind, title=f"{kind} title") for kind in KINDS_IN_READING_ORDER[:-1]]
    documents.append(packet_document("photo", title="photo title", path=scan_pdf("photo-scan", pages=2)))
    random.Random(3).shuffle(documents)
    assert [item.kind for item in documents] != KINDS_IN_READING_ORDER
    return documents


@pytest.fixture
def packet(tmp_path, submission, narrative_pdf, shuffled_documents):
    request = PacketRequest(submission=submission, narrative_pdf=narrative_pdf, documents=shuffled_documents)
    return build_packet(request, out_dir=tmp_path / "out")


def test_one_file_with_every_page_that_passes_qpdf(packet, page_count, qpdf_check):
    assert [item.name for item in packet.files] == ["packet.pdf"]
    path = packet.files[0].path
    assert qpdf_check(path) == 0
    # cover 1 + narrative 1 + four two-page text documents + a two-page scan
    assert page_count(path) == packet.files[0].pages == packet.pages == 1 + 1 + 4 * 2 + 2
    assert packet.parts == 1 and not packet.oversize_pages


def test_the_outline_has_one_entry_per_part_in_reading_order(packet):
    reader = PdfReader(packet.files[0].path)
    titles = [item.title for item in reader.outline]
    documents = [f"{kind} title" for kind in KINDS_IN_READING_ORDER]
    assert titles == ["Cover sheet", "Letter of medical necessity", *documents]
    assert all(not isinstance(item, list) for item in reader.outline)  # top level only
    starts = [reader.get_destination_page_number(item) + 1 for item in reader.outline]
    assert starts == [entry.first_page for entry in packet.contents] == [1, 2, 3, 5, 7, 9, 11]


def test_documents_follow_in_reading_order_whatever_the_input_order(packet, pdftotext):
    path = packet.files[0].path
    assert [entry.kind for entry in packet.contents] == ["cover", "narrative", *KINDS_IN_READING_ORDER]
    assert "NARRATIVE-BODY-TEXT" in pdftotext(path, 2)
    first_pages = [pdftotext(path, entry.first_page) for entry in packet.contents[2:-1]]
    for kind, text in zip(KINDS_IN_READING_ORDER, first_pages):
        assert re.search(rf"MARK-{kind}\d+-1", text)


def test_page_labels_name_the_part_and_its_own_page(packet):
    labels = PdfReader(packet.files[0].path).page_labels
    assert labels == ["C-1", "N-1", "D1-1", "D1-2", "D2-1", "D2-2", "D3-1", "D3-2", "D4-1", "D4-2", "D5-1", "D5-2"]


def test_every_page_is_stamped_with_patient_birth_date_acn_and_page_of_total(packet_labels, packet, pdftotext):
    path, total = packet.files[0].path, packet.pages
    for page in range(1, total + 1):
        text = " ".join(pdftotext(path, page).split())
        assert packet_labels.patient in text, page
        assert f"DOB {packet_labels.birth_date}" in text, page
        assert f"ACN {packet_labels.acn}" in text, page
        assert f"page {page} of {total}" in text, page


def test_the_cover_names_the_claim_and_prints_the_acn_in_its_body(packet_labels, packet, pdftotext):
    cover = " ".join(pdftotext(packet.files[0].path, 1, layout=True).split())
    assert f"Attachment control number (ACN): {packet_labels.acn}" in cover
    for value in ("Test Dental Practice", "NPI 1245319599", "(555) 010-0199", packet_labels.patient, packet_labels.birth_date, "TST000111",
                  "Test Health Plan", "03/02/2026", "E0486", "NU KX", "A, B", "G47.33", "I10", "Testdentist, Beta",
                  "1234567893", "Rendering provider", "Billing provider"):
        assert value in cover, value
    # the contents list with each part's page range
    assert "Letter of medical necessity 2" in cover
    assert "physician_order title 3-4" in cover
    assert "photo title 11-12" in cover


def test_a_document_page_keeps_its_text_layer(packet, pdftotext):
    chart = next(entry for entry in packet.contents if entry.kind == "chart_note")
    text = pdftotext(packet.files[0].path, chart.first_page + 1)
    assert re.search(r"MARK-chart_note\d+-2", text)
    assert "Synthetic record text for the packet tests." in text


def test_the_same_request_gives_the_same_bytes(tmp_path, submission, narrative_pdf, shuffled_documents):
    request = PacketRequest(submission=submission, narrative_pdf=narrative_pdf, documents=shuffled_documents)
    first = build_packet(request, out_dir=tmp_path / "one").files[0].path.read_bytes()
    second = build_packet(request, out_dir=tmp_path / "two").files[0].path.read_bytes()
    assert first == second
    assert b"/CreationDate" not in first and b"/ModDate" not in first


def _word_boxes(bbox_html: str, word: str) -> list[tuple[float, ...]]:
    pattern = rf'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">{re.escape(word)}</word>'
    return [tuple(float(value) for value in match) for match in re.findall(pattern, bbox_html)]


def _dark_share(image, box) -> float:
    """Share of pixels darker than mid-grey inside `box` of a greyscale rendering."""
    histogram = image.crop(box).convert("L").histogram()
    return sum(histogram[:128]) / sum(histogram)


def test_a_full_bleed_scan_is_shrunk_so_the_stamp_sits_on_blank_paper(tmp_path, submission, packet_document, scan_pdf,
                                                                       pdftotext, render_page):
    black = packet_document("chart_note", path=scan_pdf("black", full_bleed=True))
    packet = build_packet(PacketRequest(submission=submission, narrative_pdf=None, documents=[black]),
                          out_dir=tmp_path / "out")
    path = packet.files[0].path
    html = pdftotext(path, 2, bbox=True)
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)">', html).group(1))
    (_, top, _, _), *_ = _word_boxes(html, "ACN")
    assert top > height - 24  # the stamp is in the bottom band
    image = render_page(path, 2)  # 72 dpi: one pixel a point
    assert _dark_share(image, (0, image.height - 20, image.width, image.height)) < 0.2  # blank but for the stamp
    assert _dark_share(image, (100, 100, image.width - 100, image.height - 100)) > 0.95  # the scan is all there


def test_a_rotated_page_gets_its_stamp_at_the_bottom_as_displayed(tmp_path, submission, packet_document, marked_text_pdf,
                                                                 pdftotext, render_page):
    import pikepdf

    source = marked_text_pdf("rotated", pages=1)
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[0].rotate(90, relative=False)
        pdf.save(source)
    packet = build_packet(PacketRequest(submission=submission, narrative_pdf=None,
                                        documents=[packet_document("chart_note", path=source)]), out_dir=tmp_path / "out")
    assert "page 2 of 2" in " ".join(pdftotext(packet.files[0].path, 2).split())
    image = render_page(packet.files[0].path, 2)
    assert image.width > image.height  # shown landscape
    edge = 18  # the text page keeps a wider margin than this on every side: ink at an edge is the stamp
    bottom = _dark_share(image, (0, image.height - edge, image.width, image.height))
    others = [(0, 0, image.width, edge), (0, 0, edge, image.height), (image.width - edge, 0, image.width, image.height)]
    assert bottom > 0  # the stamp text
    assert all(_dark_share(image, box) == 0 for box in others)


def test_a_packet_without_narrative_starts_the_documents_after_the_cover(tmp_path, submission, packet_document):
    packet = build_packet(PacketRequest(submission=submission, narrative_pdf=None,
                                        documents=[packet_document("sleep_study")]), out_dir=tmp_path / "out")
    assert [entry.kind for entry in packet.contents] == ["cover", "sleep_study"]
    assert packet.contents[1].title == "Sleep study report"  # the kind's default title


def test_an_unreadable_document_is_refused_in_one_sentence_without_patient_data(tmp_path, submission, packet_document):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not a PDF at all")
    request = PacketRequest(submission=submission, narrative_pdf=None,
                            documents=[packet_document("sleep_study", title="Sleep study report", path=broken)])
    with pytest.raises(PacketError) as error:
        build_packet(request, out_dir=tmp_path / "out")
    message = str(error.value)
    assert "Sleep study report" in message and "not a readable PDF" in message
    assert "\n" not in message and "Testperson" not in message


def test_a_missing_document_file_and_a_bad_option_are_refused(tmp_path, submission, packet_document):
    missing = packet_document("chart_note", path=tmp_path / "gone.pdf")
    with pytest.raises(PacketError, match="missing its PDF file"):
        build_packet(PacketRequest(submission=submission, narrative_pdf=None, documents=[missing]),
                     out_dir=tmp_path / "out")
    with pytest.raises(PacketError, match="pdf, images"):
        build_packet(PacketRequest(submission=submission, narrative_pdf=None, documents=[], accepts="fax"),
                     out_dir=tmp_path / "out")


def test_a_cover_running_over_two_pages_counts_itself_in_the_contents(tmp_path, submission, narrative_pdf, packet_document,
                                                                      pdftotext):
    from dataclasses import replace

    line = submission.lines[0]
    many = replace(submission, lines=tuple(replace(line, number=number) for number in range(1, 61)))
    packet = build_packet(PacketRequest(submission=many, narrative_pdf=narrative_pdf,
                                        documents=[packet_document("chart_note")]), out_dir=tmp_path / "out")
    path = packet.files[0].path
    assert [(entry.first_page, entry.last_page) for entry in packet.contents] == [(1, 2), (3, 3), (4, 5)]
    assert PdfReader(path).page_labels[:3] == ["C-1", "C-2", "N-1"]
    cover = " ".join((pdftotext(path, 1, layout=True) + pdftotext(path, 2, layout=True)).split())
    assert "Letter of medical necessity 3" in cover and "Chart notes 4-5" in cover
    assert "NARRATIVE-BODY-TEXT" in pdftotext(path, 3)


def test_a_name_beyond_latin_1_prints_on_the_cover_and_plainly_in_the_stamp(tmp_path, submission, packet_document,
                                                                           pdftotext):
    from dataclasses import replace

    patient = replace(submission.patient, last_name="Łąkatest", first_name="Zoë")
    packet = build_packet(PacketRequest(submission=replace(submission, patient=patient), narrative_pdf=None,
                                        documents=[packet_document("chart_note", pages=1)]), out_dir=tmp_path / "out")
    path = packet.files[0].path
    assert "Łąkatest, Zoë" in pdftotext(path, 1, layout=True)  # the cover switched to the Unicode font
    assert "Lakatest, Zoë | DOB" in " ".join(pdftotext(path, 2).split())  # WinAnsi stamp: accents kept where it can
