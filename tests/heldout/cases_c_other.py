"""Held-out set C, other categories: infection, clearance, frenum, bone graft, imaging.

See tests/heldout/README.md (Set C).
"""
from __future__ import annotations

from tests.golden.cases import AETNA, BCBS, CIGNA, DENTAL, MEDICARE, UHC, GoldenCase, Line, body, proc
from tests.golden.documents import Document
from tests.heldout.cases_c_cast import (CARDIOLOGIST_NOVEMBER, DENTIST_ALPHA, ONCOLOGIST_MIKE, RADIOLOGIST_INDIA,
                                        SLP_SORREL, SURGEON_FOXTROT)


def doc(doc_type: str, style: str, *pages: tuple[str, ...], scanned: bool = False) -> Document:
    return Document(doc_type=doc_type, style=style, kind=None, pages=tuple(pages), scanned=scanned)


ALPHA, MIKE, NOVEMBER, INDIA, SORREL, FOXTROT = (DENTIST_ALPHA, ONCOLOGIST_MIKE, CARDIOLOGIST_NOVEMBER,
                                                 RADIOLOGIST_INDIA, SLP_SORREL, SURGEON_FOXTROT)

# --------------------------------------------------------------------------------------------------
# C-N1  Aetna, #19 periapical abscess with fluctuant buccal vestibular swelling, fever 101.4 F and
#       trismus for three days; phone triage (scanned) + all-caps emergency note; I&D. Clean.

N1_PATIENT = "Synthetic Patient Acacia"

N1 = GoldenCase(
    name="c_infection_vestibular_abscess_19",
    category="infection",
    body=body(category="infection", patient=N1_PATIENT, birthdate="1968-10-10", gender="male",
              start="2026-02-03T08:15:00",
              procedures=[proc("D7510", "incision and drainage of abscess - intraoral soft tissue", 260.0,
                               tooth="19")],
              problems=[("K04.7", "Periapical abscess without sinus"), ("K12.2", "Cellulitis and abscess of mouth")],
              insurance=[AETNA, DENTAL],
              note="swelling LL, I&D"),
    documents=(
        doc("chart_note", "phone_triage_scan", (
            "PHONE MESSAGE / TRIAGE          Synthetic Smiles Family Dentistry",
            "Date: 2/2/26   Time: 4:40 pm   Taken by: front desk (synthetic)",
            f"Caller: patient - {N1_PATIENT}   DOB 10/10/68",
            "Message: L lower jaw swollen since Saturday, getting bigger.",
            "  Had fever last night 101 at home. Hard to open mouth.",
            "  Throbbing tooth lower left back. Taking ibuprofen.",
            "Breathing ok? YES    Swallowing ok? YES    Eye swelling? NO",
            "Action: first appt tomorrow 8:15 w/ Dr Alpha. Told to go to ER",
            "  tonight if trouble breathing/swallowing or swelling spreads",
            "  to neck or eye.",
            "RN/DDS reviewed: yes",
        ), scanned=True),
        doc("chart_note", "all_caps_emergency_exam", (
            "SYNTHETIC SMILES FAMILY DENTISTRY - EMERGENCY EXAM - 02/03/2026 08:20",
            f"PATIENT: {N1_PATIENT.upper()}   DOB: 10/10/1968   PROVIDER: {ALPHA.name.upper()}, DDS",
            "CC: SWELLING LEFT LOWER JAW X 3 DAYS, FEVER, CAN'T OPEN WIDE.",
            "VITALS: T 101.4 F   BP 138/86   HR 98   RR 16   SPO2 98%",
            "PMH: PREDIABETES (A1C 6.1). NO MEDS. ALLERGIES: NKDA.",
            "EXTRAORAL: FIRM SWELLING L LOWER FACE OVER BODY OF MANDIBLE, WARM, TENDER.",
            "  TRISMUS - MIO 25 MM. NO SUBMANDIBULAR OR FLOOR-OF-MOUTH SWELLING. AIRWAY PATENT,",
            "  VOICE NORMAL, SWALLOWING OK. NO PERIORBITAL INVOLVEMENT.",
            "INTRAORAL: FLUCTUANT BUCCAL VESTIBULAR SWELLING ADJACENT TO #19, 2 CM. #19 LARGE",
            "  FAILING MOD AMALGAM, RECURRENT CARIES, COLD TEST NEGATIVE (NECROTIC), PERC ++.",
            "PA #19: PERIAPICAL RADIOLUCENCIES AT MESIAL AND DISTAL ROOT APICES.",
            "PAIN 8/10.",
            "DX: ACUTE PERIAPICAL ABSCESS #19 WITH VESTIBULAR ABSCESS / EARLY BUCCAL CELLULITIS.",
            "TX: I&D - 1.8 ML 2% LIDO W/ EPI (AROUND, NOT INTO, THE ABSCESS). 1 CM HORIZONTAL",
            "  INCISION AT THE MOST FLUCTUANT POINT, BLUNT DISSECTION, ~3 ML PURULENT DRAINAGE,",
            "  AEROBIC/ANAEROBIC CULTURE SENT. IRRIGATED. 1/4 INCH PENROSE DRAIN SUTURED.",
            "RX: AMOXICILLIN-CLAVULANATE 875 MG BID X 7 DAYS. IBUPROFEN 600 + APAP 500 Q6H.",
            "PLAN: RECHECK 24-48 HRS, DRAIN OUT 48-72 HRS. RCT VS EXT #19 ONCE SWELLING RESOLVES.",
            "  ER PRECAUTIONS REVIEWED.",
        )),
    ),
    facts={"swelling": True, "fever": True, "temperature": 101.4, "trismus": True, "max_opening_mm": 25,
           "symptom_duration_days": 3, "pain": True, "pain_score": 8, "side": "left", "jaw": "mandible"},
    lines=(Line("41800|40800"),),
    principal="K04.7|K12.2",
    ready=True,
    errors=(),
    narrative_mentions=("101.4", "25 mm|25mm|trismus"),
)

# --------------------------------------------------------------------------------------------------
# C-N2  UHC, an I&D (D7510) was posted with K04.7 + K12.2 but the note says there was no swelling,
#       nothing to drain (the weekend "puffiness" had resolved), afebrile; pulpal debridement done
#       -> element-contradicted.

N2_PATIENT = "Synthetic Patient Banyan"

N2 = GoldenCase(
    name="c_infection_drainage_posted_no_swelling",
    category="infection",
    body=body(category="infection", patient=N2_PATIENT, birthdate="1981-03-14", gender="female",
              start="2026-03-02T13:40:00",
              procedures=[proc("D7510", "incision and drainage of abscess - intraoral soft tissue", 260.0,
                               tooth="14")],
              problems=[("K04.7", "Periapical abscess without sinus"), ("K12.2", "Cellulitis and abscess of mouth")],
              insurance=[UHC, DENTAL],
              note="emerg #14 - abscess? I&D"),
    documents=(
        doc("chart_note", "soap_endo_emergency", (
            f"Synthetic Smiles Family Dentistry - Limited exam / emergency - {ALPHA.signed}",
            f"Patient: {N2_PATIENT}   DOB 03/14/1981   Date: March 2nd, 2026",
            "S: Throbbing pain upper left since Friday, worse lying down, 7/10; kept her up last night.",
            "   Says her cheek 'felt puffy' over the weekend - that has gone down, none today.",
            "   No fever or chills. Taking ibuprofen 400 mg. Allergy: penicillin (hives).",
            "O: Afebrile, temp 98.4 F. No extraoral swelling, no lymphadenopathy.",
            "   Intraoral: NO swelling, NO fluctuance, no sinus tract, vestibule normal to palpation.",
            "   #14: deep distal caries, percussion +++, palpation + at the apex, cold: lingering",
            "   then none; no mobility. PA: widened PDL at the MB root apex, small radiolucency.",
            "   No collection present - nothing to incise or drain.",
            "A: #14 symptomatic irreversible pulpitis progressing to acute apical periodontitis /",
            "   early periapical abscess without swelling.",
            "P: Pulpal debridement #14 under local (2 carpules 4% articaine), canals opened and",
            "   irrigated, calcium hydroxide, temporary. Clindamycin 300 mg qid x 5 d given PCN",
            "   allergy. Complete RCT next week with endodontist.",
        )),
        doc("other", "eprescription_record", (
            "E-PRESCRIPTION TRANSMITTED - Synthetic Smiles Family Dentistry",
            f"Patient: {N2_PATIENT}     DOB: 03/14/1981     Date: 03/02/2026 14:32",
            "Drug: clindamycin HCl 300 mg capsule - take 1 capsule by mouth 4 times daily x 5 days",
            "Qty: 20   Refills: 0   Allergies on file: penicillin (hives)",
            "Indication: tooth #14 apical periodontitis",
            f"Prescriber: {ALPHA.signed}   NPI {ALPHA.npi}",
            "Pharmacy: Synthetic Drug Mart #12",
        )),
    ),
    facts={"pain": True, "pain_score": 7, "temperature": 98.4, "side": "left", "jaw": "maxilla"},
    negated=("swelling", "fever"),
    absent=("trismus",),
    lines=(Line("41800|40800"),),
    ready=False,
    errors=("element-contradicted",),
)

# --------------------------------------------------------------------------------------------------
# C-C1  BCBS, dental evaluation before radiation for base-of-tongue cancer: radiation oncologist's
#       letter (plan and start date), comprehensive exam + pano. Clean.

C1_PATIENT = "Synthetic Patient Dogwood"

C1 = GoldenCase(
    name="c_clearance_pre_radiation_base_of_tongue",
    category="clearance",
    body=body(category="clearance", patient=C1_PATIENT, birthdate="1956-01-21", gender="male",
              start="2026-03-09T09:00:00",
              procedures=[proc("D0150", "comprehensive oral evaluation - new or established patient", 110.0),
                          proc("D0330", "panoramic radiographic image", 125.0)],
              problems=[("Z01.818", "Encounter for other preprocedural examination"),
                        ("C01", "Malignant neoplasm of base of tongue")],
              insurance=[BCBS, DENTAL],
              note="pre-XRT dental eval per Dr Mike, start 3/30"),
    documents=(
        doc("referral", "oncology_referral_letter", (
            "SYNTHETIC CANCER INSTITUTE - DEPARTMENT OF RADIATION ONCOLOGY",
            "700 Test Medical Way, Synthetic City        Tel 555-0170   Fax 555-0171",
            "",
            "March 2, 2026",
            "",
            f"To: {ALPHA.signed}, Synthetic Smiles Family Dentistry",
            f"Re: {C1_PATIENT} (DOB 01/21/1956) - dental evaluation before",
            "head and neck radiation",
            "",
            "Dear Dr. Alpha,",
            "Mr. Dogwood has p16-positive squamous cell carcinoma of the base of tongue, cT2 N1 M0.",
            "We plan definitive intensity-modulated radiation therapy, 70 Gy in 35 fractions, with",
            "concurrent weekly cisplatin. Simulation is booked for March 23 and treatment is",
            "scheduled to start on 03/30/2026. Both sides of the mandible, including the molar",
            "regions, will receive high doses.",
            "Please evaluate him and treat any source of oral infection before radiation. Any",
            "extractions should be completed at least 14 days before the start date. Please also",
            "provide custom fluoride carriers. Kindly send us your findings and plan.",
            "",
            "Sincerely,",
            f"{MIKE.signed}, Radiation Oncology     NPI {MIKE.npi}",
        )),
        doc("chart_note", "pre_radiation_dental_exam", (
            "SYNTHETIC SMILES FAMILY DENTISTRY - COMPREHENSIVE EVALUATION (PRE-RADIATION)",
            f"Patient: {C1_PATIENT}   DOB: 1956-01-21   Date: 2026-03-09",
            f"Dentist: {ALPHA.signed}",
            f"Referral: {MIKE.signed} - IMRT 70 Gy to start 03/30/2026 for base of tongue SCC.",
            "Med hx: HTN (amlodipine), GERD. Former smoker, quit 2019 (40 pk-yr). Occasional beer.",
            "Dental hx: last cleaning 'a few years ago'.",
            "Panoramic image (taken today) - interpretation:",
            "  #2 - gross caries into the pulp, periapical radiolucency: non-restorable.",
            "  #31 - horizontal bone loss ~60%, furcation involvement, mobility 2: hopeless.",
            "  #18, #19, #30 - sound. Generalized mild horizontal bone loss. No jaw lesions.",
            "  Condyles symmetric. No impacted teeth.",
            "Perio: generalized 4-5 mm pockets, heavy calculus lower anteriors, BOP 40%.",
            "Soft tissue: no oral mucosal lesions visible; base of tongue not visible on exam.",
            "Assessment: foci of infection #2 and #31 in the planned radiation field.",
            "Plan: 1) extract #2 and #31 on 03/12/2026 (18 days before RT). 2) full-mouth scaling",
            "  3/12. 3) impressions for fluoride carriers; 1.1% NaF gel daily for life.",
            "  4) trismus exercises during RT. 5) letter to Dr Mike with findings and dates (sent).",
        )),
    ),
    facts={"planned_procedure": "radiation", "planned_procedure_date": "2026-03-30",
           "referral_source": {"npi": MIKE.npi, "specialty": "radiation oncology"}},
    absent=("tobacco_use",),
    lines=(Line("99203|99204"), Line("70355")),
    principal="Z01.818",
    ready=True,
    errors=(),
    narrative_mentions=("radiation",),
)

# --------------------------------------------------------------------------------------------------
# C-C2  Medicare, dental clearance before TAVR (inextricably linked): cardiologist's letter with the
#       procedure date, exam + full-mouth series, coordination letter back. Clean.

C2_PATIENT = "Synthetic Patient Hickory"

C2 = GoldenCase(
    name="c_clearance_medicare_before_tavr",
    category="clearance",
    body=body(category="clearance", patient=C2_PATIENT, birthdate="1950-11-02", gender="female",
              start="2026-04-07T10:00:00",
              procedures=[proc("D0150", "comprehensive oral evaluation", 110.0),
                          proc("D0210", "intraoral - comprehensive series of radiographic images", 160.0)],
              problems=[("Z01.818", "Encounter for other preprocedural examination"),
                        ("I35.0", "Nonrheumatic aortic (valve) stenosis")],
              insurance=[MEDICARE, DENTAL],
              note="dental clearance for TAVR 4/28 - Dr November"),
    documents=(
        doc("referral", "cardiology_clearance_request", (
            "Synthetic Heart & Vascular Center",
            "Structural Heart Program  |  55 Test Circle, Synthetic City  |  555-0183",
            "",
            "03/24/2026",
            "",
            "REQUEST FOR DENTAL CLEARANCE",
            f"Patient: {C2_PATIENT}     DOB: 11/02/1950",
            "Diagnosis: severe symptomatic aortic stenosis (AVA 0.7 cm2, mean gradient 46 mmHg)",
            "Planned procedure: transcatheter aortic valve replacement (TAVR)",
            "Procedure date: April 28, 2026",
            "",
            "Please evaluate this patient for, and treat, any dental source of infection before",
            "the valve replacement, and return your findings to our office. She takes apixaban for",
            "atrial fibrillation; please contact us before any extraction for peri-procedural",
            "management. Antibiotic prophylaxis is not required before the valve is implanted.",
            "",
            f"{NOVEMBER.signed}, Cardiology     NPI {NOVEMBER.npi}",
        )),
        doc("chart_note", "clearance_exam_visit", (
            f"Synthetic Smiles Family Dentistry  -  {ALPHA.signed}",
            f"DOS 4/7/26   {C2_PATIENT}   DOB 11/2/50   Medicare",
            "Visit: comprehensive exam + FMX for pre-TAVR dental clearance (Dr November, 3/24/26).",
            "Meds: apixaban 5 mg bid, metoprolol, furosemide. NKDA. Non-smoker.",
            "FMX findings: #30 failing RCT with 5 mm periapical radiolucency, mesial root; #3 MO",
            "  composite intact; no other periapical pathology; generalized mild bone loss.",
            "Clinical: #30 TTP, buccal sinus tract absent, probing 3 mm; no other infection foci.",
            "  Perio: localized 4 mm, light calculus. Soft tissues WNL.",
            "Assessment: chronic apical periodontitis #30 - source of infection before TAVR.",
            "Plan: extract #30 on 4/14/26 after apixaban hold per cardiology (2 wks before TAVR);",
            "  prophylaxis visit same day. Clearance letter with findings faxed to Dr November",
            "  4/7/26; will send final clearance after the extraction.",
        )),
    ),
    facts={"planned_procedure": "heart valve", "planned_procedure_date": "2026-04-28",
           "referral_source": {"npi": NOVEMBER.npi, "specialty": "cardiology"}},
    negated=("tobacco_use",),
    lines=(Line("D0150|99203|99204"), Line("D0210|70320")),
    principal="Z01.818",
    ready=True,
    errors=(),
    narrative_mentions=("valve|TAVR",),
)

# --------------------------------------------------------------------------------------------------
# C-F1  Cigna, 6-year-old with ankyloglossia and speech errors despite therapy: SLP evaluation letter,
#       lingual frenectomy with EXCISION of the frenum and suturing (41115). Clean.

F1_PATIENT = "Synthetic Patient Ironwood"

F1 = GoldenCase(
    name="c_frenum_lingual_excision_speech",
    category="frenum",
    body=body(category="frenum", patient=F1_PATIENT, birthdate="2020-02-11", gender="male",
              start="2026-04-16T14:00:00",
              procedures=[proc("D7962", "lingual frenectomy (frenulectomy)", 450.0)],
              problems=[("Q38.1", "Ankyloglossia")],
              insurance=[CIGNA, DENTAL],
              note="tongue tie release per SLP"),
    documents=(
        doc("referral", "slp_evaluation_letter", (
            "SYNTHETIC PEDIATRIC THERAPY CENTER - Speech-Language Pathology",
            "Evaluation summary and referral                       March 25, 2026",
            f"Client: {F1_PATIENT}     DOB: 02/11/2020     Age: 6;1",
            f"To: {ALPHA.signed}",
            "",
            "Ironwood has attended weekly articulation therapy for six months. Errors persist on",
            "lingua-alveolar sounds /t/, /d/, /n/, /l/ and he distorts /s/ and /r/. Oral motor",
            "exam: tongue tip cannot reach the alveolar ridge with the mouth open, tongue tip",
            "notches (heart shape) on protrusion, lateralization is reduced, and the anterior",
            "frenulum is short and thick. Intelligibility to unfamiliar listeners about 70%.",
            "Feeding and swallowing are age-appropriate; no choking, no gagging.",
            "In my opinion the restricted lingual frenulum is limiting his progress, and I",
            "recommend evaluation for a frenum release, followed by therapy for tongue mobility.",
            "",
            f"{SORREL.signed}, Speech-Language Pathologist     NPI {SORREL.npi}",
        )),
        doc("chart_note", "frenectomy_procedure_note", (
            f"Synthetic Smiles Family Dentistry - Procedure note - 04/16/2026 - {ALPHA.signed}",
            f"{F1_PATIENT} (DOB 2/11/2020), with mother. Consent signed.",
            "Referral: SLP letter 3/25/26 - persistent lingua-alveolar errors, limited tongue tip",
            "  elevation despite 6 months of therapy.",
            "Exam: ankyloglossia, Kotlow class III (free tongue 6 mm); thick fibrous frenum inserting",
            "  near the tip; heart-shaped tip on protrusion. Floor of mouth and ducts normal.",
            "Procedure: lingual frenectomy. Topical benzocaine, then 0.9 mL 2% lidocaine 1:100k.",
            "  Tongue retracted with a grooved director; the frenum was EXCISED with scissors in a",
            "  diamond-shaped pattern, genioglossus fibers released, Wharton's ducts protected.",
            "  Wound closed with 4 interrupted 5-0 chromic sutures. Hemostasis good.",
            "  Post-op free tongue 16 mm, tip reaches the palate with the mouth open.",
            "Post-op: acetaminophen, tongue stretches 3x daily for 3 weeks, resume SLP in 1 week.",
        )),
    ),
    facts={"frenum_action": "excision", "referral_source": {"npi": SORREL.npi, "specialty": "speech"}},
    lines=(Line("41115"),),
    principal="Q38.1",
    ready=True,
    errors=(),
    narrative_mentions=("speech",),
)

# --------------------------------------------------------------------------------------------------
# C-G1  BCBS, ridge reconstruction with a block graft of the right posterior mandible two years after
#       marginal resection of an ameloblastoma (21215); CBCT report + operative report. Clean.

G1_PATIENT = "Synthetic Patient Walnut"

G1 = GoldenCase(
    name="c_graft_mandible_after_tumor_resection",
    category="bone_graft",
    body=body(category="bone_graft", patient=G1_PATIENT, birthdate="1985-07-24", gender="male",
              start="2026-04-21T07:30:00",
              procedures=[proc("D7950", "osseous graft of the mandible or maxilla", 2100.0)],
              problems=[("K08.23", "Severe atrophy of the mandible"),
                        ("Z86.018", "Personal history of other benign neoplasm")],
              insurance=[BCBS, DENTAL],
              note="block graft R post mand (post ameloblastoma resection defect)"),
    documents=(
        doc("radiology_report", "cbct_preop_graft", (
            "ORAL & MAXILLOFACIAL RADIOLOGY REPORT",
            f"Patient: {G1_PATIENT}  DOB 07/24/1985   CBCT mandible   Scan 10-Mar-2026",
            f"Referring: {FOXTROT.signed}",
            "History: marginal mandibulectomy, right posterior mandible, June 2024 for unicystic",
            "  ameloblastoma; surveillance and implant planning.",
            "Findings: healed marginal resection defect of the right posterior mandibular alveolus",
            "  from the #29 to the #31 region, 22 mm mesiodistal, with 9 mm vertical and 5 mm",
            "  horizontal deficiency relative to the adjacent ridge. Residual bone height above the",
            "  inferior alveolar canal 6 mm. Inferior border intact. No radiolucency, no expansion,",
            "  no evidence of recurrence.",
            "Impression: post-resection alveolar defect right posterior mandible; no recurrence.",
            f"{INDIA.signed}",
        )),
        doc("chart_note", "operative_report_graft", (
            "SYNTHETIC OMFS GROUP - OPERATIVE REPORT",
            f"Patient: {G1_PATIENT}     DOB: 07/24/1985     Date: 04/21/2026",
            f"Surgeon: {FOXTROT.signed}     NPI {FOXTROT.npi}",
            "Indication: reconstruction of the right posterior mandibular alveolar ridge defect left",
            "  by tumor resection (unicystic ameloblastoma, marginal mandibulectomy 06/2024, no",
            "  recurrence on CBCT 03/2026) so that implants #29-#31 can be placed. Never smoker.",
            "Pre-op dx: severe alveolar atrophy/deficiency, right posterior mandible, post-tumor",
            "  resection defect.",
            "Procedure: bone graft to the mandible. Crestal incision with vertical releases; defect",
            "  exposed. Corticocancellous allograft block shaped and fixed with two 1.5 mm screws;",
            "  gaps filled with particulate allograft; resorbable collagen membrane; periosteal",
            "  release and tension-free closure with 4-0 PTFE.",
            "EBL 20 mL. No complications. Mental nerve identified and protected.",
            "Plan: amoxicillin, chlorhexidine, no removable prosthesis over the site; CBCT in",
            "  5 months, implant placement 6 months.",
        )),
    ),
    facts={"graft_etiology": "tumor", "jaw": "mandible", "side": "right"},
    negated=("tobacco_use",),
    lines=(Line("21215"),),
    principal="K08.23|M27.8",
    ready=True,
    errors=(),
    narrative_mentions=("ameloblastoma|tumor",),
)

# --------------------------------------------------------------------------------------------------
# C-M1  (imaging) Aetna, incidental anterior mandibular radiolucency, vital teeth, CBCT with a formal
#       OMR report (70486). Clean.

M1_PATIENT = "Synthetic Patient Mesquite"

M1 = GoldenCase(
    name="c_imaging_cbct_anterior_mandible_lesion",
    category="imaging",
    body=body(category="imaging", patient=M1_PATIENT, birthdate="1972-12-12", gender="female",
              start="2026-02-12T11:30:00",
              procedures=[proc("D0367", "cone beam CT capture and interpretation, both jaws", 350.0)],
              problems=[("M27.40", "Unspecified cyst of jaw")],
              insurance=[AETNA, DENTAL],
              note="CBCT - RL lower anteriors, send for read"),
    documents=(
        doc("chart_note", "recall_finding_note", (
            f"Synthetic Smiles Family Dentistry  |  Periodic exam  |  Jan 29 2026  |  {ALPHA.name}",
            f"{M1_PATIENT} - DOB 12/12/1972",
            "Finding: on today's PA of the lower anterior teeth, a radiolucency between and below the",
            "  roots of #23-#25, new since the 2023 images.",
            "  Teeth #22-#27: no caries, no restorations, cold + and EPT + (vital), no mobility,",
            "  probing 2-3 mm. No swelling, no expansion palpable, no numbness of the lip. Pt has no",
            "  pain and no history of trauma to the area she can recall.",
            "Plan: CBCT (both jaws) to characterize the lesion and check the cortices; formal read",
            "  by OMR. Discussed possible referral to OMFS depending on the report.",
        )),
        doc("radiology_report", "cbct_full_omr", (
            "ORAL & MAXILLOFACIAL RADIOLOGY CONSULTATION - CONE BEAM CT",
            f"Patient: {M1_PATIENT}          Date of birth: 12/12/1972",
            "Date of scan: 02/12/2026       Date of report: 02/13/2026",
            "Field of view: both jaws, 0.25 mm voxel",
            f"Referring: {ALPHA.signed}",
            "Clinical question: radiolucency anterior mandible, vital teeth.",
            "",
            "FINDINGS:",
            "Anterior mandible: a well-defined radiolucency, 16 x 12 x 10 mm, centered below and",
            "  between the roots of #23-#25, with thin partial cortication and a scalloped superior",
            "  border extending between the roots. Lamina dura of #23-#25 intact; no root resorption",
            "  or displacement. No cortical expansion; lingual cortex thinned, intact.",
            "Remainder: maxillary sinuses clear; TMJs with normal morphology; no other lesions.",
            "",
            "IMPRESSION:",
            "1. Anterior mandibular radiolucency most consistent with a simple (traumatic) bone cyst.",
            "2. Differential: early cemento-osseous dysplasia, odontogenic keratocyst.",
            "Recommend: clinical correlation; surgical exploration or CBCT follow-up in 6-12 months.",
            f"{INDIA.signed}, Diplomate ABOMR   NPI {INDIA.npi}",
        )),
    ),
    facts={"radiology_impression": "bone cyst", "lesion_size_mm": 16, "jaw": "mandible"},
    negated=("swelling", "pain"),
    lines=(Line("70486"),),
    principal="M27.40|M27.49",
    ready=True,
    errors=(),
    narrative_mentions=("CBCT|cone beam",),
)

CASES = (N1, N2, C1, C2, F1, G1, M1)
