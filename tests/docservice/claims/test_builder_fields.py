"""Claim-level fields: plan, providers, authorization, accident, onset — each with why."""
from __future__ import annotations

import pytest

from docservice.claims import Practice, build_claim


PHYSICIAN = {"name": "Dr Test Sleepwell", "npi": "1234567893"}


@pytest.fixture
def build(claim_inputs):
    """build(case, facts=(), **options) -> the claim built on the billing double."""

    def run(the_case, facts=(), **kwargs):
        return build_claim(the_case, list(facts), claim_inputs.crosswalk_double(), **kwargs)

    return run


def test_plan_fields_come_from_the_primary_medical_plan(build, claim_inputs):
    plans = [claim_inputs.plan("dental", "Tooth Co", subscriber_id="D-1"), claim_inputs.plan(carrier="Second Health", subscriber_id="M-2", ordinal=2),
             claim_inputs.plan(carrier="First Health", subscriber_id="M-1", ordinal=1)]
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286"), plans=plans))
    assert (claim.fields["payer_name"], claim.fields["member_id"], claim.fields["group_number"]) == ("First Health", "M-1", "GRP-TEST")
    assert claim.payer == "default"
    assert all(claim.why[key] for key in ("payer_name", "member_id", "group_number", "service_date"))
    assert claim.fields["service_date"] == "2026-03-02"


def test_no_medical_plan_still_builds_with_the_default_payer(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286"), plans=[claim_inputs.plan("dental", "Tooth Co")]))
    assert claim.payer == "default"
    assert "member_id" not in claim.fields and "payer_name" not in claim.fields
    assert "no medical plan" in claim.why["payer"]
    assert len(claim.lines) == 1


def test_ordering_provider_only_for_dme_lines(build, claim_inputs):
    facts = [claim_inputs.fact("ordering_physician", PHYSICIAN)]
    dme = build(claim_inputs.case(claim_inputs.procedure("D9947"), category="sleep"), facts)
    assert dme.fields["ordering_provider"] == {**PHYSICIAN, "qualifier": "DK"}
    assert "document 7" in dme.why["ordering_provider"]
    assert "ordering_provider" not in build(claim_inputs.case(claim_inputs.procedure("D7286")), facts).fields


def test_referring_provider_from_the_referral(build, claim_inputs):
    facts = [claim_inputs.fact("referral_source", {**PHYSICIAN, "specialty": "ENT"})]
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286")), facts)
    assert claim.fields["referring_provider"] == {**PHYSICIAN, "qualifier": "DN"}
    assert "referring_provider" not in build(claim_inputs.case(claim_inputs.procedure("D7286"))).fields


def test_rendering_and_billing_provider_from_the_practice(build, claim_inputs):
    practice = Practice(rendering_npi="1234567893", billing_npi="1245319599", billing_name="Test Dental Group")
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286"), provider="DOCTEST"), practice=practice)
    assert claim.fields["rendering_provider"] == {"name": "DOCTEST", "npi": "1234567893"}
    assert claim.fields["billing_provider"] == {"name": "Test Dental Group", "npi": "1245319599"}
    bare = build(claim_inputs.case(claim_inputs.procedure("D7286"), provider="DOCTEST"))
    assert "billing_provider" not in bare.fields
    assert "no NPI in the practice settings" in bare.why["rendering_provider"]


def test_prior_authorization_and_its_end(build, claim_inputs):
    facts = [claim_inputs.fact("prior_authorization", "PA-TEST-77"), claim_inputs.fact("authorization_end_date", "2026-06-30")]
    claim = build(claim_inputs.case(claim_inputs.procedure("D7286")), facts)
    assert claim.fields["prior_authorization"] == "PA-TEST-77"
    assert claim.fields["authorization_end_date"] == "2026-06-30"
    assert "prior_authorization" not in build(claim_inputs.case(claim_inputs.procedure("D7286"))).fields


@pytest.mark.parametrize(
    "mechanism, related, state",
    [("motor_vehicle", "auto", "OH"), ("work", "employment", None), ("fall", "other", None)],
)
def test_accident_from_the_injury(build, claim_inputs, mechanism, related, state):
    facts = [claim_inputs.fact("injury_date", "2026-02-20"), claim_inputs.fact("injury_mechanism", mechanism),
             claim_inputs.fact("injury_place", "Route 9, Testville, OH")]
    claim = build(claim_inputs.case(claim_inputs.procedure("D0140"), category="trauma"), facts)
    expected = {"related": related, "date": "2026-02-20", **({"state": state} if state else {})}
    assert claim.fields["accident"] == expected
    assert claim.fields["onset_date"] == "2026-02-20"
    assert "injury date" in claim.why["onset_date"]


def test_no_injury_no_accident_and_no_onset(build, claim_inputs):
    claim = build(claim_inputs.case(claim_inputs.procedure("D0140")), [claim_inputs.fact("injury_date", "2026-02-20", negated=True)])
    assert "accident" not in claim.fields and "onset_date" not in claim.fields


def test_every_field_and_line_value_has_a_why(build, claim_inputs):
    facts = [claim_inputs.fact("ordering_physician", PHYSICIAN), claim_inputs.fact("appliance_hinge", "yes")]
    claim = build(claim_inputs.case(claim_inputs.procedure("D9947", fee=1800), claim_inputs.procedure("D1110"), problems=("G47.33",), category="sleep"), facts,
                  practice=Practice(rendering_npi="1234567893", billing_npi="1245319599", billing_name="Test Dental Group"))
    assert set(claim.fields) <= set(claim.why)
    for line in claim.lines:
        assert {"code", "units", "modifiers", "charge", "pointers", "service_date"} <= set(line.why)


def test_a_mechanism_word_outside_an_injury_case_is_not_an_accident(build, claim_inputs):
    facts = [claim_inputs.fact("injury_mechanism", "other")]
    assert "accident" not in build(claim_inputs.case(claim_inputs.procedure("D9947"), problems=("G47.33",), category="sleep"), facts).fields
    trauma = build(claim_inputs.case(claim_inputs.procedure("D0140"), category="trauma"), facts)
    assert trauma.fields["accident"] == {"related": "other"}
    injury_dx = build(claim_inputs.case(claim_inputs.procedure("D0140"), problems=("S02.5XXA",), category="clearance"), facts)
    assert injury_dx.fields["accident"] == {"related": "other"}
