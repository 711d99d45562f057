"""Terms made of concepts (flag_note_terms.yaml `concepts`, `all_of`): any word order, one sentence or the note."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("note", [
    "Dr. Test (PCP) asked for a panoramic film to rule out a jaw lesion",
    "Pano per ENT request to r/o mandibular mass",
    "ENT wants CBCT",
    "CBCT the oncologist ordered before treatment",
])
def test_imaging_a_physician_asked_for_in_any_word_order(decide, categories_of, note):
    assert "imaging" in categories_of(decide(note, ["D0330"], []))


@pytest.mark.parametrize("note", [
    "Recall exam, FMX and pano taken per office protocol. No caries.",
    "Pano reviewed: no radiolucency, no pathology noted.",
    "Insurance requested FMX every 5 yrs.",
    "Pt asked for x-rays to be sent to new dentist.",
    "Physician letter on file. Pano taken.",  # the physician and the film in different sentences
])
def test_routine_films_are_not_medical_imaging(decide, categories_of, note):
    assert "imaging" not in categories_of(decide(note, ["D0330"], []))


@pytest.mark.parametrize("note", [
    "Hx of head and neck radiation (2024). Fabricated custom fluoride trays today.",
    "Completed XRT for base of tongue ca last spring. Impressions for fl trays.",
    "fluoride carriers, s/p IMRT",
])
def test_fluoride_carriers_after_radiation_anywhere_in_the_note(decide, categories_of, note):
    assert categories_of(decide(note, ["D1110"], [])) == {"maxillofacial": "possible"}


@pytest.mark.parametrize("note", [
    "Pt asked about fluoride trays. No history of radiation.",
    "Fluoride trays for caries. Pt's mother had radiation for breast cancer.",
    "Custom fluoride trays delivered.",
])
def test_fluoride_carriers_without_the_patients_radiation_are_dental(decide, categories_of, note):
    assert "maxillofacial" not in categories_of(decide(note, ["D1110"], []))


def test_an_er_visit_is_no_injury_by_itself(decide, categories_of):
    assert categories_of(decide("Pt was seen at ER last week for kidney stone; here for cleaning", ["D1110"], [])) == {}
    assert categories_of(decide("Went to ER for chest pain, unrelated to teeth.", ["D0140"], [])) == {}
    assert "trauma" in categories_of(decide("Fell off bike, seen at ER, #8 fractured", ["D0140"], []))


def test_a_visit_after_jaw_surgery_is_about_it(decide, categories_of):
    assert "orthognathic" in categories_of(decide("Post op check 2 wks after BSSO, wires ok", ["D0171"], []))



@pytest.mark.parametrize("note", [
    "Remove #18 and #31 to clear her before her liver transplant.",
    "Pre-op for MVR next month: extract hopeless #4 to clear him.",
    "Kidney transplant workup pending; oncology wants exts done prior to it",
])
def test_dental_work_to_ready_the_patient_for_a_major_treatment_is_a_clearance(decide, categories_of, note):
    assert "clearance" in categories_of(decide(note, ["D7140"])), note


@pytest.mark.parametrize("note", [
    "Hx of valve replacement; extractions today, cleared by his cardiologist.",
    "s/p kidney transplant 2019, periodic exam and prophy.",
])
def test_a_past_treatment_or_the_physicians_ok_is_not_a_clearance(decide, categories_of, note):
    assert "clearance" not in categories_of(decide(note, ["D0120", "D1110"])), note
