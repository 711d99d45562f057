"""Golden cases: what a competent dental-medical biller expects for realistic flagged cases.

Each case is the body the flagger posts, the documents the office uploads, and the expectations:
facts the documents state, the claim lines a biller would send, the principal diagnosis, whether
the case is ready to send, and the checks that must (or must not) fire. Expectations come from
the domain reference (shared/reference/dental-medical-billing.md) and clinical common sense,
never from running the code under test.

Value conventions in `facts`: numbers match within a small tolerance (durations in days within
15 %, since "4 months" may be 120 or 122 days); dates are ISO; a dict matches when every key given
matches (names and specialties case-insensitively, by containment); a list matches when it holds
every item given; a string matches by case-insensitive containment. A `code` of "A|B" accepts
either code (where billing practice genuinely varies).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tests.golden import documents as d

# ------------------------------------------------------------------------------ insurance

MEDICARE = {"kind": "medical", "carrier": "Medicare Part B (synthetic)", "plan": "Part B",
            "subscriber_id": "1EG4TE5MK72", "ordinal": 1}
BCBS = {"kind": "medical", "carrier": "Synthetic BCBS PPO", "plan": "PPO", "group_number": "GRP-SYN-100",
        "subscriber_id": "XYZ900111222", "ordinal": 1}
AETNA = {"kind": "medical", "carrier": "Synthetic Aetna", "plan": "Choice POS II", "group_number": "SYN-22",
         "subscriber_id": "W900222333", "ordinal": 1}
UHC = {"kind": "medical", "carrier": "Synthetic UnitedHealthcare", "plan": "Choice Plus",
       "subscriber_id": "U900333444", "ordinal": 1}
CIGNA = {"kind": "medical", "carrier": "Synthetic Cigna", "plan": "Open Access Plus",
         "subscriber_id": "C900444555", "ordinal": 1}
DENTAL = {"kind": "dental", "carrier": "Synthetic Delta Dental", "plan": "PPO", "subscriber_id": "DD700100",
          "ordinal": 1}

# Rules a clean case of any category must not raise as errors.
CLEAN = ("icd-invalid", "icd-not-billable", "medical-plan-missing", "member-id-missing", "npi-invalid",
         "claim-no-lines", "line-no-pointer", "units-invalid", "line-duplicate", "claim-limits")


@dataclass(frozen=True)
class Line:
    """An expected claim line: the code (alternatives with "|"), modifiers it must carry and must not."""

    code: str
    modifiers: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    units: int | None = 1


@dataclass(frozen=True)
class Edit:
    """A person's change to the built claim line that came from `cdt`, before the checks run."""

    cdt: str
    changes: dict


@dataclass(frozen=True)
class GoldenCase:
    name: str
    category: str
    body: dict
    documents: tuple[d.Document, ...]
    facts: dict = field(default_factory=dict)  # name -> value that must be present (not negated, not historical)
    negated: tuple[str, ...] = ()  # fact names that must be found negated (or historical)
    absent: tuple = ()  # name, or (name, value): must not be present
    lines: tuple[Line, ...] = ()
    principal: str | None = None  # "A|B" accepts either
    claim_fields: dict = field(default_factory=dict)  # dotted path -> value (same matching as facts)
    ready: bool | None = None
    errors: tuple[str, ...] = ()  # rule ids that must be errors
    flags: tuple[str, ...] = ()  # rule ids that must appear (error or warning)
    not_errors: tuple[str, ...] = ()  # rule ids that must not be errors
    edits: tuple[Edit, ...] = ()
    narrative_mentions: tuple[str, ...] = ()  # words the draft must carry (documented values, codes)
    narrative_missing: tuple[str, ...] = ()  # a visible placeholder whose field contains each of these
    narrative_documented: tuple[str, ...] = ()  # fields that are documented: never a placeholder

    @property
    def scanned_pages(self) -> int:
        return sum(len(doc.pages) for doc in self.documents if doc.scanned)


_apt = iter(range(4001, 5000))


def body(*, category: str, patient: str, birthdate: str, gender: str, start: str, procedures: list[dict],
         problems: list[tuple[str, str]], insurance: list[dict], note: str = "", label: str = "") -> dict:
    """A case as the flagger posts it (tests/docservice/samples.py `case_body` shape)."""
    number = next(_apt)
    return {
        "practice": "synthetic-smiles",
        "apt_num": number,
        "pat_num": number + 50000,
        "appointment": {"start": start, "provider": "DOC1", "op": 3, "note": note},
        "patient": {"name": patient, "birthdate": birthdate, "gender": gender},
        "procedures": [{"proc_num": number * 10 + i, "tooth": "", "surface": "", **p} for i, p in enumerate(procedures)],
        "problems": [{"icd10": code, "name": name} for code, name in problems],
        "insurance": insurance,
        "category": category,
        "categories": [{"category": category, "label": label or category, "strength": "strong"}],
        "evidence": [],
        "needs": [],
    }


def proc(code: str, descript: str, fee: float, *, tooth: str = "", surface: str = "") -> dict:
    return {"code": code, "descript": descript, "fee": fee, "tooth": tooth, "surface": surface}


# =================================================================================== sleep


def _sleep_medicare_ready() -> GoldenCase:
    patient = "Test Patient Kilo"
    return GoldenCase(
        name="sleep_medicare_psg_ready",
        category="sleep",
        body=body(category="sleep", patient=patient, birthdate="1953-04-11", gender="Male",
                  start="2026-03-02T09:00:00", procedures=[proc("D9947", "custom sleep apnea appliance", 1950.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("I10", "Essential hypertension")],
                  insurance=[MEDICARE, DENTAL], note="Deliver sleep appliance"),
        documents=(
            d.face_to_face_note(d.FaceToFace(
                day=date(2025, 12, 15), physician=d.SLEEP_DOCTOR, epworth=14,
                positives=("Bed partner reports loud snoring and witnessed apneas most nights.",
                           "Reports excessive daytime sleepiness; dozes while reading and once at a red light."),
                negatives=("Denies chest pain or palpitations. No history of stroke.",),
                history=("Hypertension, treated with lisinopril 10 mg daily.",),
                cpap="Tried CPAP for 3 months in 2024 and could not tolerate it because of claustrophobia "
                     "and mask leak (average use 1.2 h/night)."),
                patient=patient, style="hospital"),
            d.sleep_study_report(d.SleepStudy(
                study="psg", day=date(2026, 1, 12), ahi=22.4, rdi=25.1, events=150, nadir=84,
                physician=d.SLEEP_DOCTOR,
                impression="Moderate obstructive sleep apnea (AHI 22.4/h), G47.33.",
                recommendation="Custom oral appliance therapy is appropriate given documented CPAP intolerance."),
                patient=patient, style="hospital"),
            d.physician_order(d.ApplianceOrder(day=date(2026, 1, 20), physician=d.SLEEP_DOCTOR),
                              patient=patient, birthdate=date(1953, 4, 11), style="hospital"),
            d.dental_sleep_note(patient=patient, day=date(2026, 3, 2), style="hospital", delivery=True),
        ),
        facts={"ahi": 22.4, "rdi": 25.1, "respiratory_events": 150, "sleep_study_date": "2026-01-12",
               "sleep_study_type": "psg", "interpreting_physician": {"npi": d.SLEEP_DOCTOR.npi},
               "ordering_physician": {"npi": d.SLEEP_DOCTOR.npi}, "order_date": "2026-01-20",
               "face_to_face_date": "2025-12-15", "epworth": 14, "cpap_intolerance": True,
               "appliance_hinge": "yes", "comorbidity": "hypertension", "sleep_symptom": "daytime_sleepiness",
               "delivery_date": "2026-03-02"},
        absent=(("comorbidity", "stroke"),),
        lines=(Line("E0486", modifiers=("NU", "KX")),),
        principal="G47.33",
        claim_fields={"ordering_provider.npi": d.SLEEP_DOCTOR.npi, "service_date": "2026-03-02"},
        ready=True,
        not_errors=CLEAN + ("sleep-ahi-threshold", "attachment-missing", "attachment-incomplete", "element-missing",
                            "date-order", "dx-does-not-support", "modifier-missing", "provider-missing"),
        narrative_mentions=("E0486", "22.4"),
        narrative_documented=("ahi", "sleep_study_date", "ordering_physician"),
    )


def _sleep_hsat_commercial_ready() -> GoldenCase:
    patient = "Test Patient Lima"
    return GoldenCase(
        name="sleep_hsat_commercial_no_hinge_ready",
        category="sleep",
        body=body(category="sleep", patient=patient, birthdate="1979-09-02", gender="Female",
                  start="2026-03-09T14:30:00", procedures=[proc("D9947", "sleep apnea appliance", 1800.0)],
                  problems=[("G47.33", "OSA")], insurance=[BCBS, DENTAL]),
        documents=(
            d.face_to_face_note(d.FaceToFace(
                day=date(2026, 1, 5), physician=d.PRIMARY_DOCTOR, epworth=13,
                positives=("Snores nightly; husband notes pauses in breathing.",
                           "Daytime fatigue and dozing in afternoon meetings."),
                negatives=("No morning headaches.",), history=("Obesity, BMI 31.",),
                cpap="Stopped CPAP after a 6-week trial: could not tolerate the mask pressure and aerophagia."),
                patient=patient, style="clinic"),
            d.sleep_study_report(d.SleepStudy(
                study="hsat", day=date(2026, 1, 19), ahi=18.6, events=112, nadir=86, physician=d.SLEEP_DOCTOR_2,
                minutes_asleep=361, impression="Moderate obstructive sleep apnea.",
                recommendation="Consider a custom oral appliance; patient intolerant of CPAP."),
                patient=patient, style="clinic", scanned=True),
            d.physician_order(d.ApplianceOrder(day=date(2026, 1, 28), physician=d.PRIMARY_DOCTOR, hinged=False),
                              patient=patient, birthdate=date(1979, 9, 2), style="clinic"),
            d.dental_sleep_note(patient=patient, day=date(2026, 3, 9), style="clinic", delivery=True, hinged=False,
                                extra=("Prior authorization # PA-SYN-48213 approved by Synthetic BCBS, "
                                       "valid 02/15/2026 through 08/15/2026.",)),
        ),
        facts={"ahi": 18.6, "respiratory_events": 112, "sleep_study_date": "2026-01-19", "sleep_study_type": "hsat",
               "interpreting_physician": {"npi": d.SLEEP_DOCTOR_2.npi}, "order_date": "2026-01-28",
               "ordering_physician": {"npi": d.PRIMARY_DOCTOR.npi}, "appliance_hinge": "no",
               "cpap_intolerance": True, "prior_authorization": "PA-SYN-48213",
               "authorization_end_date": "2026-08-15", "epworth": 13},
        lines=(Line("K1027", forbidden=("KX",)),),
        principal="G47.33",
        claim_fields={"prior_authorization": "PA-SYN-48213"},
        ready=True,
        not_errors=CLEAN + ("sleep-ahi-threshold", "attachment-missing", "date-authorization", "prior-auth-missing",
                            "date-order", "dx-does-not-support"),
        narrative_mentions=("K1027", "18.6"),
        narrative_documented=("ahi", "sleep_study_date"),
    )


def _sleep_missing_study() -> GoldenCase:
    patient = "Test Patient Mike"
    return GoldenCase(
        name="sleep_missing_sleep_study",
        category="sleep",
        body=body(category="sleep", patient=patient, birthdate="1950-02-20", gender="Male",
                  start="2026-03-16T10:00:00", procedures=[proc("D9947", "custom sleep appliance", 1950.0)],
                  problems=[("G47.33", "Obstructive sleep apnea")], insurance=[MEDICARE, DENTAL]),
        documents=(
            d.face_to_face_note(d.FaceToFace(
                day=date(2026, 1, 6), physician=d.SLEEP_DOCTOR_2, epworth=15,
                positives=("Loud snoring, gasping arousals.", "Falls asleep watching television and at church."),
                negatives=("Denies insomnia.",)), patient=patient, style="hospital"),
            d.physician_order(d.ApplianceOrder(day=date(2026, 2, 2), physician=d.SLEEP_DOCTOR_2),
                              patient=patient, birthdate=date(1950, 2, 20), style="hospital"),
            d.dental_sleep_note(patient=patient, day=date(2026, 3, 16), style="clinic", delivery=True),
        ),
        facts={"order_date": "2026-02-02", "face_to_face_date": "2026-01-06", "epworth": 15},
        absent=("ahi", "sleep_study_date"),
        lines=(Line("E0486", modifiers=("NU",), forbidden=("KX",)),),
        principal="G47.33",
        ready=False,
        errors=("attachment-missing",),
        not_errors=("npi-invalid", "medical-plan-missing"),
        narrative_missing=("ahi",),
    )


def _sleep_mild_no_symptoms() -> GoldenCase:
    patient = "Test Patient November"
    return GoldenCase(
        name="sleep_medicare_ahi9_no_symptoms",
        category="sleep",
        body=body(category="sleep", patient=patient, birthdate="1956-07-30", gender="Female",
                  start="2026-03-23T08:30:00", procedures=[proc("D9947", "oral sleep appliance", 1950.0)],
                  problems=[("G47.33", "Obstructive sleep apnea")], insurance=[MEDICARE]),
        documents=(
            d.face_to_face_note(d.FaceToFace(
                day=date(2026, 1, 8), physician=d.SLEEP_DOCTOR, epworth=5,
                positives=("Bed partner reports snoring.",),
                negatives=("Denies excessive daytime sleepiness, insomnia or morning headaches.",
                           "Mood is good; no depression.",
                           "Negative for hypertension, heart disease and stroke."),
                bmi=24.1), patient=patient, style="hospital"),
            d.sleep_study_report(d.SleepStudy(
                study="psg", day=date(2026, 1, 22), ahi=9.2, rdi=11.0, events=61, nadir=89, physician=d.SLEEP_DOCTOR,
                minutes_asleep=398, impression="Mild obstructive sleep apnea.",
                recommendation="Conservative measures or an oral appliance may be considered."),
                patient=patient, style="clinic"),
            d.physician_order(d.ApplianceOrder(day=date(2026, 2, 3), physician=d.SLEEP_DOCTOR),
                              patient=patient, birthdate=date(1956, 7, 30), style="hospital"),
        ),
        facts={"ahi": 9.2, "rdi": 11.0, "respiratory_events": 61, "sleep_study_date": "2026-01-22", "epworth": 5},
        negated=("sleep_symptom",),
        absent=(("sleep_symptom", "daytime_sleepiness"), ("sleep_symptom", "insomnia"),
                ("comorbidity", "hypertension"), ("comorbidity", "stroke")),
        lines=(Line("E0486", forbidden=("KX",)),),
        principal="G47.33",
        ready=False,
        errors=("sleep-ahi-threshold",),
        not_errors=("npi-invalid", "attachment-missing", "medical-plan-missing"),
        narrative_mentions=("9.2",),
    )


def _sleep_invalid_npi() -> GoldenCase:
    patient = "Test Patient Oscar"
    wrong = d.broken_npi(d.PRIMARY_DOCTOR.npi)
    return GoldenCase(
        name="sleep_order_invalid_npi",
        category="sleep",
        body=body(category="sleep", patient=patient, birthdate="1968-11-14", gender="Male",
                  start="2026-02-23T11:00:00", procedures=[proc("D9947", "sleep apnea device", 1850.0)],
                  problems=[("G47.33", "Obstructive sleep apnea")], insurance=[BCBS, DENTAL]),
        documents=(
            d.face_to_face_note(d.FaceToFace(
                day=date(2025, 12, 1), physician=d.PRIMARY_DOCTOR, epworth=12,
                positives=("Wife reports loud snoring and choking arousals.", "Sleepy when driving long distances."),
                negatives=("Denies insomnia.",),
                cpap="CPAP titration attempted; patient unable to tolerate full face mask."),
                patient=patient, style="clinic"),
            d.sleep_study_report(d.SleepStudy(
                study="psg", day=date(2025, 12, 18), ahi=31.5, rdi=34.0, events=207, nadir=79,
                physician=d.SLEEP_DOCTOR, minutes_asleep=394, impression="Severe obstructive sleep apnea.",
                ordered_by=d.PRIMARY_DOCTOR), patient=patient, style="hospital"),
            d.physician_order(d.ApplianceOrder(day=date(2026, 1, 6), physician=d.PRIMARY_DOCTOR, npi_override=wrong),
                              patient=patient, birthdate=date(1968, 11, 14), style="clinic"),
            d.dental_sleep_note(patient=patient, day=date(2026, 2, 23), style="hospital", delivery=True),
        ),
        facts={"ahi": 31.5, "respiratory_events": 207, "ordering_physician": {"npi": wrong},
               "order_date": "2026-01-06", "sleep_study_date": "2025-12-18"},
        lines=(Line("E0486", modifiers=("NU",), forbidden=("KX",)),),
        principal="G47.33",
        ready=False,
        errors=("npi-invalid",),
        not_errors=("sleep-ahi-threshold", "attachment-missing", "medical-plan-missing"),
    )


# ===================================================================================== tmd


def _tmd_ready() -> GoldenCase:
    patient = "Test Patient Papa"
    day = date(2026, 3, 4)
    return GoldenCase(
        name="tmd_left_arthralgia_ready",
        category="tmd",
        body=body(category="tmd", patient=patient, birthdate="1988-05-09", gender="Female",
                  start="2026-03-04T13:00:00", procedures=[proc("D7880", "occlusal orthotic device", 850.0)],
                  problems=[("M26.622", "Arthralgia of left temporomandibular joint"),
                            ("M79.11", "Myalgia of mastication muscle")],
                  insurance=[AETNA, DENTAL]),
        documents=(
            d.chart_note(doc_type="tmd_exam", style="hospital", patient=patient, day=day, sections={
                "Chief complaint": "Pain in the left jaw joint when chewing and on waking; cannot eat a sandwich "
                                   "or open wide enough for dental care.",
                "History of present illness": "Left TMJ pain for 4 months, worse in the morning, rated 7/10 at "
                                              "worst and 4/10 at rest. Clicking of the left TMJ on opening. No "
                                              "locking. Treated since January with ibuprofen 600 mg three times "
                                              "daily, soft diet and moist heat for 6 weeks without lasting relief.",
                "Objective": "Maximum interincisal opening 32 mm (pain-limited), deviation to the left on "
                             "opening. Reciprocal click left TMJ; right TMJ quiet, no crepitus. Tender left "
                             "masseter and left lateral pole on palpation. Protrusion 6 mm. "
                             "(Normal opening 40-50 mm.)",
                "Assessment": "Arthralgia of the left temporomandibular joint (M26.622) with myalgia of the "
                              "masticatory muscles (M79.11).",
                "Plan": "Full-coverage maxillary stabilization orthotic worn at night; follow up in 4 weeks; "
                        "continue home care.",
            }),
            d.radiology_report(patient=patient, style="clinic", day=date(2026, 2, 18), exam="Panoramic radiograph",
                               indication="Left TMJ pain", findings="Condyles symmetric in shape and position. "
                               "No erosion, flattening or osteophyte. Dentition without periapical pathology.",
                               impression="No osseous TMJ abnormality on panoramic projection."),
        ),
        facts={"max_opening_mm": 32, "pain_score": 7, "pain": True,
               "joint_sounds": {"sound": "click", "side": "left"}, "conservative_therapy": "nsaids",
               "conservative_therapy_days": 42, "symptom_duration_days": 120, "side": "left"},
        absent=(("joint_sounds", {"sound": "crepitus"}),),
        lines=(Line("D7880|21299"),),
        principal="M26.622",
        ready=True,
        not_errors=CLEAN + ("element-missing", "element-contradicted", "icd-laterality", "dx-does-not-support",
                            "code-unlisted-description", "attachment-missing"),
        narrative_mentions=("32",),
        narrative_documented=("max_opening_mm", "pain_score", "conservative_therapy"),
    )


def _tmd_pain_denied() -> GoldenCase:
    patient = "Test Patient Quebec"
    return GoldenCase(
        name="tmd_pain_denied_no_conservative_therapy",
        category="tmd",
        body=body(category="tmd", patient=patient, birthdate="1995-01-17", gender="Male",
                  start="2026-03-11T10:30:00", procedures=[proc("D7880", "occlusal orthotic", 800.0)],
                  problems=[("M26.631", "Articular disc disorder of right TMJ")], insurance=[BCBS, DENTAL]),
        documents=(
            d.chart_note(doc_type="tmd_exam", style="clinic", patient=patient, day=date(2026, 3, 11), sections={
                "CC": "Here for a night guard; jaw clicks on the right side.",
                "HPI": "Clicking of the right TMJ for about 2 years. Patient denies jaw pain and denies headaches. "
                       "No locking. No prior treatment for the jaw: has not tried a splint, medication or "
                       "physical therapy.",
                "Exam": "MIO 46 mm without pain, no deviation. Click right TMJ on opening. Muscles non-tender "
                        "to palpation.",
                "Dx": "Right TMJ disc displacement with reduction.",
                "Tx": "Occlusal orthotic.",
            }),
        ),
        facts={"max_opening_mm": 46, "joint_sounds": {"sound": "click", "side": "right"}},
        negated=("pain",),
        absent=("pain", "conservative_therapy"),
        lines=(Line("D7880|21299"),),
        principal="M26.631",
        ready=False,
        flags=("element-contradicted", "element-missing"),
        not_errors=("icd-laterality", "medical-plan-missing", "npi-invalid"),
    )


def _tmd_unspecified_side() -> GoldenCase:
    patient = "Test Patient Romeo"
    return GoldenCase(
        name="tmd_unspecified_laterality_note_says_left",
        category="tmd",
        body=body(category="tmd", patient=patient, birthdate="1979-12-03", gender="Female",
                  start="2026-03-18T09:15:00", procedures=[proc("D7880", "TMJ orthotic", 850.0)],
                  problems=[("M26.609", "TMJ disorder")], insurance=[UHC, DENTAL]),
        documents=(
            d.chart_note(doc_type="tmd_exam", style="hospital", patient=patient, day=date(2026, 3, 18), sections={
                "Subjective": "Left-sided jaw joint pain for 6 months, 6/10, with popping on the left when "
                              "chewing. Has used naproxen and a soft diet for 8 weeks and jaw exercises from a "
                              "physical therapist without improvement. History of orthodontic treatment as a teen.",
                "Objective": "MIO 35 mm with pain at end range. Pop left TMJ at 20 mm opening; right TMJ without "
                             "sounds. Left masseter tender.",
                "Assessment": "Left temporomandibular joint disorder.",
                "Plan": "Maxillary occlusal orthotic; recheck 4 weeks.",
            }),
        ),
        facts={"max_opening_mm": 35, "pain": True, "pain_score": 6, "side": "left",
               "joint_sounds": {"sound": "pop", "side": "left"}, "conservative_therapy_days": 56},
        lines=(Line("D7880|21299"),),
        flags=("icd-laterality",),
        not_errors=("medical-plan-missing", "element-contradicted"),
    )


# ================================================================================== trauma


def _trauma_ready() -> GoldenCase:
    patient = "Test Patient Sierra Junior"
    day = date(2026, 2, 27)
    return GoldenCase(
        name="trauma_avulsion_reimplant_ready",
        category="trauma",
        body=body(category="trauma", patient=patient, birthdate="2009-06-21", gender="Male",
                  start="2026-02-27T19:45:00",
                  procedures=[proc("D7270", "tooth reimplantation and stabilization", 780.0, tooth="8")],
                  problems=[("S03.2XXA", "Dislocation of tooth, initial encounter"),
                            ("W21.05XA", "Struck by basketball"), ("Y92.310", "Basketball court"),
                            ("Y93.67", "Activity, basketball")],
                  insurance=[BCBS, DENTAL]),
        documents=(
            d.chart_note(doc_type="trauma_note", style="hospital", patient=patient, day=day, scanned=True, sections={
                "Chief complaint": "Knocked-out upper front tooth playing basketball this evening.",
                "History": "On 02/27/2026 at about 7 pm the patient was struck in the mouth by a basketball during "
                           "a pickup game at the community center basketball court. Tooth #8 was avulsed and kept "
                           "in milk; seen here 45 minutes later. Teeth #8 and #9 were sound prior to the injury, "
                           "with no caries or restorations (radiographs of 09/15/2025). Denies loss of "
                           "consciousness. No nausea or vomiting.",
                "Exam": "Tooth #8 avulsed, socket with clot. #9 grade I mobility, tender to percussion, no "
                        "fracture. Periapical radiograph: no alveolar fracture.",
                "Procedure": "Socket irrigated; #8 reimplanted and stabilized with a flexible wire-composite "
                             "splint #7-#9 for 2 weeks.",
                "Assessment": "Avulsion of tooth #8 (S03.2XXA), struck by basketball (W21.05XA).",
                "Plan": "Splint removal in 14 days; endodontic evaluation in 7-10 days; amoxicillin.",
            }),
        ),
        facts={"injury_date": "2026-02-27", "injury_place": "basketball court", "injury_mechanism": "sports",
               "teeth_involved": ["8"], "sound_before_injury": True},
        lines=(Line("41899"),),
        principal="S03.2XXA",
        claim_fields={"accident.date": "2026-02-27", "accident.related": "other"},
        ready=True,
        not_errors=CLEAN + ("icd-seventh-character", "icd-external-cause", "date-injury", "code-unlisted-description",
                            "element-missing", "dx-does-not-support"),
        narrative_mentions=("basketball",),
        narrative_documented=("injury_date", "injury_mechanism"),
    )


def _trauma_defects() -> GoldenCase:
    patient = "Test Patient Tango"
    return GoldenCase(
        name="trauma_no_seventh_character_no_external_cause",
        category="trauma",
        body=body(category="trauma", patient=patient, birthdate="1990-08-08", gender="Male",
                  start="2026-03-03T08:00:00",
                  procedures=[proc("D7140", "extraction, erupted tooth", 210.0, tooth="9")],
                  problems=[("S02.5", "Fractured tooth")], insurance=[BCBS, DENTAL]),
        documents=(
            d.chart_note(doc_type="trauma_note", style="clinic", patient=patient, day=date(2026, 3, 3), sections={
                "CC": "Broke front tooth falling off bicycle.",
                "HPI": "Fell from his bicycle on 03/01/2026 on a neighborhood street; face hit the pavement. "
                       "Tooth #9 fractured. No history of trauma to this tooth.",
                "Exam": "#9 crown-root fracture extending 4 mm subgingivally, pulp exposed, non-restorable. "
                        "#8 and #10 intact.",
                "Plan": "Extract #9 today; implant consult later.",
            }),
        ),
        facts={"injury_date": "2026-03-01", "injury_mechanism": "bicycle", "teeth_involved": ["9"]},
        lines=(Line("41899"),),
        ready=False,
        errors=("icd-seventh-character",),
        flags=("icd-external-cause",),
        not_errors=("medical-plan-missing", "npi-invalid"),
    )


# =============================================================================== pathology


def _pathology_ready() -> GoldenCase:
    patient = "Test Patient Uniform"
    return GoldenCase(
        name="pathology_tongue_biopsy_ready",
        category="pathology",
        body=body(category="pathology", patient=patient, birthdate="1961-03-27", gender="Male",
                  start="2026-02-10T15:00:00", procedures=[proc("D7286", "biopsy of oral tissue - soft", 350.0)],
                  problems=[("K13.21", "Leukoplakia of oral mucosa, including tongue"),
                            ("F17.210", "Nicotine dependence, cigarettes")],
                  insurance=[CIGNA, DENTAL]),
        documents=(
            d.chart_note(doc_type="biopsy_note", style="clinic", patient=patient, day=date(2026, 2, 10), sections={
                "CC": "White patch on the side of the tongue for about 3 months, sometimes sore with spicy food.",
                "Hx": "Smokes 1 pack per day for 20 years. No history of oral cancer. Denies weight loss.",
                "Exam": "8 x 6 mm non-wipeable white plaque, left lateral border of the tongue, anterior "
                        "two-thirds, slightly indurated at the edge. No cervical lymphadenopathy.",
                "Procedure": "Incisional biopsy of the left lateral tongue under local anesthesia; 6 x 4 mm wedge "
                             "including margin sent in formalin to pathology. Two 4-0 chromic sutures.",
                "Assessment": "Leukoplakia of the tongue, rule out dysplasia.",
                "Plan": "Review pathology in 1 week; tobacco cessation counseling given.",
            }),
            d.pathology_report(patient=patient, style="hospital", collected=date(2026, 2, 10),
                               reported=date(2026, 2, 16), specimen="Tongue, left lateral border, incisional biopsy",
                               gross="Received in formalin a tan-white wedge of soft tissue, 0.6 x 0.4 x 0.3 cm, "
                                     "entirely submitted.",
                               microscopic="Sections show keratinized stratified squamous epithelium with "
                                           "hyperkeratosis and basal cell crowding limited to the lower third.",
                               diagnosis="Left lateral tongue, incisional biopsy: keratotic squamous mucosa with "
                                         "mild epithelial dysplasia. Negative for invasive carcinoma.",
                               scanned=True),
        ),
        facts={"lesion_site": "tongue_anterior", "lesion_size_mm": 8, "lesion_duration_days": 90,
               "pathology_diagnosis": "mild epithelial dysplasia", "tobacco_use": True},
        lines=(Line("41100"),),
        principal="K13.21",
        ready=True,
        not_errors=CLEAN + ("attachment-missing", "attachment-incomplete", "dx-does-not-support", "element-missing"),
        narrative_mentions=("41100", "dysplasia"),
        narrative_documented=("pathology_diagnosis", "lesion_size_mm"),
    )


def _pathology_no_report() -> GoldenCase:
    patient = "Test Patient Victor"
    return GoldenCase(
        name="pathology_lip_biopsy_no_report_tongue_coded",
        category="pathology",
        body=body(category="pathology", patient=patient, birthdate="2001-10-30", gender="Female",
                  start="2026-03-05T11:00:00", procedures=[proc("D7286", "bx tongue lesion", 350.0)],
                  problems=[("K14.8", "Lesion of tongue")], insurance=[AETNA, DENTAL]),
        documents=(
            d.chart_note(doc_type="biopsy_note", style="hospital", patient=patient, day=date(2026, 3, 5), sections={
                "Chief complaint": "Painless bump inside the lower lip for 2 months that keeps coming back.",
                "History": "Habitually bites the lower lip. Denies tobacco use. No history of similar lesions.",
                "Findings": "6 mm soft, bluish, fluctuant nodule on the lower labial mucosa, left of midline. "
                            "Tongue, floor of mouth and palate within normal limits.",
                "Procedure": "Incisional biopsy of the lower lip lesion under local anesthesia; specimen sent to "
                             "the oral pathology laboratory.",
                "Assessment": "Lower lip lesion, probable mucocele.",
            }),
        ),
        facts={"lesion_site": "lip", "lesion_size_mm": 6, "lesion_duration_days": 60},
        negated=("tobacco_use",),
        absent=("tobacco_use", "pathology_diagnosis"),
        lines=(Line("40490"),),
        ready=False,
        errors=("attachment-missing",),
        # The problem list names a tongue disease while the note and the claim line biopsy the lip.
        flags=("dx-does-not-support",),
        not_errors=("medical-plan-missing",),
        narrative_missing=("pathology",),
    )


# =============================================================================== infection


def _infection_ready() -> GoldenCase:
    patient = "Test Patient Whiskey"
    return GoldenCase(
        name="infection_incision_drainage_ready",
        category="infection",
        body=body(category="infection", patient=patient, birthdate="1984-02-14", gender="Female",
                  start="2026-03-06T16:00:00",
                  procedures=[proc("D7510", "incision and drainage of abscess, intraoral", 325.0, tooth="19")],
                  problems=[("K04.7", "Periapical abscess without sinus")], insurance=[UHC, DENTAL]),
        documents=(
            d.chart_note(doc_type="infection_note", style="hospital", patient=patient, day=date(2026, 3, 6), sections={
                "Chief complaint": "Swelling of the left lower jaw for 2 days, painful, hard to open the mouth.",
                "History": "Pain in the lower left back tooth for a week, now swollen. Reports fever and chills "
                           "last night. Denies difficulty breathing or swallowing. No history of diabetes.",
                "Vitals": "Temp 100.9 F, BP 132/84, pulse 96.",
                "Exam": "Fluctuant swelling of the left buccal vestibule adjacent to #19, 2 x 1.5 cm; #19 "
                        "non-vital, tender to percussion. Trismus, maximum opening 24 mm. Floor of mouth soft, "
                        "airway patent.",
                "Procedure": "Intraoral incision and drainage of the vestibular abscess at #19 under local "
                             "anesthesia; 2 mL of pus expressed, culture taken, iodoform drain placed.",
                "Assessment": "Periapical abscess without sinus tract, #19 (K04.7).",
                "Plan": "Amoxicillin 500 mg three times daily for 7 days; drain out in 48 h; endodontic "
                        "therapy or extraction of #19 once the infection resolves.",
            }),
        ),
        facts={"swelling": True, "fever": True, "trismus": True},
        absent=(("comorbidity", "diabetes"),),
        lines=(Line("41800|40800"),),
        principal="K04.7",
        ready=True,
        not_errors=CLEAN + ("dx-does-not-support", "element-missing", "attachment-missing"),
        narrative_mentions=("41800|40800",),
        narrative_documented=("swelling",),
    )


def _infection_no_medical_plan() -> GoldenCase:
    patient = "Test Patient Xray"
    return GoldenCase(
        name="infection_no_medical_plan",
        category="infection",
        body=body(category="infection", patient=patient, birthdate="1972-09-09", gender="Male",
                  start="2026-03-10T09:00:00",
                  procedures=[proc("D7510", "I&D intraoral", 325.0, tooth="3")],
                  problems=[("K04.7", "Periapical abscess")], insurance=[DENTAL]),
        documents=(
            d.chart_note(doc_type="infection_note", style="clinic", patient=patient, day=date(2026, 3, 10), sections={
                "CC": "Gum swelling by upper right back tooth.",
                "HPI": "Swelling near #3 for 3 days. Denies fever. No trismus.",
                "Exam": "Afebrile, 98.4 F. Localized fluctuant swelling buccal to #3, 1 cm. Opens normally, "
                        "MIO 48 mm.",
                "Tx": "Incision and drainage of buccal abscess #3, drained and irrigated.",
                "Dx": "Periapical abscess #3.",
            }),
        ),
        facts={"swelling": True},
        negated=("fever", "trismus"),
        absent=("fever", "trismus"),
        ready=False,
        errors=("medical-plan-missing",),
    )


# ============================================================================== bone graft


def _graft_ready() -> GoldenCase:
    patient = "Test Patient Yankee"
    return GoldenCase(
        name="bone_graft_alveoloplasty_atrophy_ready",
        category="bone_graft",
        body=body(category="bone_graft", patient=patient, birthdate="1949-06-01", gender="Female",
                  start="2026-03-12T08:30:00",
                  procedures=[proc("D7320", "alveoloplasty w/o extractions, per quadrant", 600.0, surface="UL")],
                  problems=[("K08.25", "Moderate atrophy of the maxilla")], insurance=[CIGNA, DENTAL]),
        documents=(
            d.chart_note(doc_type="graft_note", style="hospital", patient=patient, day=date(2026, 3, 12), sections={
                "Chief complaint": "Upper denture will not stay in; sore spots; cannot chew meat.",
                "History": "Edentulous maxilla since 2019. The complete upper denture rocks on a sharp, irregular "
                           "ridge with undercuts on the left; two relines have not helped.",
                "Findings": "Maxillary left ridge with a knife-edge crest and bony undercuts from canine to "
                            "tuberosity; moderate resorption. Ulcers under the denture flange. Panoramic: moderate "
                            "atrophy of the maxillary ridge, no retained roots.",
                "Procedure": "Alveoloplasty of the maxillary left quadrant, not in conjunction with extractions: "
                             "mucoperiosteal flap, undercuts reduced with a bur, ridge smoothed, closed with 4-0 "
                             "chromic.",
                "Assessment": "Moderate atrophy of the edentulous maxillary ridge (K08.25), pre-prosthetic.",
            }),
        ),
        facts={"jaw": "maxilla"},
        lines=(Line("41874", units=1),),
        principal="K08.25",
        ready=True,
        not_errors=CLEAN + ("dx-does-not-support", "element-missing", "attachment-missing"),
        narrative_mentions=("41874",),
    )


def _graft_wrong_dx() -> GoldenCase:
    patient = "Test Patient Zulu"
    return GoldenCase(
        name="bone_graft_alveoloplasty_periodontitis_dx",
        category="bone_graft",
        body=body(category="bone_graft", patient=patient, birthdate="1958-01-05", gender="Male",
                  start="2026-03-13T10:00:00",
                  procedures=[proc("D7320", "alveoloplasty, quadrant", 600.0, surface="LR")],
                  problems=[("K05.30", "Chronic periodontitis")], insurance=[BCBS, DENTAL]),
        documents=(
            d.chart_note(doc_type="graft_note", style="clinic", patient=patient, day=date(2026, 3, 13), sections={
                "CC": "Lower denture hurts on the right.",
                "Findings": "Irregular mandibular right ridge with sharp spicules after old extractions; denture "
                            "sore spots.",
                "Tx": "Alveoloplasty lower right quadrant, ridge recontoured, sutured.",
            }),
        ),
        facts={"jaw": "mandible"},
        lines=(Line("41874", units=1),),
        ready=False,
        errors=("dx-does-not-support",),
    )


# ================================================================================== frenum


def _frenum_note(*, patient: str, day: date, style: str) -> d.Document:
    return d.chart_note(doc_type="frenum_note", style=style, patient=patient, day=day, sections={
        "Chief complaint": "Referred by the lactation consultant: poor latch, painful breastfeeding, clicking "
                           "while feeding, slow weight gain.",
        "History": "4-week-old infant. Lactation assessment of 02/10/2026 documents shallow latch and maternal "
                   "nipple trauma despite 2 weeks of positioning changes. No history of bleeding disorder.",
        "Findings": "Anterior lingual frenum attached near the tongue tip; restricted elevation and extension; "
                    "heart-shaped tongue tip on extension.",
        "Procedure": "Lingual frenotomy: the frenum was released with a simple incision using sterile scissors; "
                     "no tissue was removed. Hemostasis with gauze pressure; infant fed right after.",
        "Assessment": "Ankyloglossia (Q38.1) with difficulty feeding at breast (P92.5).",
    })


def _frenum_ready() -> GoldenCase:
    patient = "Test Patient Baby Alpha"
    return GoldenCase(
        name="frenum_lingual_frenotomy_ready",
        category="frenum",
        body=body(category="frenum", patient=patient, birthdate="2026-01-20", gender="Female",
                  start="2026-02-17T11:00:00", procedures=[proc("D7962", "lingual frenectomy", 450.0)],
                  problems=[("Q38.1", "Ankyloglossia"), ("P92.5", "Neonatal difficulty in feeding at breast")],
                  insurance=[BCBS]),
        documents=(_frenum_note(patient=patient, day=date(2026, 2, 17), style="hospital"),),
        facts={"frenum_action": "incision"},
        # "clicking while feeding" is the infant's latch, "painful breastfeeding" and "nipple trauma" the
        # mother's: no TMJ sound, no patient pain, no injury.
        absent=("joint_sounds", "injury_mechanism", "injury_date"),
        lines=(Line("41010"),),
        principal="Q38.1",
        ready=True,
        not_errors=CLEAN + ("code-frenum-wording", "dx-does-not-support", "element-missing"),
        narrative_mentions=("41010",),
    )


def _frenum_edited_to_excision() -> GoldenCase:
    patient = "Test Patient Baby Bravo"
    return GoldenCase(
        name="frenum_frenotomy_billed_as_excision",
        category="frenum",
        body=body(category="frenum", patient=patient, birthdate="2026-01-25", gender="Male",
                  start="2026-02-24T09:30:00", procedures=[proc("D7962", "lingual frenectomy", 450.0)],
                  problems=[("Q38.1", "Ankyloglossia")], insurance=[AETNA]),
        documents=(_frenum_note(patient=patient, day=date(2026, 2, 24), style="clinic"),),
        facts={"frenum_action": "incision"},
        lines=(Line("41010"),),
        principal="Q38.1",
        # The biller overrides the proposal with the excision code although the note describes an incision.
        edits=(Edit("D7962", {"code": "41115"}),),
        ready=False,
        errors=("code-frenum-wording",),
    )


# =============================================================================== clearance


def _clearance_ready() -> GoldenCase:
    patient = "Test Patient Charlie"
    return GoldenCase(
        name="clearance_pre_radiation_medicare_ready",
        category="clearance",
        body=body(category="clearance", patient=patient, birthdate="1957-08-19", gender="Male",
                  start="2026-03-09T08:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 120.0),
                              proc("D7140", "extraction, erupted tooth", 210.0, tooth="30")],
                  problems=[("Z01.818", "Pre-procedural examination"),
                            ("C10.9", "Malignant neoplasm of oropharynx"),
                            ("K04.7", "Periapical abscess without sinus")],
                  insurance=[MEDICARE]),
        documents=(
            d.referral_letter(patient=patient, style="hospital", day=date(2026, 3, 2), physician=d.ONCOLOGIST,
                              planned="intensity-modulated radiation therapy (IMRT) to the oropharynx and neck, "
                                      "70 Gy in 35 fractions", planned_day=date(2026, 3, 30),
                              reason="Mr. Charlie has a newly diagnosed squamous cell carcinoma of the left tonsil "
                                     "(oropharynx, C10.9). The mandible will be in the radiation field."),
            d.chart_note(doc_type="clearance_note", style="hospital", patient=patient, day=date(2026, 3, 9), sections={
                "Reason for visit": "Pre-radiation dental evaluation requested by the radiation oncologist.",
                "Findings": "#30 non-restorable with a periapical radiolucency and buccal swelling; remaining "
                            "dentition restorable, generalized mild gingivitis. No other foci of infection.",
                "Procedure": "Comprehensive oral evaluation; #30 extracted with primary closure.",
                "Plan": "Fluoride trays; heal 14 days before radiation starts on 03/30/2026. Findings and plan "
                        "faxed to Dr. Test Oncologist Victor on 03/09/2026 (coordination of care).",
            }),
        ),
        facts={"referral_source": {"npi": d.ONCOLOGIST.npi, "specialty": "oncology"},
               "planned_procedure": "radiation", "planned_procedure_date": "2026-03-30"},
        # Medicare pays dental treatment inextricably linked to head and neck radiation as D-codes with KX; the
        # exam may go as the D-code or as a new-patient E/M (reference CLR-01 lists both).
        lines=(Line("D0150|99203|99204|99205"), Line("D7140", modifiers=("KX",))),
        principal="Z01.818",
        ready=True,
        not_errors=CLEAN + ("attachment-missing", "modifier-missing", "dx-does-not-support", "element-missing"),
        narrative_mentions=("radiation",),
        narrative_documented=("planned_procedure", "planned_procedure_date"),
    )


def _clearance_no_referral() -> GoldenCase:
    patient = "Test Patient Delta"
    return GoldenCase(
        name="clearance_transplant_no_referral_letter",
        category="clearance",
        body=body(category="clearance", patient=patient, birthdate="1966-04-04", gender="Female",
                  start="2026-03-19T13:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 120.0),
                              proc("D7140", "extraction", 210.0, tooth="3")],
                  problems=[("Z01.818", "Pre-procedural examination"), ("Z76.82", "Awaiting organ transplant"),
                            ("N18.6", "End stage renal disease")],
                  insurance=[AETNA, DENTAL]),
        documents=(
            d.chart_note(doc_type="clearance_note", style="clinic", patient=patient, day=date(2026, 3, 19), sections={
                "CC": "Needs dental clearance for kidney transplant listing.",
                "Hx": "ESRD on hemodialysis three times weekly. Being evaluated for a kidney transplant.",
                "Exam": "#3 fractured to the gumline with a draining fistula. Otherwise no active infection.",
                "Tx": "Comprehensive evaluation; #3 extracted.",
            }),
        ),
        absent=("referral_source",),
        lines=(Line("D0150|99203|99204|99205"), Line("41899|D7140")),
        principal="Z01.818",
        ready=False,
        errors=("attachment-missing",),
    )


# ================================================================================= general


def _impacted_cyst_ready() -> GoldenCase:
    patient = "Test Patient Echo"
    return GoldenCase(
        name="general_impacted_17_dentigerous_cyst_ready",
        category="impacted",
        body=body(category="impacted", patient=patient, birthdate="1998-02-02", gender="Male",
                  start="2026-03-17T07:30:00",
                  procedures=[proc("D7240", "removal of impacted tooth, completely bony", 650.0, tooth="17"),
                              proc("D7451", "removal of odontogenic cyst, over 1.25 cm", 900.0, tooth="17")],
                  problems=[("K09.0", "Dentigerous cyst"), ("K01.1", "Impacted teeth")],
                  insurance=[BCBS, DENTAL]),
        documents=(
            d.radiology_report(patient=patient, style="hospital", day=date(2026, 2, 24),
                               exam="CBCT, mandible (limited field of view)",
                               indication="Impacted #17, radiolucency on panoramic",
                               findings="Horizontally impacted #17 fully encased in bone with a well-defined "
                                        "unilocular pericoronal radiolucency, 14 x 11 mm, attached at the "
                                        "cementoenamel junction, displacing the inferior alveolar canal "
                                        "inferiorly. No cortical perforation. No root resorption of #18.",
                               impression="Impacted tooth #17 with a pericoronal radiolucency most consistent with "
                                          "a dentigerous cyst. Differential: odontogenic keratocyst."),
            d.chart_note(doc_type="operative_note", style="hospital", patient=patient, day=date(2026, 3, 17),
                         provider=d.SURGEON, sections={
                             "Indication": "Enlarging pericoronal radiolucency around impacted #17 on CBCT.",
                             "Procedure": "Under IV sedation, full-thickness flap, bone removed, #17 sectioned and "
                                          "removed; the 14 mm cyst lining around the crown was enucleated from "
                                          "the left mandible and sent to pathology.",
                             "Findings": "Cyst lining intact; inferior alveolar nerve not exposed.",
                         }),
            d.pathology_report(patient=patient, style="clinic", collected=date(2026, 3, 17),
                               reported=date(2026, 3, 23), specimen="Left posterior mandible, cyst lining around #17",
                               gross="Fragments of cyst wall, 1.2 cm in aggregate.",
                               microscopic="Thin non-keratinized epithelium two to four cells thick lining a "
                                           "fibrous wall; no keratinization, no atypia.",
                               diagnosis="Dentigerous cyst, associated with tooth #17.", submitted_by=d.SURGEON),
        ),
        facts={"radiology_impression": "dentigerous cyst", "pathology_diagnosis": "dentigerous cyst",
               "jaw": "mandible"},
        lines=(Line("41899"), Line("21040")),
        principal="K09.0|K01.1",
        ready=True,
        not_errors=CLEAN + ("attachment-missing", "dx-does-not-support", "code-unlisted-description"),
        narrative_mentions=("dentigerous cyst",),
    )


CASES: tuple[GoldenCase, ...] = tuple(
    make()
    for make in (
        _sleep_medicare_ready, _sleep_hsat_commercial_ready, _sleep_missing_study, _sleep_mild_no_symptoms,
        _sleep_invalid_npi, _tmd_ready, _tmd_pain_denied, _tmd_unspecified_side, _trauma_ready, _trauma_defects,
        _pathology_ready, _pathology_no_report, _infection_ready, _infection_no_medical_plan, _graft_ready,
        _graft_wrong_dx, _frenum_ready, _frenum_edited_to_excision, _clearance_ready, _clearance_no_referral,
        _impacted_cyst_ready,
    )
)
