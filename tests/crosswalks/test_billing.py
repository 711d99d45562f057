"""Billing tables: candidate selection, lookups and payer matching on the shipped data."""
from __future__ import annotations

import pytest

from crosswalks import load_crosswalk
from crosswalks.billing import CONDITIONS


@pytest.fixture(scope="module")
def b():
    return load_crosswalk().billing


# ------------------------------------------------------------------------------------ candidates


def test_every_cdt_lists_specific_candidates_before_its_default(b):
    cdts = {c.cdt for c in b.claim_codes}
    assert len(cdts) > 60
    for cdt in cdts:
        cands = b.candidates(cdt)
        sizes = [len(c.when) for c in cands]
        assert sizes == sorted(sizes, reverse=True), cdt
        assert cands[-1].is_default, f"{cdt} must end with a default candidate"
        assert sum(c.is_default for c in cands) == 1, cdt


def test_unknown_cdt_has_no_candidates(b):
    assert b.candidates("D0120") == ()
    assert b.choose("D0120", {}) is None


@pytest.mark.parametrize(
    ("cdt", "conditions", "code"),
    [
        ("D9947", {"hinge": "yes"}, "E0486"),
        ("D9947", {"hinge": "no"}, "K1027"),
        ("D9947", {}, "E0486"),
        ("D7880", {"payer_takes_cdt": "yes"}, "D7880"),
        ("D7880", {"payer_takes_cdt": "no"}, "21299"),
        ("D7870", {"side": "left"}, "20605"),
        ("D7820", {}, "21480"),
        ("D0321", {"side": "right"}, "70328"),
        ("D0321", {"side": "bilateral"}, "70330"),
        ("D0321", {}, "70330"),
        ("D7270", {}, "41899"),
        ("D7670", {}, "21440"),
        ("D7671", {}, "21445"),
        ("D7910", {"length": "small"}, "40830"),
        ("D7911", {"length": "large"}, "40831"),
        ("D7910", {"length": "large"}, "40831"),
        ("D7286", {"site": "vestibule"}, "40808"),
        ("D7286", {"site": "tongue_anterior"}, "41100"),
        ("D7286", {"site": "tongue_posterior"}, "41105"),
        ("D7286", {"site": "floor_of_mouth"}, "41108"),
        ("D7286", {"site": "palate"}, "42100"),
        ("D7286", {"site": "lip"}, "40490"),
        ("D7285", {}, "20240"),
        ("D7450", {"jaw": "mandible"}, "21040"),
        ("D7451", {"jaw": "maxilla"}, "21030"),
        ("D7472", {}, "21032"),
        ("D7473", {}, "21031"),
        ("D7240", {"payer_takes_cdt": "no"}, "41899"),
        ("D7240", {"payer_takes_cdt": "yes"}, "D7240"),
        ("D7510", {}, "41800"),
        ("D7511", {}, "40801"),
        ("D7550", {}, "41830"),
        ("D7950", {"jaw": "mandible"}, "21215"),
        ("D7950", {"jaw": "maxilla"}, "21210"),
        ("D7310", {}, "41874"),
        ("D7961", {"action": "excision"}, "40819"),
        ("D7961", {"action": "incision"}, "40806"),
        ("D7962", {"action": "excision"}, "41115"),
        ("D7962", {"action": "incision"}, "41010"),
        ("D7963", {}, "41520"),
        ("D0150", {}, "99203"),
        ("D0330", {}, "70355"),
        ("D0210", {}, "70320"),
        ("D0367", {}, "70486"),
        ("D5932", {}, "21080"),
    ],
)
def test_choose_follows_the_reference_crosswalk(b, cdt, conditions, code):
    assert b.choose(cdt, conditions).code == code


def test_unrelated_conditions_do_not_change_the_choice(b):
    assert b.choose("D7286", {"jaw": "maxilla", "side": "left"}).id == b.candidates("D7286")[-1].id


def test_sleep_candidates_carry_their_modifiers_and_low_confidence_alternative(b):
    e0486 = b.choose("D9947", {"hinge": "yes"})
    assert e0486.modifiers == ("NU",) and e0486.system == "HCPCS" and e0486.confidence == "H"
    cat3 = [c for c in b.candidates("D9947") if c.code == "0966T"]
    assert cat3 and cat3[0].confidence == "L"


def test_alveoloplasty_is_per_quadrant(b):
    assert b.choose("D7310", {}).units == "per_quadrant"
    assert b.choose("D7286", {}).units == "one"


def test_conditions_use_only_the_contract_vocabulary(b):
    for cand in b.claim_codes:
        for key, value in cand.when.items():
            assert value in CONDITIONS[key]


def test_default_is_ordered_last_even_when_written_first(datafiles, data_copy):
    path = data_copy / "claim_codes.csv"
    datafiles.replace(path, "frenum-d7963,D7963,41520,CPT,,", "frenum-d7963-x,D7963,41520,CPT,,")
    datafiles.append(path, "frenum-d7963-incision,D7963,41010,CPT,action=incision,one,,cut only,test,M\n")
    b = load_crosswalk(data_copy).billing
    assert [c.id for c in b.candidates("D7963")] == ["frenum-d7963-incision", "frenum-d7963-x"]
    assert b.choose("D7963", {"action": "incision"}).code == "41010"
    assert b.choose("D7963", {}).code == "41520"


def test_more_conditions_come_before_fewer(datafiles, data_copy):
    datafiles.append(data_copy / "claim_codes.csv",
           "pathology-d7286-lip-both,D7286,40490,CPT,site=lip;side=bilateral,one,,test,test,M\n")
    b = load_crosswalk(data_copy).billing
    assert b.candidates("D7286")[0].id == "pathology-d7286-lip-both"
    assert b.choose("D7286", {"site": "lip"}).id == "pathology-d7286-lip"


# ------------------------------------------------------------------------------------ lookups


def test_code_properties(b):
    assert b.code("41899").unlisted and b.code("21299").unlisted
    assert not b.code("40808").unlisted
    assert b.code("20605").laterality and not b.code("70330").laterality
    assert b.code("E0486").dme and not b.code("21299").dme
    assert b.code("70355").imaging and not b.code("41874").imaging
    assert b.code("99213").em and not b.code("41800").em
    assert b.code("41874").max_units == 4
    assert b.code("D7880").system == "CDT"
    assert b.code(" e0486 ").code == "E0486"
    assert b.code("99999") is None


def test_every_claim_code_is_described(b):
    for cand in b.claim_codes:
        assert b.code(cand.code) and b.code(cand.code).system == cand.system
        assert b.label(cand.code) and b.label(cand.cdt)


def test_diagnoses_primary_first(b):
    hints = b.diagnoses("sleep")
    assert hints[0].code == "G47.33" and hints[0].role == "primary"
    roles = [h.role for h in b.diagnoses("tmd")]
    assert roles == sorted(roles, key=lambda r: r != "primary") and "support" in roles
    assert b.diagnoses("nope") == ()


def test_every_category_has_diagnoses_except_imaging(b):
    cw = load_crosswalk()
    missing = {c for c in cw.category_ids if not b.diagnoses(c)}
    assert missing <= {"imaging"}


def test_support_rules(b):
    rule = b.support_rule("E0486")
    assert rule.supported_by("G47.33") and rule.supported_by("g4733")
    assert not rule.supported_by("G47.30") and not rule.supported_by("R06.83")
    biopsy = b.support_rule("40808")
    assert biopsy.supported_by("K13.79") and biopsy.supported_by("C06.0") and not biopsy.supported_by("K02.9")
    ridge = b.support_rule("41874")
    assert ridge.supported_by("K08.20") and not ridge.supported_by("K05.30")
    tmd = b.support_rule("D7880")
    assert tmd is b.support_rule("21299") and tmd.supported_by("M26.621") and not tmd.supported_by("G47.63")
    assert b.support_rule("99213") is None


@pytest.mark.parametrize(
    ("code", "icd", "supported"),
    [
        ("40490", "K13.0", True),   # lip disease, lip biopsy
        ("40490", "K13.79", True),  # any oral-mucosa lesion supports any soft-tissue site
        ("40490", "K14.8", False),  # a tongue disease does not support a lip biopsy
        ("41100", "K14.8", True),
        ("41105", "C01", True),
        ("41100", "C00.1", False),  # lip cancer, tongue biopsy
        ("41108", "K11.6", True),
        ("42100", "C05.0", True),
        ("42100", "C02.9", False),
    ],
)
def test_biopsy_support_follows_the_site(b, code, icd, supported):
    assert b.support_rule(code).supported_by(icd) is supported


def test_attachments_match_codes_or_categories(b):
    ids = {r.id for r in b.attachments_for(["E0486"], [])}
    assert ids == {"sleep-att-sleep-study", "sleep-att-order"}
    ids = {r.id for r in b.attachments_for([], ["sleep"])}
    assert ids == {"sleep-att-sleep-study"}
    path = [r for r in b.attachments_for(["41105"], ["pathology"]) if r.document_kind == "pathology_report"]
    assert path and path[0].pwk == "P4" and path[0].requires == ("pathology_diagnosis",)
    xray = b.attachments_for(["70355"], [])
    assert [r.requires for r in xray] == [("radiology_impression",)] and xray[0].pwk == "RR"
    clearance = b.attachments_for(["99203"], ["clearance"])
    assert [r.document_kind for r in clearance] == ["referral"] and clearance[0].requires == ("referral_source",)
    assert b.attachments_for(["41800"], ["infection"]) == ()


def test_elements_match_codes_or_categories(b):
    facts = {r.fact for r in b.elements_for([], ["tmd"])}
    assert {"max_opening_mm", "pain", "conservative_therapy"} <= facts
    assert "side" not in facts
    assert "side" in {r.fact for r in b.elements_for(["20605"], ["tmd"])}
    assert "lesion_site" in {r.fact for r in b.elements_for(["41100"], [])}
    assert b.elements_for([], []) == ()


def test_modifier_rules(b):
    kinds = {(r.kind, r.modifiers, r.payer) for r in b.modifier_rules_for("E0486")}
    assert ("required", ("NU",), "") in kinds and ("medicare_criteria", ("KX",), "medicare") in kinds
    assert [r.kind for r in b.modifier_rules_for("20605")] == ["laterality"]
    assert [r.modifiers for r in b.modifier_rules_for("99213")] == [("25",)]
    assert b.modifier_rules_for("41800") == ()


# ------------------------------------------------------------------------------------ payers


@pytest.mark.parametrize(
    ("carrier", "plan", "payer_id"),
    [
        ("Medicare", "", "medicare"),
        ("Medicare Part B", "", "medicare"),
        ("CMS", "", "medicare"),
        ("Noridian Healthcare Solutions", "JF", "medicare"),
        ("CGS Administrators", "", "medicare"),
        ("Palmetto GBA", "", "medicare"),
        ("NGS", "", "medicare"),
        ("Humana", "Medicare Advantage PPO", "medicare_advantage"),
        ("Anthem Blue Cross", "PPO", "bcbs"),
        ("BCBS of Texas", "", "bcbs"),
        ("Aetna", "Choice POS II", "default"),
        ("", "", "default"),
        ("Vandermedicareville Health", "", "default"),
    ],
)
def test_payer_matching(b, carrier, plan, payer_id):
    assert b.payer(carrier, plan).id == payer_id


def test_payer_settings(b):
    medicare = b.payer("Noridian")
    assert medicare.medicare and medicare.takes_cdt and medicare.filing_limit_days == 365
    assert (medicare.sleep.ahi_min, medicare.sleep.events_min) == (15, 30)
    assert (medicare.sleep.ahi_low_min, medicare.sleep.events_low_min) == (5, 10)
    assert "I10" in medicare.sleep.low_icd_prefixes and "daytime_sleepiness" in medicare.sleep.low_symptoms
    bcbs = b.payer("Blue Cross Blue Shield")
    assert not bcbs.medicare and not bcbs.takes_cdt and bcbs.filing_limit_days == 180
    assert {"E0486", "21299", "D7880"} <= set(bcbs.prior_auth)
    assert b.payer("Aetna").prior_auth == ()
    assert [p.id for p in b.payers][0] == "default"


def test_loaded_tables_are_immutable_and_hashable():
    cw = load_crosswalk()
    cand = cw.billing.candidates("D7286")[0]
    with pytest.raises(TypeError):
        cand.when["site"] = "palate"  # type: ignore[index]
    assert len(set(cw.billing.claim_codes)) == len(cw.billing.claim_codes)
    assert {cw: 1}[cw] == 1  # usable as a cache key, as before the billing tables existed
