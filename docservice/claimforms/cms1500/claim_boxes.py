"""Boxes 1-23 and 25-33: what the claim says once, printed the same on every page.

Instructions followed are the NUCC 1500 Reference Instruction Manual's (02/12 form); where a
box has choices, the choice made and why is said beside it.
"""
from __future__ import annotations

from datetime import date

from docservice.claimforms.submission import Address, ClaimSubmission, Coverage, Provider

from docservice.claimforms.cms1500.errors import Cms1500Error
from docservice.claimforms.cms1500.formatting import (
    bare_icd10,
    city_state_zip,
    compact_date,
    form_text,
    person_name,
    provider_name,
    street,
)
from docservice.claimforms.cms1500.layout import Layout
from docservice.claimforms.cms1500.page_writer import PageWriter

ICD10_INDICATOR = "0"
SIGNATURE_ON_FILE = "SIGNATURE ON FILE"
CONTINUED = "CONTINUED"
ONSET_QUALIFIER = "431"  # box 14: onset of current symptoms or illness
INITIAL_TREATMENT_QUALIFIER = "454"  # box 15
ACCIDENT_QUALIFIER = "439"  # box 15
REFERRING_QUALIFIER = "DN"  # box 17
ORDERING_QUALIFIER = "DK"
RESUBMISSION_CODES = ("7", "8")  # box 22: replacement, void
PAPERWORK_QUALIFIER = "PWK"  # box 19, NUCC: PWK + report type + transmission + ACN, no spaces
NOTE_QUALIFIER = "NTEADD"  # box 19, NUCC: NTE + ADD (additional information) + the text
BOX19_SEPARATOR = "   "  # NUCC: three spaces between items in box 19
PACKET_REPORT_TYPE = "OZ"  # support data for claim: a packet of several kinds of documents


def fill_claim_boxes(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout, last_page: bool) -> None:
    """Everything except box 24; totals (28, 29) only when `last_page`, "CONTINUED" before it."""
    _fill_payer(writer, submission, layout=layout)
    _fill_patient_and_insured(writer, submission, layout=layout)
    _fill_other_insurance(writer, submission, layout=layout)
    _fill_condition(writer, submission, layout=layout)
    _fill_authorizations(writer, submission, layout=layout)
    _fill_dates_and_referral(writer, submission, layout=layout)
    _fill_claim_information(writer, submission, layout=layout)
    _fill_totals(writer, submission, layout=layout, last_page=last_page)
    _fill_facility_and_billing(writer, submission, layout=layout)


def compose_additional_info(submission: ClaimSubmission, *, width: int) -> str:
    """Box 19: the attachment control number, then the claim note, in at most `width` characters.

    The packet's documents share one ACN, so one PWK item names them: its own report type when
    there is one kind, OZ (support data for claim) for a mix. The ACN is never cut (it must match
    the packet's cover sheet); the note is cut to what is left.
    """
    text = ""
    if submission.attachments:
        kinds = {attachment.report_type for attachment in submission.attachments}
        first = submission.attachments[0]
        report_type = first.report_type if len(kinds) == 1 else PACKET_REPORT_TYPE
        text = form_text(f"{PAPERWORK_QUALIFIER}{report_type}{first.transmission}{first.control_number}", box="19")
        if len(text) > width:
            raise Cms1500Error(f"Box 19 holds {width} characters; the attachment control number needs {len(text)}.")
    if submission.note:
        lead = f"{text}{BOX19_SEPARATOR}" if text else ""
        note = form_text(f"{NOTE_QUALIFIER}{submission.note}", box="19")
        if width - len(lead) > len(NOTE_QUALIFIER):  # room for some of the note, not just its qualifier
            text = f"{lead}{note[:width - len(lead)].rstrip()}"
    return text


def _fill_payer(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    payer = submission.coverage.payer
    lines = [form_text(payer.name, box="payer")]
    if payer.address:
        lines += [form_text(payer.address.line1, box="payer"), form_text(payer.address.line2, box="payer"),
                  city_state_zip(payer.address, box="payer")]
    writer.put_lines(layout.text["payer"], lines)


def _fill_patient_and_insured(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 1-7."""
    coverage, patient = submission.coverage, submission.patient
    plan_type = layout.payer_types.get(coverage.payer.filing_indicator.upper(), "other")
    writer.check(layout.checkboxes["box1_plan"], plan_type)
    writer.put_text(layout.text["box1a_insured_id"], form_text(coverage.member_id, box="1a"), box="1a", must_fit=True)

    writer.put_text(layout.text["box2_patient_name"], person_name(patient, box="2"), box="2")
    writer.put_date(layout.dates["box3_birth_date"], patient.birthdate)
    if patient.sex in ("M", "F"):
        writer.check(layout.checkboxes["box3_sex"], patient.sex)
    writer.put_text(layout.text["box4_insured_name"], person_name(coverage.subscriber, box="4"), box="4")

    _fill_address(writer, patient.address, phone=patient.phone, layout=layout, box="5")
    writer.check(layout.checkboxes["box6_relationship"], layout.relationships.get(coverage.relationship, "other"))
    _fill_address(writer, coverage.subscriber.address, phone=coverage.subscriber.phone, layout=layout, box="7")


def _fill_address(writer: PageWriter, address: Address | None, *, phone: str, layout: Layout, box: str) -> None:
    """Box 5 or 7: street; city and state; ZIP and phone."""
    if address is not None:
        writer.put_text(layout.text[f"box{box}_street"], street(address, box=box), box=box)
        writer.put_text(layout.text[f"box{box}_city"], form_text(address.city, box=box), box=box)
        writer.put_text(layout.text[f"box{box}_state"], form_text(address.state, box=box), box=box, must_fit=True)
        writer.put_text(layout.text[f"box{box}_zip"], address.zip, box=box, must_fit=True)
    writer.put_phone(layout.phones[f"box{box}_phone"], phone)


def _fill_other_insurance(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 9, 9a, 9d, 11, 11a, 11c, 11d."""
    coverage, other = submission.coverage, submission.other_coverage
    if other is not None:
        writer.put_text(layout.text["box9_other_insured_name"], person_name(other.subscriber, box="9"), box="9")
        # 9a: NUCC asks for the other insured's policy or group number; the group number when the
        # plan has one (837P 2320 SBR03), else the member ID.
        writer.put_text(layout.text["box9a_other_policy"], form_text(other.group_number or other.member_id, box="9a"),
                        box="9a", must_fit=True)
        writer.put_text(layout.text["box9d_other_plan_name"], _plan_name(other, box="9d"), box="9d")

    writer.put_text(layout.text["box11_group_number"], form_text(coverage.group_number, box="11"), box="11",
                    must_fit=True)
    writer.put_date(layout.dates["box11a_insured_birth_date"], coverage.subscriber.birthdate)
    if coverage.subscriber.sex in ("M", "F"):
        writer.check(layout.checkboxes["box11a_sex"], coverage.subscriber.sex)
    writer.put_text(layout.text["box11c_plan_name"], _plan_name(coverage, box="11c"), box="11c")
    writer.check(layout.checkboxes["box11d_other_plan"], "yes" if other is not None else "no")


def _plan_name(coverage: Coverage, *, box: str) -> str:
    return form_text(coverage.plan_name or coverage.payer.name, box=box)


def _fill_condition(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 10a-10c: NUCC wants each answered, so NO is marked wherever it is not YES."""
    related = submission.accident.related if submission.accident else ""
    for key, kind in (("box10a_employment", "employment"), ("box10b_auto_accident", "auto"),
                      ("box10c_other_accident", "other")):
        writer.check(layout.checkboxes[key], "yes" if related == kind else "no")
    if related == "auto" and submission.accident.state:
        writer.put_text(layout.text["box10b_state"], form_text(submission.accident.state, box="10b"), box="10b",
                        must_fit=True)


def _fill_authorizations(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 12, 13, 27 and 31 (CLM09, CLM08, CLM07, CLM06).

    Boxes 12 and 31 carry a date; the submission has no signing date, so the date of the claim's
    last service is used, which keeps the form the same each time it is printed.
    """
    form_date = compact_date(submission.last_service_date)
    if submission.patient_signature_on_file and submission.release_of_information == "Y":
        writer.put_text(layout.text["box12_signature"], SIGNATURE_ON_FILE, box="12")
        writer.put_text(layout.text["box12_date"], form_date, box="12")
    if submission.benefits_assigned:
        writer.put_text(layout.text["box13_signature"], SIGNATURE_ON_FILE, box="13")
    writer.check(layout.checkboxes["box27_assignment"], "yes" if submission.accept_assignment else "no")
    if submission.provider_signature_on_file:
        writer.put_text(layout.text["box31_signature"], SIGNATURE_ON_FILE, box="31")
        writer.put_text(layout.text["box31_date"], form_date, box="31")


def _fill_dates_and_referral(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 14, 15 and 17/17b."""
    accident_date = submission.accident.date if submission.accident else None
    current = submission.onset_date or accident_date
    if current is not None:
        writer.put_date(layout.dates["box14_date"], current)
        writer.put_text(layout.text["box14_qualifier"], ONSET_QUALIFIER, box="14")
    other_date, qualifier = _other_date(submission, box14=current, accident_date=accident_date)
    if other_date is not None:
        writer.put_text(layout.text["box15_qualifier"], qualifier, box="15")
        writer.put_date(layout.dates["box15_date"], other_date)

    provider, qualifier = ((submission.referring_provider, REFERRING_QUALIFIER) if submission.referring_provider
                           else (submission.ordering_provider, ORDERING_QUALIFIER))
    if provider is not None:
        writer.put_text(layout.text["box17_qualifier"], qualifier, box="17")
        writer.put_text(layout.text["box17_name"], provider_name(provider, box="17"), box="17")
        writer.put_text(layout.text["box17b_npi"], provider.npi, box="17b", must_fit=True)


def _other_date(submission: ClaimSubmission, *, box14: date | None,
                accident_date: date | None) -> tuple[date | None, str]:
    """Box 15: the initial treatment date; else the accident date when box 14 shows another date."""
    if submission.initial_treatment_date is not None:
        return submission.initial_treatment_date, INITIAL_TREATMENT_QUALIFIER
    if accident_date is not None and accident_date != box14:
        return accident_date, ACCIDENT_QUALIFIER
    return None, ""


def _fill_claim_information(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 19, 21, 22 and 23."""
    box19 = layout.text["box19_additional_info"]
    writer.put_text(box19, compose_additional_info(submission, width=box19.width), box="19")

    if len(submission.diagnoses) > 12:
        raise Cms1500Error("Box 21 holds 12 diagnoses; the claim has more.")
    writer.put_text(layout.text["box21_icd_indicator"], ICD10_INDICATOR, box="21")
    for index, code in enumerate(submission.diagnoses):
        spot = layout.diagnoses.spot(index)
        writer.put_text(spot, bare_icd10(code), box="21", must_fit=True)

    if submission.frequency_code in RESUBMISSION_CODES:
        writer.put_text(layout.text["box22_resubmission_code"], submission.frequency_code, box="22")
        writer.put_text(layout.text["box22_original_ref"], form_text(submission.payer_claim_number, box="22"),
                        box="22", must_fit=True)
    writer.put_text(layout.text["box23_prior_authorization"], form_text(submission.prior_authorization, box="23"),
                    box="23", must_fit=True)


def _fill_totals(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout, last_page: bool) -> None:
    """Boxes 25, 26, 28 and 29. NUCC: on a claim of several pages only the last carries totals."""
    billing = submission.billing_provider
    writer.put_text(layout.text["box25_tin"], billing.tin, box="25", must_fit=True)
    if billing.tin:
        # The submission keeps no TIN kind; a practice bills under its EIN (an SSN is not sent).
        writer.check(layout.checkboxes["box25_id_type"], "ein")
    writer.put_text(layout.text["box26_account_number"], form_text(submission.claim_control_number, box="26"),
                    box="26", must_fit=True)
    if not last_page:
        writer.put_text(layout.text["box28_continued"], CONTINUED, box="28")
        return
    writer.put_money(layout.money["box28_total"], submission.total_charge, box="28")
    paid = submission.other_coverage.paid_amount if submission.other_coverage else None
    if paid is not None:
        writer.put_money(layout.money["box29_paid"], paid, box="29")


def _fill_facility_and_billing(writer: PageWriter, submission: ClaimSubmission, *, layout: Layout) -> None:
    """Boxes 32/32a (only when the service facility is known) and 33/33a."""
    if submission.service_facility is not None:
        _fill_provider_block(writer, submission.service_facility, layout=layout, box="32")
    billing = submission.billing_provider
    _fill_provider_block(writer, billing, layout=layout, box="33")
    writer.put_phone(layout.phones["box33_phone"], billing.phone)


def _fill_provider_block(writer: PageWriter, provider: Provider, *, layout: Layout, box: str) -> None:
    writer.put_text(layout.text[f"box{box}_name"], form_text(provider.name, box=box), box=box)
    if provider.address is not None:
        writer.put_text(layout.text[f"box{box}_street"], street(provider.address, box=box), box=box)
        writer.put_text(layout.text[f"box{box}_city_state_zip"], city_state_zip(provider.address, box=box), box=box)
    writer.put_text(layout.text[f"box{box}a_npi"], provider.npi, box=f"{box}a", must_fit=True)
