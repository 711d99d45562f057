"""May this case go out? The checks' findings plus what only an export needs.

Export adds to the consistency checks what a payer file cannot be written without: a saved
claim, the practice's billing settings, a payer profile for the plan, the patient's address,
a charge on every line, and documents that finished OCR. Each is a `Finding`, so the biller
reads one list whatever stands in the way.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace

from docservice.checks import run_checks
from docservice.checks.findings import Finding, sort_findings
from docservice.claimforms.build import billed_plans, plan_profile
from docservice.exports.context import ExportContext
from docservice.models import FINAL_STATUSES

# Findings that only advise while the claim is worked on but stop an export.
BLOCK_EXPORT = frozenset({"narrative-unsigned"})
# (dotted key, what it is) of the settings every 837P and CMS-1500 needs.
REQUIRED_SETTINGS = (
    ("billing_provider.name", "the billing provider's name"),
    ("billing_provider.npi", "the billing provider's NPI"),
    ("billing_provider.tin", "the billing provider's TIN (EIN)"),
    ("billing_provider.taxonomy", "the billing provider's taxonomy code"),
    ("billing_provider.address.line1", "the billing provider's street address"),
    ("billing_provider.address.city", "the billing provider's city"),
    ("billing_provider.address.state", "the billing provider's state"),
    ("billing_provider.address.zip", "the billing provider's ZIP+4"),
    ("submitter.name", "the submitter's name (the practice, as the clearinghouse knows it)"),
    ("submitter.id", "the submitter id the clearinghouse gave the practice"),
    ("receiver.name", "the clearinghouse's name"),
    ("receiver.id", "the clearinghouse's receiver id"),
)


def check_readiness(ctx: ExportContext) -> list[Finding]:
    """Every finding of the case (errors block the export unless an admin overrides)."""
    case = ctx.case
    findings: list[Finding] = []
    if case.claim is None:
        findings.append(Finding(
            rule="claim-not-built", severity="error",
            message="The claim has not been built and reviewed yet.",
            fix=f"Build it (POST /api/v1/cases/{case.id}/claim), review it, then export."))
    else:
        report = run_checks(case, case.claim, list(case.facts), ctx.crosswalk)
        findings.extend(_as_export_sees(finding) for finding in report.findings)
        findings.extend(_line_findings(case.claim))
        findings.extend(_payer_findings(ctx))
    findings.extend(_settings_findings(ctx.settings))
    findings.extend(_patient_findings(case))
    findings.extend(_document_findings(case))
    return sort_findings(findings)


def _as_export_sees(finding: Finding) -> Finding:
    """A claim may be ready before its letter is signed; a packet goes out only with the signed letter."""
    if finding.rule in BLOCK_EXPORT and finding.severity != "error":
        return replace(finding, severity="error",
                       message=finding.message + " The packet goes out only with the signed narrative.")
    return finding


def _settings_findings(settings: Mapping) -> Iterator[Finding]:
    for key, what in REQUIRED_SETTINGS:
        if not _lookup(settings, key):
            yield Finding(rule="settings-missing", severity="error",
                          message=f"The practice settings lack {what} ({key}).",
                          fix=f"An admin sets it: medlane settings set {key} VALUE (or PUT /api/v1/settings).")


def _payer_findings(ctx: ExportContext) -> Iterator[Finding]:
    case, claim = ctx.case, ctx.case.claim
    if not any(plan.kind == "medical" for plan in case.insurance):
        return  # medical-plan-missing comes from the checks
    plan, _ = billed_plans(case, claim)
    profile = plan_profile(ctx.settings, plan, claim)
    if profile is None:
        yield Finding(rule="settings-missing", severity="error",
                      message="No payer profile in the settings matches the medical plan's carrier (by its "
                              "electronic payer id or its name).",
                      fix="An admin adds the payer (payer id, name, attachment limit) to settings.payers, or adds "
                          "the carrier's name to an existing payer's aliases.")
        return
    if not profile.get("takes_cdt"):
        for position, line in enumerate(claim.lines, start=1):
            if line.system == "CDT":
                yield Finding(rule="payer-no-cdt", severity="error", line=position,
                              message=f"Line {position} is a CDT code ({line.code}) and this payer takes only "
                                      "CPT/HCPCS codes.",
                              fix="Change the line to its medical code, or mark the payer as taking CDT codes.")


def _line_findings(claim) -> Iterator[Finding]:
    for position, line in enumerate(claim.lines, start=1):
        if line.charge is None or line.charge <= 0:
            yield Finding(rule="line-charge-missing", severity="error", line=position,
                          message=f"Line {position} ({line.code}) has no charge.",
                          fix="Set the line's charge (the practice's fee for the medical code).")


def _patient_findings(case) -> Iterator[Finding]:
    address = case.patient_address or {}
    if not all(address.get(key) for key in ("line1", "city", "state", "zip")):
        yield Finding(rule="patient-address-missing", severity="error",
                      message="The patient's address (street, city, state, ZIP) is not on the case.",
                      fix="Enter the address in Open Dental and scan again, or post the case with patient.address.")
    if case.patient_birthdate is None:
        yield Finding(rule="patient-birthdate-missing", severity="error",
                      message="The patient's date of birth is not on the case.",
                      fix="Enter it in Open Dental and scan again.")


def _document_findings(case) -> Iterator[Finding]:
    pending = [document for document in case.documents if document.status not in FINAL_STATUSES]
    if pending:
        yield Finding(rule="documents-pending", severity="error",
                      message=f"{len(pending)} document(s) of the case are still being read (OCR).",
                      fix="Wait until every document is done, then export.")


def _lookup(settings: Mapping, key: str):
    value = settings
    for part in key.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value
