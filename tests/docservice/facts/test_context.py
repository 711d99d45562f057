"""Context-aware reading: the document's kind and head, coordinated lists under one cue, specific beats general.

Each behaviour has wordings that trip it and near ones that do not (none copied from the golden documents).
"""
from __future__ import annotations

from datetime import date

import pytest

from docservice.facts import extract_text_facts
from docservice.facts.store import document_date

REFERENCE = date(2026, 5, 1)


def facts_named(text: str, name: str, **kwargs) -> list:
    return [fact for fact in extract_text_facts(text, reference_date=REFERENCE, **kwargs) if fact.name == name]


def present_values(text: str, name: str, **kwargs) -> list:
    facts = extract_text_facts(text, reference_date=REFERENCE, **kwargs)
    return [fact.value for fact in facts if fact.name == name and fact.present]


# ----------------------------------------------------------------- labels with a bracketed note (tables)

@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Apnea Hypopnea Index (AHI, 4% desaturation rule): 27.3 events/h", "ahi", 27.3),
    ("AHI (events/hr)   19.8", "ahi", 19.8),
    ("Respiratory Disturbance Index (RDI, all stages): 22.0 /h", "rdi", 22.0),
])
def test_label_with_bracketed_note_reads(text, name, expected):
    assert present_values(text, name) == [expected]


def test_bracketed_note_does_not_turn_a_goal_into_the_result():
    assert present_values("Target AHI (with appliance): 4.0", "ahi") == []


# ----------------------------------------------------------------- prescriptions and physician orders

PRESCRIPTION = (
    "Test Town Internal Medicine\n"
    "Prescription\n"
    "Patient: Test Patient Alpha\n"
    "Date: 4/2/2026\n"
    "Custom mandibular repositioning appliance for moderate OSA.\n"
    "Dr. Test Prescriber Example, DO    NPI: 1234567893\n"
)


def test_prescription_date_and_signer_are_the_order():
    assert present_values(PRESCRIPTION, "order_date", kind="physician_order") == ["2026-04-02"]
    assert present_values(PRESCRIPTION, "ordering_physician", kind="physician_order") == [
        {"name": "Test Prescriber Example", "npi": "1234567893"}]


def test_unclassified_document_headed_rx_reads_as_an_order():
    assert present_values(PRESCRIPTION.replace("Prescription", "Rx"), "order_date") == ["2026-04-02"]


def test_a_chart_note_date_and_author_are_not_an_order():
    note = PRESCRIPTION.replace("Prescription", "Progress note")
    assert present_values(note, "order_date", kind="chart_note") == []
    assert present_values(note, "ordering_physician", kind="chart_note") == []
    assert present_values(note, "order_date") == []  # unknown kind, head says nothing of an order


# ----------------------------------------------------------------- face-to-face and delivery notes

def test_face_to_face_note_visit_date_is_the_face_to_face_date():
    note = "Test Sleep Associates\nFace-to-Face Sleep Evaluation\nDate of visit: 11/20/2025\nHPI: snoring."
    assert present_values(note, "face_to_face_date", kind="chart_note") == ["2025-11-20"]


def test_ordinary_visit_date_is_not_a_face_to_face_date():
    note = "Test Family Practice\nAnnual physical\nDate of visit: 11/20/2025\nHPI: knee pain."
    assert present_values(note, "face_to_face_date", kind="chart_note") == []


def test_delivery_note_date_of_service_is_the_delivery_date():
    note = ("Test Dental Sleep\nDOS: 04/10/2026\nOral appliance was seated and adjusted; "
            "patient signed the delivery receipt.")
    facts = extract_text_facts(note, kind="chart_note", reference_date=document_date(note))
    assert {fact.value for fact in facts if fact.name == "delivery_date" and fact.present} == {"2026-04-10"}


def test_impression_visit_date_is_not_a_delivery_date():
    note = "Test Dental Sleep\nDOS: 04/10/2026\nImpressions taken; the appliance will be delivered in 3 weeks."
    assert present_values(note, "delivery_date", kind="chart_note") == []
    for plan in ("Plan: seat the appliance next visit.", "The appliance was not delivered: the lab is late.",
                 "Delivery of the oral appliance is scheduled for next week."):
        assert present_values(f"Test Dental Sleep\nDOS: 04/10/2026\n{plan}", "delivery_date", kind="chart_note") == []


def test_a_delivery_recorded_without_a_date_takes_the_note_date():
    for note in ("04/10/2026 - OAT insert\nO: Seated the appliance, adjusted contacts.",
                 "Encounter 10-Apr-2026\nDispensed E0486 to patient; reviewed wear and cleaning.",
                 "Progress note\nDOB 01/01/1970   Date: 04/10/2026\nCustom mandibular advancement device delivered."):
        facts = extract_text_facts(note, kind="chart_note", reference_date=document_date(note))
        assert "2026-04-10" in [fact.value for fact in facts if fact.name == "delivery_date" and fact.present], note
    letter = "Letter of medical necessity\nDate: 04/20/2026\nThe oral appliance was delivered and is well tolerated."
    facts = extract_text_facts(letter, kind="narrative", reference_date=document_date(letter))
    assert [fact.value for fact in facts if fact.name == "delivery_date"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Appliance: two-piece device with a rigid hinge.", "yes"),
    ("Mandibular advancement device with mechanical hinges.", "yes"),
    ("Oral appliance without a fixed hinge; connected by elastic bands.", "no"),
    ("Device: not with a hinge, elastic connectors only.", "no"),
])
def test_hinge_wording(text, expected):
    assert set(present_values(text, "appliance_hinge")) == {expected}


def test_hinge_of_a_door_is_not_an_appliance_hinge():
    assert present_values("Fell against a cabinet with a broken hinge.", "appliance_hinge") == []


# ----------------------------------------------------------------- ordered is not performed

@pytest.mark.parametrize("text", [
    "Plan: polysomnography ordered.",
    "Recommend a home sleep apnea test.",
    "HSAT to be scheduled after insurance approval.",
])
def test_ordered_study_is_not_a_study_type(text):
    assert present_values(text, "sleep_study_type") == []


def test_performed_study_still_reads_its_type():
    assert present_values("Home sleep apnea test performed 03/01/2026.", "sleep_study_type") == ["hsat"]


# ----------------------------------------------------------------- radiology impression only from radiology

STUDY_WITH_IMPRESSION = "Test Sleep Lab\nSleep study report\nIMPRESSION: Moderate obstructive sleep apnea.\n"
IMAGING_WITH_IMPRESSION = "Test Imaging Group\nCBCT interpretation\nIMPRESSION: No periapical pathology.\n"


def test_sleep_study_impression_is_not_a_radiology_impression():
    assert present_values(STUDY_WITH_IMPRESSION, "radiology_impression", kind="sleep_study") == []
    assert present_values(STUDY_WITH_IMPRESSION, "radiology_impression") == []  # unknown kind, sleep head


def test_radiology_impression_reads_from_kind_or_imaging_head():
    assert present_values(IMAGING_WITH_IMPRESSION, "radiology_impression", kind="radiology_report") == [
        "No periapical pathology"]
    assert present_values(IMAGING_WITH_IMPRESSION, "radiology_impression") == ["No periapical pathology"]
    assert present_values(IMAGING_WITH_IMPRESSION, "radiology_impression", kind="chart_note") == []


def test_a_physicians_letter_dates_the_visit_in_its_own_words():
    letter = "Dear colleague,\nWe evaluated Ms. Test at our sleep center on Feb 10, 2026 because of snoring."
    assert present_values(letter, "face_to_face_date", kind="referral") == ["2026-02-10"]
    assert present_values(letter, "face_to_face_date", kind="sleep_study") == []


def test_the_dentists_written_reading_of_a_film_in_the_visit_note_is_its_interpretation():
    note = "Exam: #31 mobile.\nPanoramic film reveals a 15 mm radiolucency around the crown of #32.\nPano taken today."
    assert present_values(note, "radiology_impression", kind="chart_note") == [
        "a 15 mm radiolucency around the crown of #32"]
    assert present_values(note, "radiology_impression", kind="sleep_study") == []


# ----------------------------------------------------------------- negation over a coordinated list

@pytest.mark.parametrize(("text", "name", "value"), [
    ("Denies diabetes, atrial fibrillation or heart failure.", "comorbidity", "heart_failure"),
    ("Negative for snoring, insomnia, irritability and memory loss.", "sleep_symptom", "impaired_cognition"),
    ("Neither hypertension nor diabetes.", "comorbidity", "diabetes"),
    ("Never tried ice, warm compresses or a soft diet.", "conservative_therapy", "soft_diet"),
    ("No prior NSAIDs, muscle relaxants or jaw exercises.", "conservative_therapy", "jaw_exercises"),
])
def test_cue_reaches_the_last_item_of_a_list(text, name, value):
    found = [fact for fact in facts_named(text, name) if fact.value == value]
    assert found and all(fact.negated for fact in found)


@pytest.mark.parametrize(("text", "name", "value"), [
    ("No fever, but has diabetes and obesity.", "comorbidity", "obesity"),
    ("No chest pain was noted, patient has atrial fibrillation and heart failure.", "comorbidity", "heart_failure"),
    ("Denies headaches; tried a night guard and physical therapy.", "conservative_therapy", "physical_therapy"),
])
def test_a_new_clause_ends_the_list(text, name, value):
    assert value in present_values(text, name)


def test_has_not_tried_negates_a_following_list():
    text = "She has not tried ibuprofen, a bite splint or physiotherapy for her jaw."
    assert {fact.value for fact in facts_named(text, "conservative_therapy") if fact.negated} == {
        "nsaids", "occlusal_splint", "physical_therapy"}


def test_therapy_tried_stays_present():
    assert "physical_therapy" in present_values("Has tried physiotherapy and ibuprofen without relief.",
                                                "conservative_therapy")


# ----------------------------------------------------------------- durations

@pytest.mark.parametrize(("text", "name", "days"), [
    ("Non-healing ulcer of the lateral tongue x 3 weeks.", "lesion_duration_days", 21),
    ("Firm nodule on the buccal mucosa, present for approximately six weeks.", "lesion_duration_days", 42),
    ("Exophytic growth of 3 months' duration on the palate.", "lesion_duration_days", 90),
    ("Two-month history of a red patch on the floor of mouth.", "lesion_duration_days", 60),
    ("Painless lump on the lower lip for a couple of weeks.", "lesion_duration_days", 14),
    ("Right jaw pain for roughly 4 months.", "symptom_duration_days", 120),
    ("TMJ clicking of about a year's duration.", "symptom_duration_days", 365),
])
def test_duration_wordings(text, name, days):
    assert present_values(text, name) == [days]


def test_lesion_duration_is_not_a_symptom_duration():
    text = "Sore white plaque on the gingiva for about 5 weeks."
    assert present_values(text, "lesion_duration_days") == [35]
    assert present_values(text, "symptom_duration_days") == []


def test_duration_without_a_lesion_is_not_a_lesion_duration():
    assert present_values("Jaw pain for 2 months.", "lesion_duration_days") == []


# ----------------------------------------------------------------- place and mechanism of injury

@pytest.mark.parametrize(("text", "contains"), [
    ("Tripped over a curb at the public library parking garage.", "parking garage"),
    ("Injury occurred at her aunt's swimming pool on 04/02/2026.", "swimming pool"),
    ("Hit by a hockey puck while at the ice arena.", "ice arena"),
    ("Place of injury: middle school cafeteria", "middle school cafeteria"),
])
def test_place_of_injury(text, contains):
    values = present_values(text, "injury_place")
    assert values and contains in values[0]


def test_time_of_day_is_not_a_place():
    assert present_values("Fell at about 6 pm yesterday.", "injury_place") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Was thrown from his bike and fell onto the curb.", "bicycle"),
    ("Fell during a soccer game; sports-related injury.", "sports"),
    ("Fell after being punched in the face.", "assault"),
    ("Motor vehicle collision; fell out of the car.", "motor_vehicle"),
])
def test_specific_mechanism_beats_fall(text, expected):
    assert set(present_values(text, "injury_mechanism")) == {expected}


def test_plain_fall_stays_a_fall():
    assert set(present_values("Slipped and fell in the bathroom.", "injury_mechanism")) == {"fall"}


# ----------------------------------------------------------------- infant and maternal wording

def test_click_while_nursing_is_not_a_joint_sound():
    assert facts_named("Audible clicking during nursing and poor latch.", "joint_sounds") == []


def test_click_on_opening_is_a_joint_sound():
    assert present_values("Audible clicking on opening.", "joint_sounds") == [{"sound": "click", "side": None}]


def test_click_in_a_tmd_exam_counts_with_less_confidence():
    text = "TMD examination\nMIO 38 mm.\nReciprocal clicking noted."
    found = facts_named(text, "joint_sounds")
    assert found and found[0].confidence < 0.9


def test_mothers_pain_is_not_the_patients():
    assert present_values("Mother reports painful nursing and sore nipples.", "pain") == []
    assert present_values("Ibuprofen 400 mg as needed for pain.", "pain") == []


def test_patients_pain_reads():
    assert present_values("Left jaw pain on chewing, worse when feeding the baby at night.", "pain")
    assert present_values("Constant aching over the masseter.", "pain")


def test_painless_is_no_pain():
    assert [fact.negated for fact in facts_named("Painless swelling of the palate.", "pain")] == [True]


@pytest.mark.parametrize("text", [
    "Mother has nipple trauma from the shallow latch.",
    "Occlusal trauma on #30 from bruxism.",
])
def test_trauma_that_is_not_the_patients_injury(text):
    assert present_values(text, "injury_mechanism") == []


def test_patients_trauma_reads():
    assert present_values("Dental trauma to #8 last week.", "injury_mechanism") == ["other"]


# ----------------------------------------------------------------- referral letters and planned dates

LETTER = (
    "TEST HEART CENTER - CARDIOLOGY\n"
    "April 3, 2026\n"
    "Re: Test Patient Bravo\n"
    "Dear Dr. Dentist,\n"
    "Ms. Bravo is scheduled to undergo mitral valve replacement on 05/20/2026. Please clear her dentally.\n"
    "Best regards,\n"
    "Test Cardiologist Example, MD\n"
    "NPI 1234567893\n"
)


def test_referral_letter_signer_is_the_referral_source():
    assert present_values(LETTER, "referral_source", kind="referral") == [
        {"name": "Test Cardiologist Example", "npi": "1234567893", "specialty": "cardiology"}]
    assert present_values(LETTER, "referral_source")  # unknown kind: the head says it is a letter


def test_a_progress_note_signer_is_not_a_referral_source():
    note = LETTER.replace("Dear Dr. Dentist,", "Progress note").replace("Re: ", "Patient: ")
    assert present_values(note, "referral_source", kind="chart_note") == []


@pytest.mark.parametrize(("text", "expected"), [
    (LETTER, "2026-05-20"),
    ("Chemotherapy starts on 06/01/2026.", "2026-06-01"),
    ("Anticipated transplant date: 07/15/2026", "2026-07-15"),
    ("She is set to begin radiation therapy to the neck on June 8, 2026.", "2026-06-08"),
])
def test_planned_procedure_date(text, expected):
    assert present_values(text, "planned_procedure_date") == [expected]


def test_past_procedure_date_is_not_planned():
    assert present_values("Radiation therapy completed on 01/10/2025.", "planned_procedure_date") == []


def test_planned_procedure_from_scheduled_to_begin():
    assert present_values("Scheduled to begin chemotherapy on 06/01/2026.", "planned_procedure") == ["chemotherapy"]


# ----------------------------------------------------------------- broad single words

def test_swelling_instructions_are_not_swelling():
    assert present_values("Ice packs to reduce swelling for 24 hours.", "swelling") == []


def test_bare_swelling_reads_less_surely_than_located_swelling():
    bare = facts_named("Swelling noted.", "swelling")[0]
    located = facts_named("Buccal swelling noted.", "swelling")[0]
    assert bare.confidence < located.confidence


def test_jaw_adjective_reads_less_surely_than_the_bone():
    adjective = facts_named("Mandibular molar extracted.", "jaw")[0]
    noun = facts_named("Fracture of the mandible.", "jaw")[0]
    assert adjective.confidence < noun.confidence
    assert facts_named("Inferior alveolar and mandibular nerve block given.", "jaw") == []


# ----------------------------------------------------------------- who signed, rows that add up, a physician's visit

def test_a_sleep_study_signer_is_its_interpreting_physician():
    text = ("Polysomnography report\nAHI 12.6\nReport reviewed and electronically signed by Test Reader Bravo, DO "
            "(Sleep Medicine), NPI: 2345678909")
    assert present_values(text, "interpreting_physician", kind="sleep_study") == [
        {"name": "Test Reader Bravo", "npi": "2345678909"}]
    assert present_values(text, "interpreting_physician", kind="chart_note") == []  # a note's signer is its author
    labelled = "HSAT summary\npAHI 9.1\nE-signed: Test Reader Bravo MD on 02/02/2026"
    assert [v["name"] for v in present_values(labelled, "interpreting_physician", kind="sleep_study")] == [
        "Test Reader Bravo"]


@pytest.mark.parametrize("signature", [
    "Physician signature: Test Orderer Charlie, MD    Date: 01/20/2026\nNPI 3456789014",
    "Provider: Test Orderer Charlie, M.D.\nNPI#3456789014",
])
def test_an_orders_signer_with_an_npi_below_is_the_ordering_physician(signature):
    text = f"Rx\nOral appliance for OSA (G47.33)\n{signature}"
    assert present_values(text, "ordering_physician", kind="physician_order") == [
        {"name": "Test Orderer Charlie", "npi": "3456789014"}]


def test_apnea_and_hypopnea_rows_add_up_to_the_events_when_no_total_is_given():
    table = ("Respiratory summary\n               Count  Index\nObstructive apneas  40   5.8\n"
             "Central apneas      2    0.3\nHypopneas          101  14.6\nAHI 20.7")
    assert present_values(table, "respiratory_events", kind="sleep_study") == [143]
    assert present_values(table + "\nTotal respiratory events: 150", "respiratory_events", kind="sleep_study") == [150]


def test_a_physicians_visit_about_snoring_is_the_face_to_face_evaluation():
    note = ("Test Pulmonary & Sleep Associates\nOffice visit 11/18/2025\n"
            "Chief complaint: snoring and witnessed apneas, daytime sleepiness.")
    facts = extract_text_facts(note, kind="chart_note", reference_date=document_date(note))
    assert [fact.value for fact in facts if fact.name == "face_to_face_date" and fact.present] == ["2025-11-18"]
    dental = note.replace("Test Pulmonary & Sleep Associates", "Test Dental Sleep Medicine, DDS")
    facts = extract_text_facts(dental, kind="chart_note", reference_date=document_date(dental))
    assert [fact.value for fact in facts if fact.name == "face_to_face_date"] == []


def test_the_event_count_beside_its_index():
    assert present_values("REI 9.6/h (68 events over 7.1 h of monitoring)", "respiratory_events",
                          kind="sleep_study") == [68]
    assert present_values("AHI 9.6 events/h", "respiratory_events", kind="sleep_study") == []  # a rate, no count


def test_cpap_named_before_the_intolerance():
    assert present_values("Tried CPAP for 4 months, unable to tolerate due to claustrophobia.", "cpap_intolerance")


@pytest.mark.parametrize(("text", "expected"), [
    ("Please evaluate for dental clearance prior to IMRT to the oropharynx.", "IMRT to the oropharynx"),
    ("Extraction of non-restorable teeth before his kidney transplant.", "kidney transplant"),
    ("Chemoradiation to begin 03/01/2026; please clear.", "Chemoradiation"),
])
def test_the_treatment_a_clearance_prepares_for(text, expected):
    assert expected in present_values(text, "planned_procedure")
