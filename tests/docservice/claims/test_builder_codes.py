"""Choosing the claim code by resolved conditions, units, and left-off procedures."""
from __future__ import annotations

from decimal import Decimal

import pytest

from docservice.claims import build_claim


@pytest.fixture
def build(claim_inputs):
    """build(case, facts=()) -> the claim built on the billing double."""

    def run(the_case, facts=()):
        return build_claim(the_case, list(facts), claim_inputs.crosswalk_double())

    return run


@pytest.mark.parametrize(
    "site, code",
    [("tongue_anterior", "41100"), ("palate", "42100")],
)
def test_biopsy_code_follows_the_documented_site(build, claim_inputs, site, code):
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286", fee=300)), [claim_inputs.fact("lesion_site", site)])
    line = claim.lines[0]
    assert line.code == code
    assert "biopsy site documented" in line.why["code"]
    assert "document 7 p.1" in line.why["code"]


def test_biopsy_without_a_site_gets_the_default_and_says_what_to_confirm(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286")))
    assert claim.lines[0].code == "40808"
    assert claim.lines[0].why["code"] == "biopsy site not found in the documents; 40808 assumed — confirm"


def test_a_negated_or_historical_site_is_not_used(build, claim_inputs):
    facts = [claim_inputs.fact("lesion_site", "palate", negated=True), claim_inputs.fact("lesion_site", "tongue_anterior", historical=True)]
    assert build(claim_inputs.case(claim_inputs.procedure("D7286")), facts).lines[0].code == "40808"


def test_the_procedure_description_names_the_site(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286", descript="biopsy, hard palate lesion")))
    assert claim.lines[0].code == "42100"
    assert '"hard palate"' in claim.lines[0].why["code"]


def test_a_known_site_with_no_specific_code_falls_back_to_the_default(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286")), [claim_inputs.fact("lesion_site", "gingiva")])
    assert claim.lines[0].code == "40808"
    assert "no more specific code fits" in claim.lines[0].why["code"]


@pytest.mark.parametrize("tooth, rule", [("3", "alv-max"), ("C", "alv-max"), ("30", "alv-default"), ("T", "alv-default")])
def test_jaw_is_read_from_the_tooth_number(build, claim_inputs, tooth, rule):
    line = build(claim_inputs.case(claim_inputs.procedure("D7310", tooth=tooth))).lines[0]
    assert line.rule == rule


@pytest.mark.parametrize("surface, rule", [("UL", "alv-max"), ("LR", "alv-default")])
def test_jaw_is_read_from_the_quadrant_surface(build, claim_inputs, surface, rule):
    assert build(claim_inputs.case(claim_inputs.procedure("D7310", surface=surface))).lines[0].rule == rule


def test_jaw_from_the_tooth_outranks_a_documented_jaw(build, claim_inputs):
    line = build(claim_inputs.case(claim_inputs.procedure("D7310", tooth="30")), [claim_inputs.fact("jaw", "maxilla")]).lines[0]
    assert line.rule == "alv-default"


@pytest.mark.parametrize("action, code", [("incision", "41010"), ("excision", "41115")])
def test_frenum_code_follows_the_documented_action(build, claim_inputs, action, code):
    # The chart's default wording says "frenectomy" whatever was done: the documents decide.
    the_case = claim_inputs.case(claim_inputs.procedure("D7962", descript="lingual frenectomy (frenulectomy)"), category="frenum")
    line = build(the_case, [claim_inputs.fact("frenum_action", action)]).lines[0]
    assert line.code == code


def test_frenum_wording_decides_when_the_documents_are_silent(build, claim_inputs):
    assert build(claim_inputs.case(claim_inputs.procedure("D7962", descript="lingual frenotomy"))).lines[0].code == "41010"


@pytest.mark.parametrize("hinge, code", [("yes", "E0486"), ("no", "K1027")])
def test_sleep_appliance_code_follows_the_hinge(build, claim_inputs, hinge, code):
    line = build(claim_inputs.case(claim_inputs.procedure("D9947"), category="sleep"), [claim_inputs.fact("appliance_hinge", hinge)]).lines[0]
    assert line.code == code


def test_non_hinged_in_the_description_beats_hinged(build, claim_inputs):
    assert build(claim_inputs.case(claim_inputs.procedure("D9947", descript="non-hinged mandibular device"))).lines[0].code == "K1027"


@pytest.mark.parametrize("carrier, code, system", [("CDT Friendly Health", "D7880", "CDT"), ("Acme Health", "21299", "CPT")])
def test_tmd_orthotic_is_billed_as_a_d_code_only_where_the_payer_takes_it(build, claim_inputs, carrier, code, system):
    the_case = claim_inputs.case(claim_inputs.procedure("D7880", descript="TMD orthotic"), plans=[claim_inputs.plan(carrier=carrier)], category="tmd")
    line = build(the_case).lines[0]
    assert (line.code, line.system) == (code, system)


@pytest.mark.parametrize("length, code", [(2.5, "40830"), (3.1, "40831")])
def test_laceration_code_follows_the_length(build, claim_inputs, length, code):
    assert build(claim_inputs.case(claim_inputs.procedure("D7910")), [claim_inputs.fact("laceration_length_cm", length)]).lines[0].code == code



@pytest.mark.parametrize("tooth, surface, units", [("2,3,14", "", 2), ("", "UR", 1), ("2-5", "", 1), ("2,19,30", "", 3)])
def test_units_per_quadrant(build, claim_inputs, tooth, surface, units):
    assert build(claim_inputs.case(claim_inputs.procedure("D7310", tooth=tooth, surface=surface))).lines[0].units == units


def test_units_per_tooth_and_the_tooth_is_copied(build, claim_inputs):
    line = build(claim_inputs.case(claim_inputs.procedure("D7240", tooth="1,16,17"))).lines[0]
    assert line.units == 3
    assert line.tooth == "1,16,17"


def test_charge_and_service_date_come_from_the_procedure_and_appointment(build, claim_inputs):
    line = build(claim_inputs.case(claim_inputs.procedure("D7286", fee=275.5))).lines[0]
    assert line.charge == Decimal("275.5")
    assert line.service_date.isoformat() == "2026-03-02"
    assert line.why["charge"] and line.why["service_date"]


def test_routine_dental_procedures_are_left_off_with_why(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D1110"), claim_inputs.procedure("D7286")))
    assert [line.cdt for line in claim.lines] == ["D7286"]
    assert claim.fields["left_off"] == [{"cdt": "D1110", "why": claim.fields["left_off"][0]["why"]}]
    assert "D1110" in claim.fields["left_off"][0]["why"]


def test_nothing_left_off_means_no_left_off_field(build, claim_inputs):
    assert "left_off" not in build(claim_inputs.case(claim_inputs.procedure("D7286"))).fields


def test_unlisted_code_carries_the_chart_description(build, claim_inputs):
    line = build(claim_inputs.case(claim_inputs.procedure("D7240", tooth="17", descript="removal of impacted tooth, full bony")) ).lines[0]
    assert line.code == "41899"
    assert line.description == "removal of impacted tooth, full bony"
    listed = build(claim_inputs.case(claim_inputs.procedure("D7286"))).lines[0]
    assert listed.description == "label 40808"


def test_building_never_touches_a_session(build, claim_inputs):
    from sqlalchemy import inspect

    claim = build(claim_inputs.case(claim_inputs.procedure("D7286")))
    assert inspect(claim).transient
    assert all(inspect(line).transient for line in claim.lines)
