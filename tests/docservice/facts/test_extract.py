"""extract_text_facts: per fact, wordings that read (with their value), negated and historical ones, near misses."""
from __future__ import annotations

from datetime import date

import pytest

from docservice.facts import extract_text_facts

REFERENCE = date(2026, 5, 1)


def read(text: str, name: str, **kwargs) -> list:
    return [fact for fact in extract_text_facts(text, reference_date=REFERENCE, **kwargs) if fact.name == name]


def values(text: str, name: str) -> list:
    return [fact.value for fact in read(text, name)]


def present_values(text: str, name: str) -> list:
    facts = extract_text_facts(text, reference_date=REFERENCE)
    return [fact.value for fact in facts if fact.name == name and fact.present]


READS = [
    # sleep
    ("AHI: 22.4", "ahi", 22.4),
    ("The AHI of 22.4 events/hr indicates moderate OSA.", "ahi", 22.4),
    ("apnea-hypopnea index (AHI) 22.4/h", "ahi", 22.4),
    ("Apnea Hypopnea\nIndex: 31", "ahi", 31.0),
    ("AHI (4%) = 16.2", "ahi", 16.2),
    ("pAHI 4%: 12.5", "ahi", 12.5),
    ("Home sleep test. REI 18", "ahi", 18.0),
    ("Respiratory Event Index (REI): 27.5", "ahi", 27.5),
    ("RDI = 31", "rdi", 31.0),
    ("Respiratory disturbance index (RDI) was 44.2", "rdi", 44.2),
    ("Total events: 187", "respiratory_events", 187),
    ("Total events: 187. Oxygen nadir 82%.", "respiratory_events", 187),
    ("Total apneas + hypopneas: 95", "respiratory_events", 95),
    ("There were 142 respiratory events during the night.", "respiratory_events", 142),
    ("Date of study: 03/14/2026", "sleep_study_date", "2026-03-14"),
    ("Study Date: 3-14-26", "sleep_study_date", "2026-03-14"),
    ("Polysomnography performed on March 14, 2026", "sleep_study_date", "2026-03-14"),
    ("Recording date 2026-03-14", "sleep_study_date", "2026-03-14"),
    ("Diagnostic polysomnogram", "sleep_study_type", "psg"),
    ("Split-night study", "sleep_study_type", "psg"),
    ("Home sleep apnea test (HSAT)", "sleep_study_type", "hsat"),
    ("WatchPAT recording", "sleep_study_type", "hsat"),
    ("Interpreting physician: Dr. Test Sleepwell, MD NPI 1234567893", "interpreting_physician",
     {"name": "Test Sleepwell", "npi": "1234567893"}),
    ("Interpreted by: Test Sleepwell, DO, FAASM\nNPI: 1234567893", "interpreting_physician",
     {"name": "Test Sleepwell", "npi": "1234567893"}),
    ("Ordering provider: Test Orderly, MD", "ordering_physician", {"name": "Test Orderly", "npi": None}),
    ("Ordered by Dr. Test Orderly NPI # 1234567893", "ordering_physician", {"name": "Test Orderly", "npi": "1234567893"}),
    ("Order date: 02/11/2026", "order_date", "2026-02-11"),
    ("Face-to-face visit on 02/10/2026", "face_to_face_date", "2026-02-10"),
    ("Face to face evaluation date: Feb 10, 2026", "face_to_face_date", "2026-02-10"),
    ("Sleep clinic new patient\nDOS: 02/10/2026\nHPI: snoring", "face_to_face_date", "2026-02-10"),
    ("Telemedicine video visit 2/10/26. CC: witnessed apneas", "face_to_face_date", "2026-02-10"),
    ("Appliance delivered on 05/01/2026", "delivery_date", "2026-05-01"),
    ("Delivery date: 2026-05-01", "delivery_date", "2026-05-01"),
    ("Patient failed CPAP.", "cpap_intolerance", True),
    ("Unable to tolerate CPAP due to mask leaks and claustrophobia.", "cpap_intolerance", True),
    ("She is CPAP intolerant.", "cpap_intolerance", True),
    ("Could not tolerate\nCPAP mask", "cpap_intolerance", True),
    ("Completed a CPAP trial in 2024.", "cpap_trial", True),
    ("Patient tried CPAP for two months.", "cpap_trial", True),
    ("Epworth Sleepiness Scale: 14/24", "epworth", 14),
    ("ESS score of 11", "epworth", 11),
    ("Sleepiness questionnaire (ESS): 13", "epworth", 13),  # the label closed by its bracket
    ("ESS recorded today at 9", "epworth", 9),  # words of when and how between label and value
    ("pRDI: 13.4 /hr", "rdi", 13.4),
    ("Not a candidate for CPAP (severe claustrophobia).", "cpap_intolerance", True),
    ("Hinged mandibular advancement appliance", "appliance_hinge", "yes"),
    ("Non-hinged oral appliance (E0486)", "appliance_hinge", "no"),
    ("Reports excessive daytime sleepiness.", "sleep_symptom", "daytime_sleepiness"),
    ("Wife reports loud snoring.", "sleep_symptom", "snoring"),
    ("Witnessed apneas by bed partner.", "sleep_symptom", "witnessed_apneas"),
    ("PMH: HTN", "comorbidity", "hypertension"),
    ("Type 2 diabetes mellitus", "comorbidity", "diabetes"),
    ("Atrial fibrillation on anticoagulation", "comorbidity", "atrial_fibrillation"),
    ("BMI: 32.4", "bmi", 32.4),
    # tmd
    ("max interincisal opening 28 mm", "max_opening_mm", 28.0),
    ("MIO 28mm", "max_opening_mm", 28.0),
    ("Maximum opening: 3.5 cm", "max_opening_mm", 35.0),
    ("Opening limited to 22 mm with deviation to the left", "max_opening_mm", 22.0),
    ("Pain 6/10", "pain_score", 6),
    ("VAS 7", "pain_score", 7),
    ("Rates her jaw pain as 8 out of 10", "pain_score", 8),
    ("Jaw pain when chewing", "pain", True),
    ("clicking R TMJ", "joint_sounds", {"sound": "click", "side": "right"}),
    ("crepitus bilaterally on opening", "joint_sounds", {"sound": "crepitus", "side": "bilateral"}),
    ("Left TMJ popping", "joint_sounds", {"sound": "pop", "side": "left"}),
    ("Jaw pain for 8 months", "symptom_duration_days", 240),
    ("TMJ symptoms x 3 weeks", "symptom_duration_days", 21),
    ("Jaw pain since January", "symptom_duration_days", 120),
    ("Tried ibuprofen 600 mg without relief", "conservative_therapy", "nsaids"),
    ("Occlusal splint therapy was prescribed", "conservative_therapy", "occlusal_splint"),
    ("Treated with physical therapy", "conservative_therapy", "physical_therapy"),
    ("NSAIDs and a soft diet for 3 months without improvement", "conservative_therapy_days", 90),
    ("Right TMJ tenderness", "side", "right"),
    ("Bilateral TMJ arthralgia", "side", "bilateral"),
    # trauma
    ("Date of injury: 03/02/2026", "injury_date", "2026-03-02"),
    ("Patient fell off bicycle on 03/02/2026.", "injury_date", "2026-03-02"),
    ("Injured at school during recess", "injury_place", "at school"),
    ("Pt fell off bicycle", "injury_mechanism", "bicycle"),
    ("He was struck by a baseball", "injury_mechanism", "sports"),
    ("Motor vehicle accident, airbag deployed", "injury_mechanism", "motor_vehicle"),
    ("Assaulted outside a bar", "injury_mechanism", "assault"),
    ("Tripped and fell on the stairs", "injury_mechanism", "fall"),
    ("Teeth #8 and #9 fractured in the fall", "teeth_involved", ["8", "9"]),
    ("Avulsion of tooth #7-#9", "teeth_involved", ["7", "8", "9"]),
    ("Tooth 8 and 9 were sound prior to the injury.", "sound_before_injury", True),
    ("The teeth were intact before the accident.", "sound_before_injury", True),
    # pathology
    ("Lesion on the left lateral border of tongue", "lesion_site", "tongue_anterior"),
    ("Mass at the base of tongue", "lesion_site", "tongue_posterior"),
    ("Ulcer on the floor of mouth", "lesion_site", "floor_of_mouth"),
    ("White patch on the hard palate", "lesion_site", "palate"),
    ("Lesion on the uvula", "lesion_site", "palate"),
    ("Nodule in the mucobuccal fold", "lesion_site", "vestibule"),
    ("Mucocele of the lower lip", "lesion_site", "lip"),
    ("Lesion of the vermilion border", "lesion_site", "lip"),
    ("Specimen: buccal mucosa, biopsy", "lesion_site", "buccal_mucosa"),
    ("Lesion measuring 2 x 3 mm", "lesion_size_mm", 3.0),
    ("A 1.2 cm ulcerated mass", "lesion_size_mm", 12.0),
    ("Lesion present for 6 weeks", "lesion_duration_days", 42),
    ("DIAGNOSIS:\nSquamous papilloma, no dysplasia\nidentified.\n\nCOMMENT: none", "pathology_diagnosis",
     "Squamous papilloma, no dysplasia identified"),
    ("FINAL DIAGNOSIS: Irritation fibroma", "pathology_diagnosis", "Irritation fibroma"),
    ("Smokes 1 ppd", "tobacco_use", True),
    # referral / clearance
    ("Referred by Dr. Test Heartwell, Cardiology NPI 1234567893", "referral_source",
     {"name": "Test Heartwell", "npi": "1234567893", "specialty": "cardiology"}),
    ("Referring physician: Test Oncowell, MD (Radiation Oncology)", "referral_source",
     {"name": "Test Oncowell", "npi": None, "specialty": "oncology"}),
    ("Dental clearance prior to aortic valve replacement.", "planned_procedure", "aortic valve replacement"),
    ("Planned procedure: kidney transplant", "planned_procedure", "kidney transplant"),
    ("Surgery date: 04/20/2026", "planned_procedure_date", "2026-04-20"),
    ("Scheduled for hip replacement on 04/20/2026", "planned_procedure_date", "2026-04-20"),
    # procedure wording
    ("Lingual frenotomy performed", "frenum_action", "incision"),
    ("Maxillary labial frenectomy", "frenum_action", "excision"),
    ("Frenuloplasty with Z-plasty", "frenum_action", "plasty"),
    ("Fracture of the mandible", "jaw", "mandible"),
    ("Maxillary sinus lift", "jaw", "maxilla"),
    ("3 cm laceration of the chin", "laceration_length_cm", 3.0),
    ("Laceration measuring 15 mm", "laceration_length_cm", 1.5),
    # infection
    ("Right facial swelling", "swelling", True),
    ("Patient reports fever and chills", "fever", True),
    ("Temp 101.2 F", "temperature", 101.2),
    ("T: 38.5 C", "temperature", 101.3),
    ("Trismus noted", "trismus", True),
    # graft
    ("Ridge augmentation for an atrophic ridge", "graft_etiology", "atrophy"),
    ("Graft of a defect after tumor resection", "graft_etiology", "tumor"),
    ("Alveolar cleft graft", "graft_etiology", "cleft"),
    # reports
    ("PANORAMIC RADIOGRAPH REPORT\nFINDINGS: normal.\nIMPRESSION: Periapical radiolucency at #19.\n\nSigned", "radiology_impression",
     "Periapical radiolucency at #19"),
    ("Electronically signed by: Test Radiologist, MD on 03/15/2026", "report_signed", {"by": "Test Radiologist"}),
    ("Prior authorization #: PA2026-00123", "prior_authorization", "PA2026-00123"),
    ("Auth valid through 06/30/2026", "authorization_end_date", "2026-06-30"),
    ("Chief complaint: jaw pain on waking", "chief_complaint", "jaw pain on waking"),
    ("She reports difficulty chewing solid foods.", "functional_impairment", "difficulty chewing solid foods"),
]


@pytest.mark.parametrize(("text", "name", "expected"), READS, ids=[f"{name}-{i}" for i, (_, name, _) in enumerate(READS)])
def test_wording_reads_as_present_value(text, name, expected):
    assert expected in present_values(text, name)


def test_every_fact_name_has_a_wording_that_reads():
    from docservice.facts.vocabulary import VOCABULARY

    assert set(VOCABULARY) <= {name for _, name, _ in READS}


NEGATED = [
    ("Denies jaw pain.", "pain"),
    ("TMJ exam: no clicking.", "joint_sounds"),
    ("Negative for crepitus of the joints.", "joint_sounds"),
    ("Left TMJ clicking: none", "joint_sounds"),
    ("Without swelling or fever.", "swelling"),
    ("Without swelling or fever.", "fever"),
    ("Afebrile.", "fever"),
    ("Osteomyelitis ruled out; no trismus.", "trismus"),
    ("Patient tolerates CPAP well.", "cpap_intolerance"),
    ("Patient is not CPAP intolerant.", "cpap_intolerance"),
    ("Good CPAP compliance.", "cpap_intolerance"),
    ("Non-smoker.", "tobacco_use"),
    ("Denies tobacco use.", "tobacco_use"),
    ("Pain-free today.", "pain"),
    ("Pt denies snoring.", "sleep_symptom"),
    ("No history of trauma.", "injury_mechanism"),
    ("Has never tried CPAP.", "cpap_trial"),
]


@pytest.mark.parametrize(("text", "name"), NEGATED)
def test_denied_fact_is_kept_negated(text, name):
    facts = read(text, name)
    assert facts, "a denied fact is stored, not dropped"
    assert all(fact.negated for fact in facts)
    assert present_values(text, name) == []


HISTORICAL = [
    ("History of CPAP use.", "cpap_trial"),
    ("H/o jaw pain, resolved.", "pain"),
    ("Former smoker.", "tobacco_use"),
    ("Previous clicking of the left TMJ.", "joint_sounds"),
    ("Hx of TMJ pain.", "pain"),
]


@pytest.mark.parametrize(("text", "name"), HISTORICAL)
def test_past_fact_is_kept_historical(text, name):
    facts = read(text, name)
    assert facts and all(fact.historical for fact in facts)
    assert present_values(text, name) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Failed prior CPAP trial.", "cpap_intolerance"),  # the past failure is the fact a claim needs
        ("Prior CPAP trial in 2024.", "cpap_trial"),
        ("History of hypertension.", "comorbidity"),  # a chronic condition listed in the history is current
        ("Previously treated with an occlusal splint.", "conservative_therapy"),
        ("Jaw pain but no clicking.", "pain"),  # "but" ends the scope of a cue before it
        ("Denies fever, reports facial swelling.", "swelling"),
        ("Unable to tolerate CPAP.", "cpap_intolerance"),  # its own "unable" is not a denial
        ("Jaw pain with no further swelling.", "pain"),
    ],
)
def test_cue_outside_scope_leaves_fact_present(text, name):
    assert present_values(text, name), [(f.value, f.cue) for f in read(text, name)]


NEAR_MISSES = [
    # AHI goal / normal range is not the patient's AHI (decided: any goal/target/normal/treated AHI is skipped).
    ("AHI goal < 5", "ahi"),
    ("Target AHI of 5 with the appliance", "ahi"),
    ("Normal AHI is less than 5", "ahi"),
    ("Residual AHI 3.2 with appliance", "ahi"),
    ("Supine AHI 40.1", "ahi"),
    ("REM AHI: 35", "ahi"),
    ("Central AHI (cAHI): 0.4", "ahi"),  # central events are another index
    ("Dental progress note\nSeen in our office on 3/3/2026 to deliver the OSA appliance.", "face_to_face_date"),
    ("Not a candidate for physical therapy.", "cpap_intolerance"),
    # numbers of a date are not an AHI
    ("AHI 03/14/2026", "ahi"),
    ("AHI 3-14-26", "ahi"),
    # "CPAP" alone is not intolerance
    ("Discussed CPAP with the patient.", "cpap_intolerance"),
    ("CPAP", "cpap_intolerance"),
    ("Patient uses CPAP nightly.", "cpap_trial"),
    # finger widths are not millimetres
    ("Opens to 3 finger widths", "max_opening_mm"),
    ("MIO 28", "max_opening_mm"),
    # a pain score needs a pain context; dates are not scores
    ("Dose 5/10 mg", "pain_score"),
    ("Seen 6/10/2026 for jaw pain", "pain_score"),
    # "since January" without a document date is not a duration
    ("Jaw pain since January", "symptom_duration_days"),
    # an opening is not a lesion size
    ("Lesion noted; MIO 28 mm", "lesion_size_mm"),
    # a family member's hypertension is not the patient's
    ("Family history of hypertension", "comorbidity"),
    # a mandibular advancement device says nothing about the jaw operated on
    ("Mandibular advancement device", "jaw"),
    # the tongue with no lesion in the sentence
    ("Tongue thrust noted", "lesion_site"),
    ("Pain in the right ear", "joint_sounds"),
]


@pytest.mark.parametrize(("text", "name"), NEAR_MISSES)
def test_near_miss_does_not_read(text, name):
    reference = None if "since January" in text else REFERENCE
    found = [f for f in extract_text_facts(text, reference_date=reference) if f.name == name]
    assert found == []


def test_page_source_offsets_and_snippet():
    text = "Patient seen today.\nHSAT summary: REI 18 events/hour. Oxygen nadir 84%.\nPlan: oral appliance."
    (fact,) = read(text, "ahi", page=2)
    assert fact.page == 2 and fact.source == "document"
    assert text[fact.start:fact.end].startswith("REI")
    assert fact.snippet == "HSAT summary: REI 18 events/hour."


def test_snippet_is_at_most_300_characters():
    text = "Findings " + "with many words " * 60 + "AHI: 22.4 " + "and more words " * 60
    (fact,) = read(text, "ahi")
    assert len(fact.snippet) <= 300 and "AHI: 22.4" in fact.snippet


def test_ocr_fuzzy_match_has_lower_confidence():
    (clean,) = read("AHI: 22.4", "ahi")
    (fuzzy,) = read("AH1: 22.4", "ahi")
    assert fuzzy.value == clean.value and fuzzy.confidence < clean.confidence


def test_phrase_broken_over_lines_reads_with_lower_confidence():
    (broken,) = read("unable to tolerate\nCPAP", "cpap_intolerance")
    (whole,) = read("unable to tolerate CPAP", "cpap_intolerance")
    assert broken.confidence < whole.confidence


def test_cpap_intolerance_display_says_why():
    (fact,) = read("Unable to tolerate CPAP due to mask leaks.", "cpap_intolerance")
    assert "mask leaks" in fact.display


def test_an_ocr_slip_in_the_label_reads_less_surely():
    facts = [fact for fact in extract_text_facts("AH1: 12. Later in the report: AHI 22.4") if fact.name == "ahi"]
    surest = max(facts, key=lambda fact: fact.confidence)
    assert surest.value == 22.4


def test_appointment_source_is_kept():
    (fact,) = [f for f in extract_text_facts("Pt reports snoring", source="appointment") if f.name == "sleep_symptom"]
    assert (fact.source, fact.page) == ("appointment", None)


def test_empty_text_reads_nothing():
    assert extract_text_facts("") == [] and extract_text_facts(" \n ") == []


def test_a_sentence_names_the_lesions_own_site_first():
    """lesion_site `first_in_sentence`: later site words say where it spreads or what else is there."""
    text = "Firm nodule of the right buccal mucosa, 7 mm, which she bites; palate and gingiva normal."
    sites = [f.value for f in extract_text_facts(text) if f.name == "lesion_site" and f.present]
    assert sites == ["buccal_mucosa"]
    two = "Buccal mucosa nodule, 7 mm. Second lesion of the lateral tongue, 3 mm."
    assert [f.value for f in extract_text_facts(two) if f.name == "lesion_site" and f.present] == [
        "buccal_mucosa", "tongue_anterior"]


def test_a_recorded_date_long_after_the_text_was_written_is_a_misreading():
    """"December 18, 40 minutes" is no study in 2040; an authorization may well end after the letter."""
    text = "Study date: December 18, 40 minutes of supine sleep.\nAuthorization valid through 06/30/2027."
    facts = {f.name: f.value for f in extract_text_facts(text, reference_date=date(2026, 1, 5))}
    assert "sleep_study_date" not in facts
    assert facts["authorization_end_date"] == "2027-06-30"
    assert [f.value for f in extract_text_facts("Study date: 12/18/2025", reference_date=date(2026, 1, 5))
            if f.name == "sleep_study_date"] == ["2025-12-18"]


@pytest.mark.parametrize("text", [
    "Returned the CPAP machine after three weeks: could not sleep with the mask on.",
    "Gave up on auto-PAP within a month because of dry mouth.",
    "Wore CPAP less than an hour a night, then stopped.",
])
def test_how_pap_failed_in_either_order_is_cpap_intolerance(text):
    """A cue inside the words read ("could not") is their wording, not a denial of them."""
    found = [f for f in extract_text_facts(text) if f.name == "cpap_intolerance"]
    assert found and all(f.present for f in found), [(f.context, f.cue) for f in found]
