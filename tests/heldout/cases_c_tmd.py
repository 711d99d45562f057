"""Held-out set C, TMD/TMJ part: orthotics, arthrocentesis, dislocation, TMJ imaging.

See tests/heldout/README.md (Set C).
"""
from __future__ import annotations

from tests.golden.cases import AETNA, BCBS, CIGNA, DENTAL, MEDICARE, UHC, GoldenCase, Line, body, proc
from tests.golden.documents import Document
from tests.heldout.cases_c_cast import (DENTIST_ALPHA, ED_ECHO, OROFACIAL_CHARLIE, PCP_HOTEL, RADIOLOGIST_INDIA,
                                        SURGEON_FOXTROT)


def doc(doc_type: str, style: str, *pages: tuple[str, ...], scanned: bool = False) -> Document:
    return Document(doc_type=doc_type, style=style, kind=None, pages=tuple(pages), scanned=scanned)


CHARLIE, HOTEL, FOXTROT, INDIA, ALPHA, ECHO = (OROFACIAL_CHARLIE, PCP_HOTEL, SURGEON_FOXTROT, RADIOLOGIST_INDIA,
                                               DENTIST_ALPHA, ED_ECHO)

# --------------------------------------------------------------------------------------------------
# C-T1  BCBS, dental-school orofacial pain clinic with faculty co-signature, bilateral arthralgia +
#       masticatory myalgia, NSAIDs failed, PCP letter with a "Re:" line; stabilization splint. Clean.

T1_PATIENT = "Synthetic Patient Linden"

T1 = GoldenCase(
    name="c_tmd_dental_school_stabilization_splint",
    category="tmd",
    body=body(category="tmd", patient=T1_PATIENT, birthdate="1990-09-12", gender="female",
              start="2026-03-03T13:00:00",
              procedures=[proc("D7880", "occlusal orthotic device, by report", 1150.0)],
              problems=[("M26.623", "Arthralgia of bilateral temporomandibular joint"),
                        ("M79.11", "Myalgia of mastication muscle")],
              insurance=[BCBS, DENTAL],
              note="Deliver max stabilization splint (TMD, not a NG). Faculty: Dr Charlie."),
    documents=(
        doc("chart_note", "dental_school_faculty_cosign", (
            "UNIVERSITY OF SYNTHETIC SCHOOL OF DENTAL MEDICINE - OROFACIAL PAIN CLINIC",
            "Clinic 4B, Chair 12        Encounter type: TMD evaluation (new pt)",
            f"Patient: {T1_PATIENT}      DOB: 09/12/1990      Chart #: USDM-20931",
            "Date: 02/17/2026",
            "Student provider: D4 student (synthetic)     Faculty: see co-signature",
            "CC: \"both sides of my jaw hurt when I chew, worse in the morning\"",
            "HPI: 35 y/o F, bilateral jaw pain for about five months (began mid Sept 2025 after a long",
            "  dental appointment). Dull ache over both cheeks and in front of both ears, 6/10 today,",
            "  worst 8/10. Wakes with sore jaw; aware of daytime clenching at work. Ibuprofen 600 mg tid",
            "  prescribed by PCP, taken x 4 wk in Nov-Dec 2025, plus soft diet and warm compresses -",
            "  no lasting relief. No locking. Denies ear infection, no fever, no recent trauma.",
            "PMH: migraine without aura (sumatriptan prn), anxiety. NKDA. FHx: mother - fibromyalgia.",
            "EXAM: No facial swelling or asymmetry.",
            "  ROM: MIO 31 mm (painful), pain-free opening 24 mm, assisted 36 mm; R lat 7 mm, L lat 6 mm,",
            "  protrusion 6 mm. Opening path: S-deviation, corrects.",
            "  Joint sounds: reciprocal click L TMJ on opening and closing. R TMJ: no sounds.",
            "  Palpation: TTP bilateral masseter (familiar pain), bilat temporalis (anterior),",
            "  bilat TMJ lateral poles. Cervical ROM WNL.",
            "  Dentition: generalized attrition, linea alba bilat, scalloped tongue.",
            "DC/TMD Dx: 1. Arthralgia, bilateral TMJ (M26.623).  2. Myalgia of masticatory",
            "  muscles (M79.11).  3. Disc displacement with reduction, L (noted, not treated).",
            "PLAN: Full-coverage hard acrylic maxillary stabilization appliance (TMD orthotic, not a",
            "  bruxism night guard) - impressions today. Self-care handout, jaw exercises, habit",
            "  reversal. PT referral if < 30% improvement at 6 wks.",
            "Student signature: (synthetic D4)",
            f"Faculty co-signature: {CHARLIE.signed}, Orofacial Pain -",
            "  reviewed, examined pt, agree with findings and plan. 02/17/2026 15:20",
        )),
        doc("referral", "pcp_letter_re_line", (
            "Synthetic Family Practice  |  88 Test Road, Synthetic City  |  Tel 555-0188",
            "",
            "January 29, 2026",
            "",
            "Orofacial Pain Clinic, University of Synthetic School of Dental Medicine",
            "",
            f"Re: {T1_PATIENT}, DOB 09/12/1990 - jaw pain, evaluation requested",
            "",
            "Dear colleagues,",
            "I would be grateful if you would see Ms. Linden, who has had bilateral jaw and",
            "preauricular pain since last September. I prescribed ibuprofen 600 mg three times a day,",
            "which she took for four weeks without meaningful relief. Ear exam is normal on both",
            "sides, there is no sinus tenderness and no lymphadenopathy. She does not have",
            "rheumatoid arthritis (RF and anti-CCP negative in 2024). I wonder about TMD and would",
            "welcome your assessment and any oral appliance you feel is indicated.",
            "",
            "With thanks,",
            f"{HOTEL.signed}, Family Medicine     NPI {HOTEL.npi}",
        )),
        doc("chart_note", "splint_delivery_cosign", (
            "USDM Orofacial Pain Clinic - progress note - 03/03/2026",
            f"{T1_PATIENT} (09/12/1990)",
            "Procedure: delivery of maxillary stabilization appliance (D7880).",
            "Adjusted to even bilateral contacts in CR, canine guidance in excursions. Pt comfortable.",
            "Pain today 6/10, MIO 31 mm. Instructed: wear nightly + 2 h during the day at the desk.",
            "Recheck 2 wks; re-measure ROM and pain scores.",
            f"Co-signed: {CHARLIE.signed}",
        )),
    ),
    facts={"pain": True, "pain_score": 6, "max_opening_mm": 31,
           "joint_sounds": {"sound": "click", "side": "left"}, "conservative_therapy": "nsaids",
           "conservative_therapy_days": 28, "symptom_duration_days": 150,
           "referral_source": {"npi": HOTEL.npi, "specialty": "family medicine"}},
    negated=("swelling", "fever"),
    absent=(("joint_sounds", {"side": "right"}), ("joint_sounds", {"sound": "crepitus"}), "trismus"),
    lines=(Line("D7880|21299"),),
    principal="M26.623|M79.11",
    ready=True,
    errors=(),
    narrative_mentions=("31 mm|31mm",),
)

# --------------------------------------------------------------------------------------------------
# C-T2  Aetna, left closed lock: MRI report, OMFS consult (problem-oriented), operative note for
#       arthrocentesis (20605-LT) after NSAIDs, PT and a splint. Clean.

T2_PATIENT = "Synthetic Patient Magnolia"

T2 = GoldenCase(
    name="c_tmd_left_closed_lock_arthrocentesis",
    category="tmd",
    body=body(category="tmd", patient=T2_PATIENT, birthdate="1986-03-03", gender="female",
              start="2026-04-14T07:45:00",
              procedures=[proc("D7870", "arthrocentesis", 875.0)],
              problems=[("M26.632", "Articular disc disorder of left temporomandibular joint")],
              insurance=[AETNA, DENTAL],
              note="L TMJ arthrocentesis/lavage under local. Pre-op MIO 22."),
    documents=(
        doc("radiology_report", "mri_tmj_bilateral", (
            "SYNTHETIC IMAGING PARTNERS - MAGNETIC RESONANCE IMAGING REPORT",
            f"Patient: {T2_PATIENT}     DOB: 03/03/1986     Acc#: SIP-MR-440981",
            "Exam: MRI bilateral temporomandibular joints without contrast (closed/open mouth)",
            "Exam date: 2026-03-20",
            f"Ordering: {FOXTROT.signed}",
            "Clinical history: left jaw closed lock since early February, limited opening.",
            "",
            "FINDINGS:",
            "Left TMJ: In the closed-mouth position the articular disc is displaced anteriorly and",
            "  is folded/deformed. It remains anteriorly displaced on open-mouth images (no",
            "  recapture). Condylar translation is limited, reaching only the posterior slope of the",
            "  eminence. Moderate joint effusion in the superior joint space. No erosion or",
            "  osteophyte; marrow signal normal.",
            "Right TMJ: Disc in normal superior position with normal translation. No effusion.",
            "Masticatory muscles and parotid glands unremarkable.",
            "",
            "IMPRESSION:",
            "1. Left TMJ anterior disc displacement without reduction, with joint effusion.",
            "2. Normal right TMJ.",
            f"Electronically signed: {INDIA.signed}, Oral and Maxillofacial Radiology, 03/21/2026",
        )),
        doc("chart_note", "omfs_consult_problem_oriented", (
            "SYNTHETIC OMFS GROUP - CONSULTATION",
            f"Pt: {T2_PATIENT}  DOB 3/3/86  Date 3/31/26  Surgeon: {FOXTROT.signed}",
            "REFERRED BY: general dentist for L TMJ locking",
            "HPI: Years of painless L jaw clicking; on Feb 3rd, 2026 the click stopped and the jaw",
            "  'locked' - cannot open fully since. L preauricular pain 7/10 with chewing, 3/10 at rest.",
            "  Eight weeks of conservative care: naproxen 500 mg bid, soft diet, hard stabilization",
            "  splint at night (existing), and physical therapy - 6 visits over 6 weeks (manual",
            "  therapy, jaw exercises) ending 3/24 - with no gain in opening.",
            "PMH: hypothyroidism. Meds: levothyroxine. Allergies: latex.",
            "EXAM: MIO 22 mm, deflects to L on opening. Lateral excursion R 3 mm, L 8 mm.",
            "  TTP L TMJ lateral pole and posterior joint; R TMJ non-tender. No joint sounds now.",
            "  Occlusion stable, no open bite. No facial swelling.",
            "IMAGING: MRI 3/20/26 - L anterior disc displacement w/o reduction + effusion; R normal.",
            "PROBLEMS:",
            "  1) L TMJ disc displacement without reduction, with limited opening (M26.632)",
            "  2) L TMJ arthralgia",
            "PLAN: L TMJ arthrocentesis with lavage under local anesthesia; continue PT after.",
            "  Risks/benefits/alternatives discussed; consent signed.",
        )),
        doc("chart_note", "operative_note_arthrocentesis", (
            "OPERATIVE NOTE",
            f"Patient: {T2_PATIENT}          DOB: 03/03/1986",
            "Date of procedure: April 14th, 2026",
            f"Surgeon: {FOXTROT.signed}      NPI {FOXTROT.npi}",
            "Pre-op diagnosis: Left TMJ anterior disc displacement without reduction (closed lock).",
            "Post-op diagnosis: same.",
            "Procedure: LEFT temporomandibular joint arthrocentesis with lavage.",
            "Anesthesia: local - left auriculotemporal nerve block, 2% lidocaine 1:100k epi 3.6 mL.",
            "Description: Holmlund-Hellsing line marked on the left. Two 19-gauge needles placed in",
            "  the superior joint space (10 mm and 20 mm anterior to the tragus). Lavage with 200 mL",
            "  lactated Ringer's, clear return. Gentle manipulation; 1 mL betamethasone injected.",
            "Findings: pre-op MIO 22 mm; post-op MIO 38 mm.",
            "EBL minimal. No complications. Facial nerve intact.",
            "Disposition: home; ice, soft diet, naproxen; resume PT in 3 days; f/u 1 wk.",
        )),
    ),
    facts={"pain": True, "pain_score": 7, "max_opening_mm": 22, "side": "left",
           "conservative_therapy": "physical therapy", "conservative_therapy_days": 56,
           "radiology_impression": "disc displacement without reduction"},
    negated=("swelling",),
    absent=(("joint_sounds", {"side": "left"}), ("joint_sounds", {"side": "right"})),
    lines=(Line("20605", modifiers=("LT",)),),
    principal="M26.632",
    ready=True,
    errors=(),
    narrative_mentions=("22 mm|22mm", "physical therapy"),
)

# --------------------------------------------------------------------------------------------------
# C-T3  UHC, every document says RIGHT TMJ (left normal) but the problem list carries M26.622 (left)
#       -> icd-laterality.

T3_PATIENT = "Synthetic Patient Birch"

T3 = GoldenCase(
    name="c_tmd_right_joint_left_code",
    category="tmd",
    body=body(category="tmd", patient=T3_PATIENT, birthdate="1979-11-11", gender="male",
              start="2026-02-19T10:30:00",
              procedures=[proc("D7880", "occlusal orthotic device", 980.0)],
              problems=[("M26.622", "Arthralgia of left temporomandibular joint")],
              insurance=[UHC, DENTAL],
              note="TMD splint delivery"),
    documents=(
        doc("chart_note", "emr_numbered_problems", (
            "Synthetic Orofacial Pain & Sleep (synthetic) - Encounter Note",
            f"Patient: {T3_PATIENT}  |  DOB: 11/11/1979  |  Encounter: 02/05/2026",
            f"Provider: {CHARLIE.signed}",
            "Vitals: BP 134/84, P 70, T 98.2 F",
            "",
            "PROBLEM 1: Right TMJ arthralgia",
            "  S: R preauricular/jaw pain x ~3 months, 5/10, worse with chewing steak, bagels.",
            "     Naproxen 220 mg prn x 3 wk without benefit; ice packs. No locking episodes.",
            "  O: TTP R TMJ lateral pole and posterior attachment; R masseter mildly tender.",
            "     Click R TMJ on opening (reproducible). L TMJ: no TTP, no sounds - WNL.",
            "     MIO 38 mm with deflection to the right; lateral R 9 mm, L 7 mm.",
            "  A: Arthralgia of the RIGHT temporomandibular joint; disc displacement with",
            "     reduction, right.",
            "  P: Hard acrylic stabilization orthotic; jaw rest; heat; recheck 3 wks.",
            "PROBLEM 2: Awake bruxism/clenching",
            "  Habit awareness, tongue-up/teeth-apart exercise.",
            "PROBLEM 3: Hypertension - controlled on lisinopril per PCP. No change.",
        )),
        doc("chart_note", "handwritten_intake_pad", (
            "TMJ / FACIAL PAIN INTAKE                     date 2/5/26",
            f"name  {T3_PATIENT}           dob 11-11-79",
            "",
            "where is the pain?   R jaw joint / in front of R ear  (x)",
            "                     L side - none",
            "pain now  5 /10        worst  8 /10        least  2 /10",
            "started   ~3 mos ago (Nov)     getting: same",
            "clicking?  yes - R     locking? no     grating? no",
            "headaches? yes, R temple, 2-3x/wk",
            "tried:  naproxen (3 wks), ice, softer food",
            "ear pain / fullness:  R sometimes",
            "",
            "signature  ..........................",
        ), scanned=True),
        doc("chart_note", "splint_delivery_emr", (
            "Synthetic Orofacial Pain & Sleep - Procedure Note - 02/19/2026",
            f"{T3_PATIENT}  DOB 11/11/1979",
            "Dx: right TMJ arthralgia. Delivered maxillary hard stabilization orthotic (D7880).",
            "Adjusted CR contacts; anterior guidance. R TMJ still tender, pain 5/10. MIO 38 mm.",
            "Wear at night and during heavy-focus work. RTC 3 weeks.",
            f"{CHARLIE.signed}",
        )),
    ),
    facts={"pain": True, "pain_score": 5, "max_opening_mm": 38, "side": "right",
           "joint_sounds": {"sound": "click", "side": "right"}, "symptom_duration_days": 90,
           "conservative_therapy": "nsaids", "conservative_therapy_days": 21},
    absent=(("joint_sounds", {"side": "left"}), ("side", "left")),
    lines=(Line("D7880|21299"),),
    ready=False,
    errors=("icd-laterality",),
)

# --------------------------------------------------------------------------------------------------
# C-T4  Medicare, first-episode bilateral open lock after a yawn (not an accident), ED summary (scanned)
#       then OMFS manual reduction (21480). Clean; no accident indicator.

T4_PATIENT = "Synthetic Patient Spruce"

T4 = GoldenCase(
    name="c_tmd_yawn_dislocation_reduction",
    category="tmd",
    body=body(category="tmd", patient=T4_PATIENT, birthdate="1962-05-19", gender="female",
              start="2026-01-15T08:30:00",
              procedures=[proc("D7820", "closed reduction of dislocation", 450.0)],
              problems=[("S03.03XA", "Dislocation of jaw, bilateral, initial encounter")],
              insurance=[MEDICARE, DENTAL],
              note="add-on emergency: jaw stuck open since last night, from ED"),
    documents=(
        doc("chart_note", "ed_transfer_summary_scan", (
            "SYNTHETIC REGIONAL MEDICAL CENTER - EMERGENCY DEPARTMENT",
            "DISCHARGE / TRANSFER SUMMARY",
            f"Patient: {T4_PATIENT}     DOB: 05/19/1962     MRN: SRMC-771203",
            "Arrived: 01/15/2026 01:52     Departed: 01/15/2026 07:55",
            "Chief complaint: cannot close mouth after yawning around midnight",
            "History: no fall, no blow to the face, no prior episodes.",
            "Vitals: T 98.1 F  BP 156/90  HR 96  SpO2 98% RA",
            "Exam: mouth fixed open ~30 mm, preauricular hollows both sides,",
            "  anterior open bite, drooling. Pain 9/10. Teeth intact.",
            "Imaging: mandible series - both condyles anterior to the",
            "  articular eminences. No fracture.",
            "ED course: 2 attempts at manual reduction under IV midazolam",
            "  and fentanyl - unsuccessful.",
            "Dx: Bilateral anterior dislocation of the TMJ (S03.03XA).",
            "Disposition: to Synthetic OMFS clinic 08:00 - accepted by",
            f"  {FOXTROT.signed}. Soft collar not needed. Escorted by husband.",
            f"ED physician: {ECHO.signed}   NPI {ECHO.npi}",
        ), scanned=True),
        doc("chart_note", "omfs_procedure_note_reduction", (
            "SYNTHETIC OMFS GROUP - PROCEDURE NOTE",
            f"{T4_PATIENT} / 05-19-1962 / 01-15-2026 08:40",
            f"Surgeon: {FOXTROT.signed} (NPI {FOXTROT.npi})",
            "Indication: acute bilateral TMJ dislocation (open lock) after yawning ~8.5 h ago; two",
            "  failed ED reductions. First lifetime episode; no trauma. Pain 9/10 on arrival.",
            "Procedure: closed reduction of bilateral TMJ dislocation.",
            "  Bilateral masseteric and auriculotemporal nerve blocks, 2% lidocaine 1:100k, 5.4 mL.",
            "  Wrist-pivot technique; both condyles reduced with an audible clunk on the left then",
            "  the right. Occlusion returned to habitual intercuspation.",
            "  Post-reduction panoramic image: both condyles seated in the fossae, no fracture.",
            "Post: pain 2/10. Barton-style head bandage for 48 h, soft diet 2 weeks, support the chin",
            "  when yawning, limit opening to 2 finger widths. Ibuprofen 400 mg q6h prn.",
            "F/u 1 week; if recurrent, discuss eminence procedures.",
        )),
    ),
    facts={"pain": True, "pain_score": 9, "temperature": 98.1},
    negated=("fever",),
    absent=("injury_mechanism", "swelling"),
    lines=(Line("21480"),),
    principal="S03.03XA",
    ready=True,
    errors=(),
    narrative_mentions=("yawn",),
)

# --------------------------------------------------------------------------------------------------
# C-T5  Cigna with a blank member ID: CBCT of the TMJs read by an OMR radiologist (right DJD),
#       general dentist's exam note. -> member-id-missing.

T5_PATIENT = "Synthetic Patient Cedar"

T5 = GoldenCase(
    name="c_tmd_cbct_member_id_blank",
    category="tmd",
    body=body(category="tmd", patient=T5_PATIENT, birthdate="1971-02-25", gender="male",
              start="2026-03-26T09:00:00",
              procedures=[proc("D0368", "cone beam CT capture and interpretation for TMJ series", 420.0)],
              problems=[("M26.641", "Arthritis of right temporomandibular joint")],
              insurance=[{**CIGNA, "subscriber_id": ""}, DENTAL],
              note="CBCT TMJ series, sent to OMR for read"),
    documents=(
        doc("chart_note", "general_dentist_limited_exam", (
            f"Synthetic Smiles Family Dentistry  -  {ALPHA.signed}",
            f"Limited evaluation, problem focused   03/12/26   {T5_PATIENT}   DOB 02/25/71",
            "CC: grinding/crunching noise and ache R jaw joint for about a year.",
            "Pain 4 out of 10, mostly end of day. Has worn a lower night guard since 2023 and takes",
            "OTC ibuprofen on bad days - not much change. No locking. No trauma history.",
            "Exam: coarse crepitus R TMJ on opening and lateral excursion; L TMJ silent, non-tender.",
            "MIO forty-one mm. Mild TTP R lateral pole. Muscles non-tender. No swelling.",
            "Impression: R TMJ degenerative changes suspected. Plan: CBCT TMJ series (D0368),",
            "  send to OMR for formal read, then discuss management / referral to orofacial pain.",
        )),
        doc("radiology_report", "omr_cbct_tmj_report", (
            "ORAL & MAXILLOFACIAL RADIOLOGY CONSULTATION REPORT",
            f"Patient: {T5_PATIENT}          DOB: 1971-02-25",
            "Scan: CBCT, bilateral TMJ series (closed, habitual occlusion), 0.2 mm voxel",
            "Date of scan: 2026-03-26            Date of report: 2026-03-27",
            f"Referring dentist: {ALPHA.signed}",
            "Reason for referral: right TMJ crepitus and pain, r/o degenerative joint disease.",
            "",
            "FINDINGS",
            "Right TMJ: flattening of the anterosuperior condylar surface with subchondral",
            "  sclerosis and a small anterior osteophyte; joint space narrowed superiorly.",
            "  Articular eminence with mild flattening. Condyle seated in the fossa.",
            "Left TMJ: normal condylar morphology and cortex; joint spaces within normal limits.",
            "Incidental: small dome-shaped mucosal retention pseudocyst, floor of left maxillary",
            "  sinus, no clinical significance. Visible airway patent.",
            "",
            "IMPRESSION",
            "1. Degenerative joint disease (osteoarthritis) of the right TMJ.",
            "2. Left TMJ unremarkable.",
            f"{INDIA.signed}, Diplomate ABOMR   NPI {INDIA.npi}",
        )),
    ),
    facts={"pain": True, "pain_score": 4, "max_opening_mm": 41, "joint_sounds": {"sound": "crepitus", "side": "right"},
           "symptom_duration_days": 365, "radiology_impression": "degenerative joint disease", "side": "right"},
    negated=("swelling",),
    absent=(("joint_sounds", {"side": "left"}),),
    lines=(Line("70486|76380"),),
    principal="M26.641",
    ready=False,
    errors=("member-id-missing",),
)

CASES = (T1, T2, T3, T4, T5)
