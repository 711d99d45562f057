"""In-memory test inputs for the checks: a small crosswalk of our own and a clean synthetic case per category.

No session is needed: the engine only reads ORM objects. Names are obviously synthetic.
"""
from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from crosswalks.billing import (
    AttachmentRule,
    Billing,
    CodeCandidate,
    ElementRule,
    MedicalCode,
    ModifierRule,
    Payer,
    SleepCriteria,
    SupportRule,
)
from docservice.models import Case, Claim, ClaimLine, Document, Fact, InsurancePlan, Narrative, Procedure

VALID_NPI = "1234567893"  # check digit verified (CMS example)
OTHER_VALID_NPI = "1245319599"
SERVICE_DAY = datetime(2026, 3, 2, 9, 0)


def _code(code, system="CPT", *, unlisted=False, laterality=False, em=False, dme=False, imaging=False, max_units=1):
    return MedicalCode(code, system, f"test label {code}", unlisted, laterality, em, dme, imaging, max_units, "test", "H")


def _cand(id_, cdt, code, when=None, system="CPT"):
    return CodeCandidate(id_, cdt, code, system, when or {}, "one", (), "", "test", "H")


def _attach(id_, codes, categories, kind, label, requires=()):
    return AttachmentRule(id_, tuple(codes), tuple(categories), kind, "OZ", label, tuple(requires), "error",
                          "", "", "test", "H")


def _element(id_, codes, categories, fact, label, severity="error", denied_means="contradicted"):
    return ElementRule(id_, tuple(codes), tuple(categories), fact, severity, label, "", "", "test", "H",
                       denied_means=denied_means)


MEDICARE_SLEEP = SleepCriteria(
    ahi_min=15, events_min=30, ahi_low_min=5, events_low_min=10,
    low_icd_prefixes=("I10", "I25", "I63", "Z86.73"),
    low_symptoms=("daytime_sleepiness", "insomnia", "impaired_cognition", "mood_disorder",
                  "hypertension", "ischemic_heart_disease", "stroke"),
)


def make_billing() -> Billing:
    """A crosswalk of our own (shaped like the real one) so each rule's mechanics are tested apart from the data."""
    return Billing(
        claim_codes=(
            _cand("sleep-hinge", "D9947", "E0486", {"hinge": "yes"}, "HCPCS"),
            _cand("fren-ling-incision", "D7962", "41010", {"action": "incision"}),
            _cand("fren-ling-excision", "D7962", "41115", {"action": "excision"}),
            _cand("fren-ling-plasty", "D7962", "41520", {"action": "plasty"}),
            _cand("biopsy-vestibule", "D7286", "40808", {"site": "vestibule"}),
            _cand("biopsy-lip", "D7286", "40490", {"site": "lip"}),
            _cand("biopsy-tongue", "D7286", "41100", {"site": "tongue_anterior"}),
        ),
        medical_codes=(
            _code("E0486", "HCPCS", dme=True), _code("41899", unlisted=True), _code("21299", unlisted=True),
            _code("41010"), _code("41115"), _code("41520"), _code("40808"), _code("40490"), _code("41100"), _code("70486", imaging=True),
            _code("99213", em=True), _code("29800", laterality=True), _code("41874", max_units=4),
            _code("D7880", "CDT"), _code("21440"),
        ),
        diagnosis_hints=(),
        support_rules=(
            SupportRule("osa", ("E0486", "D9947"), ("G47.33",), "obstructive sleep apnea", "", "test", "H"),
            SupportRule("biopsy", ("40808", "40490", "41100"), ("K13", "K14", "D10", "C0", "D37.0", "R22.0"), "a lesion or neoplasm", "", "test", "H"),
            SupportRule("ridge", ("41874",), ("K08.2", "K08.1", "M27.8"), "an edentulous ridge", "", "test", "H"),
            SupportRule("tmd", ("D7880", "21299"), ("M26.6", "M79.1"), "a TMJ disorder", "", "test", "H"),
        ),
        attachment_rules=(
            _attach("sleep-study", ("E0486",), (), "sleep_study", "Sleep study report", ("ahi", "sleep_study_date")),
            _attach("sleep-order", ("E0486",), (), "physician_order", "Physician order", ("order_date",)),
            _attach("path-report", ("40808",), (), "pathology_report", "Pathology report", ("pathology_diagnosis",)),
            _attach("radiology", ("70486",), (), "radiology_report", "Radiology report", ("radiology_impression",)),
            _attach("clearance-referral", (), ("clearance",), "referral", "Referral", ("referral_source",)),
        ),
        element_rules=(
            _element("cpap", ("E0486",), (), "cpap_intolerance", "CPAP intolerance"),
            _element("tmd-pain", (), ("tmd",), "pain", "jaw pain"),
            _element("tmd-therapy", (), ("tmd",), "conservative_therapy", "conservative therapy",
                     denied_means="missing"),
        ),
        modifier_rules=(
            ModifierRule("e0486-nu", ("E0486",), "required", ("NU",), "", "", "test", "H"),
            ModifierRule("e0486-kx", ("E0486",), "medicare_criteria", ("KX", "GA", "GZ"), "", "", "test", "H"),
            ModifierRule("tmj-side", ("29800",), "laterality", ("RT", "LT", "50"), "", "", "test", "H"),
            ModifierRule("em-25", ("99213",), "same_day_em", ("25",), "", "", "test", "H"),
        ),
        payers=(
            Payer("default", "Commercial payer", (), False, False, (), 365, MEDICARE_SLEEP, "test", "M"),
            Payer("medicare", "Medicare", ("medicare",), True, False, (), 365, MEDICARE_SLEEP, "test", "H"),
            Payer("strict", "Strict Health", ("strict",), False, True, ("E0486", "D7880"), 90, MEDICARE_SLEEP, "test", "M"),
        ),
    )


def crosswalk(billing: Billing | None = None):
    """What run_checks needs of a crosswalk: its `billing`."""
    return SimpleNamespace(billing=billing or make_billing())


# ------------------------------------------------------------------------------- ORM objects

_ids = iter(range(1, 10**9))


def fact(name, value, *, document=None, page=1, negated=False, historical=False, snippet="") -> Fact:
    return Fact(id=next(_ids), name=name, value=value, display=str(value), document_id=document.id if document else None,
                page=page if document else None, snippet=snippet or f"{name}: {value}", negated=negated,
                historical=historical, source="document" if document else "appointment", confidence=0.9)


def document(kind, *, status="done") -> Document:
    return Document(id=next(_ids), kind=kind, status=status, sha256="0" * 64, size=1, media_type="application/pdf",
                    filename=f"{kind}.pdf")


def line(code, *, cdt="", pointers=(1,), modifiers=(), units=1, tooth="", description="", rule="") -> ClaimLine:
    return ClaimLine(id=next(_ids), code=code, cdt=cdt, system="CPT", modifiers=list(modifiers), units=units,
                     pointers=list(pointers), tooth=tooth, description=description, rule=rule, why={}, edited=[])


def claim(diagnoses, lines, *, payer="", edited=(), **fields) -> Claim:
    base = {"member_id": "TESTMEMBER01", "service_date": SERVICE_DAY.date().isoformat(),
            "rendering_provider": {"name": "Test Dentist Gamma", "npi": VALID_NPI},
            "billing_provider": {"name": "Test Dental Group", "npi": VALID_NPI}}
    base.update(fields)
    dx = [d if isinstance(d, dict) else {"code": d, "label": "", "why": "", "source": "problem"} for d in diagnoses]
    for position, item in enumerate(lines):
        item.position = position
    return Claim(id=next(_ids), payer=payer, diagnoses=dx, fields=base, why={}, edited=list(edited), lines=list(lines))


def case(category, *, procedures=(), documents=(), carrier="Test Mutual", narrative="signed", medical=True) -> Case:
    insurance = [InsurancePlan(kind="dental", carrier="Test Dental", subscriber_id="D1", ordinal=1)]
    if medical:
        insurance.append(InsurancePlan(kind="medical", carrier=carrier, plan="PPO", subscriber_id="TESTMEMBER01", ordinal=1))
    made = Case(id=next(_ids), practice="test", apt_num=1, pat_num=1, apt_start=SERVICE_DAY,
                patient_name="Test Patient Alpha", category=category,
                categories=[{"category": category, "label": category, "strength": "strong"}],
                procedures=[Procedure(id=next(_ids), code=c, descript=d) for c, d in procedures],
                problems=[], insurance=insurance, documents=list(documents))
    if narrative:
        made.narrative = Narrative(id=next(_ids), template=f"{category}.md.j2", status=narrative,
                                   body="A complete narrative.", placeholders=[])
    return made


# ------------------------------------------------------------------------------- scenarios


def sleep_scenario(*, ahi=24.0, events=96, carrier="Test Mutual"):
    """A sleep-appliance case that passes every check: (case, claim, facts)."""
    study, order = document("sleep_study"), document("physician_order")
    made = case("sleep", procedures=[("D9947", "custom sleep apnea appliance")], documents=[study, order], carrier=carrier)
    facts = [
        fact("ahi", ahi, document=study), fact("respiratory_events", events, document=study),
        fact("sleep_study_date", "2026-01-10", document=study),
        fact("face_to_face_date", "2026-01-02", document=order),
        fact("order_date", "2026-01-20", document=order), fact("delivery_date", "2026-03-02", document=order),
        fact("cpap_intolerance", True, document=study),
        fact("ordering_physician", {"name": "Test Physician Beta", "npi": OTHER_VALID_NPI}, document=order),
    ]
    built = claim(["G47.33"], [line("E0486", cdt="D9947", modifiers=["NU"], rule="sleep-hinge")],
                  ordering_provider={"name": "Test Physician Beta", "npi": OTHER_VALID_NPI, "qualifier": "DK"})
    return made, built, facts


def tmd_scenario():
    """A TMD orthotic case on the CDT code that passes every check."""
    note = document("chart_note")
    made = case("tmd", procedures=[("D7880", "occlusal orthotic")], documents=[note])
    facts = [fact("pain", True, document=note), fact("side", "left", document=note),
             fact("conservative_therapy", "nsaids", document=note)]
    built = claim(["M26.622"], [line("D7880", cdt="D7880")])
    return made, built, facts


def trauma_scenario():
    note = document("chart_note")
    made = case("trauma", procedures=[("D7270", "reimplant tooth 8")], documents=[note])
    facts = [fact("injury_date", "2026-02-28", document=note), fact("injury_mechanism", "fall", document=note)]
    built = claim(["S03.2XXA", "W01.0XXA"], [line("41899", cdt="D7270", pointers=[1, 2], description="Reimplantation of avulsed tooth 8")])
    return made, built, facts
