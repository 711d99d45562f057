"""Document kinds from text evidence and page images."""
from __future__ import annotations

import pytest

from docservice.ocr.classify import KINDS, classify_document
from docservice.ocr.preprocess import ImageStats, measure_image

# Second samples in other words, so the rules are not fitted to the rendering texts alone.
OTHER_SAMPLES = {
    "sleep_study": """Home Sleep Apnea Test - Interpretation
Recording date 05/06/2025. Monitoring time 7 h 12 min.
pAHI 9.8/hr, ODI 4% 8.1/hr, lowest SpO2 86%. Snoring 31% of the night.
Impression: mild obstructive sleep apnea. Consider oral appliance therapy.""",
    "pathology_report": """ORAL PATHOLOGY CONSULTATION
Specimen received: excisional biopsy, right buccal mucosa.
Gross: a 1.2 cm ovoid fragment, bisected and submitted in toto.
Microscopic: fibrous hyperplasia with surface hyperkeratosis; no atypia.
Diagnosis: irritation fibroma. Margins clear.""",
    "chart_note": """SOAP note - 03/14/2025
S: Patient reports right jaw pain 6/10, worse on waking. Allergies: NKDA.
O: BP 132/84. Limited opening 28 mm. Masseter tender on palpation.
A: Myofascial pain, bruxism.
P: Night guard, NSAIDs, follow-up 2 weeks.""",
    "referral": """Dear Dr. Alvarez,
I am referring Mr. Paul Green to your practice for evaluation of an oral
appliance. Reason for referral: snoring and CPAP intolerance.
Referring provider: Jane Wu, MD""",
    "radiology_report": """CT MAXILLOFACIAL WITHOUT CONTRAST
HISTORY: facial trauma. TECHNIQUE: helical axial CT with coronal reformats.
FINDINGS: nondisplaced fracture of the left mandibular angle.
IMPRESSION: left mandibular angle fracture. Radiologist: K. Osei, MD""",
    "physician_order": """Standard Written Order
Item: mandibular advancement device, HCPCS E0486, quantity 1.
Diagnosis G47.33. Length of need: lifetime. Ordering physician NPI 1912345678.
Signature: ____________ Date: 04/01/2025""",
    "narrative": """Re: Appeal of denied claim for Maria Gomez
Dear Medical Director,
This letter explains the medical necessity of the oral appliance we provided.
My patient has severe obstructive sleep apnea and failed CPAP. In my clinical
opinion the device is medically necessary. Sincerely, Dr. Li""",
    "eob": """Your Explanation of Benefits
Claim # 99812001 processed 04/20/2025. Provider billed $1,950.00.
Allowed amount $1,500.00. Plan paid $1,200.00. Deductible $0.00.
Coinsurance $300.00. You owe: $300.00. Remark: claim adjusted per contract.""",
}


def test_rendering_texts(synth, synthetic_kind):
    result = classify_document(synth.TEXTS[synthetic_kind])
    assert result.kind == synthetic_kind, result
    assert result.confidence > 0.6
    assert result.evidence


@pytest.mark.parametrize("kind", sorted(OTHER_SAMPLES))
def test_other_wording(kind):
    result = classify_document(OTHER_SAMPLES[kind])
    assert result.kind == kind, result
    assert 0 < result.confidence <= 1


def test_unrelated_text_is_other():
    # "other" is a kind the model learnt (lists, memos, forms), so it may be said with confidence.
    result = classify_document("Grocery list: apples, bread, two litres of milk, coffee filters.")
    assert result.kind == "other"
    assert result.evidence[0].startswith("other ")


def test_empty_text_is_other():
    assert classify_document("").kind == "other"


def test_ocr_noise_does_not_break_classification(synth):
    noisy = synth.TEXTS["pathology_report"].replace("i", "1").replace("o", "0")[: len(synth.TEXTS["pathology_report"]) // 2]
    assert classify_document("SURGICAL PATHOLOGY REPORT\n" + noisy).kind == "pathology_report"


def test_photo_pages_with_no_text_are_photos(synth):
    stats = measure_image(synth.render_photo(), (300.0, 300.0))
    result = classify_document("", image_stats=[stats, stats])
    assert result.kind == "photo"
    assert result.confidence > 0.8


def test_radiograph_with_a_label_is_a_radiograph(synth):
    stats = measure_image(synth.render_radiograph(), (300.0, 300.0))
    result = classify_document("R  05/02/2025  SMITH, JORDAN", image_stats=stats)
    assert result.kind == "radiograph"
    assert 0.5 < result.confidence <= 1


def test_text_outweighs_a_picture_when_there_is_plenty_of_it(synth):
    stats = ImageStats(paper_fraction=0.1, bright_tile_fraction=0.2, dark_fraction=0.6, colourfulness=0.0, kind="radiograph")
    assert classify_document(synth.TEXTS["radiology_report"], image_stats=stats).kind == "radiology_report"


def test_every_kind_is_reachable(synth):
    reachable = set(synth.TEXTS) | {"photo", "radiograph", "other"}
    assert reachable == set(KINDS)
