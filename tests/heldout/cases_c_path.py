"""Held-out set C, pathology and impacted-tooth part: biopsies by site, excision, cyst enucleation.

See tests/heldout/README.md (Set C).
"""
from __future__ import annotations

from tests.golden.cases import BCBS, CIGNA, DENTAL, MEDICARE, UHC, GoldenCase, Line, body, proc
from tests.golden.documents import Document
from tests.heldout.cases_c_cast import DENTIST_ALPHA, PATHOLOGIST_GOLF, RADIOLOGIST_INDIA, SURGEON_FOXTROT


def doc(doc_type: str, style: str, *pages: tuple[str, ...], scanned: bool = False) -> Document:
    return Document(doc_type=doc_type, style=style, kind=None, pages=tuple(pages), scanned=scanned)


ALPHA, GOLF, INDIA, FOXTROT = DENTIST_ALPHA, PATHOLOGIST_GOLF, RADIOLOGIST_INDIA, SURGEON_FOXTROT

# --------------------------------------------------------------------------------------------------
# C-P1  Medicare, ulcerated lesion of the left lateral tongue for six weeks in a current smoker,
#       incisional biopsy (41100); pathology: invasive SCC -> code the final diagnosis (C02.1). Clean.

P1_PATIENT = "Synthetic Patient Sycamore"

P1 = GoldenCase(
    name="c_path_lateral_tongue_carcinoma",
    category="pathology",
    body=body(category="pathology", patient=P1_PATIENT, birthdate="1953-12-01", gender="male",
              start="2026-02-10T09:00:00",
              procedures=[proc("D7286", "incisional biopsy of oral tissue - soft", 340.0)],
              problems=[("K13.79", "Other lesions of oral mucosa"),
                        ("F17.210", "Nicotine dependence, cigarettes, uncomplicated")],
              insurance=[MEDICARE, DENTAL],
              note="bx L lat tongue ulcer, r/o SCC"),
    documents=(
        doc("chart_note", "biopsy_note_problem_oriented", (
            "SYNTHETIC OMFS GROUP - PROBLEM-ORIENTED NOTE",
            f"Patient: {P1_PATIENT}    DOB: 12/01/1953    Date: 02/10/2026",
            f"Surgeon: {FOXTROT.signed}",
            "Referred by general dentist for a non-healing tongue sore.",
            "#1 ULCERATED LESION, LEFT LATERAL TONGUE",
            "   S: Sore on the left side of the tongue for about six weeks; first noticed around New",
            "      Year. Sharp lingual cusp #19 smoothed by his dentist 2 wks ago - no change.",
            "      Mild pain 3/10 with spicy food. No weight loss. No dysphagia, no otalgia.",
            "   O: Left lateral border of the tongue, middle third (anterior two-thirds): ulcerated,",
            "      indurated lesion with raised rolled margins, 14 x 9 mm. No bleeding at rest.",
            "      Neck: 1 cm firm mobile left level II node. Remainder of the mucosa normal.",
            "   A: Suspicious for squamous cell carcinoma.",
            "   P: Incisional biopsy today: wedge 7 mm from the anterior margin including normal",
            "      tissue, local anesthesia (lingual block 1.8 mL 2% lidocaine), 2 x 4-0 chromic.",
            "      Specimen in formalin to Synthetic Oral Pathology Laboratory.",
            "#2 TOBACCO USE",
            "   Current smoker, 1 ppd x 45 yrs. Drinks 3-4 beers/day. Cessation counselled.",
            "#3 HYPERLIPIDEMIA - on atorvastatin.   FHx: brother - lung cancer.",
        )),
        doc("pathology_report", "surgical_pathology_lab", (
            "SYNTHETIC ORAL PATHOLOGY LABORATORY          CLIA 00D0000000 (synthetic)",
            "SURGICAL PATHOLOGY REPORT                     Accession: SOP-26-01184",
            f"Patient: {P1_PATIENT}       DOB: 12/01/1953       Sex: M",
            f"Submitting: {FOXTROT.signed}",
            "Collected: 02/10/2026      Received: 02/11/2026      Reported: 02/13/2026",
            "",
            "CLINICAL: 14 x 9 mm ulcerated indurated lesion, left lateral tongue, 6 weeks, smoker.",
            "GROSS: Tan-white wedge of soft tissue, 0.7 x 0.5 x 0.4 cm, bisected, entirely submitted.",
            "MICROSCOPIC: Sections show ulcerated surface epithelium with islands and cords of",
            "  atypical squamous cells invading the lamina propria and superficial muscle, with",
            "  keratin pearl formation, nuclear pleomorphism and mitoses. Depth of invasion at",
            "  least 3 mm. Perineural invasion not identified. No lymphovascular invasion seen.",
            "",
            "DIAGNOSIS:",
            "  TONGUE, LEFT LATERAL BORDER, INCISIONAL BIOPSY:",
            "  - INVASIVE SQUAMOUS CELL CARCINOMA, MODERATELY DIFFERENTIATED.",
            "COMMENT: Findings called to Dr. Foxtrot 02/13/2026. Referral to head and neck surgical",
            "  oncology recommended.",
            f"{GOLF.signed}, Oral and Maxillofacial Pathology   NPI {GOLF.npi}",
        )),
    ),
    facts={"lesion_site": "tongue_lateral", "lesion_size_mm": 14, "lesion_duration_days": 42,
           "pathology_diagnosis": "squamous cell carcinoma", "tobacco_use": True, "side": "left",
           "pain": True, "pain_score": 3},
    absent=(("lesion_size_mm", 7.0),),
    lines=(Line("41100"),),
    principal="C02.1",
    ready=True,
    errors=(),
    narrative_mentions=("squamous cell carcinoma", "14"),
)

# --------------------------------------------------------------------------------------------------
# C-P2  Cigna, firm 8 mm nodule of the right buccal mucosa for a year (cheek biting), excisional
#       biopsy with primary closure; pathology: irritation fibroma. Never smoker. Clean.

P2_PATIENT = "Synthetic Patient Laurel"

P2 = GoldenCase(
    name="c_path_buccal_mucosa_fibroma",
    category="pathology",
    body=body(category="pathology", patient=P2_PATIENT, birthdate="1975-06-18", gender="female",
              start="2026-03-19T11:00:00",
              procedures=[proc("D7410", "excision of benign lesion up to 1.25 cm", 395.0)],
              problems=[("K13.79", "Other lesions of oral mucosa")],
              insurance=[CIGNA, DENTAL],
              note="excise R cheek bump"),
    documents=(
        doc("chart_note", "soap_excision_note", (
            f"Synthetic Smiles Family Dentistry  |  {ALPHA.signed}  |  Mar 19, 2026",
            f"{P2_PATIENT}   DOB 6/18/1975",
            "S: 'Bump on my right cheek' that she keeps biting, there about 1 year, slowly bigger.",
            "   Not painful unless bitten. Never smoker, no alcohol. Meds: none. NKDA.",
            "O: Right buccal mucosa along the occlusal line opposite #30: firm, smooth-surfaced,",
            "   pink, sessile nodule, 8 mm diameter, non-tender, not ulcerated. No lymphadenopathy.",
            "   Rest of oral soft tissues WNL.",
            "A: Nodule R buccal mucosa - irritation fibroma most likely; r/o other benign tumor.",
            "P: Excisional biopsy today. Local infiltration 1.8 mL 2% lidocaine w/ epi. Elliptical",
            "   excision with 2 mm margins, mucosal closure with 3 interrupted 4-0 silk sutures.",
            "   Specimen to Synthetic Oral Pathology Lab. Suture removal 1 wk. Smooth #30 cusp.",
        )),
        doc("pathology_report", "pathology_lab_brief_caps", (
            "SYNTHETIC ORAL PATHOLOGY LABORATORY - REPORT",
            f"PATIENT: {P2_PATIENT.upper()}   DOB: 06/18/1975   ACCESSION: SOP-26-02210",
            "RECEIVED: 03/20/2026   SIGNED OUT: 03/24/2026",
            "SPECIMEN: BUCCAL MUCOSA, RIGHT, EXCISIONAL BIOPSY",
            "GROSS: PINK-TAN NODULE 1.0 X 0.8 X 0.5 CM WITH ATTACHED MUCOSAL ELLIPSE.",
            "MICRO: DENSE COLLAGENOUS FIBROUS CONNECTIVE TISSUE WITH SCATTERED FIBROBLASTS, COVERED",
            "  BY STRATIFIED SQUAMOUS EPITHELIUM WITH HYPERKERATOSIS. NO DYSPLASIA. MARGINS CLEAR.",
            "DIAGNOSIS: FIBROMA (IRRITATION / TRAUMATIC FIBROMA), RIGHT BUCCAL MUCOSA.",
            f"{GOLF.name.upper()}, DDS, MS",
        )),
    ),
    facts={"lesion_site": "buccal_mucosa", "lesion_size_mm": 8, "lesion_duration_days": 365,
           "pathology_diagnosis": "fibroma", "side": "right"},
    negated=("tobacco_use",),
    absent=(("lesion_size_mm", 10.0), ("pathology_diagnosis", "dysplasia")),
    lines=(Line("40812|40810"),),
    principal="K13.79|D10.39|D10.30",
    ready=True,
    errors=(),
    narrative_mentions=("fibroma",),
)

# --------------------------------------------------------------------------------------------------
# C-P3  BCBS, white plaque of the right floor of mouth in a former smoker, incisional biopsy (41108),
#       mild dysplasia. The lab also faxed a report for a patient with the SAME name but another DOB
#       (a palate lesion) -> document-wrong-patient.

P3_PATIENT = "Synthetic Patient Ginkgo"

P3 = GoldenCase(
    name="c_path_floor_of_mouth_same_name_other_dob",
    category="pathology",
    body=body(category="pathology", patient=P3_PATIENT, birthdate="1961-08-27", gender="male",
              start="2026-01-27T10:00:00",
              procedures=[proc("D7286", "incisional biopsy of oral tissue - soft", 330.0)],
              problems=[("K13.21", "Leukoplakia of oral mucosa, including tongue")],
              insurance=[BCBS, DENTAL],
              note="FOM leukoplakia bx"),
    documents=(
        doc("chart_note", "telegraphic_biopsy_note", (
            f"1/27/26 - {P3_PATIENT} - DOB 8/27/61 - {ALPHA.signed}",
            "CC: white patch under tongue, noticed at recall 10/2025, ~3 mo, unchanged after 2 wk",
            "  chlorhexidine + removal of rough lingual calculus. Asymptomatic - no pain.",
            "Hx: ex-smoker (quit 2015, 30 pk-yr). EtOH 1-2/day. HTN on losartan. NKDA.",
            "Exam: R floor of mouth, lateral to Wharton's duct opening: homogeneous white,",
            "  non-wipeable plaque 20 x 12 mm, flat, no induration, no ulcer, no red areas.",
            "  Tongue, palate, buccal mucosa WNL. Neck - no nodes.",
            "Dx: leukoplakia R FOM.",
            "Proc: incisional bx, thickest area, 5 x 4 mm ellipse, 1.8 mL lido 2% epi, 2 x 4-0 vicryl",
            "  rapide. Wharton's duct protected. Specimen -> Synthetic Oral Path Lab.",
            "Plan: results 1 wk; photo documentation done; smoking relapse prevention reinforced.",
        )),
        doc("pathology_report", "lab_report_sections", (
            "SYNTHETIC ORAL PATHOLOGY LABORATORY",
            "Oral & Maxillofacial Pathology Consultation         Accession SOP-26-00411",
            f"Patient: {P3_PATIENT}      Date of birth: 08/27/1961",
            f"Submitting clinician: {ALPHA.signed}",
            "Date of procedure: 01/27/2026      Date of report: 02/02/2026",
            "",
            "Specimen: floor of mouth, right - incisional biopsy",
            "Clinical impression: leukoplakia, 20 x 12 mm, 3 months, former smoker",
            "Gross description: one white-tan ellipse of mucosa, 0.5 x 0.4 x 0.2 cm.",
            "Microscopic description: parakeratinized stratified squamous epithelium with",
            "  hyperkeratosis; basal cell crowding, mild nuclear hyperchromatism and drop-shaped",
            "  rete confined to the lower third of the epithelium. No invasion.",
            "Diagnosis: HYPERKERATOSIS WITH MILD EPITHELIAL DYSPLASIA.",
            "Comment: complete excision or close clinical follow-up recommended given the site.",
            f"{GOLF.signed}   NPI {GOLF.npi}",
        )),
        doc("pathology_report", "same_name_other_dob_scan", (
            "SYNTHETIC ORAL PATHOLOGY LABORATORY              Accession SOP-26-00437",
            "",
            f"Patient: {P3_PATIENT}",
            "Date of birth: 02/14/1958",
            "Date of procedure: 01/29/2026     Date of report: 02/03/2026",
            "Submitting clinician: outside practice (synthetic)",
            "",
            "Specimen: palate, left hard/soft junction - excisional biopsy",
            "Clinical: firm submucosal mass 15 mm, 2 years",
            "Diagnosis: PLEOMORPHIC ADENOMA, margins close (0.5 mm).",
            "",
            f"{GOLF.signed}",
        ), scanned=True),
    ),
    facts={"lesion_site": "floor_of_mouth", "lesion_size_mm": 20, "lesion_duration_days": 90,
           "pathology_diagnosis": "dysplasia", "side": "right"},
    negated=("pain",),
    absent=("tobacco_use", ("lesion_site", "palate"), ("pathology_diagnosis", "pleomorphic adenoma"),
            ("lesion_size_mm", 15.0)),
    lines=(Line("41108"),),
    principal="K13.21",
    ready=False,
    errors=("document-wrong-patient",),
)

# --------------------------------------------------------------------------------------------------
# C-P4  UHC, 11 mm unilocular radiolucency between #30 and #31 on CBCT, enucleation (21040);
#       pathology: odontogenic keratocyst -> K09.0 replaces the provisional M27.40. Clean.

P4_PATIENT = "Synthetic Patient Tamarack"

P4 = GoldenCase(
    name="c_path_mandible_keratocyst_enucleation",
    category="pathology",
    body=body(category="pathology", patient=P4_PATIENT, birthdate="1988-04-04", gender="female",
              start="2026-02-24T08:00:00",
              procedures=[proc("D7450", "removal of benign odontogenic cyst or tumor, up to 1.25 cm", 980.0)],
              problems=[("M27.40", "Unspecified cyst of jaw")],
              insurance=[UHC, DENTAL],
              note="enucleate RL #30-31, path"),
    documents=(
        doc("radiology_report", "cbct_limited_omr", (
            "ORAL & MAXILLOFACIAL RADIOLOGY REPORT - CBCT (limited field, right mandible)",
            f"Patient: {P4_PATIENT}     DOB: 04/04/1988",
            "Scan date: 30 Jan 2026     Report date: 31 Jan 2026",
            f"Referring: {FOXTROT.signed}",
            "Reason: radiolucency between #30 and #31 seen on bitewing at recall.",
            "FINDINGS: Well-defined, corticated, unilocular radiolucency between the roots of #30 and",
            "  #31, measuring 11 x 8 x 7 mm, with a slightly scalloped superior border. Roots are",
            "  displaced without resorption. Buccal cortex thinned, not perforated. The inferior",
            "  alveolar canal lies 3 mm inferior to the lesion, not involved. #30 and #31 have no",
            "  caries or deep restorations. No other lesion in the field of view.",
            "IMPRESSION: Unilocular radiolucency of the right posterior mandible. Differential:",
            "  odontogenic keratocyst, lateral periodontal cyst; ameloblastoma less likely.",
            f"{INDIA.signed}  NPI {INDIA.npi}",
        )),
        doc("chart_note", "operative_note_enucleation", (
            "SYNTHETIC OMFS GROUP - OPERATIVE REPORT",
            f"Patient: {P4_PATIENT}   DOB 04/04/1988   Date of surgery: 02/24/2026",
            f"Surgeon: {FOXTROT.signed}",
            "Pre-op dx: cyst of right mandible between #30 and #31 (11 mm on CBCT).",
            "Teeth #30, #31 respond normally to cold; retained.",
            "Anesthesia: local (IANB + long buccal, 2% lidocaine 1:100k, 5.4 mL).",
            "Procedure: full-thickness flap #29-#31 buccal; thinned cortex removed with a round bur;",
            "  cyst enucleated intact, cavity curetted, peripheral ostectomy with a bur. Cavity",
            "  irrigated; flap closed with 4-0 vicryl. Specimen to pathology.",
            "Findings: thin-walled cyst with cheesy keratin contents; no perforation of the IAN canal.",
            "Post-op: amoxicillin, ibuprofen, chlorhexidine. Panoramic recall 6 and 12 months.",
        )),
        doc("pathology_report", "pathology_dx_first", (
            "DIAGNOSIS: ODONTOGENIC KERATOCYST, RIGHT POSTERIOR MANDIBLE (#30-#31), ENUCLEATION.",
            "",
            "Synthetic Oral Pathology Laboratory - Accession SOP-26-01570",
            f"Patient: {P4_PATIENT}; DOB 1988-04-04; collected 2026-02-24; reported 2026-02-27",
            f"Submitting surgeon: {FOXTROT.signed}",
            "Gross: multiple fragments of cyst wall, aggregate 1.2 x 0.9 x 0.3 cm, with keratinaceous",
            "  debris.",
            "Microscopic: cyst lined by uniform parakeratinized stratified squamous epithelium 6-8",
            "  cells thick with a corrugated surface and palisaded basal layer; thin fibrous wall with",
            "  satellite microcysts. No dysplasia.",
            "Note: recurrence risk warrants long-term radiographic follow-up.",
            f"{GOLF.signed}",
        )),
    ),
    facts={"lesion_size_mm": 11, "jaw": "mandible", "side": "right", "radiology_impression": "unilocular radiolucency",
           "pathology_diagnosis": "odontogenic keratocyst"},
    absent=(("lesion_size_mm", 12.0),),
    lines=(Line("21040"),),
    principal="K09.0",
    ready=True,
    errors=(),
    narrative_mentions=("keratocyst",),
)

# --------------------------------------------------------------------------------------------------
# C-I1  (impacted) BCBS, #32 full bony horizontal impaction with a 9 mm pericoronal radiolucency and
#       resorption of #31; removal (41899); pathology (scanned fax): dentigerous cyst. Clean.

I1_PATIENT = "Synthetic Patient Catalpa"

IMP1 = GoldenCase(
    name="c_impacted_bony_32_dentigerous_cyst",
    category="impacted",
    body=body(category="impacted", patient=I1_PATIENT, birthdate="1999-03-08", gender="male",
              start="2026-03-09T07:30:00",
              procedures=[proc("D7240", "removal of impacted tooth - completely bony", 520.0, tooth="32")],
              problems=[("K01.1", "Impacted teeth"), ("K09.0", "Developmental odontogenic cysts")],
              insurance=[BCBS, DENTAL],
              note="#32 FBI w/ cyst, send tissue"),
    documents=(
        doc("radiology_report", "pano_report_numbered", (
            "Synthetic Maxillofacial Imaging - PANORAMIC RADIOGRAPH INTERPRETATION",
            f"{I1_PATIENT}  |  DOB 03/08/1999  |  Exam 02/16/2026",
            f"Referring: {FOXTROT.signed}",
            "1. #32: horizontally impacted, completely encased in bone of the ramus/body junction.",
            "2. Enlarged pericoronal radiolucency around the crown of #32, 9 mm at its widest,",
            "   well-corticated - consistent with a dentigerous cyst; differential includes OKC.",
            "3. Mild external root resorption of the distal root of #31.",
            "4. Inferior alveolar canal in close proximity to the apices of #32 (darkening of roots).",
            "5. #1, #16, #17 previously extracted. No other findings.",
            "IMPRESSION: Impacted #32 with pericoronal cystic change and resorption of #31.",
            f"{INDIA.signed}",
        )),
        doc("chart_note", "omfs_op_note_impaction", (
            "SYNTHETIC OMFS GROUP - OPERATIVE NOTE",
            f"{I1_PATIENT} / DOB 3/8/1999 / DOS 3/9/2026 / {FOXTROT.signed}",
            "Indication: #32 completely bony horizontal impaction with a 9 mm pericoronal cyst and",
            "  early resorption of #31 on pano 2/16/26. Intermittent dull ache R mandible x 2 months;",
            "  no swelling, no fever, no trismus.",
            "Anesthesia: local only (R IANB, long buccal; 4% articaine 3.4 mL). No sedation.",
            "Procedure: envelope flap, buccal and distal bone removal, crown sectioned, roots",
            "  delivered. Cyst lining enucleated in one piece and sent to pathology. IAN not exposed.",
            "  Irrigation, 3-0 chromic closure.",
            "Post-op: ibuprofen/acetaminophen; chlorhexidine; f/u 1 wk.",
        )),
        doc("pathology_report", "path_fax_scan", (
            "FAX 03/13/2026 10:02  SYNTHETIC ORAL PATHOLOGY LAB   p 1",
            "",
            "SURGICAL PATHOLOGY      Accession SOP-26-02011",
            f"Patient: {I1_PATIENT}",
            "DOB: 03/08/1999          Collected: 03/09/2026",
            f"Surgeon: {FOXTROT.signed}",
            "",
            "Specimen: soft tissue around crown of #32",
            "Micro: thin non-keratinized squamous lining 2-4 cells",
            "  thick over loose fibrous wall; mild chronic inflammation.",
            "",
            "DIAGNOSIS: DENTIGEROUS CYST, #32 REGION.",
            "",
            f"{GOLF.signed}",
        ), scanned=True),
    ),
    facts={"pathology_diagnosis": "dentigerous cyst", "lesion_size_mm": 9, "jaw": "mandible", "side": "right",
           "radiology_impression": "impacted"},
    negated=("swelling", "fever", "trismus"),
    lines=(Line("41899"),),
    principal="K09.0|K01.1",
    ready=True,
    errors=(),
    narrative_mentions=("dentigerous",),
)

CASES = (P1, P2, P3, P4, IMP1)
