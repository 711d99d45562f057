"""Engine behaviour: requires-conditions, problem-only evidence, ordering, suppression, explanations."""
from __future__ import annotations

from plugin.flagger import Flagger, format_reasons
from plugin.flagger.model import Procedure


def test_from_crosswalks_default(context, flagger):
    other = Flagger.from_crosswalks()
    assert other.decide(context(procs=["D9947"])).primary.category == "sleep"
    assert other.analyzer is flagger.analyzer  # the pipeline is built once per crosswalk


def test_decision_identity(context, flagger):
    ctx = context("x", ["D7286"], apt_num=42)
    decision = flagger.decide(ctx)
    assert (decision.apt_num, decision.pat_num, decision.start) == (42, 142, ctx.start)


# -- requires


def test_guard_alone_is_not_medical_and_shows_nothing(decide):
    decision = decide("", ["D9944"])
    assert not decision.flagged and decision.suppressed == ()


def test_guard_requirement_close_call_is_explained(decide):
    decision = decide("guard for clenching", ["D9944"])  # bruxism is only a supporting word
    assert not decision.flagged
    why = [e for e in decision.suppressed if e.source == "procedure"]
    assert why and "needs a tmd" in why[0].detail and not why[0].negated


def test_requirement_met_by_coded_problem_is_strong(categories_of, decide):
    decision = decide("", ["D9944"], [("Myalgia of masticatory muscles", "M79.11")])
    assert categories_of(decision) == {"tmd": "strong"}
    sources = [e.source for e in decision.primary.evidence]
    assert sources == ["procedure", "problem"]


def test_requirement_met_by_problem_name_without_code(categories_of, decide):
    assert categories_of(decide("", ["D9944"], [("TMJ Problems", "")])) == {"tmd": "strong"}


def test_exam_needs_the_note_not_the_problem_list(categories_of, decide):
    assert not decide("recall", ["D0150"], [("TMJ disorder", "M26.609")]).flagged
    assert categories_of(decide("eval jaw locking", ["D0150"], [("TMJ disorder", "M26.609")])) == {"tmd": "strong"}


def test_simple_extraction_only_in_clearance_context(categories_of, decide):
    assert not decide("ext #4 non-restorable", ["D7140"]).flagged
    assert "clearance" in categories_of(decide("ext #4 prior to head and neck radiation", ["D7140"]))


def test_impaction_requirements(categories_of, decide):
    assert not decide("", ["D7230"]).flagged
    # pre-transplant: the impaction counts (its requirement names clearance) and so does the clearance
    assert categories_of(decide("", ["D7230"], [("Awaiting kidney transplant", "Z76.82")])) == {
        "impacted": "strong",
        "clearance": "strong",
    }
    assert categories_of(decide("", ["D7241"])) == {"impacted": "possible"}


def test_cross_category_support_is_listed_as_evidence(decide):
    decision = decide("pericoronitis #17 again", [("D7230", "17")])
    flag = decision.primary
    assert flag.category == "impacted"
    assert any(e.source == "note" and "pericoronitis" in e.detail for e in flag.evidence)


def test_deleted_procedures_are_ignored(context, flagger):
    ctx = context()
    ctx = ctx.__class__(**{**ctx.__dict__, "procedures": (Procedure(1, "D9947", status="D"),)})
    assert not flagger.decide(ctx).flagged


def test_custom_code_suffix(decide):
    assert decide("", ["d9947a"]).primary.category == "sleep"


# -- problem-only evidence


def test_problem_list_alone_never_flags(decide):
    decision = decide(
        "adult prophy",
        ["D1110"],
        [("Obstructive sleep apnea", "G47.33"), ("Leukoplakia", "K13.21"), ("Fracture of tooth", "S02.5XXA")],
    )
    assert not decision.flagged
    suppressed = {e.rule_id for e in decision.suppressed}
    assert {"sleep-icd-g4733", "pathology-icd-k132", "trauma-icd-s025"} <= suppressed
    assert all("problem list only" in e.detail for e in decision.suppressed)


def test_problem_with_a_supporting_word_and_no_procedures(categories_of, decide):
    assert categories_of(decide("recheck the spot on her lip", [], [("Leukoplakia", "K13.21")])) == {"pathology": "possible"}


def test_problem_and_specific_note_is_strong(categories_of, decide):
    assert categories_of(decide("TMJ locking again", [], [("TMJ arthralgia", "M26.623")])) == {"tmd": "strong"}


def test_most_specific_icd_row_wins(flagger):
    rules = flagger.rules.problem_rules("K09.0")
    by_cat = {r.category: r.id for r in rules}
    assert by_cat == {"pathology": "pathology-icd-k090-k091", "impacted": "impacted-icd-k090"}
    assert {r.id for r in flagger.rules.problem_rules("c02.1")} == {
        "pathology-icd-oral-cancer",
        "clearance-icd-hn-cancer",
        "maxillofacial-icd-hn-cancer",  # head and neck cancer: radiation carriers, obturators
    }
    assert flagger.rules.problem_rules("") == [] and flagger.rules.problem_rules("I10") == []


# -- ordering


def test_strong_before_possible(decide):
    decision = decide("pt also mentions jaw clicking", ["D7286"])
    assert [c.category for c in decision.categories] == ["pathology", "tmd"]
    assert [c.strength for c in decision.categories] == ["strong", "possible"]


def test_weight_orders_equal_strength(decide):
    decision = decide(
        "swelling of the face, febrile, trismus; also a white lesion on the tongue",
        ["D0140"],
    )
    order = [c.category for c in decision.categories]
    assert order[0] == "infection" and "pathology" in order


def test_primary_and_needs(decide):
    decision = decide("", ["D9947"])
    assert decision.primary.needs[0].startswith("physician order")


# -- explanations


def test_format_reasons(decide):
    decision = decide("pt c/o clicking R TMJ; denies jaw pain at rest", ["D9944"])
    lines = format_reasons(decision)
    assert lines[0] == "tmd [possible]: TMD / TMJ disorder"
    assert any(line.startswith("  procedure D9944 (occlusal guard) -> tmd") for line in lines)
    assert any('note "pt c/o clicking R TMJ' in line and "-> tmd" in line for line in lines)
    assert any("negated by" in line and "[tmd]" in line for line in lines)


def test_format_reasons_not_flagged(decide):
    lines = format_reasons(decide("broke #19 on a popcorn kernel", ["D0140"]))
    assert lines[0].startswith("not flagged")
    assert any("excluded by" in line and "[trauma]" in line for line in lines)


def test_every_evidence_names_a_crosswalk_row(context, flagger, flagger_crosswalk):
    ids = {r.id for r in flagger_crosswalk.procedures} | {r.id for r in flagger_crosswalk.problems} | {t.id for t in flagger_crosswalk.note_terms}
    decision = flagger.decide(
        context("MVA, #8 avulsed; denies jaw pain", ["D7270", "D9944"], [("Sleep apnea", "G47.33")])
    )
    for ev in [e for c in decision.categories for e in c.evidence] + list(decision.suppressed):
        assert ev.rule_id in ids and ev.detail
