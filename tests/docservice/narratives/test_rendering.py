"""Each letter renders from the records only: placeholders for gaps, negatives stated as negatives, medical wording."""
from __future__ import annotations

import re

import pytest
from flask import Flask
from jinja2.exceptions import SecurityError, UndefinedError

from docservice.config import load_config
from docservice.models import Fact
from docservice.narratives import Missing, build_context, render_body
from docservice.narratives.rendering import DEFAULT_TEMPLATES, current_vocabulary, make_environment


BANNED = re.compile(r"\b(cosmetic|routine|elective)\b", re.IGNORECASE)
MANUAL = set(current_vocabulary([DEFAULT_TEMPLATES]).manual)
# Facts each letter needs; an empty case must show each as a placeholder.
REQUIRED = {
    "sleep": {"ahi", "respiratory_events", "sleep_study_date", "interpreting_physician", "ordering_physician",
              "order_date", "cpap_intolerance", "functional_impairment"},
    "tmd": {"max_opening_mm", "symptom_duration_days", "conservative_therapy", "conservative_therapy_days"},
    "trauma": {"injury_date", "injury_mechanism", "injury_place", "teeth_involved", "sound_before_injury"},
    "pathology": {"lesion_site", "lesion_size_mm", "lesion_duration_days"},
    "infection": {"infection_findings"},
    "bone_graft": {"graft_etiology", "jaw", "radiology_impression"},
    "frenum": {"frenum_action"},
    "clearance": {"referral_source", "planned_procedure", "planned_procedure_date"},
    "general": {"functional_impairment"},
}
CASE_FIELDS = {"patient_name", "patient_birthdate", "payer_name", "member_id", "lines", "diagnoses", "rendering_provider"}


def render(case, facts, claim=None, crosswalk=None):
    context = build_context(case, facts, claim, crosswalk)
    return render_body(context, category=case.category)


def assert_clean(body: str) -> None:
    assert not re.search(r"\b(None|nan|NaN|null|Undefined)\b", body)
    for bad in ("{{", "{%", "}}", "%}"):
        assert bad not in body, bad
    assert not BANNED.search(body)


def test_a_complete_case_leaves_only_what_the_dentist_must_write(complete_narrative_facts, narrative_case, narrative_claim, narrative_facts, narrative_category, narrative_crosswalk):
    rendered = render(narrative_case(narrative_category), narrative_facts(narrative_category), narrative_claim(), narrative_crosswalk)
    assert_clean(rendered.body)
    left = {item["field"] for item in rendered.placeholders}
    assert left <= MANUAL, left - MANUAL
    expected_template = "general.md.j2" if narrative_category == "general" else f"{narrative_category}.md.j2"
    assert rendered.template == expected_template
    for name, _ in complete_narrative_facts[narrative_category][:1]:
        assert f"[MISSING: {current_vocabulary().wording(name).label}]" not in rendered.body
    # SOAP order and the letter's frame
    positions = [rendered.body.index(heading) for heading in
                 ("## Request", "## Subjective", "## Objective", "## Assessment", "## Plan", "## Prognosis",
                  "## Enclosures", "## Attestation")]
    assert positions == sorted(positions)
    assert rendered.body.startswith("To: Medical Review / Utilization Management, Test Health Plan")
    assert "We request coverage of E0486-NU-KX for the diagnosis of G47.33" in rendered.body
    subjective = rendered.body.split("## Subjective", 1)[1]
    assert subjective.lstrip().startswith(("Functional impairment: unable to chew", "The patient is referred"))


def test_an_empty_case_shows_every_gap_and_invents_nothing(narrative_case, narrative_category):
    rendered = render(narrative_case(narrative_category, complete=False), [])
    assert_clean(rendered.body)
    fields = {item["field"] for item in rendered.placeholders}
    assert REQUIRED[narrative_category] - {"functional_impairment"} <= fields
    assert CASE_FIELDS <= fields
    for item in rendered.placeholders:
        assert f"[MISSING: {item['label']}]" in rendered.body
    assert not re.search(r"\b\d+(\.\d+)? (mm|events per hour|cm)\b", rendered.body)


@pytest.mark.parametrize("category", ["impacted", "orthognathic", "maxillofacial", "imaging", "", "unknown"])
def test_categories_without_a_letter_of_their_own_use_the_general_one(narrative_case, narrative_facts, category):
    case = narrative_case("general")
    case.category = category
    assert render(case, narrative_facts("general")).template == "general.md.j2"


def test_denied_and_past_findings_never_read_as_present(narrative_case):
    case = narrative_case("tmd")
    facts = [Fact(name="pain", value=True, negated=True, source="appointment"),
             Fact(name="comorbidity", value="hypertension", historical=True, source="appointment"),
             Fact(name="tobacco_use", value=True, negated=True, historical=True, source="appointment"),
             Fact(name="max_opening_mm", value=40, negated=True, source="appointment")]
    body = render(case, facts).body
    assert "The patient denies jaw pain." in body
    assert "The patient reports jaw pain" not in body
    assert "History of hypertension." in body
    assert "The patient denies tobacco use." in body
    assert "40 mm" not in body
    assert "[MISSING: maximum interincisal opening (mm)]" in body


def test_a_finding_present_now_is_not_also_denied(narrative_case):
    facts = [Fact(name="pain", value=True, negated=True, source="appointment"),
             Fact(name="pain", value=True, document_id=11, page=1, source="document"),
             Fact(name="pain_score", value=6, document_id=11, page=1, source="document")]
    body = render(narrative_case("tmd"), facts).body
    assert "The patient reports jaw pain rated 6 of 10 (sleep study report, p. 1)." in body
    assert "denies jaw pain" not in body


def test_values_are_cited_with_their_document_and_page(narrative_case, narrative_claim, narrative_facts, narrative_crosswalk):
    body = render(narrative_case("sleep"), narrative_facts("sleep"), narrative_claim(), narrative_crosswalk).body
    assert ("Sleep study (in-laboratory polysomnography) of January 10, 2026, interpreted by Test Sleep Reader, "
            "NPI 1234567893: AHI 22 events per hour, with 140 events in total (sleep study report, p. 2).") in body
    assert "Medicare policy L33611" in body
    assert "the sleep study shows an AHI/RDI of at least 15 events per hour with at least 30 recorded events" in body
    assert "- Sleep study report (PWK DG)" in body
    assert "- Clinical notes" in body


def test_a_sleep_study_below_the_threshold_is_not_said_to_meet_it(narrative_case, narrative_claim, narrative_facts, narrative_crosswalk):
    facts = [f for f in narrative_facts("sleep") if f.name not in ("ahi", "sleep_symptom")]
    facts.append(Fact(name="ahi", value=9.0, document_id=11, page=2, source="document"))
    body = render(narrative_case("sleep"), facts, narrative_claim(), narrative_crosswalk).body
    assert "AHI 9 events per hour" in body
    assert "the sleep study shows" not in body


def test_a_required_attachment_absent_is_a_placeholder(narrative_case, narrative_claim, narrative_facts, narrative_crosswalk):
    case = narrative_case("pathology")
    case.documents = [d for d in case.documents if d.kind != "pathology_report"]
    claim = narrative_claim()
    claim.lines[0].code = "41100"
    rendered = render(case, narrative_facts("pathology"), claim, narrative_crosswalk)
    assert "- [MISSING: Pathology report]" in rendered.body
    assert {"field": "attachment:pathology_report", "label": "Pathology report"} in rendered.placeholders


def test_a_missing_value_renders_as_a_marker_and_is_false():
    gap = Missing("ahi", "AHI")
    assert str(gap) == "[MISSING: AHI]" and not gap


def test_templates_cannot_reach_python_internals_or_unknown_names():
    environment = make_environment([DEFAULT_TEMPLATES])
    with pytest.raises(SecurityError):
        environment.from_string("{{ x.__class__.__mro__[1].__subclasses__() }}").render(x=Missing("a", "b"))
    with pytest.raises(UndefinedError):
        environment.from_string("{{ fact.no_such_fact }}").render(fact={})


def test_a_practice_folder_overrides_one_template(narrative_case, narrative_facts, tmp_path, monkeypatch):
    (tmp_path / "sleep.md.j2").write_text("{% extends 'base.md.j2' %}{% block prognosis %}Practice wording.{% endblock %}")
    monkeypatch.setenv("MEDLANE_NARRATIVE_TEMPLATES", str(tmp_path))
    app = Flask(__name__)
    app.config.update(load_config({"MEDLANE_HOME": tmp_path / "home"}))
    with app.app_context():
        body = render(narrative_case("sleep"), narrative_facts("sleep")).body
        assert "Practice wording." in body
        assert "## Enclosures" in body  # the rest still comes from the default folder
        assert render(narrative_case("tmd"), narrative_facts("tmd")).template == "tmd.md.j2"
