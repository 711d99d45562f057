"""The one resolution: which reading a case uses, why, what conflicts, and what never counts."""
from __future__ import annotations

from datetime import datetime

import pytest

from docservice.evidence import evidence_rules, resolve_evidence


@pytest.fixture
def resolve(crosswalk):
    def run(case, facts, confirmations=()):
        return resolve_evidence(case, facts, evidence_rules(crosswalk), confirmations=list(confirmations))

    return run


def test_the_authoritative_document_wins_and_the_conflict_is_reported(resolve, make_case, make_document, make_fact):
    note, study = make_document("chart_note"), make_document("sleep_study")
    case = make_case(documents=[note, study])
    # The chart note is read first and more surely, but the sleep study is the record of the AHI.
    from_note = make_fact("ahi", 18.0, document=note, confidence=0.99)
    from_study = make_fact("ahi", 22.4, document=study, confidence=0.8)
    resolved = resolve(case, [from_note, from_study]).get("ahi")
    assert resolved.reading is from_study and resolved.value == 22.4
    assert "sleep study" in resolved.why and "authoritative" in resolved.why
    assert resolved.conflicts == (from_note,)
    assert resolved.readings == (from_note, from_study)


def test_without_an_authoritative_reading_the_surest_then_the_first_wins(resolve, make_case, make_document,
                                                                        make_fact):
    first, second = make_document("chart_note"), make_document("referral")
    case = make_case(documents=[first, second])
    unsure = make_fact("max_opening_mm", 28.0, document=first, confidence=0.6)
    sure = make_fact("max_opening_mm", 32.0, document=second, confidence=0.9)
    assert resolve(case, [unsure, sure]).reading("max_opening_mm") is sure
    tie = make_fact("max_opening_mm", 35.0, document=second, confidence=0.6)
    assert resolve(case, [unsure, tie]).reading("max_opening_mm") is unsure  # equals: the first read
    # Two documents agreeing is no conflict.
    same = make_fact("max_opening_mm", 32, document=first, confidence=0.9)
    assert resolve(case, [sure, same]).get("max_opening_mm").conflicts == ()


def test_without_an_authoritative_reading_the_value_most_readings_give_wins(resolve, make_case, make_document,
                                                                           make_fact):
    """An imaging report's "both joints imaged" read first does not outvote three notes on the left joint."""
    films, note, op = make_document("radiology_report"), make_document("chart_note"), make_document("chart_note")
    case = make_case("tmd", documents=[films, note, op])
    both = make_fact("side", "bilateral", document=films, confidence=0.9)
    lefts = [make_fact("side", "left", document=doc, confidence=0.9) for doc in (note, op, op)]
    resolved = resolve(case, [both, *lefts]).get("side")
    assert resolved.value == "left" and "3 of 4 readings" in resolved.why
    assert resolved.conflicts == (both,)


def test_two_study_dates_are_a_conflict(resolve, make_case, make_document, make_fact):
    study, order = make_document("sleep_study"), make_document("physician_order")
    case = make_case(documents=[study, order])
    dated = make_fact("sleep_study_date", "2026-01-10", document=study)
    other = make_fact("sleep_study_date", "2026-01-12", document=order)
    resolved = resolve(case, [other, dated]).get("sleep_study_date")
    assert resolved.reading is dated and resolved.conflicts == (other,)


def test_a_confirmed_value_beats_readings_before_and_after_it(resolve, make_case, make_document, make_fact,
                                                             make_confirmation):
    study = make_document("sleep_study")
    case = make_case(documents=[study])
    corrected = make_confirmation("ahi", "correct", 19.5, at=datetime(2026, 2, 1))
    # Read again after the correction (a re-extraction recreates the facts), from the authoritative document.
    later = make_fact("ahi", 22.4, document=study, confidence=1.0)
    resolved = resolve(case, [later], [corrected]).get("ahi")
    assert resolved.value == 19.5 and resolved.reading.source == "person"
    assert resolved.why.startswith("corrected by dentist-user on 2026-02-01")
    assert resolved.conflicts == (later,)  # still shown, settled by the person
    newer = make_confirmation("ahi", "confirm", 22.4, at=datetime(2026, 2, 3), fact_id=later.id)
    resolved = resolve(case, [later], [newer, corrected]).get("ahi")  # the latest row wins, in any order
    assert resolved.value == 22.4 and resolved.confirmation.action == "confirm"
    assert resolved.reading.document_id == study.id  # confirmed as read: keeps where it was read


def test_a_value_entered_when_nothing_was_read(resolve, make_case, make_confirmation):
    entered = make_confirmation("face_to_face_date", "enter", "2026-01-02")
    evidence = resolve(make_case(), [], [entered])
    assert evidence.date("face_to_face_date")[0].isoformat() == "2026-01-02"
    assert evidence.documented("face_to_face_date") == (evidence.reading("face_to_face_date"),)


@pytest.mark.parametrize("context", ["negated", "historical", "family", "hypothetical", "resolved", "postoperative"])
def test_only_the_patients_own_current_affirmed_findings_count(resolve, make_case, make_document, make_fact,
                                                                context):
    note = make_document("chart_note")
    case = make_case("tmd", documents=[note])
    fact = make_fact("pain", True, document=note, context=context)
    resolved = resolve(case, [fact]).get("pain")
    assert resolved.reading is None and resolved.documented == ()
    assert resolved.denied == ((fact,) if context == "negated" else ())
    assert resolved.past == ((fact,) if context in ("historical", "resolved") else ())


def test_old_rows_flagged_negated_or_historical_never_count(resolve, make_case, make_document, make_fact):
    """Rows read before extraction filled `context` say "present" with the old flags set."""
    note = make_document("chart_note")
    denied = make_fact("pain", True, document=note)
    denied.negated = True
    past = make_fact("conservative_therapy", "occlusal_splint", document=note)
    past.historical = True
    evidence = resolve(make_case("tmd", documents=[note]), [denied, past])
    assert evidence.documented("pain") == () and evidence.denied("pain") == (denied,)
    assert evidence.documented("conservative_therapy") == () and evidence.past("conservative_therapy") == (past,)


def test_facts_from_another_patients_document_never_count(resolve, make_case, make_document, make_fact):
    theirs, ours = make_document("sleep_study", identity="mismatch"), make_document("sleep_study")
    case = make_case(documents=[theirs, ours])
    evidence = resolve(case, [make_fact("ahi", 40.0, document=theirs, confidence=1.0),
                              make_fact("pain", True, document=theirs, context="negated")])
    assert evidence.reading("ahi") is None and evidence.denied("pain") == ()
    mine = make_fact("ahi", 12.0, document=ours, confidence=0.5)
    assert resolve(case, [make_fact("ahi", 40.0, document=theirs), mine]).get("ahi").conflicts == ()


def test_findings_of_many_values_have_no_conflicts(resolve, make_case, make_document, make_fact):
    note = make_document("chart_note")
    facts = [make_fact("sleep_symptom", "snoring", document=note),
             make_fact("sleep_symptom", "daytime_sleepiness", document=note)]
    resolved = resolve(make_case(documents=[note]), facts).get("sleep_symptom")
    assert resolved.conflicts == () and [f.value for f in resolved.documented] == ["snoring", "daytime_sleepiness"]


def test_a_denial_of_the_same_finding_contradicts_it_another_does_not(resolve, make_case, make_document, make_fact):
    note, exam = make_document("chart_note"), make_document("chart_note")
    case = make_case("tmd", documents=[note, exam])
    click = make_fact("joint_sounds", {"sound": "click", "side": "left"}, document=note)
    no_crepitus = make_fact("joint_sounds", {"sound": "crepitus", "side": None}, document=exam, context="negated")
    assert resolve(case, [click, no_crepitus]).get("joint_sounds").contradictions == ()
    no_click = make_fact("joint_sounds", {"sound": "click", "side": None}, document=exam, context="negated")
    assert resolve(case, [click, no_click]).get("joint_sounds").contradictions == (no_click,)


def test_diagnoses_the_documents_write_or_deny(resolve, make_case, make_document):
    report = make_document("sleep_study", text="POLYSOMNOGRAPHY REPORT\nIMPRESSION: Moderate obstructive sleep "
                                               "apnea (AHI 22.4/h).\nRECOMMENDATIONS: oral appliance.")
    order = make_document("physician_order", text="Rx\nDx: G47.33 per sleep study. Refills: 0")
    exam = make_document("chart_note", text="Exam: jaw opens fully. No TMD found.\nA: Suspected bruxism.")
    theirs = make_document("chart_note", text="Assessment: G47.10 hypersomnia.", identity="mismatch")
    diagnoses = resolve(make_case(documents=[report, order, exam, theirs]), []).diagnoses
    assert diagnoses.source_of("G47.33").document_id in (report.id, order.id)
    assert diagnoses.codes() == ["G47.33"]  # the mismatched document's code is not this patient's
    assert diagnoses.denial_of("M26.622").document_id == exam.id and diagnoses.source_of("M26.622") is None


def test_a_suspected_diagnosis_is_not_documented(resolve, make_case, make_document):
    note = make_document("chart_note", text="Assessment: suspected obstructive sleep apnea.\nPlan: sleep study.")
    assert resolve(make_case(documents=[note]), []).diagnoses.source_of("G47.33") is None


def test_a_diagnosis_its_authority_established_outranks_an_older_denial(resolve, make_case, make_document):
    """A sleep study that finds OSA settles it: a questionnaire denying OSA before the test is out of date."""
    form = make_document("other", text="Health history\nDiagnosed with OSA? No. Denies OSA.")
    report = make_document("sleep_study", text="HOME SLEEP TEST\nIMPRESSION: Mild obstructive sleep apnea.")
    assert resolve(make_case(documents=[form]), []).diagnoses.denial_of("G47.33") is not None
    assert resolve(make_case(documents=[form, report]), []).diagnoses.denial_of("G47.33") is None
    # a diagnosis without an authority (TMD) stays disputed when another note denies it
    exam = make_document("chart_note", text="Exam: no TMD found.")
    other = make_document("chart_note", text="Assessment: TMJ arthralgia (M26.622).")
    assert resolve(make_case(documents=[exam, other]), []).diagnoses.denial_of("M26.622") is not None


def test_a_denial_of_a_narrower_finding_never_contradicts_the_finding(resolve, make_case, make_document, make_fact):
    """"No periorbital swelling" says nothing against the vestibular swelling of the same infection; alone,
    swelling is simply not documented."""
    note, exam = make_document("chart_note"), make_document("chart_note")
    case = make_case("infection", documents=[note, exam])
    swollen = make_fact("swelling", True, document=note)
    not_facial = make_fact("swelling", True, document=exam, context="narrowed")
    resolved = resolve(case, [swollen, not_facial]).get("swelling")
    assert resolved.contradictions == () and resolved.documented == (swollen,)
    alone = resolve(case, [not_facial]).get("swelling")
    assert alone.contradictions == () and alone.documented == () and alone.denied == (not_facial,)


def test_a_denied_grade_does_not_deny_the_diagnosis_the_documents_state(resolve, make_case, make_document):
    letter = make_document("chart_note", text="Assessment: the home test falls short of severe sleep apnea; "
                                              "no moderate or severe OSA.")
    study = make_document("chart_note", text="Impression: obstructive sleep apnea, mild (REI 8.1).")
    assert resolve(make_case(documents=[letter]), []).diagnoses.denial_of("G47.33") is not None
    assert resolve(make_case(documents=[letter, study]), []).diagnoses.denial_of("G47.33") is None
