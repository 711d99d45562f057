"""Held-out set C, sleep part 2: commercial OAT cases and error cases (wrong patient, order after
delivery, broken NPI, missing sleep study). See tests/heldout/README.md (Set C).
"""
from __future__ import annotations

from tests.golden.cases import AETNA, CIGNA, DENTAL, MEDICARE, UHC, GoldenCase, Line, body, proc
from tests.golden.documents import Document, broken_npi
from tests.heldout.cases_c_cast import (DENTIST_JULIETT, ENT_PAPA, PCP_HOTEL, SLEEPDOC_BRAVO, SLEEPDOC_LIMA,
                                        SLEEPDOC_OSCAR, SLEEPDOC_ROMEO)


def doc(doc_type: str, style: str, *pages: tuple[str, ...], scanned: bool = False) -> Document:
    return Document(doc_type=doc_type, style=style, kind=None, pages=tuple(pages), scanned=scanned)


ROMEO, OSCAR, LIMA, BRAVO, JULIETT, HOTEL, PAPA = (SLEEPDOC_ROMEO, SLEEPDOC_OSCAR, SLEEPDOC_LIMA, SLEEPDOC_BRAVO,
                                                   DENTIST_JULIETT, PCP_HOTEL, ENT_PAPA)

# --------------------------------------------------------------------------------------------------
# C-S6  Cigna, ENT face-to-face, Type III HSAT, CPAP failed; a faxed PCP referral for ANOTHER patient
#       (similar name, different DOB) was filed in this chart -> document-wrong-patient.

S6_PATIENT = "Synthetic Patient Alder"

S6 = GoldenCase(
    name="c_sleep_cigna_misfiled_referral",
    category="sleep",
    body=body(category="sleep", patient=S6_PATIENT, birthdate="1969-12-05", gender="female",
              start="2026-02-26T09:30:00",
              procedures=[proc("D9947", "custom OSA appliance", 2450.0)],
              problems=[("G47.33", "Obstructive sleep apnea")],
              insurance=[CIGNA, DENTAL],
              note="OAT seat + instructions"),
    documents=(
        doc("chart_note", "ent_clinic_sections", (
            "SYNTHETIC ENT & ALLERGY GROUP  ---  Clinic Note",
            f"NAME: {S6_PATIENT}     DOB: 12/05/1969     VISIT DATE: 11/18/2025",
            f"PROVIDER: {PAPA.signed} ({PAPA.specialty})",
            "CHIEF COMPLAINT: Snoring, tired all day.",
            "HISTORY OF PRESENT ILLNESS: 55 yo F w/ loud snoring x several yrs, partner notes pauses.",
            "  Wakes with dry mouth; sleepy at her desk after lunch; Epworth 11. No insomnia.",
            "PAST MEDICAL HISTORY: GERD. Seasonal allergic rhinitis. No HTN. No cardiac hx.",
            "SURGICAL HX: tonsillectomy as a child.",
            "FAMILY HX: father - OSA on CPAP, mother - hypertension.",
            "SOCIAL HX: office manager; quit smoking 2009; social EtOH.",
            "EXAM: BMI 29.4. Nose: mild inferior turbinate hypertrophy, septum midline.",
            "  Oral cavity: tonsils surgically absent, Friedman tongue position III. Neck: supple.",
            "ASSESSMENT: Snoring with witnessed apneas, suspect OSA.",
            "PLAN: Home sleep apnea test. Nasal steroid spray daily. Return after the study.",
        )),
        doc("sleep_study", "hsat_type3_typed", (
            "SYNTHETIC SLEEP DIAGNOSTICS, LLC - Home Sleep Apnea Test Report",
            f"Patient name: {S6_PATIENT}            Date of birth: 12/05/1969",
            f"Referring physician: {PAPA.signed}",
            "Date of study: December 1, 2025      Device: Type III portable monitor",
            "Monitoring time (flow evaluation): 5 h 08 min",
            "",
            "Respiratory event index (REI), 4% rule ......... 18.9 events/hour",
            "Total apneas and hypopneas ...................... 97",
            "Obstructive apneas 30 / central apneas 0 / hypopneas 67",
            "Supine REI 27.0, lateral REI 11.6",
            "Oxygen saturation: baseline 96%, lowest 83%, ODI 16.2/h",
            "Heart rate: 58-91 bpm, no arrhythmia detected",
            "",
            "Impression: Moderate obstructive sleep apnea (REI 18.9 per hour, 97 events).",
            "Recommendation: CPAP titration or APAP trial; oral appliance therapy if PAP fails.",
            f"Interpreted by {ROMEO.signed}, board certified in sleep medicine, NPI {ROMEO.npi}",
            "Date of interpretation: December 4, 2025",
        )),
        doc("physician_order", "ent_referral_rx", (
            "SYNTHETIC ENT & ALLERGY GROUP - Prescription / Referral",
            "Date: Jan 8 2026",
            f"Patient: {S6_PATIENT}     DOB 12/05/1969",
            "Please fabricate and deliver: custom mandibular advancement oral appliance with",
            "fixed hinge for obstructive sleep apnea (G47.33).",
            "HSAT 12/01/25: REI 18.9/h, 97 events.",
            "APAP trial 12/08/25 - 12/30/25 failed: pressure intolerance, could not fall asleep",
            "with the mask, average use under 2 hours.",
            f"To: {JULIETT.signed}",
            f"{PAPA.signed}    NPI {PAPA.npi}",
        )),
        doc("chart_note", "dental_exam_and_delivery", (
            "NORTHFIELD DENTAL SLEEP STUDIO (synthetic)",
            f"Patient: {S6_PATIENT} (DOB 12-05-1969)",
            "01/22/2026 - Dental sleep exam: 28 teeth, no active caries, perio WNL, TMJ quiet,",
            "  MIO 46 mm, protrusion 8 mm. OK for OAT. Impressions + George gauge bite.",
            "02/26/2026 - Delivery: custom MAD with fixed side hinge, set 5 mm forward. Good fit.",
            "  CPAP trial Dec 2025 did not work (couldn't tolerate pressure). Snoring, sleepy p.m.",
            "  Instructions, POD signed. Titrate 0.5 mm weekly; f/u 4 wks.",
            f"  {JULIETT.signed}",
        )),
        doc("referral", "misfiled_pcp_fax", (
            "FAX   02/10/2026 11:47   SYNTHETIC FAMILY PRACTICE   555-0188     p1/1",
            "",
            "REFERRAL - DENTAL SLEEP MEDICINE",
            f"To: {JULIETT.signed}",
            f"From: {HOTEL.signed}   NPI {HOTEL.npi}",
            "",
            "Patient: Synthetic Patient Alderman",
            "DOB: 03/17/1972",
            "",
            "Reason: Severe OSA, CPAP intolerant, requests oral appliance.",
            "HST 02/02/2026: AHI 33.5, 181 events.  BMI 36.2.",
            "Hypertension and type 2 diabetes.",
            "Please evaluate and treat. Records to follow.",
            "",
            f"Signed: {HOTEL.signed}   02/10/2026",
        ), scanned=True),
    ),
    facts={"ahi": 18.9, "respiratory_events": 97, "sleep_study_date": "2025-12-01", "sleep_study_type": "hsat",
           "interpreting_physician": {"npi": ROMEO.npi}, "ordering_physician": {"npi": PAPA.npi},
           "order_date": "2026-01-08", "face_to_face_date": "2025-11-18", "delivery_date": "2026-02-26",
           "epworth": 11, "bmi": 29.4, "cpap_trial": True, "cpap_intolerance": True,
           "sleep_symptom": "snoring", "appliance_hinge": "yes"},
    absent=(("ahi", 33.5), ("bmi", 36.2), ("respiratory_events", 181), ("comorbidity", "hypertension"),
            "tobacco_use"),
    lines=(Line("E0486"),),
    principal="G47.33",
    ready=False,
    errors=("document-wrong-patient",),
    narrative_mentions=("18.9",),
)

# --------------------------------------------------------------------------------------------------
# C-S7  UHC, PSG AHI 16.4; appliance delivered 2026-02-12 but the physician's order is dated 2026-02-26
#       (signed after delivery) -> date-order.

S7_PATIENT = "Synthetic Patient Rowan"

S7 = GoldenCase(
    name="c_sleep_uhc_order_after_delivery",
    category="sleep",
    body=body(category="sleep", patient=S7_PATIENT, birthdate="1983-01-19", gender="male",
              start="2026-02-12T13:00:00",
              procedures=[proc("D9947", "sleep apnea appliance", 2200.0)],
              problems=[("G47.33", "Obstructive sleep apnea, moderate")],
              insurance=[UHC, DENTAL],
              note="Delivered OA. Waiting on signed Rx from sleep doc."),
    documents=(
        doc("chart_note", "sleep_consult_soap", (
            "Lakeshore Sleep Clinic (synthetic)          SOAP NOTE",
            f"{S7_PATIENT}  |  DOB 01/19/1983  |  DOS 11/04/2025  |  {LIMA.signed}",
            "S: 42M, snoring and gasping, partner moved to couch. Sleepy driving home from night",
            "   shifts (nurse). ESS 15. Insomnia? no. Mood ok. Allergies: PCN (rash).",
            "   PMH: asthma (mild intermittent), L ankle fx 2012. FHx: mom - type 2 DM.",
            "O: BP 124/80, BMI 28.3, neck 16.5\", Mallampati III, retrognathic mandible.",
            "A: Suspected OSA; EDS with driving risk.",
            "P: In-lab PSG. Counsel drowsy driving. Discuss tx options at f/u.",
        )),
        doc("sleep_study", "psg_lab_tabular", (
            "LAKESHORE SLEEP CLINIC - DIAGNOSTIC POLYSOMNOGRAM",
            f"{S7_PATIENT}  DOB 01/19/1983  Study 20-NOV-2025  Referring: {LIMA.name}",
            "---------------------------------------------------------------",
            "TIB 442.0 min | TST 380.5 min | SE 86.1% | WASO 48 min",
            "Stage N1 8% | N2 54% | N3 18% | REM 20%",
            "---------------------------------------------------------------",
            "EVENT               #      /hr TST",
            "OA                  22",
            "CA                   1",
            "MA                   0",
            "Hypopnea (4%)       81",
            "A+H                104     16.4",
            "RERA                12",
            "RDI                        18.3",
            "---------------------------------------------------------------",
            "SpO2 baseline 96%, min 85%; time < 88% 2.1 min.",
            "Snoring moderate, all positions.",
            "DIAGNOSIS: G47.33 Obstructive sleep apnea, moderate (AHI 16.4/h; 104 events).",
            f"Reviewed and interpreted by {LIMA.signed}, NPI {LIMA.npi}, on 11/24/2025.",
        )),
        doc("chart_note", "dental_delivery_narrative", (
            "Harbor Dental (synthetic) - Dental Sleep Medicine Progress Note",
            f"Date of service: February 12, 2026.  Patient: {S7_PATIENT}, DOB 1/19/1983.",
            f"Provider: {JULIETT.signed}.",
            "Patient returns for delivery of his custom oral appliance for moderate obstructive sleep",
            "apnea (PSG 11/20/2025, AHI 16.4). He has never tried CPAP; he works nights and chose",
            "an oral appliance after discussion with Dr Lima. The appliance is a two-piece mandibular",
            "advancement device with a fixed hinge mechanism, delivered today at 4 mm of advancement,",
            "adjusted for comfort, retention verified. Reviewed use, cleaning and possible bite",
            "changes, gave the morning occlusal guide. Proof of delivery signed. The signed",
            "prescription from the sleep physician has been requested and is pending.",
            "Follow-up in 3 weeks for titration.",
        )),
        doc("physician_order", "order_signed_late_scan", (
            "LAKESHORE SLEEP CLINIC (synthetic)    ph 555-0150   fax 555-0151",
            "",
            "PHYSICIAN ORDER - ORAL APPLIANCE THERAPY",
            "",
            f"Patient: {S7_PATIENT}",
            "DOB: 01/19/1983",
            "Date of order: 02/26/2026",
            "",
            "Order: custom fabricated mandibular advancement device (E0486) for",
            "moderate OSA, G47.33. PSG 11/20/2025 AHI 16.4.",
            "",
            f"Dentist: {JULIETT.signed}",
            f"Physician: {LIMA.signed}     NPI: {LIMA.npi}",
            "Signature: ____ (signed) ____     Date: 02/26/2026",
        ), scanned=True),
    ),
    facts={"ahi": 16.4, "rdi": 18.3, "respiratory_events": 104, "sleep_study_date": "2025-11-20",
           "sleep_study_type": "psg", "interpreting_physician": {"npi": LIMA.npi},
           "ordering_physician": {"npi": LIMA.npi}, "order_date": "2026-02-26",
           "face_to_face_date": "2025-11-04", "delivery_date": "2026-02-12", "epworth": 15, "bmi": 28.3,
           "sleep_symptom": "daytime_sleepiness", "appliance_hinge": "yes"},
    negated=("cpap_trial",),
    absent=("cpap_intolerance", ("comorbidity", "insomnia")),
    lines=(Line("E0486"),),
    principal="G47.33",
    ready=False,
    errors=("date-order",),
    narrative_mentions=("16.4",),
)

# --------------------------------------------------------------------------------------------------
# C-S8  Medicare, severe OSA, all LCD criteria met, but the ordering physician's NPI on the written
#       order has a wrong check digit -> npi-invalid.

S8_PATIENT = "Synthetic Patient Willow"
S8_BAD_NPI = broken_npi(BRAVO.npi)

S8 = GoldenCase(
    name="c_sleep_mcr_order_npi_typo",
    category="sleep",
    body=body(category="sleep", patient=S8_PATIENT, birthdate="1948-07-07", gender="female",
              start="2026-04-02T10:15:00",
              procedures=[proc("D9947", "custom sleep apnea appliance (MAD)", 2400.0)],
              problems=[("G47.33", "Obstructive sleep apnea")],
              insurance=[MEDICARE, DENTAL],
              note="Deliver OAT. Pt very motivated - hates CPAP."),
    documents=(
        doc("chart_note", "pulmonary_f2f_note", (
            "SYNTHETIC PULMONARY ASSOCIATES - Office Visit",
            f"Patient: {S8_PATIENT}   DOB: July 7, 1948   Date: December 29, 2025",
            f"Seen by: {BRAVO.signed}",
            "HPI: 77-year-old woman with snoring, witnessed apneas and excessive daytime",
            "sleepiness (Epworth 15) for 2 yrs. Falls asleep at church and while on the phone.",
            "Atrial fibrillation on apixaban, rate controlled. Remote history of ischemic stroke",
            "2022 without residual deficits. No COPD. Never smoked.",
            "Exam: BMI 24.3. Neck 14.5 in. Retrognathia, Mallampati III. Irregularly irregular.",
            "Impression: Probable obstructive sleep apnea.",
            "Plan: Attended diagnostic polysomnogram at Bluewater sleep lab. Follow up after.",
        )),
        doc("sleep_study", "psg_narrative_report", (
            "BLUEWATER SLEEP LABORATORY (synthetic) - POLYSOMNOGRAPHY INTERPRETATION",
            f"Patient: {S8_PATIENT}          DOB: 07/07/1948",
            f"Referring: {BRAVO.signed}",
            "Date of study: 01/15/2026 (in-lab, attended, diagnostic)",
            "",
            "Technical: EEG, EOG, chin and leg EMG, ECG, oronasal thermal sensor, nasal pressure,",
            "RIP belts, oximetry, body position, snore microphone. Hypopneas scored with 4%.",
            "Recording 22:15-05:40. Total sleep time 352.6 minutes; sleep efficiency 79%.",
            "Respiratory: 201 total respiratory events (apneas 88: obstructive 84, central 4;",
            "hypopneas 113). Apnea-hypopnea index 34.2/h. REM AHI 51.0/h. Supine AHI 49.7/h.",
            "Oximetry: nadir 77%, 14% of TST below 90%.",
            "Cardiac: atrial fibrillation with controlled ventricular response throughout.",
            "Limbs: PLMS index 9/h.",
            "",
            "Diagnosis: Severe obstructive sleep apnea, G47.33.",
            "Recommend: PAP therapy (APAP 6-16); alternatives if intolerant.",
            f"{OSCAR.signed}, interpreting physician, NPI {OSCAR.npi}. Signed 01/19/2026.",
        )),
        doc("chart_note", "pulm_cpap_intolerance_followup", (
            "SYNTHETIC PULMONARY ASSOCIATES - Follow-up",
            f"{S8_PATIENT} | 07/07/1948 | 03/02/2026 | {BRAVO.signed}",
            "APAP issued 01/26/2026. Returns saying she 'can't stand it': mask pressure sores",
            "on nasal bridge, panic when the mask is on, removes it within an hour. Tried nasal",
            "pillows and a full face mask. Compliance download 2/1-2/27: 9% of nights >= 4 h.",
            "Assessment: severe OSA (AHI 34.2), CPAP intolerant.",
            "Plan: custom oral appliance - order written today, referral to Dr Juliett.",
        )),
        doc("physician_order", "swo_typed_sheet", (
            "STANDARD WRITTEN ORDER (DMEPOS)",
            f"Beneficiary name: {S8_PATIENT}",
            "Medicare number: 1EG4TE5MK72       Date of birth: 07/07/1948",
            "Order date: 03/02/2026",
            "Item ordered: E0486 - oral device/appliance used to reduce upper airway collapsibility,",
            "  adjustable or non-adjustable, custom fabricated, includes fitting and adjustment",
            "Quantity: 1      Length of need: lifetime",
            "Diagnosis: G47.33",
            f"Treating practitioner: {BRAVO.signed}",
            f"Practitioner NPI: {S8_BAD_NPI}",
            "Practitioner signature: (signed)     Date: 03/02/2026",
        )),
        doc("chart_note", "dental_delivery_bullets", (
            f"Northfield Dental Sleep Studio (synthetic) - {JULIETT.signed}",
            f"{S8_PATIENT} - DOB 07/07/1948 - 04/02/2026 - OAT delivery",
            "* Device: custom mandibular advancement appliance, fixed hinge, PDAC E0486 listed",
            "* Seated; retention good; initial advancement 50% (4 mm)",
            "* CPAP failed (intolerance, mask sores, panic) per Dr Bravo's notes",
            "* Oral exam: 24 teeth, crowns #3, #14, perio stable, TMJ no sounds, MIO 41 mm",
            "* Home care + titration instructions; POD signed; f/u 3 wks",
        )),
    ),
    facts={"ahi": 34.2, "respiratory_events": 201, "sleep_study_date": "2026-01-15", "sleep_study_type": "psg",
           "interpreting_physician": {"npi": OSCAR.npi}, "ordering_physician": {"npi": S8_BAD_NPI},
           "order_date": "2026-03-02", "face_to_face_date": "2025-12-29", "delivery_date": "2026-04-02",
           "epworth": 15, "bmi": 24.3, "cpap_trial": True, "cpap_intolerance": True,
           "sleep_symptom": "daytime_sleepiness", "appliance_hinge": "yes"},
    absent=(("ahi", 51.0), ("ahi", 49.7), "tobacco_use"),
    lines=(Line("E0486"),),
    principal="G47.33",
    ready=False,
    errors=("npi-invalid",),
    narrative_mentions=("34.2", "CPAP"),
)

# --------------------------------------------------------------------------------------------------
# C-S9  Aetna, appliance delivered with an order and the dentist's exam on file but the sleep study
#       report itself was never received -> attachment-missing. No AHI is stated anywhere.

S9_PATIENT = "Synthetic Patient Hazel"

S9 = GoldenCase(
    name="c_sleep_aetna_study_not_on_file",
    category="sleep",
    body=body(category="sleep", patient=S9_PATIENT, birthdate="1974-05-28", gender="male",
              start="2026-04-07T16:00:00",
              procedures=[proc("D9947", "custom sleep apnea appliance", 2500.0)],
              problems=[("G47.33", "Obstructive sleep apnea")],
              insurance=[AETNA, DENTAL],
              note="OAT delivered. Still need PSG report from sleep lab!"),
    documents=(
        doc("physician_order", "order_with_fax_cover", (
            "FAX COVER SHEET",
            "To: Northfield Dental Sleep Studio      Fax: 555-0119",
            "From: Lakeshore Sleep Clinic           Fax: 555-0151",
            "Date: 2/10/26     Pages: 2 (including cover)",
            "Re: oral appliance order - CONFIDENTIAL health information",
        ), (
            "LAKESHORE SLEEP CLINIC (synthetic) - ORDER FOR ORAL APPLIANCE THERAPY",
            f"Patient: {S9_PATIENT}            DOB: 05/28/1974",
            "Date: 02/10/2026",
            "Diagnosis: G47.33 obstructive sleep apnea, moderate, per attended polysomnogram done",
            "in January (report to be faxed separately by the lab).",
            "Order: custom mandibular advancement oral appliance with fixed hinge (E0486).",
            "Prior therapy: CPAP 2024, discontinued - mask discomfort and dry mouth.",
            f"Ordering physician: {LIMA.signed}   NPI {LIMA.npi}",
            "Signature on file.",
        )),
        doc("chart_note", "dental_sleep_exam_soap", (
            "NORTHFIELD DENTAL SLEEP STUDIO (synthetic) - Initial dental sleep medicine exam",
            f"Patient: {S9_PATIENT}   DOB 5/28/1974   Date: 24 Feb 26",
            f"Dentist: {JULIETT.signed}",
            "S: 51 yo M referred by Dr Lima with moderate OSA. Used CPAP for about two months in",
            "   2024 and stopped: mask discomfort, dry mouth, could not sleep with it. ESS 12.",
            "   Snores, wakes tired. PMH: hypercholesterolemia. Meds: simvastatin. NKDA.",
            "O: BMI 29.0. 30 teeth, no caries, generalized 2-3 mm probing, no mobility.",
            "   TMJ: no clicking, no crepitus, no pain on palpation. MIO 49 mm, protrusion 11 mm.",
            "A: Good candidate for custom OAT.",
            "P: Impressions and bite registration today. Request PSG report from Lakeshore.",
        )),
        doc("chart_note", "delivery_checklist", (
            "ORAL APPLIANCE DELIVERY CHECKLIST  -  Northfield Dental Sleep Studio (synthetic)",
            f"Patient: {S9_PATIENT}     DOB: 05/28/1974     Delivery date: 04/07/2026",
            "[x] Physician order on file (02/10/2026)",
            "[ ] Sleep study report on file  -- requested 3/2 and 3/23, NOT RECEIVED",
            "[x] Dental exam (02/24/2026)",
            "[x] Device: custom MAD, fixed hinge, 0.25 mm adjustments",
            "[x] Fit / retention / occlusion verified",
            "[x] Instructions given; proof of delivery signed",
            "[ ] Titration visit scheduled 04/28/2026",
            f"Completed by: {JULIETT.signed}",
        )),
    ),
    facts={"ordering_physician": {"npi": LIMA.npi}, "order_date": "2026-02-10", "delivery_date": "2026-04-07",
           "epworth": 12, "bmi": 29.0, "cpap_trial": True, "cpap_intolerance": True, "appliance_hinge": "yes",
           "sleep_study_type": "psg"},
    absent=("ahi", "rdi", "respiratory_events"),
    lines=(Line("E0486"),),
    principal="G47.33",
    ready=False,
    errors=("attachment-missing",),
)

CASES = (S6, S7, S8, S9)
