"""`medlane od-claim`: the export's fields onto the medical claim staff made, over real HTTP."""
from __future__ import annotations

import json

import pytest

from crosswalks.exitcodes import ExitCode
from plugin.odclaim.fields import compose_claim_note

ACN = "ML-12-9F3A0C11D2"


def test_fills_the_unsent_medical_claim_and_says_what_to_type(od_claim, od_claim_sandbox):
    code, out, err = od_claim()
    assert (code, err) == (0, "")
    claim = od_claim_sandbox.store.get("claims", 40)
    assert claim["ClaimNote"] == f"ACN {ACN}; Trauma S02.5XXA fx tooth 8; 99203; LMN+xray attached"
    assert claim["PriorAuthorizationNumber"] == "PA-0001"
    assert (claim["AccidentRelated"], claim["AccidentDate"], claim["AccidentST"]) == ("A", "2026-12-20", "CO")
    assert od_claim_sandbox.store.get("claims", 41)["ClaimNote"] == ""  # the sent dental claim is left alone
    lines = out.splitlines()
    assert lines[0] == f"Case 12, export 3 (ACN {ACN}): Open Dental claim 40, unsent."
    assert "  AccidentRelated: A (auto)" in lines
    assert lines[-2].startswith("Still to type in Open Dental, claim 40")
    assert lines[-1] == f"  Attachment ID: {ACN}"


def test_dry_run_prints_and_writes_nothing(od_claim, od_claim_sandbox):
    code, out, _ = od_claim("--dry-run")
    assert code == 0
    assert "Would write to claim 40 (dry run: nothing written):" in out
    assert f"  ClaimNote: ACN {ACN}; Trauma" in out
    assert od_claim_sandbox.store.get("claims", 40)["ClaimNote"] == ""
    assert not any(route.startswith("PUT") for route in od_claim_sandbox.stats.by_route)


def test_a_second_run_writes_nothing(od_claim, od_claim_sandbox):
    od_claim()
    edited = od_claim_sandbox.store.get("claims", 40)["SecDateTEdit"]
    code, out, _ = od_claim()
    assert code == 0 and "already holds the export's fields; nothing written" in out
    assert od_claim_sandbox.stats.by_route["PUT /claims/{id}"] == 1
    assert od_claim_sandbox.store.get("claims", 40)["SecDateTEdit"] == edited


def test_json_output(od_claim):
    code, out, _ = od_claim("--json")
    result = json.loads(out)
    assert code == 0
    assert (result["claim_num"], result["claim_status"], result["written"]) == (40, "unsent", True)
    assert result["changes"]["AccidentST"] == "CO" and result["to_type"] == [f"Attachment ID: {ACN}"]


def test_a_replacement_says_how_to_mark_the_correction(od_claim, fake_docservice):
    fake_docservice.exports[12][0].update(frequency_code="7", payer_claim_number="PCN-777")
    _, out, _ = od_claim("--dry-run")
    assert "  Correction Type: Replacement (claim frequency 7)" in out
    assert "  Original Reference Number: PCN-777" in out


def test_a_staff_note_being_replaced_is_said(od_claim, od_claim_sandbox):
    od_claim_sandbox.store.update("claims", 40, {"ClaimNote": "see chart"})
    _, out, _ = od_claim()
    assert "(the claim's earlier note is replaced)" in out


def test_an_accident_free_export_leaves_the_accident_fields(od_claim, od_claim_sandbox, fake_docservice):
    fake_docservice.exports[12][0]["claim"].update(accident=None, prior_authorization="")
    od_claim_sandbox.store.update("claims", 40, {"AccidentRelated": "E", "PriorAuthorizationNumber": "typed by staff"})
    assert od_claim()[0] == 0
    claim = od_claim_sandbox.store.get("claims", 40)
    assert (claim["AccidentRelated"], claim["PriorAuthorizationNumber"]) == ("E", "typed by staff")


@pytest.mark.parametrize(
    "change, says",
    [
        (lambda store: [store.delete("claims", 40)], "Only dental claims (41 sent) hold the procedures of case 12"),
        (
            lambda store: [store.delete("claims", n) for n in (40, 41)],
            "No Open Dental claim holds the procedures of case 12 (ProcNums 500, 501): make the medical claim",
        ),
        (
            lambda store: store.update("claims", 40, {"ClaimStatus": "S"}),
            "were already sent (40 sent): pick one with --claim",
        ),
        (
            lambda store: [
                store.insert("claims", {**store.get("claims", 40), "ClaimNum": 0}),
                store.insert("claimprocs", {**store.get("claimprocs", 901), "ClaimNum": 43}),
            ],
            "Several unsent medical claims hold the procedures of case 12 (40 unsent, 43 unsent): "
            "pick one with --claim.",
        ),
    ],
)
def test_no_single_claim_is_said_in_one_line(od_claim, od_claim_sandbox, change, says):
    change(od_claim_sandbox.store)
    code, out, err = od_claim()
    assert code == ExitCode.claim_not_matched and out == ""
    assert err.startswith("medlane: error: ") and says in err and err.count("\n") == 1
    assert not any(route.startswith("PUT") for route in od_claim_sandbox.stats.by_route)


def test_claim_named_by_hand(od_claim, od_claim_sandbox):
    od_claim_sandbox.store.update("claims", 40, {"ClaimStatus": "S"})
    code, out, _ = od_claim("--claim", "40")
    assert code == 0 and "Open Dental claim 40, sent." in out
    assert od_claim_sandbox.store.get("claims", 40)["ClaimNote"].startswith(f"ACN {ACN}")
    code, _, err = od_claim("--claim", "42")
    assert code == ExitCode.claim_not_matched and err == "medlane: error: Claim 42 is not for the patient of case 12.\n"
    code, _, err = od_claim("--claim", "999")
    assert code == ExitCode.claim_not_matched and err == "medlane: error: Open Dental has no claim 999.\n"


@pytest.mark.parametrize(
    "setup, says",
    [
        (lambda docs: docs.exports.update({12: []}), "Case 12 has not been exported yet: export it in MedLane first"),
        (lambda docs: docs.cases.pop(12), "The document service has no case 12 (404)."),
        (lambda docs: docs.cases[12].update(procedures=[{"proc_num": None, "code": "D0140"}]), "names no Open Dental"),
    ],
)
def test_document_service_problems_are_one_line(od_claim, fake_docservice, setup, says):
    setup(fake_docservice)
    code, out, err = od_claim()
    assert (code, out) == (ExitCode.document_service, "")
    assert err.startswith("medlane: error: ") and says in err and err.count("\n") == 1


def test_the_flaggers_token_is_told_to_use_a_billers(od_claim):
    code, _, err = od_claim(token="mlt_flagger_s3cret")
    assert code == ExitCode.document_service and "use a biller's token" in err and "s3cret" not in err


def test_unreachable_open_dental(od_claim):
    code, _, err = od_claim("--pms-url", "http://127.0.0.1:9/api/v1")
    assert code == ExitCode.open_dental and "Cannot reach Open Dental" in err and err.count("\n") == 1


def test_the_demo_practice_claim_is_filled(od_claim, demo_sandbox, fake_docservice):
    (claim,) = demo_sandbox.store.rows("claims")
    lines = demo_sandbox.store.rows("claimprocs")
    fake_docservice.cases[12].update(
        pat_num=claim["PatNum"], procedures=[{"proc_num": line["ProcNum"], "code": line["CodeSent"]} for line in lines]
    )
    code, out, _ = od_claim("--pms-url", demo_sandbox.url)
    assert code == 0 and f"Open Dental claim {claim['ClaimNum']}, unsent." in out
    assert demo_sandbox.store.get("claims", claim["ClaimNum"])["ClaimNote"].startswith(f"ACN {ACN}; ")


@pytest.mark.parametrize(
    "acn, note, expected",
    [
        ("ML-1-AB", "OSA G47.33 AHI 22", "ACN ML-1-AB; OSA G47.33 AHI 22"),
        ("ML-1-AB", "ACN ML-1-AB attached; OSA", "ACN ML-1-AB attached; OSA"),
        ("", "OSA G47.33", "OSA G47.33"),
        ("ML-1-AB", "", "ACN ML-1-AB"),
        # Whole "; " parts go first from the end...
        ("ML-42-9F3A0C11D2", "OSA G47.33 AHI 22 CPAP intol; E0486-NU; LMN+sleep study+CPAP log attached",
         "ACN ML-42-9F3A0C11D2; OSA G47.33 AHI 22 CPAP intol; E0486-NU"),
        # ...then whole words, never half of one.
        ("ML-42-9F3A0C11D2", "Obstructive sleep apnea G47.33 AHI 22 ESS 14 BMI 31 CPAP intolerant after trial",
         "ACN ML-42-9F3A0C11D2; Obstructive sleep apnea G47.33 AHI 22 ESS 14 BMI 31 CPAP"),
    ],
)
def test_claim_note_keeps_the_acn_whole_and_fits_80(acn, note, expected):
    composed = compose_claim_note(acn, note)
    assert composed == expected and len(composed) <= 80

