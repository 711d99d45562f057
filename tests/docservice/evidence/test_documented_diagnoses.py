"""Diagnoses written in the documents count as documented; findings the documents deny contradict a claim."""
from __future__ import annotations

import pytest

from docservice.checks import run_checks
from docservice.claims import build_claim

G4733_DOCUMENTS = (
    ("sleep_study", "POLYSOMNOGRAPHY REPORT\nIMPRESSION: Moderate obstructive sleep apnea (G47.33).\n"),
    ("physician_order", "STANDARD WRITTEN ORDER\nDiagnosis: G47.33 Obstructive sleep apnea (adult)\n"),
    ("chart_note", "SLEEP MEDICINE CONSULTATION\nAssessment: obstructive sleep apnea, G47.33.\n"),
)


def _rules(report, rule_id, severity=None):
    return [f for f in report.findings if f.rule == rule_id and (severity is None or f.severity == severity)]


@pytest.fixture
def osa_documented(sleep_records, make_document):
    """A sleep case whose problem list has only snoring (R06.83) and whose three documents write G47.33."""

    def make():
        case, facts = sleep_records()
        case.problems[0].icd10 = "R06.83"
        case.documents.extend(make_document(kind, text=text) for kind, text in G4733_DOCUMENTS)
        return case, facts

    return make


def test_a_documented_g4733_supports_e0486(crosswalk, osa_documented):
    case, facts = osa_documented()
    claim = build_claim(case, facts, crosswalk)
    principal = claim.diagnoses[0]
    assert principal["code"] == "G47.33" and principal["source"] == "document"
    report = run_checks(case, claim, facts, crosswalk)
    assert not _rules(report, "dx-does-not-support") and not _rules(report, "dx-unconfirmed")


def test_a_saved_suggestion_counts_once_the_documents_write_it(crosswalk, osa_documented, sleep_records):
    bare_case, facts = sleep_records()
    bare_case.problems[0].icd10 = "R06.83"
    claim = build_claim(bare_case, facts, crosswalk)  # built before any document said it: a suggestion
    suggested = next(d for d in claim.diagnoses if d["code"] == "G47.33")
    assert suggested["source"] == "crosswalk"
    assert _rules(run_checks(bare_case, claim, facts, crosswalk), "dx-does-not-support", "error")
    case, _ = osa_documented()
    report = run_checks(case, claim, facts, crosswalk)
    assert not _rules(report, "dx-does-not-support") and not _rules(report, "dx-unconfirmed")


def test_a_suspected_diagnosis_does_not_support(crosswalk, sleep_records, make_document):
    case, facts = sleep_records()
    case.problems[0].icd10 = "R06.83"
    case.documents.append(make_document("chart_note", text="Assessment: suspected obstructive sleep apnea.\n"))
    claim = build_claim(case, facts, crosswalk)
    assert next(d for d in claim.diagnoses if d["code"] == "G47.33")["source"] == "crosswalk"
    assert _rules(run_checks(case, claim, facts, crosswalk), "dx-does-not-support", "error")


# ------------------------------------------------------------------------------------ contradictions


@pytest.fixture
def tmd_records(make_case, make_document, make_fact):
    """A TMD orthotic case (left arthralgia, M26.622) whose exam documents jaw pain and 6 weeks of therapy."""

    def make(*, problem="M26.622", extra_text=""):
        exam = make_document("chart_note", text="TMD EXAM\nAssessment: arthralgia of the left temporomandibular "
                                                "joint.\n")
        case = make_case("tmd", procedures=(("D7880", "occlusal orthotic device"),), problems=(problem,),
                         carrier="Synthetic Mutual PPO", documents=[exam])
        facts = [make_fact("pain", True, document=exam), make_fact("side", "left", document=exam),
                 make_fact("max_opening_mm", 32.0, document=exam),
                 make_fact("symptom_duration_days", 120, document=exam),
                 make_fact("conservative_therapy", "nsaids", document=exam),
                 make_fact("conservative_therapy_days", 42, document=exam),
                 make_fact("joint_sounds", {"sound": "click", "side": "left"}, document=exam)]
        if extra_text:
            case.documents.append(make_document("chart_note", text=extra_text))
        return case, facts

    return make


def test_a_note_that_denies_the_pain_a_tmd_claim_rests_on_is_an_error(crosswalk, tmd_records, make_fact):
    case, facts = tmd_records()
    claim = build_claim(case, facts, crosswalk)
    assert not _rules(run_checks(case, claim, facts, crosswalk), "element-contradicted")
    denial = make_fact("pain", True, document=case.documents[0], context="negated", snippet="denies jaw pain")
    report = run_checks(case, claim, [*facts, denial], crosswalk)
    assert [f.severity for f in _rules(report, "element-contradicted")] == ["error"] and not report.ready


def test_no_clicking_contradicts_a_disc_displacement(crosswalk, tmd_records, make_fact):
    case, facts = tmd_records(problem="M26.632")
    facts = [f for f in facts if f.name != "joint_sounds"]
    claim = build_claim(case, facts, crosswalk)
    assert not _rules(run_checks(case, claim, facts, crosswalk), "element-contradicted")
    no_click = make_fact("joint_sounds", {"sound": "click", "side": None}, document=case.documents[0],
                         context="negated", snippet="No clicking")
    (finding,) = _rules(run_checks(case, claim, [*facts, no_click], crosswalk), "element-contradicted")
    assert finding.severity == "error" and "M26.632" in finding.message


def test_a_document_saying_no_tmd_was_found_is_an_error(crosswalk, tmd_records):
    case, facts = tmd_records(extra_text="Second opinion\nExam: full range of motion, no TMD found.\n")
    claim = build_claim(case, facts, crosswalk)
    found = _rules(run_checks(case, claim, facts, crosswalk), "element-contradicted", "error")
    assert found and "M26.622" in found[0].message and "TMD" in found[0].message
