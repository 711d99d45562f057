"""Held-out cases: realistic synthetic cases whose wording MedLane was never tuned on.

Fixed 2026-12-03 by a helper who did not read the software's rules (crosswalk data, extraction
patterns, classifier, checks, claim builder, narrative templates) nor the golden case texts.
Expectations come from the documents and ordinary US dental-medical billing practice, never from
running the software. Conventions are those of tests/golden/cases.py (see its docstring).

Never copy these texts into rules or tuned tests (see tests/heldout/__init__.py).
"""
from __future__ import annotations

from tests.golden.cases import AETNA, BCBS, CIGNA, DENTAL, MEDICARE, UHC, Edit, GoldenCase, Line, body  # noqa: F401
from tests.golden.documents import Document, Person, broken_npi, make_npi

# ------------------------------------------------------------------------------------ the cast
# Clinicians: every name says "Test", every NPI is synthetic (valid Luhn check digit, new bases).
DENTIST_ECHO = Person("Test Dentist Echo", make_npi("130457862"), "Dental Sleep Medicine and Orofacial Pain", "DDS")
SURGEON_DELTA = Person("Test Surgeon Delta", make_npi("219384756"), "Oral and Maxillofacial Surgery", "DDS, MD")
SLEEPDOC_KILO = Person("Test Sleepdoc Kilo", make_npi("146820975"), "Sleep Medicine", "MD")
SLEEPDOC_JULIETT = Person("Test Sleepdoc Juliett", make_npi("257193846"), "Pulmonary and Sleep Medicine", "DO")
INTERNIST_MIKE = Person("Test Internist Mike", make_npi("163059284"), "Internal Medicine", "MD")
FAMILYDOC_NOVEMBER = Person("Test Familydoc November", make_npi("271640395"), "Family Medicine", "MD")
ENT_CHARLIE = Person("Test Otolaryngologist Charlie", make_npi("138502746"), "Otolaryngology", "MD")
ONCOLOGIST_FOXTROT = Person("Test Oncologist Foxtrot", make_npi("224681357"), "Radiation Oncology", "MD")
CARDIOLOGIST_GOLF = Person("Test Cardiologist Golf", make_npi("185296340"), "Advanced Heart Failure Cardiology", "MD")
PATHOLOGIST_HOTEL = Person("Test Pathologist Hotel", make_npi("241357968"), "Oral and Maxillofacial Pathology", "DDS, PhD")
RADIOLOGIST_INDIA = Person("Test Radiologist India", make_npi("179025834"), "Oral and Maxillofacial Radiology", "DDS, MS")
EDDOC_ROMEO = Person("Test Emergencydoc Romeo", make_npi("192837465"), "Emergency Medicine", "MD")
GP_LIMA = Person("Test Dentist Lima", make_npi("203948576"), "General Dentistry", "DMD")
SLP_PAPA = Person("Test Speechpath Papa", make_npi("258273640"), "Speech-Language Pathology", "MS, CCC-SLP")
PT_OSCAR = Person("Test Therapist Oscar", make_npi("117364285"), "Physical Therapy", "PT, DPT")
PA_ALFA = Person("Test Physicianassistant Alfa", make_npi("226419083"), "Urgent Care", "PA-C")

OUR_OFFICE = "SYNTHETIC SMILES DENTAL - Sleep, TMJ & Oral Surgery"
OUR_ADDRESS = "1200 Synthetic Parkway, Suite 300, Testville, ST 00000 | Tel (555) 010-2200 | Fax (555) 010-2201"

UHC_NO_MEMBER_ID = {k: v for k, v in UHC.items() if k != "subscriber_id"}


def doc(doc_type: str, style: str, *pages: list[str], scanned: bool = False) -> Document:
    """A document uploaded without a kind (the software must classify it); doc_type is the truth."""
    return Document(doc_type=doc_type, style=style, kind=None, pages=tuple(tuple(p) for p in pages), scanned=scanned)


def proc(code: str, descript: str, fee: float, tooth: str = "") -> dict:
    return {"code": code, "descript": descript, "fee": fee, "tooth": tooth}


EM_NEW = "99202|99203|99204|99205"
EM_LIMITED = "99202|99203|99212|99213"
D7880_CODES = "D7880|21299"


def npi(person: Person) -> dict:
    return {"npi": person.npi}


# ===================================================================================== SLEEP


# Medicare, hospital PSG table (the wanted AHI sits in the "Total AHI" row, under a header row).
# AHI 22.4 with 143 events >= 15/h and >= 30 events: LCD criterion 1 met. Face-to-face by the PCP
# before the study, order by the PCP (not the interpreting sleep physician) after it, hinged
# device, delivery after the order: E0486 with NU and KX, nothing missing.
def _sleep_medicare_table_ready() -> GoldenCase:
    pt = "Synthetic Patient Aster"
    study = doc("sleep_study", "hospital-table", [
        "SYNTHETIC REGIONAL MEDICAL CENTER - SLEEP DISORDERS CENTER",
        "4400 Synthetic Blvd, Testville, ST 00000 | Phone (555) 014-7700 | Fax (555) 014-7701 | AASM accredited",
        "POLYSOMNOGRAPHY REPORT - DIAGNOSTIC (TYPE I, ATTENDED)",
        "Patient: ASTER, SYNTHETIC PATIENT     MRN: 00448213     DOB: 06/21/1954     Sex: M",
        "Study date: 01/09/2026     Lights out: 22:14     Lights on: 05:41",
        "Referring physician: Test Internist Mike, MD",
        f"Interpreting physician: Test Sleepdoc Kilo, MD (NPI {SLEEPDOC_KILO.npi})",
        "Height 70 in   Weight 214 lb   BMI 30.7   Neck 17.5 in   Epworth (pre-study questionnaire) 13",
        "",
        "SLEEP ARCHITECTURE",
        "Total recording time 447.0 min   Total sleep time 383.5 min   Sleep efficiency 85.8 %",
        "Sleep latency 11.5 min   REM latency 96.0 min   WASO 52.0 min",
        "Stage N1 9.1 %   N2 58.4 %   N3 14.2 %   REM 18.3 %",
        "",
        "RESPIRATORY EVENTS (hypopneas scored with >= 4% desaturation)",
        "Event type                 Total   Supine   Non-supine   REM   NREM",
        "Obstructive apneas            38       29            9    13     25",
        "Central apneas                 2        2            0     0      2",
        "Mixed apneas                   1        1            0     0      1",
        "Hypopneas                    102       61           41    27     75",
        "Total respiratory events     143       93           50    40    103",
        "RERAs                         23       15            8     6     17",
        "",
        "Index (per hour of sleep)   Total   Supine   Non-supine   REM   NREM",
        "Total AHI                    22.4     41.3         12.1  34.2   19.7",
        "Central apnea index           0.3      0.9          0.0   0.0    0.4",
        "RDI                          26.0     48.0         14.0  39.3   23.0",
        "Reference: normal adult AHI < 5 events/h",
        "",
        "OXYGENATION",
        "SpO2 baseline (awake) 95 %   Mean SpO2 in sleep 92 %   SpO2 nadir 81 %   Time < 88 %: 14.2 min",
    ], [
        "SYNTHETIC REGIONAL MEDICAL CENTER - SLEEP DISORDERS CENTER",
        "Patient: ASTER, SYNTHETIC PATIENT   DOB: 06/21/1954   Study date: 01/09/2026   Page 2 of 2",
        "CARDIAC: sinus rhythm, mean HR 64 bpm, no significant arrhythmia.",
        "LIMB MOVEMENTS: PLM index 4.2/h (normal < 15/h).",
        "",
        "IMPRESSION",
        "1. Obstructive sleep apnea, moderate (G47.33): AHI 22.4 events/h; 143 respiratory events in 383.5 minutes of sleep; "
        "supine- and REM-predominant.",
        "2. Nocturnal hypoxemia, SpO2 nadir 81 %.",
        "",
        "RECOMMENDATIONS",
        "1. Treatment is indicated: CPAP titration, or a custom oral appliance if PAP is declined or not tolerated.",
        "2. Positional therapy; weight reduction; avoid alcohol and sedatives near bedtime.",
        "3. Results to the referring provider for review and treatment decision.",
        "",
        "Electronically signed: Test Sleepdoc Kilo, MD, Diplomate ABSM - 01/12/2026 08:03",
        "Scored by a registered polysomnographic technologist (RPSGT).",
    ])
    pcp = doc("chart_note", "internal-medicine", [
        "SYNTHETIC INTERNAL MEDICINE ASSOCIATES",
        "210 Synthetic Ave, Testville ST | (555) 012-0900",
        "PROGRESS NOTE",
        "Patient: Synthetic Patient Aster   DOB: 06/21/1954   Visit: 12/18/2025 10:20   Provider: Test Internist Mike, MD",
        "Visit type: office visit, in person (face-to-face)",
        "Chief complaint: snoring, tired all day",
        "HPI: 71 y/o man whose wife reports loud snoring and pauses in his breathing most nights. He falls asleep watching TV "
        "and once nodded off at a red light. Epworth 13/24. He tried CPAP in 2019 after an outside home study, used it about "
        "three weeks and could not tolerate the mask (claustrophobic, pulled it off in his sleep); machine returned.",
        "PMH: hypertension since 2012, hyperlipidemia, BPH.",
        "Meds: amlodipine 10 mg daily, atorvastatin 20 mg, tamsulosin 0.4 mg.",
        "FHx: mother - type 2 diabetes; father - died at 80 of lung cancer.",
        "Exam: BP 148/86, HR 72, Wt 214 lb, BMI 30.7, neck 17.5 in. Mallampati IV, tonsils 1+, retrognathia.",
        "Assessment/Plan:",
        "1. Suspected obstructive sleep apnea - order attended in-lab polysomnogram at Synthetic Regional Sleep Disorders Center.",
        "2. Hypertension, above goal - continue amlodipine, add HCTZ 12.5 mg daily.",
        "3. Obesity, BMI 30 - diet counseling.",
        "Signed: Test Internist Mike, MD 12/18/2025 11:02",
    ], [
        "SYNTHETIC INTERNAL MEDICINE ASSOCIATES",
        "PROGRESS NOTE - follow-up",
        "Patient: Synthetic Patient Aster   DOB: 06/21/1954   Visit: 01/22/2026 09:40   Provider: Test Internist Mike, MD",
        "Reviewed PSG of 01/09/2026 with patient: moderate OSA, AHI 22.4/h, nadir SpO2 81 %.",
        "He declines a CPAP re-trial because of his prior intolerance. Discussed custom oral appliance therapy; he agrees.",
        "Plan: written order for a custom oral appliance with fixed hinge sent to Synthetic Smiles Dental (Test Dentist Echo, DDS).",
        "Recheck BP and sleepiness 3 months after appliance delivery.",
        "Signed: Test Internist Mike, MD 01/22/2026 10:05",
    ])
    order = doc("physician_order", "swo", [
        "SYNTHETIC INTERNAL MEDICINE ASSOCIATES",
        "STANDARD WRITTEN ORDER - DURABLE MEDICAL EQUIPMENT",
        "Beneficiary: Synthetic Patient Aster     DOB: 06/21/1954     MBI: 1EG4TE5MK72",
        "Order date: 01/22/2026",
        "Item: custom-fabricated mandibular advancement oral appliance with fixed mechanical hinge (HCPCS E0486), qty 1",
        "Diagnosis: G47.33 Obstructive sleep apnea (adult)",
        "Length of need: 99 months (lifetime)",
        "Supplier: Synthetic Smiles Dental - Test Dentist Echo, DDS",
        f"Ordering practitioner: Test Internist Mike, MD     NPI {INTERNIST_MIKE.npi}",
        "Signature: /es/ Test Internist Mike, MD     Date signed: 01/22/2026",
    ])
    dentist = doc("chart_note", "dental-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "Oral appliance therapy - initial exam   01/29/2026   Provider: Test Dentist Echo, DDS",
        f"Pt: {pt}   DOB 06/21/1954",
        "S: 71 yo M referred by PCP Dr. Mike for OAT. PSG 01/09/26 AHI 22.4 (moderate OSA). Hx CPAP intolerance (2019, "
        "claustrophobia). c/o EDS, snoring. ESS 13. HTN on amlodipine/HCTZ.",
        "O: MMO 48 mm, max protrusion 10 mm. Class I occlusion, adequate dentition (#1, 16, 17, 32 missing). TMJ WNL bilat, "
        "no clicks. Tongue scalloped, Mallampati IV.",
        "A: Moderate OSA, CPAP intolerant; good candidate for mandibular advancement device.",
        "P: Digital impressions + bite registration at 60 % protrusion. Fabricate hinged MAD (E0486, PDAC-listed).",
    ], [
        OUR_OFFICE,
        "DELIVERY NOTE   02/10/2026   Provider: Test Dentist Echo, DDS",
        f"Pt: {pt}   DOB 06/21/1954",
        "Delivered custom titratable mandibular advancement device with fixed mechanical hinge (synthetic model H-200, "
        "PDAC-listed). Fit verified, retention good, no occlusal interferences. Starting advancement 6 mm (60 %).",
        "Instructed on insertion/removal, cleaning, morning jaw exercises; written instructions given.",
        "Pt signed proof-of-delivery receipt. Titration visit in 3 wks. Report to Dr. Mike after titration.",
    ])
    return GoldenCase(
        name="heldout-sleep-medicare-table-ready", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1954-06-21", gender="M", start="2026-02-10T09:00:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("I10", "Essential hypertension")],
                  insurance=[MEDICARE]),
        documents=(study, pcp, order, dentist),
        facts={"ahi": 22.4, "rdi": 26.0, "respiratory_events": 143, "sleep_study_date": "2026-01-09",
               "sleep_study_type": "psg", "interpreting_physician": npi(SLEEPDOC_KILO),
               "ordering_physician": npi(INTERNIST_MIKE), "order_date": "2026-01-22", "face_to_face_date": "2025-12-18",
               "delivery_date": "2026-02-10", "cpap_trial": True, "cpap_intolerance": True, "epworth": 13,
               "appliance_hinge": "yes", "comorbidity": "hypertension", "sleep_symptom": "daytime_sleepiness", "bmi": 30.7},
        absent=(("ahi", 41.3), ("ahi", 34.2), ("comorbidity", "diabetes")),
        lines=(Line("E0486", modifiers=("NU", "KX")),),
        principal="G47.33", ready=True, errors=(),
        narrative_mentions=("22.4", "E0486"),
    )


# Medicare, HSAT with a "Test night: 11-Jan-26" line. AHI 9.6 (5-14) with 58 events, but no
# qualifying symptom (she denies sleepiness, insomnia, mood or memory problems; only snoring)
# and no qualifying comorbidity: hypertension and stroke are family history, diabetes was
# gestational and resolved. LCD criterion 2 not met: sleep-ahi-threshold, no KX. The 3 % AHI
# printed "for reference" is not the Medicare value.
def _sleep_medicare_mild_fails() -> GoldenCase:
    pt = "Synthetic Patient Birch"
    study = doc("sleep_study", "hsat-idtf", [
        "SYNTHETIC HOME SLEEP TESTING, LLC",
        "Independent Diagnostic Testing Facility | 88 Synthetic Way, Testville ST | Tel 555-016-3300",
        "HOME SLEEP APNEA TEST (HSAT) - TYPE III - REPORT",
        "Name: Birch, Synthetic Patient        DOB: 11/03/1957        Gender: F",
        "Ordering provider: Test Sleepdoc Juliett, DO",
        "Test night: 11-Jan-26     Device: 4-channel type III recorder (airflow, effort, SpO2, pulse)",
        "Recording start 22:52   Recording end 05:55   Valid monitoring time 6 h 02 min",
        "",
        "RESULTS",
        "AHI, hypopneas with 4% desaturation ............ 9.6 /h",
        "AHI, hypopneas with 3% desaturation (reference only) ..... 12.1 /h",
        "Total respiratory events (4% rule) .............. 58",
        "Obstructive apneas 11 | Central apneas 0 | Hypopneas 47",
        "Supine AHI 14.2 /h (41 % of time supine)   Non-supine AHI 6.4 /h",
        "Oxygen saturation: mean 94 %, nadir 86 %, time below 88 %: 2.1 min",
        "Pulse: mean 61 bpm, range 52-88",
        "Snoring: present 38 % of monitoring time, loud",
        "",
        "INTERPRETATION",
        "Mild obstructive sleep apnea: AHI 9.6 events per hour (4% rule), 58 respiratory events over 6.0 hours of monitoring. "
        "Minimal oxygen desaturation.",
        "Severity: normal < 5; mild 5 - 14.9; moderate 15 - 29.9; severe 30 or more events/h.",
        "Options: CPAP, custom oral appliance, positional therapy. Clinical correlation recommended.",
        f"Interpreting physician: Test Sleepdoc Juliett, DO, Sleep Medicine - NPI {SLEEPDOC_JULIETT.npi} - signed 01/13/2026 07:40",
    ])
    clinic = doc("chart_note", "sleep-consult", [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES",
        "NEW PATIENT SLEEP CONSULTATION (face-to-face)",
        "Patient: Synthetic Patient Birch   DOB: 11/03/1957   Date of service: 12/29/2025   Provider: Test Sleepdoc Juliett, DO",
        "HPI: 68 yo woman seen for loud habitual snoring reported by her husband, who now sleeps in the guest room. No "
        "witnessed apneas. She denies excessive daytime sleepiness (Epworth 6/24), denies insomnia, morning headaches, "
        "memory problems or mood changes. Sleeps 7-8 h and wakes refreshed.",
        "PMH: gestational diabetes in 1991, resolved after delivery (A1c 5.4 % in 11/2025); hypothyroidism on levothyroxine. "
        "No history of hypertension, heart disease or stroke.",
        "FHx: father - hypertension, stroke at 70; mother - type 2 diabetes; brother - OSA on CPAP.",
        "SHx: never smoker, one glass of wine a week.",
        "Exam: BP 124/78, HR 66, height 5 ft 5 in, weight 158 lb, BMI 26.3, neck 14.5 in. Mallampati II, mild retrognathia.",
        "A/P: Snoring, rule out OSA. Home sleep apnea test ordered. Discussed that coverage of treatment depends on severity, "
        "symptoms and medical conditions.",
    ], [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES",
        "TELEPHONE FOLLOW-UP   01/16/2026   Test Sleepdoc Juliett, DO",
        "Patient: Synthetic Patient Birch   DOB: 11/03/1957",
        "HSAT of 11-Jan-26: mild OSA, AHI 9.6. She does not want CPAP and prefers an oral appliance; order faxed to "
        "Synthetic Smiles Dental. Told her Medicare may not cover an appliance for mild OSA without qualifying symptoms or "
        "conditions; the supplier will discuss an ABN.",
    ])
    order = doc("physician_order", "rx-pad", [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES",
        f"Test Sleepdoc Juliett, DO  -  NPI {SLEEPDOC_JULIETT.npi}  -  Tel 555-016-4100",
        "PRESCRIPTION / ORDER",
        "Patient: Synthetic Patient Birch      DOB: 11/03/1957",
        "Date: 01/16/2026",
        "Rx: custom mandibular advancement device with fixed hinge (E0486) for obstructive sleep apnea",
        "Dx: G47.33 OSA, mild",
        "Refer to: Test Dentist Echo, DDS - Synthetic Smiles Dental",
        "Signature: Test Sleepdoc Juliett, DO",
    ], scanned=True)
    dentist = doc("chart_note", "dental-delivery", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/03/2026 OAT exam - Test Dentist Echo, DDS",
        f"{pt} (DOB 11/03/1957). Referred by Dr. Juliett. HSAT 1/11/26 AHI 9.6. Chief concern: snoring disturbing spouse. "
        "MMO 44 mm, protrusion 8 mm, TMJ asymptomatic. Plan hinged MAD. Medicare ABN reviewed and signed (option 1).",
        "",
        "02/17/2026 DELIVERY - hinged custom mandibular advancement device delivered, adjusted, set at 5 mm. Care and "
        "titration instructions given; delivery receipt signed. F/u 4 wks.",
    ])
    return GoldenCase(
        name="heldout-sleep-medicare-mild-no-qualifier", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1957-11-03", gender="F", start="2026-02-17T13:30:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("R06.83", "Snoring")], insurance=[MEDICARE]),
        documents=(study, clinic, order, dentist),
        facts={"ahi": 9.6, "respiratory_events": 58, "sleep_study_date": "2026-01-11", "sleep_study_type": "hsat",
               "interpreting_physician": npi(SLEEPDOC_JULIETT), "ordering_physician": npi(SLEEPDOC_JULIETT),
               "order_date": "2026-01-16", "face_to_face_date": "2025-12-29", "epworth": 6, "bmi": 26.3,
               "sleep_symptom": "snoring", "appliance_hinge": "yes", "delivery_date": "2026-02-17"},
        negated=("comorbidity",),
        absent=(("comorbidity", "hypertension"), ("comorbidity", "stroke"), ("comorbidity", "diabetes"),
                ("sleep_symptom", "daytime_sleepiness"), ("sleep_symptom", "insomnia"), ("ahi", 12.1), ("ahi", 14.2)),
        lines=(Line("E0486", forbidden=("KX",)),),
        principal="G47.33", ready=False, errors=("sleep-ahi-threshold",),
        narrative_mentions=("9.6",),
    )


# BCBS, HSAT dated "Jan 9th 2026"; ENT orders (interpreting physician is someone else) and says
# the fixed hinge is NOT required; the dentist delivers a non-hinged design: K1027, not E0486.
# CPAP trial failed; prior authorization documented.
def _sleep_bcbs_non_hinged() -> GoldenCase:
    pt = "Synthetic Patient Cedar"
    study = doc("sleep_study", "hsat-letter", [
        "SYNTHETIC LAKESIDE SLEEP CENTER - Home Sleep Testing Program",
        "31 Lakeside Dr, Testville ST | 555-017-2000",
        "HSAT INTERPRETATION",
        "Patient name: Synthetic Patient Cedar | DOB 02/08/1979 | Acct 55-01832",
        "Recording night: Friday, Jan 9th 2026 (device returned Jan 10th)",
        "Referring: Test Otolaryngologist Charlie, MD",
        "",
        "Summary of findings",
        "- Valid recording time: 6.0 hours",
        "- Apnea-hypopnea index: 17.3 per hour",
        "- Respiratory events: 104 (obstructive apneas 22, hypopneas 82)",
        "- Lowest SpO2 83 %; time below 90 %: 6.5 %",
        "- Positional: supine AHI 28.0/h, lateral 9.1/h",
        "",
        "Diagnosis: obstructive sleep apnea, moderate (G47.33).",
        "Comment: the patient may be treated with PAP or with a custom oral appliance; he reports prior PAP intolerance.",
        f"Test Sleepdoc Juliett, DO - interpreting physician - NPI {SLEEPDOC_JULIETT.npi} - signed 01/12/2026",
    ])
    order = doc("physician_order", "ent-order", [
        "SYNTHETIC EAR, NOSE & THROAT ASSOCIATES",
        f"Test Otolaryngologist Charlie, MD   NPI {ENT_CHARLIE.npi}   Tel (555) 013-4400",
        "ORDER FOR ORAL APPLIANCE THERAPY",
        "Patient: Cedar, Synthetic Patient     DOB: 02/08/1979",
        "Order date: 01/21/2026",
        "Diagnosis: G47.33 obstructive sleep apnea (HSAT 01/09/2026, AHI 17.3)",
        "Device: custom-fabricated, titratable oral appliance for OSA. A fixed mechanical hinge is not required; any custom "
        "titratable design is acceptable per the treating dentist.",
        "Prior therapy: CPAP trial 10/2025, not tolerated.",
        "Length of need: lifetime",
        "Signature: Test Otolaryngologist Charlie, MD     Date: 01/21/2026",
    ])
    dentist = doc("chart_note", "dental-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "ORAL APPLIANCE THERAPY - CONSULTATION   02/03/2026   Test Dentist Echo, DDS",
        f"Patient: {pt}   DOB 02/08/1979",
        "S: 46 yo M referred by Dr. Charlie (ENT) for OAT. HSAT 1/9/26 AHI 17.3. CPAP trial 10/2025 x 4 wks: avg use 1.9 "
        "h/night, aerophagia and mask leak, could not tolerate; machine returned. c/o snoring, unrefreshing sleep. ESS 9.",
        "O: MMO 50 mm, max protrusion 11 mm. Full dentition, no mobility. TMJ: no clicking, no crepitus, non-tender. Mild wear.",
        "A: Moderate OSA, CPAP intolerant. Good OAT candidate.",
        "P: Scans + bite registration. Fabricate custom non-hinged MAD (interlocking-fin design, no mechanical hinge). "
        "BCBS prior auth requested.",
        "02/13/2026: BCBS prior authorization # BC26-0114477 approved, valid through 06/30/2026.",
    ], [
        OUR_OFFICE,
        "DELIVERY   02/24/2026   Test Dentist Echo, DDS",
        f"Patient: {pt}   DOB 02/08/1979",
        "Non-hinged custom MAD (interlocking fins) seated; retention good; set at 5 mm advancement (about 45 %). Home care and "
        "titration instructions reviewed; pt signed delivery receipt. F/u 3-4 wks.",
    ])
    return GoldenCase(
        name="heldout-sleep-bcbs-non-hinged", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1979-02-08", gender="M", start="2026-02-24T10:00:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea")], insurance=[BCBS]),
        documents=(study, order, dentist),
        facts={"ahi": 17.3, "respiratory_events": 104, "sleep_study_date": "2026-01-09", "sleep_study_type": "hsat",
               "interpreting_physician": npi(SLEEPDOC_JULIETT), "ordering_physician": npi(ENT_CHARLIE),
               "order_date": "2026-01-21", "delivery_date": "2026-02-24", "cpap_trial": True, "cpap_intolerance": True,
               "epworth": 9, "appliance_hinge": "no", "prior_authorization": "BC26-0114477",
               "authorization_end_date": "2026-06-30"},
        absent=(("appliance_hinge", "yes"), ("ahi", 28.0)),
        lines=(Line("K1027"),),
        principal="G47.33", ready=True, errors=(),
        narrative_mentions=("17.3", "K1027"),
    )


# Aetna, key-value sleep-lab summary with dot leaders ("AHI ........ 18.2"); the order is dated
# only on its signature line (the PSG date it cites is not the order date). Hinged device,
# CPAP intolerance, prior authorization: E0486 (NU), ready.
def _sleep_aetna_dot_leaders() -> GoldenCase:
    pt = "Synthetic Patient Dahlia"
    study = doc("sleep_study", "kv-form", [
        "SYNTHETIC VALLEY SLEEP LAB",
        "Polysomnography Summary Sheet",
        "Patient name ............ Dahlia, Synthetic Patient",
        "Date of birth ........... 1968-09-30",
        "Study type .............. Diagnostic polysomnogram (attended, Type I)",
        "Study date .............. 2026-01-14",
        "Referring MD ............ Test Sleepdoc Kilo, MD",
        "Total sleep time ........ 5 h 49 min",
        "Sleep efficiency ........ 81 %",
        "AHI ..................... 18.2 /h",
        "RDI ..................... 21.0 /h",
        "Obstructive apneas ...... 29",
        "Central apneas .......... 0",
        "Hypopneas ............... 77",
        "Total events ............ 106",
        "RERAs ................... 16",
        "SpO2 nadir .............. 84 %",
        "PLM index ............... 3.1 /h",
        "Epworth (intake) ........ 11",
        "",
        "Interpretation: moderate obstructive sleep apnea, worse in REM sleep. No significant central apnea or periodic limb "
        "movements. Treatment with PAP or a custom oral appliance is appropriate.",
        f"Interpreting physician ... Test Sleepdoc Kilo, MD     NPI ..... {SLEEPDOC_KILO.npi}",
        "Date signed ............. 2026-01-16",
    ])
    order = doc("physician_order", "rx-signature-dated", [
        "SYNTHETIC VALLEY SLEEP LAB - Physician Services",
        "ORAL APPLIANCE PRESCRIPTION",
        "Patient: Synthetic Patient Dahlia          DOB 09/30/1968",
        "Diagnosis: obstructive sleep apnea, moderate - G47.33 (PSG 1/14/26, AHI 18.2)",
        "Prescribed: custom-fabricated mandibular advancement device with fixed mechanical hinge (HCPCS E0486); fitting, "
        "adjustment and titration by the dentist",
        "Reason for oral appliance: intolerance of CPAP",
        "Dentist: Test Dentist Echo, DDS, Synthetic Smiles Dental",
        "",
        "Prescriber signature: /s/ Test Sleepdoc Kilo, MD        Date: 01/26/2026",
        f"NPI: {SLEEPDOC_KILO.npi}",
    ], scanned=True)
    dentist = doc("chart_note", "dental-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "OAT EVALUATION 02/10/2026 - Test Dentist Echo, DDS",
        f"Pt: {pt}, DOB 09/30/1968",
        "S: Pt referred by Dr. Kilo for OAT. Tried CPAP in 2024 x 2 mo, stopped d/t mask leaks, dry mouth, could not sleep w/ "
        "mask. ESS 11. HTN on losartan 50 mg. Hx: tonsillectomy as child.",
        "O: BP 138/84. MMO 46 mm, protrusive 9 mm. Dentition stable, perio WNL. TMJ: no sounds, non-tender.",
        "A: Moderate OSA (PSG 1/14/26), CPAP intolerant.",
        "P: Fabricate hinged MAD. Aetna PA submitted 02/10/2026.",
        "Aetna prior auth # PA-0099-2611 approved 02/12/2026 - valid through 08/11/2026.",
        "",
        "DELIVERY 03/03/2026 - hinged MAD delivered, fit/retention good, set at 4 mm. Instructions given, receipt signed.",
    ])
    return GoldenCase(
        name="heldout-sleep-aetna-dot-leaders", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1968-09-30", gender="F", start="2026-03-03T08:30:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("I10", "Essential hypertension")], insurance=[AETNA]),
        documents=(study, order, dentist),
        facts={"ahi": 18.2, "rdi": 21.0, "respiratory_events": 106, "sleep_study_date": "2026-01-14",
               "sleep_study_type": "psg", "interpreting_physician": npi(SLEEPDOC_KILO),
               "ordering_physician": npi(SLEEPDOC_KILO), "order_date": "2026-01-26", "delivery_date": "2026-03-03",
               "cpap_trial": True, "cpap_intolerance": True, "epworth": 11, "appliance_hinge": "yes",
               "comorbidity": "hypertension", "prior_authorization": "PA-0099-2611",
               "authorization_end_date": "2026-08-11"},
        absent=(("order_date", "2026-01-14"),),
        lines=(Line("E0486", modifiers=("NU",)),),
        principal="G47.33", ready=True, errors=(),
        narrative_mentions=("18.2", "E0486"),
    )


# Medicare, complete and qualifying (AHI 31.5, 189 events, face-to-face before the study,
# order after it, CPAP failed), but a faxed HSAT of ANOTHER patient (Elmwood, other DOB, AHI
# 41.0) was filed into the case: document-wrong-patient, and none of its values may be read.
def _sleep_medicare_wrong_patient() -> GoldenCase:
    pt = "Synthetic Patient Elm"
    study = doc("sleep_study", "university-table", [
        "SYNTHETIC UNIVERSITY HOSPITAL | Center for Sleep Medicine",
        "DIAGNOSTIC POLYSOMNOGRAM REPORT",
        "Name: Synthetic Patient Elm          DOB: 04/12/1950          MRN: U-7781204",
        "Date of study: 2026-01-07 (night of)     Scoring: AASM, hypopnea with 4% desaturation",
        "Ordering/referring: Test Sleepdoc Juliett, DO",
        "",
        "Parameter                              Value     Reference",
        "Total sleep time (min)                 360.0     -",
        "Sleep efficiency (%)                    82.1     > 85",
        "Apnea-hypopnea index (/h)               31.5     < 5",
        "   Supine AHI (/h)                      48.9     -",
        "   REM AHI (/h)                         52.3     -",
        "Respiratory disturbance index (/h)      33.0     < 5",
        "Obstructive apneas (n)                    71",
        "Hypopneas (n)                            112",
        "Central and mixed apneas (n)               6",
        "Total respiratory events (n)             189",
        "SpO2 nadir (%)                            78     > 88",
        "Time SpO2 < 89 % (min)                  41.6",
        "",
        "Impression: severe obstructive sleep apnea (AHI 31.5/h) with moderate nocturnal hypoxemia.",
        "Recommendation: PAP is first line; the patient reports prior PAP intolerance - a custom oral appliance is a reasonable "
        "alternative, with positional therapy; ENT evaluation if the appliance fails.",
        f"Interpreting physician: Test Sleepdoc Juliett, DO - NPI {SLEEPDOC_JULIETT.npi} - electronically signed 01/09/2026",
    ])
    clinic = doc("chart_note", "sleep-f2f", [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES",
        "Face-to-face visit 12/11/2025 - Test Sleepdoc Juliett, DO",
        "Patient: Synthetic Patient Elm   DOB: 04/12/1950",
        "75 yo M, loud snoring, witnessed apneas, ESS 10. CAD s/p LAD stent 2019. Used auto-PAP 2021-2022 for about five "
        "months, stopped: could not tolerate despite three mask refits (nasal congestion, aerophagia, mask claustrophobia).",
        "Plan: in-lab diagnostic PSG; discuss alternatives to PAP after results.",
        "",
        "Follow-up 01/15/2026: PSG 2026-01-07 AHI 31.5 - severe OSA. Failed PAP in the past and unwilling to retry. "
        "Order written for custom oral appliance with fixed hinge (E0486).",
    ])
    order = doc("physician_order", "dwo", [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES - WRITTEN ORDER",
        "Patient: Synthetic Patient Elm     DOB: 04/12/1950     Medicare",
        "Date of order: 01/15/2026",
        "Item: E0486 - custom oral appliance for OSA, fixed mechanical hinge; fitting and adjustment included",
        "Dx: G47.33; I25.10",
        f"Practitioner: Test Sleepdoc Juliett, DO   NPI {SLEEPDOC_JULIETT.npi}   signature on file, signed 01/15/2026",
    ])
    dentist = doc("chart_note", "dental-delivery", [
        OUR_OFFICE, OUR_ADDRESS,
        f"{pt}   DOB 04/12/1950",
        "02/05/2026 exam: MMO 45 mm, protrusion 8 mm, partial dentition adequate for retention (#3-14, #19-30). TMJ WNL.",
        "02/19/2026 DELIVERY: custom MAD with fixed mechanical hinge delivered and fitted, 5 mm advancement. Proof of "
        "delivery signed. Titration f/u 3 wks.",
    ])
    other = doc("sleep_study", "faxed-other-patient", [
        "FAX 01/20/2026 14:02   FROM: SYNTHETIC SLEEP DIAGNOSTICS 555-0197   P.002/002",
        "HOME SLEEP TEST - RESULTS SUMMARY",
        "Patient: ELMWOOD, SYNTHETIC PATIENT        DOB: 04/21/1950",
        "Study date: 01/05/2026      Device: type III",
        "Monitoring time: 5.8 h",
        "AHI (4%): 41.0 /h",
        "Total respiratory events: 238",
        "Lowest SpO2: 74 %",
        "Impression: severe obstructive sleep apnea.",
        "Reading physician: Test Sleepdoc Kilo, MD",
    ], scanned=True)
    return GoldenCase(
        name="heldout-sleep-medicare-wrong-patient-study", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1950-04-12", gender="M", start="2026-02-19T11:00:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("I25.10", "Coronary artery disease")],
                  insurance=[MEDICARE]),
        documents=(study, clinic, order, dentist, other),
        facts={"ahi": 31.5, "rdi": 33.0, "respiratory_events": 189, "sleep_study_date": "2026-01-07",
               "sleep_study_type": "psg", "interpreting_physician": npi(SLEEPDOC_JULIETT),
               "ordering_physician": npi(SLEEPDOC_JULIETT), "order_date": "2026-01-15",
               "face_to_face_date": "2025-12-11", "cpap_trial": True, "cpap_intolerance": True, "epworth": 10,
               "appliance_hinge": "yes", "comorbidity": "ischemic_heart_disease", "delivery_date": "2026-02-19"},
        absent=(("ahi", 41.0), ("respiratory_events", 238), ("sleep_study_date", "2026-01-05"), ("ahi", 48.9)),
        lines=(Line("E0486", modifiers=("NU", "KX")),),
        principal="G47.33", ready=False, errors=("document-wrong-patient",),
        narrative_mentions=("31.5",),
    )


# Medicare, AHI 5-14 that DOES qualify: 11.3/h with 68 events, documented excessive daytime
# sleepiness (ESS 14) and treated hypertension. Table with the total in a column of the "AHI"
# row; the supine and REM values (19.7, 23.8) must not be taken. Study date "09-Jan-26".
def _sleep_medicare_mild_qualifies() -> GoldenCase:
    pt = "Synthetic Patient Fern"
    study = doc("sleep_study", "community-table", [
        "SYNTHETIC MERCY HOSPITAL - SLEEP LAB",
        "OVERNIGHT POLYSOMNOGRAPHY (PSG) REPORT",
        "PATIENT: Fern, Synthetic Patient     DOB: 01/27/1956     ACCT: 2026-00917",
        "STUDY DATE: 09-Jan-26     REFERRING: Test Sleepdoc Kilo, MD",
        "TST 360.5 min | SE 87 % | REM 21 % of TST | supine 38 % of TST",
        "",
        "Respiratory summary (hypopnea = 30 % airflow drop with >= 4 % desaturation)",
        "                 Total   Supine   Lateral    REM   NREM",
        "OA                  14       10         4      6      8",
        "CA                   1        0         1      0      1",
        "MA                   0        0         0      0      0",
        "Hypopnea            53       35        18     24     29",
        "All events          68       45        23     30     38",
        "AHI (/h)          11.3     19.7       6.2   23.8    8.0",
        "",
        "SpO2: baseline 95 %, nadir 85 %, time < 88 %: 3.9 min",
        "ECG: sinus rhythm. PLMI 6/h.",
        "IMPRESSION: mild obstructive sleep apnea, AHI 11.3/h (68 events), REM- and supine-predominant.",
        "Signed: Test Sleepdoc Kilo, MD  01/13/2026",
    ])
    clinic = doc("chart_note", "sleep-clinic-dictated", [
        "SYNTHETIC SLEEP & NEUROLOGY CLINIC",
        "New patient consultation (in person), 12/04/2025 - Test Sleepdoc Kilo, MD",
        "Patient: Synthetic Patient Fern, DOB 01/27/1956",
        "History: She has been sleepy for two years; she dozes at red lights and during church, and her Epworth score "
        "today is 14 of 24. Her husband hears loud snoring. She has hypertension treated with lisinopril-HCTZ 20/12.5 mg; "
        "BP today 146/88. BMI 29.1. No diabetes, no heart disease.",
        "Plan: attended polysomnogram.",
        "",
        "Follow-up 01/21/2026: PSG shows mild OSA, AHI 11.3/h, with excessive daytime sleepiness and hypertension. She "
        "does not wish to use CPAP and prefers an oral appliance. Order written today for a custom oral appliance with "
        "fixed hinge, to Synthetic Smiles Dental.",
    ])
    order = doc("physician_order", "dwo-form", [
        "SYNTHETIC SLEEP & NEUROLOGY CLINIC",
        "DETAILED WRITTEN ORDER",
        "Patient: Synthetic Patient Fern   DOB 01/27/1956   Medicare ID on file",
        "Order date: 01/21/2026",
        "Item: oral appliance, custom fabricated, fixed mechanical hinge (E0486), quantity 1",
        "Diagnoses: G47.33 obstructive sleep apnea; I10 hypertension",
        f"Ordering physician: Test Sleepdoc Kilo, MD   NPI {SLEEPDOC_KILO.npi}",
        "Signature: Test Sleepdoc Kilo, MD",
    ])
    dentist = doc("chart_note", "dental-delivery", [
        OUR_OFFICE, OUR_ADDRESS,
        f"03/10/2026 - {pt} (DOB 01/27/1956) - Test Dentist Echo, DDS",
        "Delivery of custom hinged mandibular advancement device. Fit good, advancement 5 mm. Reviewed care, side effects, "
        "morning repositioner exercises. Pt signed delivery receipt. F/u 3 wks, then efficacy HSAT via Dr. Kilo.",
    ])
    return GoldenCase(
        name="heldout-sleep-medicare-mild-qualifies", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1956-01-27", gender="F", start="2026-03-10T14:00:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("I10", "Essential hypertension"),
                            ("R40.0", "Somnolence")], insurance=[MEDICARE]),
        documents=(study, clinic, order, dentist),
        facts={"ahi": 11.3, "respiratory_events": 68, "sleep_study_date": "2026-01-09", "sleep_study_type": "psg",
               "interpreting_physician": npi(SLEEPDOC_KILO), "ordering_physician": npi(SLEEPDOC_KILO),
               "order_date": "2026-01-21", "face_to_face_date": "2025-12-04", "epworth": 14,
               "comorbidity": "hypertension", "sleep_symptom": "daytime_sleepiness", "bmi": 29.1,
               "appliance_hinge": "yes", "delivery_date": "2026-03-10"},
        absent=(("ahi", 19.7), ("ahi", 23.8), ("comorbidity", "diabetes")),
        lines=(Line("E0486", modifiers=("NU", "KX")),),
        principal="G47.33", ready=True, errors=(),
        narrative_mentions=("11.3", "E0486"),
    )


# UHC: dictated HSAT interpretation with the numbers in words ("twenty-two events per hour",
# "one hundred thirty-one respiratory events"); all-caps dental EHR export; CPAP never tried
# (not required by this payer for moderate OSA). The written order was requested but never
# uploaded: attachment-missing, and no ordering provider for the DME line: provider-missing.
def _sleep_uhc_no_order() -> GoldenCase:
    pt = "Synthetic Patient Hazel"
    study = doc("sleep_study", "dictated-words", [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES",
        "HOME SLEEP APNEA TEST - PHYSICIAN INTERPRETATION",
        "RE: Synthetic Patient Hazel        DATE OF BIRTH: 07/19/1983",
        "DATE OF TEST: January 9, 2026",
        "",
        "Ms. Hazel underwent an unattended type III home sleep apnea test on the night of January 9, 2026. "
        "Approximately six hours of analyzable data were recorded.",
        "The apnea-hypopnea index was twenty-two events per hour, using the 4% desaturation criterion for hypopneas. "
        "A total of one hundred thirty-one respiratory events were scored, the large majority obstructive hypopneas. "
        "The lowest oxygen saturation was eighty-four percent. Snoring was recorded for much of the night.",
        "",
        "IMPRESSION: Moderate obstructive sleep apnea.",
        "RECOMMENDATIONS: Treatment with CPAP or a custom oral appliance. The patient has told us she prefers an oral "
        "appliance. Weight management and sleep hygiene were discussed.",
        "",
        f"Test Sleepdoc Juliett, DO, interpreting physician, NPI {SLEEPDOC_JULIETT.npi}",
        "D: 01/12/2026 16:10   T: 01/13/2026 09:02",
    ])
    dentist = doc("chart_note", "ehr-caps", [
        "SYNTHETIC SMILES DENTAL - CLINICAL NOTE EXPORT",
        "PATIENT: HAZEL, SYNTHETIC PATIENT    DOB: 07/19/1983    CHART #: 20931",
        "DATE OF SERVICE: 02/05/2026    PROVIDER: TEST DENTIST ECHO DDS",
        "VISIT TYPE: OAT CONSULT",
        "CHIEF COMPLAINT: SNORING, WAKES UP TIRED",
        "SLEEP STUDY: HSAT 01/09/2026 - AHI 22 - MODERATE OSA (REPORT ON FILE)",
        "CPAP: NEVER TRIED - PT DECLINES CPAP",
        "EPWORTH: 12",
        "MEDICAL HX: SEASONAL ALLERGIES. NKDA.",
        "EXAM: MMO 47 MM. PROTRUSIVE 10 MM. TMJ WNL. DENTITION: GOOD, NO ACTIVE DECAY, PERIO STABLE.",
        "ASSESSMENT: MODERATE OSA, CANDIDATE FOR OAT",
        "PLAN: CUSTOM HINGED MAD. WRITTEN ORDER REQUESTED FROM DR JULIETT 02/05/2026 - NOT YET RECEIVED.",
        "DELIVERY APPT: 02/26/2026",
    ])
    return GoldenCase(
        name="heldout-sleep-uhc-order-not-uploaded", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1983-07-19", gender="F", start="2026-02-26T15:00:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea")], insurance=[UHC]),
        documents=(study, dentist),
        facts={"ahi": 22.0, "respiratory_events": 131, "sleep_study_date": "2026-01-09", "sleep_study_type": "hsat",
               "interpreting_physician": npi(SLEEPDOC_JULIETT), "epworth": 12},
        negated=("cpap_trial",),
        absent=("ordering_physician", "order_date"),
        lines=(Line("E0486"),),
        principal="G47.33", ready=False, errors=("attachment-missing", "provider-missing"),
        narrative_mentions=("22",),
    )


# Cigna: everything present, but the PCP signed the order on 02/20/2026, eight days AFTER the
# appliance was delivered (02/12/2026): date-order. The "Rx requested 01/29" line in the dental
# note is a request, not an order date.
def _sleep_cigna_order_after_delivery() -> GoldenCase:
    pt = "Synthetic Patient Iris"
    study = doc("sleep_study", "hospital-table", [
        "SYNTHETIC COMMUNITY HOSPITAL SLEEP CENTER",
        "Diagnostic Polysomnography",
        "Patient: Iris, Synthetic Patient   DOB 12/05/1972   Sex M   Study date 12/16/2025",
        "Referring: Test Familydoc November, MD",
        "TST 367.7 min, sleep efficiency 84 %, REM 17 %",
        "",
        "Events              Count    Index (/h)",
        "Obstructive apnea      54          8.8",
        "Central apnea           3          0.5",
        "Mixed apnea             2          0.3",
        "Hypopnea              112         18.3",
        "Total AHI             171         27.9",
        "RERA                   20          3.3",
        "RDI                   191         31.2",
        "",
        "Lowest SpO2 80 %; SpO2 < 88 % for 22 min.",
        "Conclusion: moderate obstructive sleep apnea (AHI 27.9/h). CPAP or oral appliance therapy recommended.",
        f"Interpreted by Test Sleepdoc Kilo, MD (NPI {SLEEPDOC_KILO.npi}) on 12/19/2025",
    ])
    order = doc("physician_order", "ehr-order", [
        "SYNTHETIC FAMILY HEALTH - ORDER",
        "Patient: Synthetic Patient Iris      DOB: 12/05/1972      Cigna",
        "Order: oral appliance for obstructive sleep apnea, custom-fabricated, hinged mandibular advancement",
        "Diagnosis: G47.33 obstructive sleep apnea; E66.9 obesity, BMI 34.6",
        "Perform at: Synthetic Smiles Dental, Test Dentist Echo, DDS",
        f"Ordering provider: Test Familydoc November, MD   NPI {FAMILYDOC_NOVEMBER.npi}",
        "Electronically signed by Test Familydoc November, MD on 02/20/2026 at 16:45",
    ])
    dentist = doc("chart_note", "dental-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        f"{pt} - DOB 12/05/1972",
        "01/27/2026 OAT consult (Test Dentist Echo, DDS)",
        "S: PSG 12/16/25 AHI 27.9. Used CPAP x 6 wks in 2024, could not tolerate (mask pressure sores, insomnia w/ mask). "
        "BMI 34.6. ESS 15. PCP Dr. November.",
        "O: MMO 52 mm, protrusion 9 mm. TMJ WNL. Dentition sound.",
        "A/P: Moderate OSA, CPAP intolerant - hinged custom MAD. Rx requested from PCP Dr. November 01/29/2026.",
        "",
        "02/12/2026 DELIVERY: custom MAD with fixed hinge delivered, set at 6 mm, instructions given, delivery receipt "
        "signed. F/u 3 wks.",
    ])
    return GoldenCase(
        name="heldout-sleep-cigna-order-after-delivery", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1972-12-05", gender="M", start="2026-02-12T09:30:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("E66.9", "Obesity"), ("Z68.34", "BMI 34.0-34.9")],
                  insurance=[CIGNA]),
        documents=(study, order, dentist),
        facts={"ahi": 27.9, "rdi": 31.2, "respiratory_events": 171, "sleep_study_date": "2025-12-16",
               "sleep_study_type": "psg", "interpreting_physician": npi(SLEEPDOC_KILO),
               "ordering_physician": npi(FAMILYDOC_NOVEMBER), "order_date": "2026-02-20", "delivery_date": "2026-02-12",
               "cpap_trial": True, "cpap_intolerance": True, "bmi": 34.6, "comorbidity": "obesity", "epworth": 15,
               "appliance_hinge": "yes"},
        absent=(("order_date", "2026-01-29"),),
        lines=(Line("E0486", modifiers=("NU",)),),
        principal="G47.33", ready=False, errors=("date-order",),
        narrative_mentions=("27.9",),
    )


# Medicare, all-caps EHR exports; the HSAT was "RECORDED: 01/09/2026 22:41 TO 01/10/2026 05:58"
# (the study date is the 9th). AHI 16.8 with 97 events: criterion 1 met. The PCP did the
# face-to-face and signed the order (scanned); the sleep physician interpreted. Diabetes and
# atrial fibrillation are present. E0486 NU KX, ready.
def _sleep_medicare_all_caps() -> GoldenCase:
    pt = "Synthetic Patient Juniper"
    study = doc("sleep_study", "caps-hsat", [
        "SYNTHETIC SLEEP DIAGNOSTICS INC - HOME SLEEP TEST REPORT",
        "PATIENT NAME: JUNIPER, SYNTHETIC PATIENT    DOB: 08/14/1949    SEX: M",
        "RECORDED: 01/09/2026 22:41 TO 01/10/2026 05:58",
        "STUDY TYPE: HSAT, TYPE III (AIRFLOW, EFFORT, OXIMETRY)",
        "ORDERING: TEST FAMILYDOC NOVEMBER MD",
        "VALID MONITORING TIME: 5 H 47 MIN",
        "AHI (4% RULE): 16.8 /HR",
        "TOTAL RESPIRATORY EVENTS: 97",
        "OBSTRUCTIVE APNEAS: 19    CENTRAL APNEAS: 2    HYPOPNEAS: 76",
        "SPO2 MEAN 93%   NADIR 82%   TIME BELOW 88%: 9.4 MIN",
        "HEART RATE: IRREGULARLY IRREGULAR, MEAN 74 BPM (KNOWN AFIB)",
        "IMPRESSION: MODERATE OBSTRUCTIVE SLEEP APNEA (G47.33)",
        f"INTERPRETING PHYSICIAN: TEST SLEEPDOC KILO, MD   NPI {SLEEPDOC_KILO.npi}   SIGNED 01/12/2026",
    ])
    pcp = doc("chart_note", "caps-pcp", [
        "SYNTHETIC FAMILY HEALTH - OFFICE VISIT",
        "PATIENT: JUNIPER, SYNTHETIC PATIENT   DOB: 08/14/1949",
        "DATE OF SERVICE: 12/22/2025   FACE-TO-FACE EVALUATION   PROVIDER: TEST FAMILYDOC NOVEMBER MD",
        "CC: FATIGUE, SNORING",
        "HPI: 76 YO M WITH DAYTIME SLEEPINESS, FALLS ASLEEP READING AND IN MEETINGS. EPWORTH 12. WIFE REPORTS SNORING AND "
        "CHOKING AROUSALS.",
        "PMH: TYPE 2 DIABETES (A1C 7.4), PAROXYSMAL ATRIAL FIBRILLATION ON APIXABAN, HYPERLIPIDEMIA",
        "VITALS: BP 132/80  HR 78 IRREG  BMI 28.2",
        "PLAN: HOME SLEEP APNEA TEST ORDERED.",
        "",
        "ADDENDUM 01/16/2026: HST 01/09/2026 REVIEWED - AHI 16.8, MODERATE OSA. PT PREFERS ORAL APPLIANCE TO CPAP. ORDER "
        "SIGNED FOR CUSTOM HINGED ORAL APPLIANCE (E0486) - SYNTHETIC SMILES DENTAL.",
    ])
    order = doc("physician_order", "caps-order", [
        "SYNTHETIC FAMILY HEALTH",
        "DME ORDER",
        "PATIENT: JUNIPER, SYNTHETIC PATIENT     DOB: 08/14/1949",
        "ORDER DATE: 01/16/2026",
        "ITEM: E0486 ORAL APPLIANCE, CUSTOM FABRICATED, FIXED MECHANICAL HINGE",
        "DX: G47.33 OBSTRUCTIVE SLEEP APNEA",
        "LENGTH OF NEED: 99 MONTHS",
        f"ORDERING: TEST FAMILYDOC NOVEMBER MD    NPI {FAMILYDOC_NOVEMBER.npi}",
        "SIGNATURE: TEST FAMILYDOC NOVEMBER MD",
    ], scanned=True)
    dentist = doc("chart_note", "dental-delivery", [
        OUR_OFFICE, OUR_ADDRESS,
        f"Patient {pt} (DOB 08/14/1949)",
        "02/19/2026 exam: MMO 42 mm, protrusion 7 mm. Remaining teeth #4-13, #20-29 sound. TMJ asymptomatic. Impressions taken.",
        "03/05/2026 delivered custom mandibular advancement device with fixed mechanical hinge; starting position 4 mm; "
        "instructions given; proof of delivery signed. Titration f/u 3 wks.",
    ])
    return GoldenCase(
        name="heldout-sleep-medicare-all-caps", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1949-08-14", gender="M", start="2026-03-05T10:30:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea"), ("E11.9", "Type 2 diabetes mellitus"),
                            ("I48.91", "Atrial fibrillation")], insurance=[MEDICARE]),
        documents=(study, pcp, order, dentist),
        facts={"ahi": 16.8, "respiratory_events": 97, "sleep_study_date": "2026-01-09", "sleep_study_type": "hsat",
               "interpreting_physician": npi(SLEEPDOC_KILO), "ordering_physician": npi(FAMILYDOC_NOVEMBER),
               "order_date": "2026-01-16", "face_to_face_date": "2025-12-22", "epworth": 12,
               "comorbidity": "diabetes", "sleep_symptom": "daytime_sleepiness", "bmi": 28.2,
               "appliance_hinge": "yes", "delivery_date": "2026-03-05"},
        absent=(("sleep_study_date", "2026-01-10"),),
        lines=(Line("E0486", modifiers=("NU", "KX")),),
        principal="G47.33", ready=True, errors=(),
        narrative_mentions=("16.8", "E0486"),
    )


# UHC: the order arrives behind a fax cover sheet, and the NPI typed on it fails the Luhn check:
# npi-invalid. The sleep-study summary is a scanned page dated "1/9/26".
def _sleep_uhc_fax_bad_npi() -> GoldenCase:
    pt = "Synthetic Patient Laurel"
    order = doc("physician_order", "fax-cover-order", [
        "SYNTHETIC EAR, NOSE & THROAT ASSOCIATES",
        "FAX COVER SHEET",
        "Date: 02/02/2026     Time: 11:18",
        "To: Synthetic Smiles Dental - attn: sleep coordinator     Fax: (555) 010-2201",
        "From: office of Test Otolaryngologist Charlie, MD     Phone: (555) 013-4400     Fax: (555) 013-4401",
        "Re: Synthetic Patient Laurel - order for oral appliance",
        "Pages (including cover): 2",
        "[ ] Urgent   [x] For your records   [ ] Please reply",
        "",
        "CONFIDENTIALITY NOTICE: this facsimile contains protected health information intended only for the addressee. If "
        "you received it in error, notify the sender at the number above and destroy all copies.",
    ], [
        "SYNTHETIC EAR, NOSE & THROAT ASSOCIATES",
        "PHYSICIAN ORDER",
        "Patient: Laurel, Synthetic Patient      DOB: 03/02/1988",
        "Date: 02/02/2026",
        "Order: custom oral appliance, mandibular advancement, with fixed hinge - HCPCS E0486",
        "Diagnosis: G47.33 obstructive sleep apnea (HSAT 1/9/26, AHI 24.6); failed CPAP",
        f"Ordering physician: Test Otolaryngologist Charlie, MD     NPI: {broken_npi(ENT_CHARLIE.npi)}",
        "Signature: Test Otolaryngologist Charlie, MD",
    ])
    study = doc("sleep_study", "scanned-summary", [
        "SYNTHETIC PULMONARY & SLEEP ASSOCIATES - HOME SLEEP TEST SUMMARY",
        "Patient: Laurel, Synthetic Patient     DOB: 03/02/1988",
        "Study date: 1/9/26     Type III HSAT",
        "Monitoring time 5 h 42 min",
        "AHI: 24.6 events/hour",
        "Respiratory events: 140",
        "SpO2 nadir: 85 %",
        "Interpretation: moderate obstructive sleep apnea.",
        f"Interpreting physician: Test Sleepdoc Juliett, DO  NPI {SLEEPDOC_JULIETT.npi}  01/13/2026",
    ], scanned=True)
    dentist = doc("chart_note", "dental-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        f"{pt}, DOB 03/02/1988 - Test Dentist Echo, DDS",
        "02/10/2026: S: referred by Dr. Charlie (ENT). Tried CPAP 2025 x 2 mo, intolerant (dry mouth, removes mask). ESS 10. "
        "O: MMO 49 mm, protrusion 10 mm, TMJ WNL. A: moderate OSA. P: hinged MAD.",
        "03/12/2026: hinged MAD delivered, adjusted, set 5 mm; care instructions; delivery receipt signed.",
    ])
    return GoldenCase(
        name="heldout-sleep-uhc-fax-invalid-npi", category="sleep",
        body=body(category="sleep", patient=pt, birthdate="1988-03-02", gender="F", start="2026-03-12T16:00:00",
                  procedures=[proc("D9947", "custom sleep apnea appliance", 2400.0)],
                  problems=[("G47.33", "Obstructive sleep apnea")], insurance=[UHC]),
        documents=(order, study, dentist),
        facts={"ahi": 24.6, "respiratory_events": 140, "sleep_study_date": "2026-01-09", "sleep_study_type": "hsat",
               "interpreting_physician": npi(SLEEPDOC_JULIETT),
               "ordering_physician": {"name": "Test Otolaryngologist Charlie"}, "order_date": "2026-02-02",
               "cpap_trial": True, "cpap_intolerance": True, "epworth": 10, "appliance_hinge": "yes",
               "delivery_date": "2026-03-12"},
        lines=(Line("E0486", modifiers=("NU",)),),
        principal="G47.33", ready=False, errors=("npi-invalid",),
        narrative_mentions=("24.6",),
    )


# ======================================================================================= TMD


# BCBS, terse SOAP with abbreviations: left TMJ arthralgia with reciprocal click, MMO 32 mm,
# pain 6/10, 4 months, failed NSAIDs + soft diet + moist heat "x 6 wks". A patient intake form
# with dot leaders agrees. E/M for the comprehensive exam and the orthotic: ready.
def _tmd_bcbs_left_ready() -> GoldenCase:
    pt = "Synthetic Patient Magnolia"
    note = doc("chart_note", "terse-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "DOS 01/27/2026   Provider: Test Dentist Echo, DDS   Visit: comprehensive TMD eval",
        f"Pt: {pt}   DOB 05/17/1990",
        "CC: \"my left jaw clicks and hurts when I chew\"",
        "S: 35 yo F c/o L TMJ pain x 4 mo, worse w/ chewing, AM stiffness. Pain 6/10 today (worst 8/10). Clicking L side on "
        "opening. Tried ibuprofen 600 mg TID, soft diet + moist heat x 6 wks - minimal relief. Denies locking. Denies "
        "trauma. No hx ortho.",
        "O: MMO 32 mm (painful), lat excursion R 7 mm / L 9 mm, protrusive 6 mm, deviation to L on opening. Reciprocal click "
        "L TMJ on opening/closing; no crepitus. R TMJ WNL, non-tender. Palp: L masseter 2+, L lateral pole tender, L temporalis 1+.",
        "A: L TMJ arthralgia w/ disc displacement w/ reduction (M26.622); myalgia of masticatory muscles (M79.11).",
        "P: Maxillary stabilization splint (occlusal orthotic, D7880) - impressions today. Continue NSAID PRN, jaw "
        "exercises handout. F/u 2 wks for insertion.",
    ])
    intake = doc("other", "intake-form", [
        "SYNTHETIC SMILES DENTAL - JAW PAIN QUESTIONNAIRE (patient completed)",
        "Name ............................ Synthetic Patient Magnolia",
        "Date of birth ................... 05/17/1990",
        "Date ............................ 01/27/2026",
        "Where is your pain? ............. left jaw joint, in front of the ear",
        "Pain today (0-10) ............... 6",
        "Worst pain last month (0-10) .... 8",
        "How long have you had it? ....... about 4 months",
        "Jaw noises? ..................... clicking on the left",
        "Jaw ever locked? ................ no",
        "Treatments tried ................ ibuprofen, soft foods, warm packs (6 weeks)",
    ], scanned=True)
    return GoldenCase(
        name="heldout-tmd-bcbs-left-ready", category="tmd",
        body=body(category="tmd", patient=pt, birthdate="1990-05-17", gender="F", start="2026-01-27T09:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 150.0),
                              proc("D7880", "occlusal orthotic device", 900.0)],
                  problems=[("M26.622", "Arthralgia of left temporomandibular joint"),
                            ("M79.11", "Myalgia of mastication muscle")], insurance=[BCBS]),
        documents=(note, intake),
        facts={"max_opening_mm": 32, "pain": True, "pain_score": 6, "joint_sounds": {"sound": "click", "side": "left"},
               "side": "left", "symptom_duration_days": 120, "conservative_therapy": "nsaids",
               "conservative_therapy_days": 42},
        absent=(("pain_score", 8),),
        lines=(Line(EM_NEW), Line(D7880_CODES)),
        principal="M26.622|M79.11", ready=True, errors=(),
        narrative_mentions=("32", "M26.622"),
    )


# Aetna: the schedule posts bilateral TMJ arthralgia and an occlusal orthotic, but the chart
# note is a bruxism visit that DENIES jaw pain and joint sounds (MMO 48 mm, WNL): the finding the
# claim rests on is contradicted.
def _tmd_aetna_findings_denied() -> GoldenCase:
    pt = "Synthetic Patient Olive"
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/03/2026  Limited exam  Test Dentist Echo, DDS",
        f"{pt}  DOB 10/09/1985",
        "CC: grinds teeth at night, wife hears it; wants a night guard.",
        "S: Denies jaw pain. Denies TMJ clicking or popping, no locking, no headaches. Not on any meds.",
        "O: MMO 48 mm, no deviation. TMJ: no clicks, no crepitus bilaterally; non-tender to palpation. Masseters "
        "hypertrophic, non-tender. Attrition/wear facets #6-11 and #22-27.",
        "A: Sleep bruxism (G47.63). No TMD findings today.",
        "P: Hard/soft occlusal guard for bruxism (D9944) recommended; discussed dental benefit coverage.",
    ])
    return GoldenCase(
        name="heldout-tmd-aetna-findings-denied", category="tmd",
        body=body(category="tmd", patient=pt, birthdate="1985-10-09", gender="M", start="2026-02-03T11:00:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D7880", "occlusal orthotic device", 900.0)],
                  problems=[("M26.623", "Arthralgia of bilateral temporomandibular joint")], insurance=[AETNA]),
        documents=(note,),
        facts={"max_opening_mm": 48},
        negated=("pain", "joint_sounds"),
        ready=False, errors=("element-contradicted",),
    )


# Cigna, closed lock of the right TMJ: the referral is a dictated letter; the dentist's note
# gives the opening in words ("twenty-four millimeters") and the pre-onset opening from old
# records (42 mm) that is NOT today's value; "seven weeks" of symptoms; naproxen "for three weeks".
def _tmd_cigna_words_closed_lock() -> GoldenCase:
    pt = "Synthetic Patient Poppy"
    referral = doc("referral", "dictated-letter", [
        "SYNTHETIC INTERNAL MEDICINE ASSOCIATES",
        "210 Synthetic Ave, Testville ST | (555) 012-0900",
        "January 30, 2026",
        "Test Dentist Echo, DDS, Synthetic Smiles Dental",
        "RE: Synthetic Patient Poppy, DOB 03/28/1996",
        "Dear Dr. Echo,",
        "I would be grateful if you would see Ms. Poppy, a 29-year-old graduate student, for her right jaw. About seven weeks "
        "ago her jaw 'got stuck' one morning and she has not been able to open fully since. She has pain in front of the "
        "right ear with chewing. I started naproxen 500 mg twice daily three weeks ago and advised soft foods, with little "
        "change. There was no injury.",
        "Her history is otherwise unremarkable; she takes an oral contraceptive only.",
        "Thank you for seeing her. Please send me your findings.",
        "Sincerely,",
        f"Test Internist Mike, MD  (NPI {INTERNIST_MIKE.npi})",
    ])
    note = doc("chart_note", "narrative-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "Detailed and extensive evaluation - 02/09/2026 - Test Dentist Echo, DDS",
        f"Patient: {pt}   DOB: 03/28/1996   Referred by Test Internist Mike, MD",
        "Subjective: Right jaw locked seven weeks ago, no trauma. Clicking on the right for about a year beforehand stopped "
        "when the lock began. Pain right preauricular 5/10, worse with chewing. Naproxen 500 mg BID for three weeks and a "
        "soft diet, little relief.",
        "Objective: maximum unassisted opening today twenty-four millimeters, assisted twenty-seven millimeters, with "
        "deflection to the right. For comparison, her 2024 dental record lists an opening of 42 mm before the problem began. "
        "Left lateral excursion 3 mm (limited), right 8 mm. No joint sounds today. Right TMJ tender laterally.",
        "Assessment: right TMJ disc displacement without reduction with limited opening (closed lock) (M26.631); right TMJ "
        "arthralgia (M26.621).",
        "Plan: anterior repositioning is not indicated; fabricate maxillary stabilization appliance (D7880); jaw mobilization "
        "exercises; MRI TMJ if no improvement in 6 weeks.",
    ])
    return GoldenCase(
        name="heldout-tmd-cigna-closed-lock-words", category="tmd",
        body=body(category="tmd", patient=pt, birthdate="1996-03-28", gender="F", start="2026-02-09T14:00:00",
                  procedures=[proc("D0160", "detailed and extensive oral evaluation", 250.0),
                              proc("D7880", "occlusal orthotic device", 900.0)],
                  problems=[("M26.631", "Articular disc disorder of right temporomandibular joint"),
                            ("M26.621", "Arthralgia of right temporomandibular joint")], insurance=[CIGNA]),
        documents=(referral, note),
        facts={"max_opening_mm": 24, "side": "right", "pain": True, "pain_score": 5, "symptom_duration_days": 49,
               "conservative_therapy": "nsaids", "conservative_therapy_days": 21,
               "referral_source": {"npi": INTERNIST_MIKE.npi, "name": "Test Internist Mike"}},
        negated=("joint_sounds",),
        absent=(("max_opening_mm", 42), ("max_opening_mm", 27)),
        lines=(Line(EM_NEW), Line(D7880_CODES)),
        principal="M26.631|M26.621", ready=True, errors=(),
        narrative_mentions=("24", "M26.631"),
    )


# UHC: right TMJ crepitus after physical therapy "x 4 mo" and cyclobenzaprine "x 3 wk";
# openings in centimetres, pre-treatment (2.8 cm at the PT evaluation) versus today after
# treatment (3.1 cm): today's 31 mm is the value. The PT discharge summary is also uploaded.
def _tmd_uhc_cm_after_pt() -> GoldenCase:
    pt = "Synthetic Patient Quince"
    note = doc("chart_note", "terse-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "03/16/2026 - Test Dentist Echo, DDS - problem-focused re-eval",
        f"Pt {pt}, DOB 11/11/1978",
        "S: 47 yo M w/ R TMJ pain & grinding noise since 10/2025 (~5 mo). PT x 4 mo (11/10/25-03/06/26, 16 visits) and "
        "cyclobenzaprine 10 mg qhs x 3 wk - partial relief only. Pain 5/10 w/ chewing, AM stiffness ~30 min.",
        "O: ROM: MMO 3.1 cm today (was 2.8 cm at PT eval 11/2025). Coarse crepitus R TMJ on opening; L TMJ quiet. R lateral "
        "pole tender. CBCT 12/2025 (outside): flattening + small osteophyte R condyle.",
        "A: Arthritis/DJD R TMJ (M26.641) w/ arthralgia (M26.621).",
        "P: Stabilization splint (D7880), NSAID PRN per PCP, soft diet flare-ups, re-eval 6 wks.",
    ])
    pt_summary = doc("chart_note", "pt-discharge", [
        "SYNTHETIC SPORTS & SPINE PHYSICAL THERAPY",
        "DISCHARGE SUMMARY - TMJ",
        "Patient: Synthetic Patient Quince   DOB: 11/11/1978",
        "Dates of care: 11/10/2025 - 03/06/2026 (16 visits)",
        "Diagnosis: right TMJ pain, degenerative joint disease",
        "Interventions: manual therapy, jaw mobility and posture exercises, moist heat, home program.",
        "Outcome measures    Initial (11/10/2025)    Discharge (03/06/2026)",
        "Max opening         28 mm                   31 mm",
        "Pain (NPRS)         7/10                    5/10",
        "Assessment: partial improvement; plateaued. Discharged to home program; referred back to the dentist for a splint.",
        f"Test Therapist Oscar, PT, DPT   NPI {PT_OSCAR.npi}",
    ])
    return GoldenCase(
        name="heldout-tmd-uhc-cm-after-pt", category="tmd",
        body=body(category="tmd", patient=pt, birthdate="1978-11-11", gender="M", start="2026-03-16T10:00:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D7880", "occlusal orthotic device", 900.0)],
                  problems=[("M26.641", "Arthritis of right temporomandibular joint"),
                            ("M26.621", "Arthralgia of right temporomandibular joint")], insurance=[UHC]),
        documents=(note, pt_summary),
        facts={"max_opening_mm": 31, "side": "right", "joint_sounds": {"sound": "crepitus", "side": "right"},
               "pain": True, "pain_score": 5, "conservative_therapy": "physical_therapy",
               "conservative_therapy_days": 120, "symptom_duration_days": 150},
        absent=(("max_opening_mm", 28), ("pain_score", 7)),
        lines=(Line(EM_LIMITED), Line(D7880_CODES)),
        principal="M26.641|M26.621", ready=True, errors=(),
        narrative_mentions=("31",),
    )


# BCBS: complete left-sided TMD case, but an outside office's note for a patient with the SAME
# name and a DIFFERENT date of birth (1961) was uploaded too: document-wrong-patient; its 22 mm
# opening, right crepitus and 3/10 pain must not be read.
def _tmd_bcbs_same_name_other_dob() -> GoldenCase:
    pt = "Synthetic Patient Rowan"
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "Comprehensive evaluation - 02/18/2026 - Test Dentist Echo, DDS",
        f"Patient: {pt}   DOB: 08/02/1993",
        "S: L jaw pain x 3 months, pain 7/10, worse chewing and in the morning; clicking on the left. Warm compresses and "
        "naproxen 220 mg BID x 5 wks without lasting relief.",
        "O: MMO 35 mm with pain, deviation L. Click L TMJ on opening. L masseter and temporalis tender. R TMJ WNL.",
        "A: Arthralgia L TMJ (M26.622), myalgia of masticatory muscles (M79.11).",
        "P: occlusal orthotic (D7880), self-care instructions.",
    ])
    other = doc("chart_note", "outside-office-scan", [
        "SYNTHETIC FAMILY DENTAL GROUP - PROGRESS NOTE",
        "Patient: Rowan, Synthetic Patient     DOB: 11/23/1961     Acct 7731",
        "Date: 01/05/2026",
        "Pt c/o R jaw grinding noise. Coarse crepitus R TMJ. MMO 22 mm. Pain 3/10.",
        "Impression: R TMJ osteoarthritis. Refer to oral surgery.",
        "Test Dentist Lima, DMD",
    ], scanned=True)
    return GoldenCase(
        name="heldout-tmd-bcbs-same-name-other-dob", category="tmd",
        body=body(category="tmd", patient=pt, birthdate="1993-08-02", gender="F", start="2026-02-18T13:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 150.0),
                              proc("D7880", "occlusal orthotic device", 900.0)],
                  problems=[("M26.622", "Arthralgia of left temporomandibular joint"),
                            ("M79.11", "Myalgia of mastication muscle")], insurance=[BCBS]),
        documents=(note, other),
        facts={"max_opening_mm": 35, "pain": True, "pain_score": 7, "joint_sounds": {"sound": "click", "side": "left"},
               "side": "left", "symptom_duration_days": 90, "conservative_therapy": "nsaids",
               "conservative_therapy_days": 35},
        absent=(("max_opening_mm", 22), ("pain_score", 3), ("joint_sounds", {"sound": "crepitus"})),
        lines=(Line(EM_NEW), Line(D7880_CODES)),
        principal="M26.622|M79.11", ready=False, errors=("document-wrong-patient",),
        narrative_mentions=("35",),
    )


# Cigna, all-caps EHR export: bilateral jaw pain and clicking, but the schedule posts M26.629
# (unspecified side): icd-laterality. Methocarbamol + NSAIDs "X 2 MONTHS".
def _tmd_cigna_unspecified_side() -> GoldenCase:
    pt = "Synthetic Patient Sorrel"
    note = doc("chart_note", "ehr-caps", [
        "SYNTHETIC SMILES DENTAL - CLINICAL NOTE EXPORT",
        "PATIENT: SORREL, SYNTHETIC PATIENT    DOB: 01/15/1987    CHART #: 31877",
        "DATE OF SERVICE: 03/02/2026 08:00    PROVIDER: TEST DENTIST ECHO DDS",
        "CHIEF COMPLAINT: BILATERAL JAW PAIN X 6 MONTHS",
        "HPI: ACHING BOTH TMJ AREAS, WORSE END OF DAY AND WITH GUM CHEWING. HEADACHES TEMPLES 3X/WEEK.",
        "PRIOR TX: IBUPROFEN AND METHOCARBAMOL 750 MG X 2 MONTHS - NO RELIEF",
        "PAIN SCALE: 4/10",
        "MAX OPENING: 38MM",
        "JOINT SOUNDS: CLICKING BILATERALLY ON OPENING",
        "PALPATION: BILATERAL MASSETER AND TEMPORALIS TENDER, BOTH LATERAL POLES TENDER",
        "ASSESSMENT: BILATERAL TMJ ARTHRALGIA; MYOFASCIAL PAIN",
        "PLAN: OCCLUSAL ORTHOTIC (D7880). HOME CARE. F/U 3 WEEKS.",
    ])
    return GoldenCase(
        name="heldout-tmd-cigna-unspecified-side", category="tmd",
        body=body(category="tmd", patient=pt, birthdate="1987-01-15", gender="F", start="2026-03-02T08:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 150.0),
                              proc("D7880", "occlusal orthotic device", 900.0)],
                  problems=[("M26.629", "Arthralgia of temporomandibular joint, unspecified side")], insurance=[CIGNA]),
        documents=(note,),
        facts={"max_opening_mm": 38, "pain": True, "pain_score": 4, "side": "bilateral",
               "joint_sounds": {"sound": "click", "side": "bilateral"}, "symptom_duration_days": 182,
               "conservative_therapy": "muscle_relaxant", "conservative_therapy_days": 60},
        lines=(Line(EM_NEW), Line(D7880_CODES)),
        principal="M26.623|M26.629", ready=False, errors=("icd-laterality",),
        narrative_mentions=("38",),
    )


# ==================================================================================== TRAUMA


# BCBS, child seen the same afternoon: "tripped ... about 45 min ago (approx 15:35 today)" at a
# school bus stop; crown fractures #8 and #9, sound before the fall. The school incident number
# "#12-0417" and "Room 7" are not teeth. Periapical reading uploaded as its own report.
def _trauma_fall_today() -> GoldenCase:
    pt = "Synthetic Patient Thistle"
    note = doc("chart_note", "emergency-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "EMERGENCY VISIT   01/13/2026 16:20   Room 7   Test Dentist Echo, DDS",
        f"Pt: {pt}   DOB 06/09/2011   accompanied by mother",
        "CC: \"I broke my front teeth\"",
        "HPI: 14 yo M tripped on the curb at the school bus stop (Synthetic Ave & 9th St) about 45 min ago (approx 15:35 "
        "today) and fell forward, face striking the sidewalk. No LOC, no vomiting, no neck pain, tetanus UTD. School "
        "incident report #12-0417. Per mom, teeth #8 and #9 were sound before the fall - no fillings, no prior trauma.",
        "EXAM: abrasion upper lip, no laceration. #8: enamel-dentin crown fracture (mesio-incisal), no pulp exposure. "
        "#9: enamel-dentin crown fracture (incisal third), no pulp exposure. Both teeth: mobility normal, tender to "
        "percussion, EPT responsive. Occlusion normal, no step in the alveolus.",
        "PA #8-9: see report.",
        "A: uncomplicated crown fractures #8, #9 (S02.5XXA) from a fall on the same level.",
        "P: desensitize/bond fragments deferred; glass-ionomer bandage today; composite restorations at f/u in 1 wk; "
        "re-check vitality at 6-8 wks and 6 mo.",
    ])
    xray = doc("radiology_report", "pa-reading", [
        OUR_OFFICE,
        "RADIOGRAPHIC INTERPRETATION",
        f"Patient: {pt}   DOB 06/09/2011   Date taken: 01/13/2026",
        "Images: 1 periapical, maxillary central incisors (#8-9)",
        "Findings: coronal fractures #8 and #9 confined to enamel and dentin, not approaching the pulp horns. No root "
        "fracture. PDL spaces normal, no displacement. Apices closed. Alveolar crest intact.",
        "Impression: crown fractures #8 and #9 without root fracture or luxation.",
        "Read by: Test Dentist Echo, DDS",
    ])
    return GoldenCase(
        name="heldout-trauma-fall-today", category="trauma",
        body=body(category="trauma", patient=pt, birthdate="2011-06-09", gender="M", start="2026-01-13T16:20:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D0220", "intraoral periapical first image", 35.0, tooth="8")],
                  problems=[("S02.5XXA", "Fracture of tooth, initial encounter"),
                            ("W01.0XXA", "Fall on same level from tripping")], insurance=[BCBS]),
        documents=(note, xray),
        facts={"injury_date": "2026-01-13", "injury_mechanism": "fall", "injury_place": "bus stop",
               "teeth_involved": ["8", "9"], "sound_before_injury": True, "radiology_impression": "crown fracture"},
        absent=(("teeth_involved", ["12"]), ("teeth_involved", ["7"])),
        lines=(Line(EM_LIMITED), Line("70300")),
        principal="S02.5XXA", ready=True, errors=(),
        narrative_mentions=("S02.5XXA",),
    )


# Aetna: punched "last night around 11 pm" (02/01); the ED CT was read after midnight (02/02)
# and the dental visit is the morning of 02/02. Extrusive luxation of #8 repositioned and
# splinted (D7270 -> unlisted 41899). "Bed 19" and the police report number are not teeth.
def _trauma_assault_last_night() -> GoldenCase:
    pt = "Synthetic Patient Verbena"
    note = doc("chart_note", "narrative-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "Date of service: 02/02/2026 08:15 - Test Dentist Echo, DDS - emergency visit",
        f"Patient: {pt}   DOB: 02/20/1994",
        "Subjective: States he was punched in the mouth last night around 11 pm outside the Synthetic Tavern on Main St "
        "(police report #2026-0031). Seen overnight at Synthetic General ED (bed 19): CT face negative for fracture; "
        "told to see a dentist this morning. Upper front tooth feels long and loose. Tooth #8 was sound before the "
        "injury - no restorations, never loose.",
        "Objective: #8 extruded about 2 mm, mobility grade 2, tender, bleeding from the sulcus. #7 and #9 sensitive to "
        "percussion but not displaced. Lip contusion, no laceration. Occlusion: #8 premature contact.",
        "Procedure: local anesthesia 2% lidocaine 1:100k 1.7 mL; #8 repositioned with digital pressure; flexible "
        "wire-composite splint #7-#9; occlusion checked. PA after repositioning: tooth seated, no root fracture.",
        "Assessment: extrusive luxation #8 (S03.2XXA), assault.",
        "Plan: soft diet 2 wks, chlorhexidine rinse, splint removal in 2 wks; pulp tests at each follow-up.",
    ])
    ct = doc("radiology_report", "ed-ct-scan", [
        "SYNTHETIC GENERAL HOSPITAL - DEPARTMENT OF RADIOLOGY",
        "Patient: VERBENA, SYNTHETIC PATIENT   DOB: 02/20/1994   MRN 4410029   ED",
        "Exam: CT maxillofacial without contrast     Date: 02/02/2026 01:22",
        "History: assault, punched in the face approximately 2 hours ago.",
        "Findings: no acute fracture of the mandible, maxilla, zygomatic arches, orbits or nasal bones. Mild soft-tissue "
        "swelling of the upper lip. Widened periodontal ligament space about the right maxillary central incisor, "
        "which appears slightly extruded. Paranasal sinuses clear.",
        "IMPRESSION: 1. No facial fracture. 2. Findings suggesting extrusive luxation of the right maxillary central incisor.",
        "Electronically signed by the on-call radiologist, Synthetic Radiology Group, 02/02/2026 01:40",
    ], scanned=True)
    return GoldenCase(
        name="heldout-trauma-assault-last-night", category="trauma",
        body=body(category="trauma", patient=pt, birthdate="1994-02-20", gender="M", start="2026-02-02T08:15:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D7270", "reimplantation/stabilization of displaced tooth", 650.0, tooth="8")],
                  problems=[("S03.2XXA", "Dislocation of tooth, initial encounter"),
                            ("Y04.0XXA", "Assault by unarmed brawl or fight")], insurance=[AETNA]),
        documents=(note, ct),
        facts={"injury_date": "2026-02-01", "injury_mechanism": "assault", "injury_place": "Tavern",
               "teeth_involved": ["8"], "sound_before_injury": True},
        absent=(("injury_date", "2026-02-02"), ("teeth_involved", ["19"]), ("teeth_involved", ["31"])),
        lines=(Line(EM_LIMITED), Line("41899")),
        principal="S03.2XXA", ready=True, errors=(),
        narrative_mentions=("S03.2XXA",),
    )


# Cigna: struck by a hockey puck "yesterday" at practice; 2 cm laceration of the maxillary labial
# vestibule sutured (D7910 -> 40830, 2.5 cm or less) and an enamel chip of #9. The urgent-care
# sheet from last night is a scanned page.
def _trauma_hockey_yesterday() -> GoldenCase:
    pt = "Synthetic Patient Willow"
    note = doc("chart_note", "terse-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "01/20/2026 10:40 - Test Dentist Echo, DDS - limited eval + repair",
        f"Pt: {pt}  DOB 12/01/2008  (mother present)",
        "S: 17 yo F s/p struck in mouth by puck during hockey practice yesterday evening (~19:30) at Synthetic Ice Arena, "
        "no mouthguard. Seen at urgent care last night, told to see dentist. c/o cut inside upper lip + chipped front tooth. "
        "Teeth were sound prior, no previous restorations.",
        "O: Lac of maxillary labial vestibule/mucosa approx 2 cm, gaping, no FB, no through-and-through. #9 enamel fx MI "
        "corner, no mobility, vital. No other teeth involved. No alveolar step.",
        "Repair: irrigated, 4-0 chromic gut x 4 interrupted sutures.",
        "A: laceration oral cavity (S01.512A), enamel fx #9 (S02.5XXA) - sports injury.",
        "P: soft diet, CHX rinse, sutures resorb; smooth/bond #9 at f/u 2 wks; custom mouthguard advised.",
    ])
    urgent = doc("chart_note", "urgent-care-scan", [
        "SYNTHETIC URGENT CARE - VISIT SUMMARY",
        "Patient: Willow, Synthetic Patient    DOB: 12/01/2008",
        "Arrived: 01/19/2026 20:52    Provider: Test Physicianassistant Alfa, PA-C",
        "Reason: hit in mouth by hockey puck at practice tonight",
        "Findings: bleeding controlled, laceration inside upper lip, chipped upper front tooth. No LOC.",
        "Diagnosis: laceration of oral mucosa; dental injury",
        "Disposition: home; see dentist tomorrow for repair; ice, acetaminophen.",
    ], scanned=True)
    return GoldenCase(
        name="heldout-trauma-hockey-yesterday", category="trauma",
        body=body(category="trauma", patient=pt, birthdate="2008-12-01", gender="F", start="2026-01-20T10:40:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D7910", "suture of recent small wound up to 5 cm", 300.0)],
                  problems=[("S01.512A", "Laceration without foreign body of oral cavity, initial"),
                            ("S02.5XXA", "Fracture of tooth, initial encounter"),
                            ("W21.220A", "Struck by ice hockey puck")], insurance=[CIGNA]),
        documents=(note, urgent),
        facts={"injury_date": "2026-01-19", "injury_mechanism": "sports", "injury_place": "Ice Arena",
               "teeth_involved": ["9"], "laceration_length_cm": 2.0, "sound_before_injury": True},
        absent=(("injury_date", "2026-01-20"),),
        lines=(Line(EM_LIMITED), Line("40830")),
        principal="S01.512A|S02.5XXA", ready=True, errors=(),
        narrative_mentions=("2 cm",),
    )


# UHC follow-up visit: motor-vehicle collision "3 days ago" (Friday 02/20); the ED saw her, today
# the lateral luxation of #25 is repositioned and splinted. The auto insurer's claim number
# "24-77812" is not tooth 24. Active treatment continues: seventh character A.
def _trauma_mvc_three_days() -> GoldenCase:
    pt = "Synthetic Patient Yarrow"
    note = doc("chart_note", "terse-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/23/2026 13:00 - Test Dentist Echo, DDS - trauma f/u from ED",
        f"Pt: {pt}   DOB 07/07/1964",
        "S: 61 yo F restrained driver in MVC 3 days ago (Fri), airbag deployed. Seen Synthetic General ED same day: facial "
        "films neg, told to f/u w/ dentist. c/o lower front tooth pushed back, can't bite together. Auto ins: Synthetic "
        "Mutual, claim #24-77812 (adjuster notified). Tooth was sound, no prior dental work on lower incisors.",
        "O: #25 lateral luxation, crown displaced lingually ~2 mm, locked in position, percussion high metallic tone. "
        "Adjacent incisors firm, vital. Chin abrasion healing. PA: widened apical PDL #25, no root fx.",
        "Tx: LA (4% articaine 1.7 mL), #25 repositioned, flexible splint #23-#26 placed, occlusion adjusted.",
        "A: lateral luxation #25 (S03.2XXA), MVC driver.",
        "P: splint 4 wks; f/u 2 wks splint check and pulp testing; RCT likely if no response at 4 wks.",
    ])
    ed = doc("chart_note", "ed-discharge", [
        "SYNTHETIC GENERAL HOSPITAL - EMERGENCY DEPARTMENT",
        "DISCHARGE SUMMARY",
        "Patient: Yarrow, Synthetic Patient    DOB: 07/07/1964    Arrival: 02/20/2026 17:05",
        "Chief complaint: motor vehicle collision about 16:30 today, restrained driver, front airbag deployed, low speed.",
        "Findings: alert, GCS 15. Chin abrasion. Lower incisor displaced. Neck non-tender.",
        "Imaging: CT head and cervical spine negative. Mandible series negative for fracture.",
        "Diagnoses: motor vehicle collision; dental injury - displaced lower incisor; chin abrasion.",
        "Disposition: home. Follow up with your dentist within 1-3 days. Return for worsening pain or swelling.",
        f"Attending: Test Emergencydoc Romeo, MD  NPI {EDDOC_ROMEO.npi}",
    ])
    return GoldenCase(
        name="heldout-trauma-mvc-three-days-followup", category="trauma",
        body=body(category="trauma", patient=pt, birthdate="1964-07-07", gender="F", start="2026-02-23T13:00:00",
                  procedures=[proc("D0170", "re-evaluation, limited, problem focused", 80.0),
                              proc("D7270", "reimplantation/stabilization of displaced tooth", 650.0, tooth="25")],
                  problems=[("S03.2XXA", "Dislocation of tooth, initial encounter"),
                            ("V43.52XA", "Car driver injured in collision with car in traffic accident")],
                  insurance=[UHC]),
        documents=(note, ed),
        facts={"injury_date": "2026-02-20", "injury_mechanism": "motor_vehicle", "teeth_involved": ["25"],
               "sound_before_injury": True},
        absent=(("teeth_involved", ["24"]), ("injury_date", "2026-02-23")),
        lines=(Line("99212|99213|99202|99203"), Line("41899")),
        principal="S03.2XXA", ready=True, errors=(),
        narrative_mentions=("S03.2XXA",),
    )


# UHC without a member id on the plan: bicycle fall on the river trail "Monday evening (3/2)",
# seen Wednesday 03/04; crown-root fracture of #10, extracted. Scanned chart note plus the
# radiograph reading. Only error: member-id-missing.
def _trauma_bicycle_no_member_id() -> GoldenCase:
    pt = "Synthetic Patient Zinnia"
    note = doc("chart_note", "scanned-note", [
        "SYNTHETIC SMILES DENTAL - PROGRESS NOTE",
        f"Patient: {pt}    DOB: 10/25/1999    Date: 03/04/2026 11:30",
        "Provider: Test Dentist Echo, DDS",
        "CC: broken upper left front tooth, pain on biting.",
        "HPI: crashed his bicycle on the Synthetic River Trail Monday evening (3/2), went over the handlebars, hit the "
        "pavement with his face. Helmet on, no LOC. Tooth #10 was sound before the accident (no fillings).",
        "Exam: #10 crown-root fracture, palatal fragment mobile, fracture extends about 4 mm below the gingiva palatally. "
        "#9 and #11 intact, vital. Healing chin abrasion.",
        "PA #10: oblique crown-root fracture extending subgingivally; root otherwise intact.",
        "Assessment: crown-root fracture #10, non-restorable (S02.5XXA).",
        "Treatment today: informed consent; LA; extraction #10; socket irrigated; gauze. Post-op instructions given.",
        "Plan: implant consult in 3 months; interim partial denture.",
    ], scanned=True)
    xray = doc("radiology_report", "pa-reading", [
        OUR_OFFICE,
        "PERIAPICAL RADIOGRAPH - INTERPRETATION",
        f"Patient: {pt}   DOB 10/25/1999   Exposed 03/04/2026",
        "Region: maxillary left lateral incisor (#10)",
        "Findings: oblique radiolucent fracture line from the mesio-incisal crown extending to the palatal root surface "
        "about 4 mm apical to the alveolar crest. Periapical area normal. Adjacent teeth without fracture.",
        "Impression: crown-root fracture #10.",
        "Test Dentist Echo, DDS",
    ])
    return GoldenCase(
        name="heldout-trauma-bicycle-no-member-id", category="trauma",
        body=body(category="trauma", patient=pt, birthdate="1999-10-25", gender="M", start="2026-03-04T11:30:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D0220", "intraoral periapical first image", 35.0, tooth="10"),
                              proc("D7140", "extraction, erupted tooth", 220.0, tooth="10")],
                  problems=[("S02.5XXA", "Fracture of tooth, initial encounter"),
                            ("V18.0XXA", "Pedal cycle driver injured in noncollision accident, nontraffic")],
                  insurance=[UHC_NO_MEMBER_ID]),
        documents=(note, xray),
        facts={"injury_date": "2026-03-02", "injury_mechanism": "bicycle", "teeth_involved": ["10"],
               "sound_before_injury": True, "injury_place": "River Trail"},
        absent=(("injury_date", "2026-03-04"),),
        lines=(Line(EM_LIMITED), Line("70300"), Line("41899|D7140")),
        principal="S02.5XXA", ready=False, errors=("member-id-missing",),
        narrative_mentions=("S02.5XXA",),
    )


# ================================================================================= PATHOLOGY


# BCBS: leukoplakia of the right lateral tongue (anterior two-thirds) 1.8 x 1.1 cm, about two
# months, current smoker; incisional biopsy (41100). The path report's gross specimen size
# (0.8 cm) is not the lesion size. Final diagnosis: mild epithelial dysplasia.
def _pathology_tongue_dysplasia() -> GoldenCase:
    pt = "Synthetic Patient Acacia"
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "01/22/2026 - Test Surgeon Delta, DDS, MD - biopsy visit",
        f"Patient: {pt}   DOB: 04/04/1961",
        "S: 64 yo M referred for a white patch on the right side of the tongue, noticed about two months ago; painless. "
        "Smokes 1 ppd x 30+ yrs; 2-3 beers/day.",
        "O: Homogeneous white plaque, right lateral border of tongue, middle third (anterior two-thirds), 1.8 x 1.1 cm, "
        "does not wipe off, non-indurated. No cervical lymphadenopathy.",
        "A: Leukoplakia R lateral tongue (K13.21), r/o dysplasia.",
        "P: Incisional biopsy R lateral tongue under local: 2% lido 1:100k; elliptical specimen from the thickest area, "
        "4-0 Vicryl x 2. Specimen in formalin to Synthetic Oral Pathology Lab. Tobacco cessation counseling (3 min).",
    ])
    path = doc("pathology_report", "oral-path-lab", [
        "SYNTHETIC ORAL PATHOLOGY LABORATORY",
        "900 Synthetic Research Dr, Testville ST | CLIA 00D0000000 | (555) 019-8800",
        "SURGICAL PATHOLOGY REPORT     Accession: SOP-26-00411",
        "Patient: Acacia, Synthetic Patient     DOB: 04/04/1961     Sex: M",
        "Submitting: Test Surgeon Delta, DDS, MD     Collected: 01/22/2026     Received: 01/23/2026",
        "Specimen: tongue, right lateral border, incisional biopsy",
        "Clinical history: white plaque 1.8 cm, smoker; r/o dysplasia.",
        "Gross: one tan-white soft-tissue fragment, 0.8 x 0.4 x 0.3 cm, bisected, entirely submitted in one cassette.",
        "Microscopic: parakeratinized stratified squamous epithelium with hyperkeratosis; architectural and cytologic "
        "atypia confined to the basal third of the epithelium; no invasion identified.",
        "FINAL DIAGNOSIS: Tongue, right lateral border, incisional biopsy: hyperkeratosis with mild epithelial dysplasia. "
        "Negative for carcinoma.",
        "Comment: recommend complete removal or close clinical follow-up and tobacco cessation.",
        f"Test Pathologist Hotel, DDS, PhD - electronically signed 01/28/2026 15:12 - NPI {PATHOLOGIST_HOTEL.npi}",
    ])
    return GoldenCase(
        name="heldout-pathology-tongue-dysplasia", category="pathology",
        body=body(category="pathology", patient=pt, birthdate="1961-04-04", gender="M", start="2026-01-22T09:00:00",
                  procedures=[proc("D7286", "incisional biopsy of oral tissue, soft", 380.0)],
                  problems=[("K13.21", "Leukoplakia of oral mucosa, including tongue"),
                            ("F17.210", "Nicotine dependence, cigarettes")], insurance=[BCBS]),
        documents=(note, path),
        facts={"lesion_site": "tongue_anterior", "lesion_size_mm": 18, "lesion_duration_days": 60,
               "pathology_diagnosis": "mild epithelial dysplasia", "tobacco_use": True},
        absent=(("lesion_size_mm", 8), ("pathology_diagnosis", "carcinoma")),
        lines=(Line("41100"),),
        principal="K13.21", ready=True, errors=(),
        narrative_mentions=("dysplasia", "41100"),
    )


# Cigna: the general dentist's dictated referral gives the size in words ("roughly one and a half
# centimeters") and "about six weeks"; non-smoker (tobacco denied); buccal mucosa biopsy (40808);
# the scanned pathology report says lichen planus, "no dysplasia".
def _pathology_buccal_lichen() -> GoldenCase:
    pt = "Synthetic Patient Bramble"
    referral = doc("referral", "gp-letter", [
        "SYNTHETIC NEIGHBORHOOD DENTISTRY",
        "45 Synthetic Lane, Testville ST | (555) 018-3030",
        "January 22, 2026",
        "Dear Dr. Echo,",
        "I am referring my patient, Synthetic Patient Bramble (DOB 08/18/1970), for evaluation and biopsy of a lesion of the "
        "left buccal mucosa. It is a white, lacy area with a red, tender center, roughly one and a half centimeters across, "
        "which she says has been present for about six weeks. It burns with spicy food. She does not smoke.",
        "I would appreciate your evaluation and management, and a copy of the pathology report.",
        "Kind regards,",
        f"Test Dentist Lima, DMD   NPI {GP_LIMA.npi}",
    ])
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/05/2026 - Test Surgeon Delta, DDS, MD",
        f"{pt}, DOB 08/18/1970 - referred by Dr. Lima (GP)",
        "S: burning L cheek x ~6 wk, worse w/ spicy/acidic food. Denies tobacco, rare alcohol. Meds: none. No skin lesions.",
        "O: L buccal mucosa: reticular white striae w/ central erythematous/erosive area, overall 15 x 10 mm. R buccal mucosa: "
        "faint striae. No lymphadenopathy.",
        "A: lichenoid lesion L buccal mucosa - r/o erosive lichen planus vs lichenoid reaction vs dysplasia.",
        "P: incisional biopsy L buccal mucosa at the margin of the erosion, 4-0 chromic x 2; specimen to Synthetic Oral "
        "Pathology Laboratory (with DIF sample in Michel's medium).",
    ])
    path = doc("pathology_report", "path-scan", [
        "SYNTHETIC ORAL PATHOLOGY LABORATORY - SURGICAL PATHOLOGY",
        "Patient: Bramble, Synthetic Patient     DOB: 08/18/1970     Accession SOP-26-00733",
        "Collected 02/05/2026   Reported 02/11/2026   Submitting: Test Surgeon Delta, DDS, MD",
        "Specimen: left buccal mucosa, incisional biopsy",
        "Microscopic: hyperparakeratosis, saw-tooth rete ridges, band-like lymphocytic infiltrate at the interface with "
        "basal cell degeneration and Civatte bodies. No epithelial dysplasia.",
        "DIAGNOSIS: Left buccal mucosa, biopsy: lichenoid mucositis, consistent with oral lichen planus. No dysplasia "
        "identified. Negative for malignancy.",
        "Test Pathologist Hotel, DDS, PhD",
    ], scanned=True)
    return GoldenCase(
        name="heldout-pathology-buccal-lichen-words", category="pathology",
        body=body(category="pathology", patient=pt, birthdate="1970-08-18", gender="F", start="2026-02-05T10:00:00",
                  procedures=[proc("D7286", "incisional biopsy of oral tissue, soft", 380.0)],
                  problems=[("L43.8", "Other lichen planus")], insurance=[CIGNA]),
        documents=(referral, note, path),
        facts={"lesion_site": "buccal_mucosa", "lesion_size_mm": 15, "lesion_duration_days": 42,
               "pathology_diagnosis": "lichen planus", "referral_source": {"npi": GP_LIMA.npi, "name": "Test Dentist Lima"}},
        negated=("tobacco_use",),
        absent=(("pathology_diagnosis", "dysplasia"),),
        lines=(Line("40808"),),
        principal="L43.8|L43.9", ready=True, errors=(),
        narrative_mentions=("lichen planus", "40808"),
    )


# Medicare: palatal mass 2.2 x 1.8 cm for about a year, former smoker (quit 2005); the correct
# report says pleomorphic adenoma, but the lab's next report in the fax, for ANOTHER patient
# (Corbin, DOB 1949: squamous cell carcinoma of the floor of the mouth), was uploaded too.
def _pathology_palate_wrong_patient_report() -> GoldenCase:
    pt = "Synthetic Patient Cypress"
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/11/2026 08:45 - Test Surgeon Delta, DDS, MD",
        f"Pt: {pt}   DOB 12/24/1958",
        "S: 67 yo M, painless lump on the roof of the mouth, slowly enlarging for about 1 year; denture no longer fits. "
        "Former smoker, quit 2005. No weight loss, no numbness.",
        "O: Firm, smooth, dome-shaped submucosal mass, left posterior hard/soft palate junction, 2.2 x 1.8 cm, "
        "non-ulcerated, not fluctuant, normal overlying mucosa. No lymphadenopathy. Panoramic: no bone erosion.",
        "A: palatal mass, likely minor salivary gland neoplasm.",
        "P: incisional biopsy L palate, 3-0 chromic; specimen to Synthetic Oral Pathology Laboratory.",
    ])
    path = doc("pathology_report", "oral-path-lab", [
        "SYNTHETIC ORAL PATHOLOGY LABORATORY",
        "SURGICAL PATHOLOGY REPORT     Accession: SOP-26-00801",
        "Patient: Cypress, Synthetic Patient     DOB: 12/24/1958",
        "Collected: 02/11/2026     Reported: 02/17/2026     Submitting: Test Surgeon Delta, DDS, MD",
        "Specimen: palate, left, incisional biopsy",
        "Microscopic: encapsulated biphasic proliferation of ductal epithelial and myoepithelial cells in a myxochondroid "
        "stroma; no perineural invasion, no necrosis, no atypical mitoses.",
        "DIAGNOSIS: Palate, left, incisional biopsy: pleomorphic adenoma (benign mixed tumor) of minor salivary gland.",
        "Comment: complete excision with a margin of normal tissue is recommended.",
        "Test Pathologist Hotel, DDS, PhD   02/17/2026",
    ])
    other = doc("pathology_report", "oral-path-lab-next", [
        "SYNTHETIC ORAL PATHOLOGY LABORATORY",
        "SURGICAL PATHOLOGY REPORT     Accession: SOP-26-00802",
        "Patient: Corbin, Synthetic Patient     DOB: 01/30/1949",
        "Collected: 02/11/2026     Reported: 02/17/2026     Submitting: Test Surgeon Delta, DDS, MD",
        "Specimen: floor of mouth, right, incisional biopsy (lesion 2.5 cm, 4 months)",
        "DIAGNOSIS: Floor of mouth, right, biopsy: invasive squamous cell carcinoma, moderately differentiated. Depth of "
        "invasion at least 4 mm.",
        "Test Pathologist Hotel, DDS, PhD   02/17/2026",
    ])
    return GoldenCase(
        name="heldout-pathology-palate-wrong-patient", category="pathology",
        body=body(category="pathology", patient=pt, birthdate="1958-12-24", gender="M", start="2026-02-11T08:45:00",
                  procedures=[proc("D7286", "incisional biopsy of oral tissue, soft", 380.0)],
                  problems=[("D10.39", "Benign neoplasm of other parts of mouth")], insurance=[MEDICARE]),
        documents=(note, path, other),
        facts={"lesion_site": "palate", "lesion_size_mm": 22, "lesion_duration_days": 365,
               "pathology_diagnosis": "pleomorphic adenoma"},
        negated=("tobacco_use",),
        absent=(("pathology_diagnosis", "squamous cell carcinoma"), ("lesion_site", "floor_of_mouth"),
                ("lesion_size_mm", 25)),
        lines=(Line("42100"),),
        principal="D10.39|D10.30", ready=False, errors=("document-wrong-patient",),
        narrative_mentions=("pleomorphic adenoma",),
    )


# UHC: floor-of-mouth red patch "8 x 6 mm (eight by six millimeters)" for about 3 months,
# smokeless tobacco; biopsy done and sent, but no pathology report yet - only the lab
# requisition (its "r/o SCC" is a clinical question, not a diagnosis): attachment-missing.
def _pathology_floor_report_pending() -> GoldenCase:
    pt = "Synthetic Patient Dogwood"
    note = doc("chart_note", "terse-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "03/09/2026 09:15  Test Surgeon Delta, DDS, MD",
        f"Pt {pt}  DOB 05/30/1966",
        "S: 59 yo M, red spot under tongue noticed by hygienist, present ~3 mo per pt ('since around Thanksgiving'). "
        "Dips smokeless tobacco, 1 can/day x 25 yrs. Occasional soreness.",
        "O: R floor of mouth adjacent to Wharton's duct: velvety red patch 8 x 6 mm (eight by six millimeters), flat, "
        "slightly indurated at the edge. No nodes palpable.",
        "A: erythroplakia R FOM (K13.29) - high risk.",
        "P: incisional biopsy R FOM today, 4-0 chromic x 2; specimen to lab. Path pending - will call pt. Tobacco cessation "
        "counseling; quitline referral.",
    ])
    req = doc("other", "lab-requisition-scan", [
        "SYNTHETIC ORAL PATHOLOGY LABORATORY - BIOPSY REQUISITION",
        "Patient: Dogwood, Synthetic Patient      DOB: 05/30/1966      Sex: M",
        "Insurance: UnitedHealthcare (synthetic)   Member ID: U900333444",
        "Submitting doctor: Test Surgeon Delta, DDS, MD   Synthetic Smiles Dental",
        "Date collected: 03/09/2026     Fixative: 10% formalin",
        "Site: floor of mouth, right     Biopsy type: incisional",
        "Clinical description: red velvety patch 8 x 6 mm, 3 months, smokeless tobacco user",
        "Clinical impression / differential: erythroplakia; r/o squamous cell carcinoma",
        "Tests requested: routine H&E",
    ], scanned=True)
    return GoldenCase(
        name="heldout-pathology-floor-report-pending", category="pathology",
        body=body(category="pathology", patient=pt, birthdate="1966-05-30", gender="M", start="2026-03-09T09:15:00",
                  procedures=[proc("D7286", "incisional biopsy of oral tissue, soft", 380.0)],
                  problems=[("K13.29", "Other disturbances of oral epithelium (erythroplakia)"),
                            ("F17.220", "Nicotine dependence, chewing tobacco")], insurance=[UHC]),
        documents=(note, req),
        facts={"lesion_site": "floor_of_mouth", "lesion_size_mm": 8, "lesion_duration_days": 90, "tobacco_use": True},
        absent=("pathology_diagnosis",),
        lines=(Line("41108"),),
        principal="K13.29|K13.79", ready=False, errors=("attachment-missing",),
        narrative_mentions=("floor of mouth",),
    )


# ================================================================================= INFECTION


# BCBS: acute apical abscess #19 with vestibular swelling, fever 101.3 F, trismus (MMO 22 mm);
# intraoral I&D (D7510 -> 41800) plus the limited exam.
def _infection_febrile_ready() -> GoldenCase:
    pt = "Synthetic Patient Elder"
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "01/15/2026 15:45 - emergency visit - Test Surgeon Delta, DDS, MD",
        f"Pt: {pt}  DOB 01/08/1982",
        "S: 44 yo F c/o swelling L lower jaw x 3 days, throbbing pain 8/10, hard to open mouth; felt feverish and had chills "
        "last night. Took ibuprofen 600 mg at noon. PMH: none. NKDA.",
        "O: T 101.3 F (38.5 C) oral, HR 98, BP 122/76. Firm-fluctuant swelling L mandibular buccal vestibule #18-19, about "
        "2 cm, mild L facial swelling; no submandibular or floor-of-mouth involvement, airway patent, swallowing normal. "
        "MMO 22 mm (trismus). #19: deep distal caries, percussion +++, cold test negative. PA: periapical radiolucency "
        "#19 mesial and distal roots.",
        "A: acute apical abscess #19 with vestibular space involvement (K04.7).",
        "P: I&D intraoral, L buccal vestibule #19, under LA: 2 mL purulent drainage, irrigated, 1/4 in Penrose drain "
        "sutured. Rx amoxicillin 500 mg TID x 7 d, ibuprofen 600 mg q6h PRN. Re-eval 48 h; RCT vs extraction #19.",
    ])
    return GoldenCase(
        name="heldout-infection-febrile-ready", category="infection",
        body=body(category="infection", patient=pt, birthdate="1982-01-08", gender="F", start="2026-01-15T15:45:00",
                  procedures=[proc("D0140", "limited oral evaluation", 95.0),
                              proc("D7510", "incision and drainage of abscess, intraoral", 280.0, tooth="19")],
                  problems=[("K04.7", "Periapical abscess without sinus")], insurance=[BCBS]),
        documents=(note,),
        facts={"swelling": True, "fever": True, "temperature": 101.3, "trismus": True, "pain": True, "pain_score": 8},
        lines=(Line(EM_LIMITED), Line("41800|40800")),
        principal="K04.7", ready=True, errors=(),
        narrative_mentions=("101.3", "41800"),
    )


# Aetna, all-caps scanned note: localized vestibular abscess #30, AFEBRILE (98.4 F), "DENIES
# FEVER", "NO TRISMUS": swelling present, fever and trismus negated. I&D only.
def _infection_afebrile_caps() -> GoldenCase:
    pt = "Synthetic Patient Ginkgo"
    note = doc("chart_note", "caps-scan", [
        "SYNTHETIC SMILES DENTAL - CLINICAL NOTE",
        "PATIENT: GINKGO, SYNTHETIC PATIENT   DOB: 09/13/1975   DOS: 02/27/2026 07:50",
        "PROVIDER: TEST SURGEON DELTA DDS MD",
        "CC: GUM BUMP AND PAIN LOWER RIGHT X 2 DAYS",
        "VITALS: TEMP 98.4 F  HR 72  BP 128/82. AFEBRILE. PT DENIES FEVER OR CHILLS.",
        "EXTRAORAL: NO FACIAL SWELLING. NO LYMPHADENOPATHY. NO TRISMUS - MIO 44 MM.",
        "INTRAORAL: LOCALIZED FLUCTUANT SWELLING R BUCCAL VESTIBULE AT #30, APPROX 1 CM. #30 NON-VITAL, PERC +.",
        "PA #30: PERIAPICAL RADIOLUCENCY MESIAL ROOT.",
        "ASSESSMENT: PERIAPICAL ABSCESS #30 WITHOUT SINUS TRACT (K04.7)",
        "PROCEDURE: I&D R BUCCAL VESTIBULE #30 UNDER LA, 1 ML PUS, IRRIGATION. NO DRAIN.",
        "RX: AMOXICILLIN 500 MG TID X 7 DAYS. REFER ENDO FOR RCT #30.",
    ], scanned=True)
    return GoldenCase(
        name="heldout-infection-afebrile-caps", category="infection",
        body=body(category="infection", patient=pt, birthdate="1975-09-13", gender="M", start="2026-02-27T07:50:00",
                  procedures=[proc("D7510", "incision and drainage of abscess, intraoral", 280.0, tooth="30")],
                  problems=[("K04.7", "Periapical abscess without sinus")], insurance=[AETNA]),
        documents=(note,),
        facts={"swelling": True, "temperature": 98.4},
        negated=("fever", "trismus"),
        lines=(Line("41800|40800"),),
        principal="K04.7", ready=True, errors=(),
        narrative_mentions=("K04.7",),
    )


# ================================================================================= CLEARANCE


# BCBS: dental clearance before head-and-neck radiation. Dictated letter from the radiation
# oncologist: IMRT with the first fraction "February 16, 2026" (the 02/09 simulation is not the
# planned date). Exam, panoramic (read in its own report) and extraction of hopeless #3.
def _clearance_pre_radiation() -> GoldenCase:
    pt = "Synthetic Patient Hawthorn"
    referral = doc("referral", "oncology-letter", [
        "SYNTHETIC CANCER INSTITUTE - DEPARTMENT OF RADIATION ONCOLOGY",
        "7000 Synthetic Medical Pkwy, Testville ST | (555) 015-6000 | Fax (555) 015-6001",
        "January 27, 2026",
        "Test Dentist Echo, DDS / Test Surgeon Delta, DDS, MD - Synthetic Smiles Dental",
        "RE: Synthetic Patient Hawthorn     DOB 03/17/1959",
        "Dear Dr. Echo,",
        "Mr. Hawthorn is a 66-year-old man with p16-positive squamous cell carcinoma of the base of tongue, cT2 N1 M0. We "
        "plan definitive radiation therapy (IMRT, 70 Gy in 35 fractions) with concurrent weekly cisplatin. CT simulation "
        "is booked for 02/09/2026 and the first fraction is scheduled for February 16, 2026.",
        "Both mandibular and maxillary molar regions will receive substantial dose. I would be grateful if you would "
        "complete a pre-radiation dental evaluation, remove any teeth of poor prognosis at least 10-14 days before "
        "treatment begins, and fabricate fluoride trays.",
        "Please fax your findings and treatment to my office.",
        "With thanks,",
        f"Test Oncologist Foxtrot, MD, Radiation Oncology   NPI {ONCOLOGIST_FOXTROT.npi}",
    ])
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/04/2026 08:00 - Test Surgeon Delta, DDS, MD - pre-radiation dental evaluation",
        f"Pt: {pt}  DOB 03/17/1959  - referred by Dr. Foxtrot (Radiation Oncology), RT start 02/16/2026",
        "S: BOT SCC, IMRT + cisplatin planned. Last dental visit 2019. Occasional pain UR. Smoked 20 pack-yrs, quit 2015.",
        "O: #3 class III mobility, 8 mm pockets, grade II furcation, hopeless. #14 MO recurrent caries, restorable. "
        "Generalized moderate bone loss. Pano today: see report. No other foci of infection.",
        "A: Pre-radiation clearance (Z01.818); #3 hopeless - severe localized chronic periodontitis (K05.313).",
        "P: Extraction #3 today (simple, forceps), primary closure. Restore #14 this week. Impressions for custom fluoride "
        "trays; 1.1% NaF daily. Report faxed to Dr. Foxtrot. Cleared to begin RT after 02/14 pending #3 socket check.",
    ])
    pano = doc("radiology_report", "pano-reading", [
        OUR_OFFICE,
        "PANORAMIC RADIOGRAPH - WRITTEN INTERPRETATION",
        f"Patient: {pt}   DOB 03/17/1959   Date: 02/04/2026",
        "Findings: generalized moderate horizontal bone loss; severe vertical bone loss around #3 to the apical third with "
        "furcation radiolucency. Radiolucent recurrent caries #14 MO, not approaching the pulp. No periapical lesions. "
        "No osseous lesions of the jaws. Condyles symmetric.",
        "Impression: hopeless periodontal prognosis #3; restorable caries #14; no other odontogenic foci of infection.",
        "Read by Test Surgeon Delta, DDS, MD",
    ])
    return GoldenCase(
        name="heldout-clearance-pre-radiation", category="clearance",
        body=body(category="clearance", patient=pt, birthdate="1959-03-17", gender="M", start="2026-02-04T08:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 150.0),
                              proc("D0330", "panoramic radiographic image", 130.0),
                              proc("D7140", "extraction, erupted tooth", 220.0, tooth="3")],
                  problems=[("Z01.818", "Encounter for other preprocedural examination"),
                            ("C01", "Malignant neoplasm of base of tongue"),
                            ("K05.313", "Chronic periodontitis, localized, severe")], insurance=[BCBS]),
        documents=(referral, note, pano),
        facts={"referral_source": {"npi": ONCOLOGIST_FOXTROT.npi, "specialty": "Radiation Oncology"},
               "planned_procedure": "radiation", "planned_procedure_date": "2026-02-16",
               "radiology_impression": "hopeless"},
        absent=(("planned_procedure_date", "2026-02-09"),),
        lines=(Line(EM_NEW), Line("70355"), Line("41899|D7140")),
        principal="Z01.818", ready=True, errors=(),
        narrative_mentions=("radiation", "Z01.818"),
    )


# Cigna: clearance before LVAD implantation. The referral arrives as a fax cover sheet plus a
# key-value referral form ("tentative surgery date 03/26/2026"); exam and panoramic find no
# infection. E/M + 70355.
def _clearance_pre_lvad_fax() -> GoldenCase:
    pt = "Synthetic Patient Heather"
    referral = doc("referral", "fax-cover-form", [
        "SYNTHETIC HEART INSTITUTE - ADVANCED HEART FAILURE PROGRAM",
        "FAX TRANSMITTAL",
        "Date: 03/02/2026   Pages: 2 (including this cover)",
        "To: Synthetic Smiles Dental   Fax (555) 010-2201",
        "From: VAD coordinator, Synthetic Heart Institute   Phone (555) 011-7300   Fax (555) 011-7301",
        "Subject: dental clearance request - URGENT - surgical candidate",
        "The documents accompanying this transmission contain confidential health information. If you are not the intended "
        "recipient, please call us and destroy the pages.",
    ], [
        "SYNTHETIC HEART INSTITUTE - REFERRAL FOR DENTAL CLEARANCE",
        "Patient name ........................ Synthetic Patient Heather",
        "Date of birth ....................... 10/02/1955",
        "Diagnosis ........................... chronic systolic heart failure (I50.22), NYHA IV, EF 15 %",
        "Reason for referral ................. dental clearance prior to LVAD implantation",
        "Planned procedure ................... left ventricular assist device (LVAD) implant",
        "Tentative surgery date .............. 03/26/2026",
        "Anticoagulation ..................... warfarin, INR goal 2-3 (check INR before any extraction)",
        "Referring provider .................. Test Cardiologist Golf, MD",
        f"Referring NPI ....................... {CARDIOLOGIST_GOLF.npi}",
        "Please fax clearance letter to ...... (555) 011-7301",
    ])
    note = doc("chart_note", "soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "03/11/2026 13:00 - Test Dentist Echo, DDS - pre-LVAD dental clearance",
        f"Pt: {pt}   DOB 10/02/1955   referred by Dr. Golf (advanced HF), LVAD tentatively 03/26/2026",
        "S: no dental pain. Last cleaning 8 months ago. On warfarin, carvedilol, sacubitril-valsartan. Dyspnea on exertion.",
        "O: BP 102/64, HR 88. Full dentition except #1, 16, 17, 32. No caries detected, no mobility, pockets 2-4 mm, no "
        "bleeding on probing except #30 distal. Soft tissues WNL. Pano: see report.",
        "A: no active dental infection; periodontium stable. Z01.818 - pre-procedural exam.",
        "P: cleared for LVAD from a dental standpoint. Letter faxed to Synthetic Heart Institute. Cleanings every 6 months; "
        "antibiotic prophylaxis per cardiology after device placement.",
    ])
    pano = doc("radiology_report", "pano-reading", [
        OUR_OFFICE,
        "PANORAMIC IMAGE - INTERPRETATION",
        f"Patient: {pt}   DOB 10/02/1955   Date: 03/11/2026",
        "Findings: mild generalized horizontal bone loss. No periapical radiolucencies. No retained root tips or impacted "
        "teeth. Maxillary sinuses clear. No osseous pathology.",
        "Impression: no radiographic evidence of odontogenic infection.",
        "Read by Test Dentist Echo, DDS",
    ])
    return GoldenCase(
        name="heldout-clearance-pre-lvad-fax", category="clearance",
        body=body(category="clearance", patient=pt, birthdate="1955-10-02", gender="M", start="2026-03-11T13:00:00",
                  procedures=[proc("D0150", "comprehensive oral evaluation", 150.0),
                              proc("D0330", "panoramic radiographic image", 130.0)],
                  problems=[("Z01.818", "Encounter for other preprocedural examination"),
                            ("I50.22", "Chronic systolic heart failure")], insurance=[CIGNA]),
        documents=(referral, note, pano),
        facts={"referral_source": {"npi": CARDIOLOGIST_GOLF.npi, "name": "Test Cardiologist Golf"},
               "planned_procedure": "LVAD", "planned_procedure_date": "2026-03-26",
               "radiology_impression": "no radiographic evidence"},
        lines=(Line(EM_NEW), Line("70355")),
        principal="Z01.818", ready=True, errors=(),
        narrative_mentions=("LVAD",),
    )


# ==================================================================================== FRENUM


# UHC, 6-year-old with tongue-tie and an articulation disorder: the speech-language pathologist's
# letter is the referral; the note says the lingual frenum was EXCISED (frenectomy -> 41115).
def _frenum_lingual_excision() -> GoldenCase:
    pt = "Synthetic Patient Ivy"
    referral = doc("referral", "slp-letter", [
        "SYNTHETIC CHILDREN'S SPEECH & LANGUAGE CENTER",
        "January 12, 2026",
        "To: Test Surgeon Delta, DDS, MD",
        "Re: Synthetic Patient Ivy, DOB 04/22/2019",
        "Dear Dr. Delta,",
        "Ivy has attended weekly speech therapy with me since September 2025 for a phonological/articulation disorder "
        "affecting /l/, /t/, /d/, /n/ and 'th'. Despite good effort, progress on lingual-alveolar sounds has plateaued. On "
        "oral-motor assessment her tongue tip cannot reach the alveolar ridge with the mouth open, the tip notches into a "
        "heart shape on protrusion, and she cannot lick her upper lip.",
        "In my opinion the restricted lingual frenulum is limiting her progress, and I recommend a surgical evaluation for "
        "release, followed by post-operative tongue exercises with me.",
        "Sincerely,",
        f"Test Speechpath Papa, MS, CCC-SLP   NPI {SLP_PAPA.npi}",
    ])
    note = doc("chart_note", "op-note", [
        OUR_OFFICE, OUR_ADDRESS,
        "02/06/2026 15:00 - Test Surgeon Delta, DDS, MD - lingual frenectomy",
        f"Patient: {pt}   DOB 04/22/2019   with father (consent signed)",
        "Indication: ankyloglossia (Q38.1) with articulation disorder; referred by SLP Papa.",
        "Exam: thick, short lingual frenum inserting 2 mm from the tongue tip; free tongue 6 mm (Kotlow class III). Heart-"
        "shaped tip on protrusion. Mouth opening with tongue to palate 30 %.",
        "Procedure: topical + local anesthesia (2% lidocaine 1:100k 0.9 mL). Tongue retracted with a grooved director; the "
        "lingual frenum was excised with scissors, releasing the genioglossus fibers; diamond-shaped wound closed with "
        "4-0 Vicryl Rapide x 3. Hemostasis good. Tongue now reaches the palate.",
        "Post-op: acetaminophen; stretches 3x/day x 3 wks; resume speech therapy in 1 wk. F/u 1 wk.",
    ])
    return GoldenCase(
        name="heldout-frenum-lingual-excision", category="frenum",
        body=body(category="frenum", patient=pt, birthdate="2019-04-22", gender="F", start="2026-02-06T15:00:00",
                  procedures=[proc("D7962", "lingual frenectomy", 450.0)],
                  problems=[("Q38.1", "Ankyloglossia"), ("F80.0", "Phonological disorder")], insurance=[UHC]),
        documents=(referral, note),
        facts={"frenum_action": "excision",
               "referral_source": {"npi": SLP_PAPA.npi, "specialty": "Speech-Language Pathology"}},
        absent=(("frenum_action", "incision"),),
        lines=(Line("41115"),),
        principal="Q38.1", ready=True, errors=(),
        narrative_mentions=("41115", "Q38.1"),
    )


# ================================================================================ BONE GRAFT


# Aetna: autogenous block graft to the anterior MAXILLA at site #8, lost in a car accident in
# 2024: etiology trauma. CBCT report documents the ridge defect (3.1 mm width). D7950 -> 21210.
def _graft_post_traumatic_maxilla() -> GoldenCase:
    pt = "Synthetic Patient Larch"
    note = doc("chart_note", "surgical-note", [
        OUR_OFFICE, OUR_ADDRESS,
        "03/17/2026 08:00 - Test Surgeon Delta, DDS, MD - ridge reconstruction",
        f"Patient: {pt}   DOB 06/30/1986",
        "History: tooth #8 avulsed in a motor vehicle accident in August 2024 (passenger, ED-treated); it was not replanted. "
        "Since then a labial concavity and narrow ridge have developed; a conventional fixed bridge was declined because "
        "#7 and #9 are unrestored.",
        "Exam: edentulous site #8 with horizontal ridge deficiency, healthy keratinized tissue. CBCT 02/24/2026: crestal width "
        "3.1 mm (see report) - insufficient for an implant.",
        "Procedure: autogenous cortico-cancellous block harvested from the mandibular symphysis, fixed to the labial aspect of "
        "the anterior maxilla at #8 with two 1.5 mm screws, particulate autograft + collagen membrane, tension-free closure.",
        "Dx: partial loss of teeth due to trauma (K08.419); moderate atrophy of the maxilla (K08.25).",
        "Plan: implant placement in 4-5 months.",
    ])
    cbct = doc("radiology_report", "cbct-omr", [
        "SYNTHETIC ORAL & MAXILLOFACIAL RADIOLOGY SERVICES",
        "CBCT CONSULTATION REPORT",
        f"Patient: {pt}   DOB: 06/30/1986   Scan date: 02/24/2026   Referring: Test Surgeon Delta, DDS, MD",
        "Field of view: 8 x 5 cm, anterior maxilla. Voxel 0.2 mm.",
        "Findings: edentulous site #8. Residual alveolar ridge width 3.1 mm at the crest and 5.4 mm 5 mm apical to the crest; "
        "labial cortical concavity consistent with post-traumatic bone loss. Available bone height 16 mm to the nasal floor. "
        "Nasopalatine canal 3 mm distal. Adjacent roots #7 and #9 intact, no periapical pathology.",
        "IMPRESSION: moderate horizontal atrophy of the anterior maxillary ridge at site #8; augmentation advisable before "
        "implant placement.",
        f"Test Radiologist India, DDS, MS, Diplomate ABOMR   NPI {RADIOLOGIST_INDIA.npi}   02/25/2026",
    ])
    return GoldenCase(
        name="heldout-graft-post-traumatic-maxilla", category="bone_graft",
        body=body(category="bone_graft", patient=pt, birthdate="1986-06-30", gender="M", start="2026-03-17T08:00:00",
                  procedures=[proc("D7950", "osseous graft of maxilla or mandible, autogenous", 2200.0, tooth="8")],
                  problems=[("K08.419", "Partial loss of teeth due to trauma"), ("K08.25", "Moderate atrophy of the maxilla")],
                  insurance=[AETNA]),
        documents=(note, cbct),
        facts={"graft_etiology": "trauma", "jaw": "maxilla", "radiology_impression": "horizontal atrophy"},
        absent=(("jaw", "mandible"),),
        lines=(Line("21210"),),
        principal="K08.419|K08.413|K08.25", ready=True, errors=(),
        narrative_mentions=("21210",),
    )


# =================================================================================== IMAGING


# BCBS: CBCT of the right mandible for a radiolucency seen on a panoramic image; formal report by
# an oral and maxillofacial radiologist (impression: simple bone cyst). D0367 -> 70486 (or 76380).
def _imaging_cbct_mandible() -> GoldenCase:
    pt = "Synthetic Patient Myrtle"
    cbct = doc("radiology_report", "cbct-omr", [
        "SYNTHETIC ORAL & MAXILLOFACIAL RADIOLOGY SERVICES",
        "CONE BEAM CT REPORT",
        f"Patient: Myrtle, Synthetic Patient   DOB: 02/14/1991   Exam date: 01/29/2026 11:10",
        "Referring: Test Surgeon Delta, DDS, MD, Synthetic Smiles Dental",
        "Exam: CBCT, mandible, 8 x 8 cm field of view, 0.25 mm voxel",
        "Clinical indication: incidental radiolucency of the right mandibular body on panoramic image of 01/08/2026; "
        "asymptomatic; teeth vital.",
        "Findings: a 1.9 x 1.2 x 1.0 cm well-defined unilocular radiolucency of the right mandibular body between and below "
        "the roots of #29 and #30, scalloping up between the roots, without a corticated rim inferiorly. No root "
        "resorption or tooth displacement. Buccal and lingual cortices thinned but intact; no expansion. The inferior "
        "alveolar canal is displaced slightly inferiorly, intact. Remaining mandible unremarkable.",
        "IMPRESSION:",
        "1. Findings most consistent with a simple (traumatic) bone cyst of the right mandibular body.",
        "2. No cortical perforation; teeth #29 and #30 uninvolved.",
        "3. Recommend surgical exploration if symptomatic, otherwise follow-up imaging in 6-12 months.",
        f"Test Radiologist India, DDS, MS, Diplomate ABOMR   NPI {RADIOLOGIST_INDIA.npi}   Signed 01/30/2026",
    ])
    note = doc("chart_note", "terse-soap", [
        OUR_OFFICE, OUR_ADDRESS,
        "01/29/2026 - Test Surgeon Delta, DDS, MD",
        f"Pt {pt}  DOB 02/14/1991",
        "Referred by GP for a radiolucency R mandible on pano 01/08/26. Asx. #28-31 vital (cold +), no mobility, no "
        "expansion palpable, no paresthesia. CBCT taken today to define extent and relation to the IAN canal before deciding "
        "on exploration - read by OMR (see report). Dx: cyst of jaw, unspecified (M27.40) pending.",
    ])
    return GoldenCase(
        name="heldout-imaging-cbct-mandible", category="imaging",
        body=body(category="imaging", patient=pt, birthdate="1991-02-14", gender="F", start="2026-01-29T11:00:00",
                  procedures=[proc("D0367", "cone beam CT, both jaws", 350.0)],
                  problems=[("M27.40", "Unspecified cyst of jaw")], insurance=[BCBS]),
        documents=(cbct, note),
        facts={"radiology_impression": "simple (traumatic) bone cyst", "jaw": "mandible"},
        lines=(Line("70486|76380"),),
        principal="M27.40|M27.49", ready=True, errors=(),
        narrative_mentions=("bone cyst",),
    )


# ================================================================================== IMPACTED


# UHC: full bony impaction of #32 with a pericoronal radiolucency; removal with enucleation of
# the lesion; the pathology report (dentigerous cyst) and the CBCT reading are uploaded.
# D7240 -> 41899 (or the D-code where the payer takes it).
def _impacted_dentigerous_cyst() -> GoldenCase:
    pt = "Synthetic Patient Nettle"
    cbct = doc("radiology_report", "cbct-omr", [
        "SYNTHETIC ORAL & MAXILLOFACIAL RADIOLOGY SERVICES",
        "CBCT REPORT - LIMITED FIELD, RIGHT MANDIBLE",
        f"Patient: {pt}   DOB: 11/19/2001   Exam date: 01/26/2026",
        "Indication: impacted #32 with enlarged follicle on panoramic image.",
        "Findings: #32 horizontally impacted, completely encased in bone, crown facing mesially against the distal root of #31. "
        "A 1.4 x 1.1 cm well-corticated unilocular radiolucency surrounds the crown of #32, attached at the CEJ. The inferior "
        "alveolar canal runs lingual to and in contact with the roots of #32. Slight external resorption of the distal root "
        "of #31 is suspected.",
        "IMPRESSION: full bony horizontal impaction of #32 with a pericoronal cyst, most consistent with a dentigerous cyst.",
        f"Test Radiologist India, DDS, MS   01/27/2026",
    ])
    op = doc("chart_note", "op-note", [
        OUR_OFFICE, OUR_ADDRESS,
        "OPERATIVE NOTE   02/16/2026 08:00   Surgeon: Test Surgeon Delta, DDS, MD",
        f"Patient: {pt}   DOB 11/19/2001",
        "Pre-op dx: full bony impacted #32 (K01.1) with pericoronal cystic lesion (K09.0). Post-op dx: same.",
        "Anesthesia: IV moderate sedation + local (4% articaine 3.4 mL).",
        "Procedure: full-thickness envelope flap, buccal bone removal with handpiece under irrigation, crown sectioned, "
        "#32 removed in three pieces; cyst lining enucleated intact with the tooth and sent for pathology. IAN canal not "
        "exposed. Irrigation, 3-0 chromic closure. EBL 15 mL.",
        "Post-op: ibuprofen/acetaminophen, chlorhexidine, f/u 1 wk.",
    ])
    path = doc("pathology_report", "oral-path-lab", [
        "SYNTHETIC ORAL PATHOLOGY LABORATORY",
        "SURGICAL PATHOLOGY REPORT     Accession: SOP-26-00917",
        f"Patient: Nettle, Synthetic Patient    DOB: 11/19/2001",
        "Collected: 02/16/2026     Reported: 02/23/2026     Submitting: Test Surgeon Delta, DDS, MD",
        "Specimen: soft tissue lining, pericoronal, tooth #32",
        "Microscopic: thin non-keratinized stratified squamous epithelial lining, 2-4 cells thick, with a flat interface and "
        "a fibrous wall with mild chronic inflammation. No keratinization, no palisaded basal layer, no atypia.",
        "DIAGNOSIS: Pericoronal tissue, #32: dentigerous cyst.",
        "Test Pathologist Hotel, DDS, PhD",
    ], scanned=True)
    return GoldenCase(
        name="heldout-impacted-dentigerous-cyst", category="impacted",
        body=body(category="impacted", patient=pt, birthdate="2001-11-19", gender="M", start="2026-02-16T08:00:00",
                  procedures=[proc("D7240", "removal of impacted tooth, completely bony", 650.0, tooth="32")],
                  problems=[("K01.1", "Impacted teeth"), ("K09.0", "Developmental odontogenic cysts")], insurance=[UHC]),
        documents=(cbct, op, path),
        facts={"pathology_diagnosis": "dentigerous cyst", "radiology_impression": "dentigerous cyst", "jaw": "mandible"},
        lines=(Line("41899|D7240"),),
        principal="K09.0|K01.1", ready=True, errors=(),
        narrative_mentions=("dentigerous cyst",),
    )


CASES: list[GoldenCase] = [
    _sleep_medicare_table_ready(),
    _sleep_medicare_mild_fails(),
    _sleep_bcbs_non_hinged(),
    _sleep_aetna_dot_leaders(),
    _sleep_medicare_wrong_patient(),
    _sleep_medicare_mild_qualifies(),
    _sleep_uhc_no_order(),
    _sleep_cigna_order_after_delivery(),
    _sleep_medicare_all_caps(),
    _sleep_uhc_fax_bad_npi(),
    _tmd_bcbs_left_ready(),
    _tmd_aetna_findings_denied(),
    _tmd_cigna_words_closed_lock(),
    _tmd_uhc_cm_after_pt(),
    _tmd_bcbs_same_name_other_dob(),
    _tmd_cigna_unspecified_side(),
    _trauma_fall_today(),
    _trauma_assault_last_night(),
    _trauma_hockey_yesterday(),
    _trauma_mvc_three_days(),
    _trauma_bicycle_no_member_id(),
    _pathology_tongue_dysplasia(),
    _pathology_buccal_lichen(),
    _pathology_palate_wrong_patient_report(),
    _pathology_floor_report_pending(),
    _infection_febrile_ready(),
    _infection_afebrile_caps(),
    _clearance_pre_radiation(),
    _clearance_pre_lvad_fax(),
    _frenum_lingual_excision(),
    _graft_post_traumatic_maxilla(),
    _imaging_cbct_mandible(),
    _impacted_dentigerous_cyst(),
]
