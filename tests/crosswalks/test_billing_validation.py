"""Bad billing data fails loudly: one CrosswalkError naming file, line and column of every bad row."""
from __future__ import annotations

import pytest

from crosswalks import CrosswalkError, load_crosswalk, load_packet_kinds

CLAIM_ROW = "pathology-d7286-palate,D7286,42100,CPT,site=palate,one,,palate or uvula,billing-ref §1.1 PATH-01,H"
CODE_ROW = "41874,CPT,reshape jaw ridge per quadrant,no,no,no,no,no,4,billing-ref §1.1 GRAFT-01,H"
DX_ROW = "sleep-dx-i10,sleep,I10,support,hypertension,billing-ref §1.1 OSA-01 / §1.2 B(2),H"


def _only(found: list[str], file: str, column: str | None, words: str) -> None:
    col = f"column '{column}'" if column else ""
    hits = [p for p in found if p.startswith(file) and col in p and words in p]
    assert hits, f"expected {file} / {column} / {words!r} in:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("new", "column", "words"),
    [
        (CLAIM_ROW.replace("site=palate", "place=palate"), "when", "unknown condition"),
        (CLAIM_ROW.replace("site=palate", "site=cheek"), "when", "site must be one of"),
        (CLAIM_ROW.replace("site=palate", "site=palate;site=lip"), "when", "given twice"),
        (CLAIM_ROW.replace(",CPT,", ",AMA,"), "system", "not one of"),
        (CLAIM_ROW.replace(",42100,", ",42101,"), "code", "not listed"),
        (CLAIM_ROW.replace(",42100,CPT,", ",42100,HCPCS,"), "code", "not listed"),
        (CLAIM_ROW.replace("D7286,", "D72866,"), "cdt", "not a CDT code"),
        (CLAIM_ROW.replace("D7286,", "D7287,"), "cdt", "needs our own label"),
        (CLAIM_ROW.replace(",one,", ",per_visit,"), "units", "not one of"),
        (CLAIM_ROW.replace(",one,,", ",one,NUX,"), "modifiers", "two-character"),
        (CLAIM_ROW.replace(",H", ","), "confidence", "not one of H, M, L"),
        (CLAIM_ROW.replace("billing-ref §1.1 PATH-01", ""), "source", "missing"),
        (CLAIM_ROW.replace("pathology-d7286-palate", "biopsy-palate"), "id", "start with a category"),
        (CLAIM_ROW.replace("pathology-d7286-palate", "pathology-d7286-lip"), "id", "already used"),
        (CLAIM_ROW.replace("pathology-d7286-palate", "pathology-d7286-palate2"), "code", "same conditions"),
    ],
)
def test_bad_claim_code_row(datafiles, load_problems, data_copy, new, column, words):
    datafiles.append(data_copy / "claim_codes.csv", new + "\n")
    found = load_problems(data_copy)
    _only(found, f"claim_codes.csv line {datafiles.line_count(data_copy / 'claim_codes.csv')}", column, words)


def test_cdt_with_only_conditional_candidates_needs_a_default(datafiles, load_problems, data_copy):
    datafiles.replace(data_copy / "claim_codes.csv", "pathology-d7286,D7286,40808,CPT,,one,",
            "pathology-d7286-x,D7286,40808,CPT,length=small,one,")
    _only(load_problems(data_copy), "claim_codes.csv", "when", "add a default row")


def test_two_defaults_are_ambiguous(datafiles, load_problems, data_copy):
    datafiles.append(data_copy / "claim_codes.csv", "pathology-d7286-other,D7286,41899,CPT,,one,,x,test,L\n")
    _only(load_problems(data_copy), "claim_codes.csv", "when", "more than one default")


@pytest.mark.parametrize(
    ("new", "column", "words"),
    [
        (CODE_ROW.replace("41874,", "41875,").replace(",4,", ",0,"), "max_units", "whole number"),
        (CODE_ROW.replace("41874,", "41876,").replace(",no,no,no,no,no,", ",no,maybe,no,no,no,"), "laterality",
         "yes or no"),
        (CODE_ROW.replace("41874,CPT", "4187,CPT"), "code", "not shaped like a CPT"),
        (CODE_ROW.replace("41874,CPT", "D4187,HCPCS"), "code", "not shaped like a HCPCS"),
        (CODE_ROW.replace(",CPT,", ",ICD,").replace("41874,", "41877,"), "system", "not one of"),
        (CODE_ROW, "code", "already listed"),
        (CODE_ROW.replace("41874,", "41878,").replace("reshape jaw ridge per quadrant", "x" * 81), "label",
         "longer than 80"),
        (CODE_ROW.replace("41874,", "41879,").replace("reshape jaw ridge per quadrant", ""), "label", "missing"),
        (CODE_ROW.replace("41874,", "41880,").replace(",H", ",X"), "confidence", "not one of"),
    ],
)
def test_bad_medical_code_row(datafiles, load_problems, data_copy, new, column, words):
    datafiles.append(data_copy / "medical_codes.csv", new + "\n")
    _only(load_problems(data_copy), f"medical_codes.csv line {datafiles.line_count(data_copy / 'medical_codes.csv')}", column, words)


@pytest.mark.parametrize(
    ("new", "column", "words"),
    [
        (DX_ROW.replace("sleep-dx-i10,sleep,I10", "sleep-dx-m266,sleep,M26.6"), "code", "not billable"),
        (DX_ROW.replace("sleep-dx-i10,sleep,I10", "sleep-dx-s025,sleep,S02.5"), "code", "not billable"),
        (DX_ROW.replace("sleep-dx-i10,sleep,I10", "sleep-dx-xyz,sleep,XYZ.1"), "code", "not ICD-10-CM"),
        (DX_ROW.replace("sleep-dx-i10", "sleep-dx-i10b").replace("support", "secondary"), "role", "not one of"),
        (DX_ROW.replace("sleep-dx-i10,sleep", "sleep-dx-i10c,snoring"), "category", "unknown category"),
        (DX_ROW, "id", "already used"),
    ],
)
def test_bad_diagnosis_row(datafiles, load_problems, data_copy, new, column, words):
    datafiles.append(data_copy / "diagnoses.csv", new + "\n")
    _only(load_problems(data_copy), f"diagnoses.csv line {datafiles.line_count(data_copy / 'diagnoses.csv')}", column, words)


SUPPORT = """  - id: trauma-support-test
    codes: [41899]
    icd_prefixes: [K13]
    label: test rule
    message: test message
    source: test
    confidence: M
"""

ATTACHMENT = """  - id: imaging-att-test
    codes: [70355]
    document_kind: radiology_report
    pwk: RR
    label: test attachment
    requires: [radiology_impression]
    severity: error
    message: test message
    fix: test fix
    source: test
    confidence: M
"""

ELEMENT = """  - id: tmd-el-test
    categories: [tmd]
    fact: max_opening_mm
    severity: warning
    label: test element
    message: test message
    fix: test fix
    source: test
    confidence: M
"""

MODIFIER = """  - id: tmd-mod-test
    codes: [70328]
    kind: laterality
    modifiers: [RT, LT]
    payer: ""
    message: test message
    source: test
    confidence: M
"""

# Each template rule is valid (see the test below); a case changes one field and expects that
# field, on the appended rule's line, in the error.
RULE_CASES = [
    ("dx_support.yaml", SUPPORT, "codes: [41899]", "codes: [41101]", "codes", "not in medical_codes.csv"),
    ("dx_support.yaml", SUPPORT, "codes: [41899]", "codes: [21299]", "codes", "already has support rule"),
    ("dx_support.yaml", SUPPORT, "icd_prefixes: [K13]", "icd_prefixes: [K1X]", "icd_prefixes", "not a valid ICD-10-CM"),
    ("dx_support.yaml", SUPPORT, "icd_prefixes: [K13]", "icd_prefixes: []", "icd_prefixes", "non-empty"),
    ("dx_support.yaml", SUPPORT, "    message: test message\n", "", "message", "missing"),
    ("dx_support.yaml", SUPPORT,
     "    label: test rule\n", "    label: test rule\n    descriptor: x\n", "descriptor", "unknown field"),
    ("dx_support.yaml", SUPPORT, "    source: test\n", "", "source", "missing"),
    ("dx_support.yaml", SUPPORT, "confidence: M", "confidence: high", "confidence", "not one of"),
    ("attachments.yaml", ATTACHMENT, "pwk: RR", "pwk: P6", "pwk", "not a PWK01 report type valid on an 837P"),
    ("attachments.yaml", ATTACHMENT, "pwk: RR", "pwk: ZZZ", "pwk", "not a PWK01"),
    ("attachments.yaml", ATTACHMENT,
     "document_kind: radiology_report", "document_kind: xray", "document_kind", "is not one of"),
    ("attachments.yaml", ATTACHMENT,
     "requires: [radiology_impression]", "requires: [impression]", "requires", "unknown fact name"),
    ("attachments.yaml", ATTACHMENT, "codes: [70355]", "codes: [70999]", "codes", "not in medical_codes.csv"),
    ("attachments.yaml", ATTACHMENT, "codes: [70355]", "categories: [radiology]", "categories", "unknown category"),
    ("attachments.yaml", ATTACHMENT, "    codes: [70355]\n", "", "codes", "give codes, categories or both"),
    ("attachments.yaml", ATTACHMENT, "severity: error", "severity: fatal", "severity", "not one of"),
    ("attachments.yaml", ATTACHMENT, "    fix: test fix\n", "", "fix", "missing"),
    ("attachments.yaml", ATTACHMENT, "id: imaging-att-test", "id: imaging-att-radiology", "id", "already used"),
    ("elements.yaml", ELEMENT, "fact: max_opening_mm", "fact: opening", "fact", "unknown fact name"),
    ("elements.yaml", ELEMENT, "categories: [tmd]", "categories: [jaw]", "categories", "unknown category"),
    ("elements.yaml", ELEMENT, "categories: [tmd]", "codes: [X1234]", "codes", "not in medical_codes.csv"),
    ("elements.yaml", ELEMENT, "severity: warning", "severity: info", "severity", "not one of"),
    ("elements.yaml", ELEMENT, "label: test element", "label: " + "y" * 90, "label", "longer than 80"),
    ("elements.yaml", ELEMENT, "confidence: M", "confidence: ''", "confidence", "not one of"),
    ("elements.yaml", ELEMENT, "severity: warning", "severity: warning\n    denied_means: absent", "denied_means", "must be one of"),
    ("modifiers.yaml", MODIFIER, "kind: laterality", "kind: side", "kind", "not one of"),
    ("modifiers.yaml", MODIFIER, "modifiers: [RT, LT]", "modifiers: [RIGHT]", "modifiers", "two-character"),
    ("modifiers.yaml", MODIFIER, 'payer: ""', "payer: aetna", "payer", "unknown payer id"),
    ("modifiers.yaml", MODIFIER, "codes: [70328]", "codes: [70329]", "codes", "not in medical_codes.csv"),
]


@pytest.mark.parametrize(("file", "template", "old", "new", "column", "words"), RULE_CASES)
def test_bad_yaml_rule(datafiles, load_problems, data_copy, file, template, old, new, column, words):
    assert old in template
    datafiles.append(data_copy / file, template.replace(old, new))
    _only(load_problems(data_copy), f"{file} line", column, words)


@pytest.mark.parametrize(
    ("old", "new", "column", "words"),
    [
        ("filing_limit_days: 180", "filing_limit_days: soon", "filing_limit_days", "whole number"),
        ("takes_cdt: false\n    prior_auth: [E0486", "takes_cdt: maybe\n    prior_auth: [E0486", "takes_cdt",
         "true or false"),
        ("prior_auth: [E0486, K1027, 21299", "prior_auth: [E0487, K1027, 21299", "prior_auth", "not in medical_codes"),
        ("'\\bBCBS\\b'", "'(BCBS'", "match", "not a valid regular expression"),
        ("id: bcbs", "id: medicare", "id", "defined twice"),
        ("id: default", "id: fallback", "id", "'default' is required"),
        ("ahi_min: 15", "ahi_min: high", "sleep.ahi_min", "not a number"),
        ("low_icd_prefixes: [G47.1,", "low_icd_prefixes: [G47.9X,", "sleep.low_icd_prefixes", "not a valid ICD"),
        ("low_symptoms: [daytime_sleepiness,", "low_symptoms: [tiredness,", "sleep.low_symptoms",
         "not a sleep_symptom"),
        ("    label: Blue Cross Blue Shield plan\n", "    label: Blue Cross Blue Shield plan\n    region: x\n",
         "region", "unknown field"),
        ("    confidence: L\n", "    confidence: Z\n", "confidence", "not one of"),
    ],
)
def test_bad_payer(datafiles, load_problems, data_copy, old, new, column, words):
    datafiles.replace(data_copy / "payers.yaml", old, new)
    _only(load_problems(data_copy), "payers.yaml", column, words)


def test_every_bad_row_is_reported_at_once(datafiles, load_problems, data_copy):
    datafiles.append(data_copy / "claim_codes.csv", CLAIM_ROW.replace(",CPT,", ",AMA,") + "\n")
    datafiles.append(data_copy / "diagnoses.csv", DX_ROW.replace("I10", "M26.6").replace("sleep-dx-i10", "sleep-dx-m266") + "\n")
    datafiles.append(data_copy / "attachments.yaml", ATTACHMENT.replace("pwk: RR", "pwk: P6"))
    found = load_problems(data_copy)
    assert {p.split()[0] for p in found} >= {"claim_codes.csv", "diagnoses.csv", "attachments.yaml"}


@pytest.mark.parametrize("file", ["claim_codes.csv", "medical_codes.csv", "diagnoses.csv", "dx_support.yaml",
                                  "attachments.yaml", "elements.yaml", "modifiers.yaml", "payers.yaml"])
def test_missing_billing_file(load_problems, data_copy, file):
    (data_copy / file).unlink()
    assert any(p.startswith(file) and "file is missing" in p for p in load_problems(data_copy))


def test_yaml_without_rules_list(load_problems, data_copy):
    (data_copy / "modifiers.yaml").write_text("rules: {}\n", encoding="utf-8")
    _only(load_problems(data_copy), "modifiers.yaml", None, "'rules' list")


@pytest.mark.parametrize(("file", "text"), [("dx_support.yaml", SUPPORT), ("attachments.yaml", ATTACHMENT),
                                            ("elements.yaml", ELEMENT), ("modifiers.yaml", MODIFIER)])
def test_the_template_rules_themselves_are_valid(datafiles, data_copy, file, text):
    """The bad rows above differ from these in one field only, so that field is what fails."""
    datafiles.append(data_copy / file, text)
    assert load_crosswalk(data_copy).billing.candidates("D7286")


@pytest.mark.parametrize(
    ("old", "new", "column", "words"),
    [
        ("sleep_study: {pwk: DG,", "sleep_study: {pwk: P6,", "pwk", "not a PWK01 report type"),
        ("referral: {pwk: B4, label: referral letter, rank: 40}", "referral: {pwk: B4, label: referral letter}",
         "rank", "whole number"),
        ("  eob: {pwk: EB, label: explanation of benefits, rank: 90}\n", "", "eob", "needs a default PWK01"),
        ("  photo: {", "  selfie: {", None, "'selfie' is not one of"),
    ],
)
def test_bad_packet_kind(datafiles, load_problems, data_copy, old, new, column, words):
    datafiles.replace(data_copy / "attachments.yaml", old, new)
    _only(load_problems(data_copy), "attachments.yaml", column, words)
    with pytest.raises(CrosswalkError):
        load_packet_kinds(data_copy)


def test_packet_kinds_read_alone_agree_with_the_crosswalk():
    assert load_packet_kinds() == dict(load_crosswalk().billing.sent_as)
    ranks = {kind: sent.rank for kind, sent in load_packet_kinds().items()}
    assert ranks["physician_order"] < ranks["sleep_study"] < ranks["chart_note"] < ranks["referral"] < ranks["photo"]
