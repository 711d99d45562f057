"""Held-out set C, trauma part: avulsion, alveolar fracture, lacerations, root fracture after a crash.

See tests/heldout/README.md (Set C).
"""
from __future__ import annotations

from tests.golden.cases import AETNA, BCBS, CIGNA, DENTAL, UHC, GoldenCase, Line, body, proc
from tests.golden.documents import Document
from tests.heldout.cases_c_cast import DENTIST_ALPHA, ED_ECHO, RADIOLOGIST_INDIA, SURGEON_FOXTROT


def doc(doc_type: str, style: str, *pages: tuple[str, ...], scanned: bool = False) -> Document:
    return Document(doc_type=doc_type, style=style, kind=None, pages=tuple(pages), scanned=scanned)


ALPHA, ECHO, INDIA, FOXTROT = DENTIST_ALPHA, ED_ECHO, RADIOLOGIST_INDIA, SURGEON_FOXTROT

# --------------------------------------------------------------------------------------------------
# C-R1  BCBS, 14-year-old, bicycle fall on a trail "earlier today": #8 avulsed and replanted (41899),
#       periapical image (70300), structured two-column trauma form + parent's accident statement. Clean.

R1_PATIENT = "Synthetic Patient Maple"

R1 = GoldenCase(
    name="c_trauma_bicycle_avulsion_replant",
    category="trauma",
    body=body(category="trauma", patient=R1_PATIENT, birthdate="2011-07-08", gender="male",
              start="2026-04-04T16:30:00",
              procedures=[proc("D7270", "tooth reimplantation and/or stabilization", 690.0, tooth="8"),
                          proc("D0220", "intraoral periapical first radiographic image", 38.0)],
              problems=[("S03.2XXA", "Dislocation of tooth, initial encounter"),
                        ("V18.0XXA", "Pedal cycle driver injured in noncollision accident, nontraffic")],
              insurance=[BCBS, DENTAL],
              note="EMERGENCY Sat - avulsed #8 in milk, replant + splint"),
    documents=(
        doc("chart_note", "trauma_form_two_column", (
            "SYNTHETIC SMILES FAMILY DENTISTRY - DENTAL TRAUMA RECORD",
            f"Patient ................ {R1_PATIENT}             DOB ....... 07/08/2011",
            f"Seen ................... 04/04/2026 16:30          Dentist ... {ALPHA.signed}",
            "Date of injury ......... earlier today, 04/04/2026, approx. 15:45",
            "Where .................. Greenway bike trail near Synthetic Park",
            "How .................... fell off his bicycle - front wheel caught a curb, face hit",
            "                         the pavement. Wearing a helmet.",
            "Head injury screen ..... no LOC, no vomiting, no headache, oriented x3",
            "Tetanus ................ up to date (Tdap 2023)",
            "Avulsed tooth .......... #8 - found by father, rinsed, stored in cold milk; dry time",
            "                         under 5 min; arrived 16:25 (about 40 min out of socket)",
            "Other teeth ............ #9 concussion: TTP, no mobility, no displacement;",
            "                         #7, #10 no injury",
            "Soft tissue ............ 2 cm abrasion of chin, cleaned; no intraoral laceration",
            "Radiographs ............ PA maxillary anterior: #8 socket empty, no alveolar",
            "                         fracture; #9 no root fracture, apex closed",
            "Condition before ....... #7-#10 caries-free and unrestored at recall exam",
            "                         02/10/2026 (PAs on file) - sound teeth",
            "Treatment .............. #8 socket irrigated, tooth replanted, position verified on PA,",
            "                         flexible wire-composite splint #7-#10 for 2 weeks",
            "Rx ..................... doxycycline 100 mg bid x 7 d; chlorhexidine 0.12% rinse",
            "Plan ................... start endo #8 in 7-10 days; recheck splint 1 wk; pulp tests",
            "                         #9 at 4 wks, 8 wks, 6 mo",
        )),
        doc("other", "parent_accident_statement", (
            "ACCIDENT / INJURY STATEMENT (for insurance)",
            f"Patient: {R1_PATIENT}         Date of birth: July 8, 2011",
            "Statement by: parent (father)",
            "",
            "On Saturday, April 4, 2026, at about 3:45 in the afternoon my son fell from his bicycle",
            "on the Greenway trail when his front wheel hit the edge of the curb. He landed on his",
            "face. His upper front tooth came out completely; I found it in the grass, rinsed it",
            "with water and put it in a cup of milk and we drove straight to the dentist.",
            "No car or other person was involved. Nobody else is responsible and there is no",
            "auto, homeowner or school insurance claim. The injury did not happen at work.",
            "",
            "Signed: (parent, synthetic)          Date: 04/04/2026",
        )),
    ),
    facts={"injury_date": "2026-04-04", "injury_mechanism": "bicycle", "injury_place": "trail",
           "teeth_involved": ["8", "9"], "sound_before_injury": True},
    absent=(("laceration_length_cm", 2.0),),
    lines=(Line("41899"), Line("70300")),
    principal="S03.2XXA",
    ready=True,
    errors=(),
    narrative_mentions=("bicycle|bike", "#8|tooth 8"),
)

# --------------------------------------------------------------------------------------------------
# C-R2  Aetna, elbow to the mouth at intramural basketball "last night"; urgent-care sheet (scanned),
#       OMFS op note: closed reduction of a mandibular alveolar segment (21440), pano read (70355). Clean.

R2_PATIENT = "Synthetic Patient Poplar"

R2 = GoldenCase(
    name="c_trauma_basketball_mandibular_alveolus",
    category="trauma",
    body=body(category="trauma", patient=R2_PATIENT, birthdate="2004-10-15", gender="female",
              start="2026-03-13T08:00:00",
              procedures=[proc("D7670", "alveolus - closed reduction, may include stabilization of teeth", 1400.0),
                          proc("D0330", "panoramic radiographic image", 120.0)],
              problems=[("S02.670A", "Fracture of alveolus of mandible, initial encounter for closed fracture"),
                        ("S03.2XXA", "Dislocation of tooth, initial encounter"),
                        ("W50.0XXA", "Accidental hit or strike by another person, initial encounter")],
              insurance=[AETNA, DENTAL],
              note="from urgent care last night, lower anterior segment displaced"),
    documents=(
        doc("chart_note", "urgent_care_discharge_scan", (
            "SYNTHETIC URGENTCARE - CAMPUS AVE          DISCHARGE INSTRUCTIONS",
            f"Patient: {R2_PATIENT}      DOB: 10/15/2004",
            "Visit: 03/12/2026 21:10",
            "Reason: took an elbow to the mouth playing intramural basketball",
            "  at the campus recreation center around 8 pm.",
            "Findings: lower front teeth pushed back, bleeding gums.",
            "  1 cm superficial laceration inside lower lip - cleaned,",
            "  no sutures needed. Lower lip swelling. No loss of consciousness.",
            "  Neuro normal. No neck pain.",
            "Given: Tdap, ibuprofen 600 mg, ice.",
            "Diagnosis: dental injury, possible jaw (alveolar) fracture.",
            "FOLLOW UP: oral surgeon tomorrow morning - appointment made",
            "  with Synthetic OMFS Group 8:00 am.",
            "Return to ER for trouble breathing or swallowing, heavy bleeding.",
            "Provider: urgent care PA-C (synthetic)",
        ), scanned=True),
        doc("radiology_report", "pano_interpretation_short", (
            "SYNTHETIC OMFS GROUP - RADIOGRAPHIC INTERPRETATION",
            f"Patient: {R2_PATIENT}  DOB 10-15-2004  Image: panoramic  Date: 13-MAR-2026",
            "Findings: radiolucent fracture line through the anterior mandibular alveolar process",
            "  from the distal of #23 to the distal of #26, apical to the roots of #24 and #25;",
            "  segment displaced lingually. Inferior border and basal mandible intact. Condyles and",
            "  rami intact and symmetric. No root fractures identified. Third molars developing.",
            "Impression: fracture of the mandibular alveolus, #23-#26 segment, displaced.",
            f"Read by: {FOXTROT.signed}",
        )),
        doc("chart_note", "omfs_op_note_splinting", (
            "SYNTHETIC OMFS GROUP - OPERATIVE NOTE",
            f"Patient: {R2_PATIENT}     DOB: 10/15/2004     Date: March 13, 2026",
            f"Surgeon: {FOXTROT.signed}   NPI {FOXTROT.npi}",
            "History: last night at ~20:00 she was struck in the mouth by another player's elbow",
            "  during an intramural basketball game at the campus rec center. Seen at urgent care.",
            "  Teeth #23-#26 had no restorations and no caries at her dental exam in January 2026;",
            "  she had no previous trauma or mobility - sound teeth before this injury.",
            "Exam: #23-#26 displaced lingually en bloc with their alveolar bone, mobile as a unit,",
            "  premature contact on the segment. Labial gingiva intact, no communication with the",
            "  fracture. Lower lip swollen, 1 cm superficial mucosal laceration healing, no sutures.",
            "Procedure: closed reduction of fracture of the mandibular alveolus under local",
            "  anesthesia (bilateral mental nerve blocks, 3.4 mL 2% lidocaine/epi). Segment",
            "  repositioned with digital pressure; occlusion verified. Wire-composite splint",
            "  #21-#28, to remain 4 weeks.",
            "Plan: soft diet, chlorhexidine, amoxicillin 500 mg tid x 5 d; pulp testing and",
            "  radiographs at 2 and 4 weeks; splint removal at 4 weeks.",
        )),
    ),
    facts={"injury_date": "2026-03-12", "injury_mechanism": "sports", "injury_place": "recreation center",
           "teeth_involved": ["23", "24", "25", "26"], "jaw": "mandible", "sound_before_injury": True,
           "laceration_length_cm": 1.0, "swelling": True},
    lines=(Line("21440"), Line("70355")),
    principal="S02.670A",
    ready=True,
    errors=(),
    narrative_mentions=("basketball", "alveol"),
)

# --------------------------------------------------------------------------------------------------
# C-R3  UHC, punched outside a bar at ~1 am; 2.2 cm maxillary vestibule laceration repaired (40830),
#       run-on emergency dictation. A periapical report for ANOTHER patient (Aspenwood, other DOB) was
#       scanned into the chart -> document-wrong-patient.

R3_PATIENT = "Synthetic Patient Aspen"

R3 = GoldenCase(
    name="c_trauma_assault_vestibule_other_patient_xray",
    category="trauma",
    body=body(category="trauma", patient=R3_PATIENT, birthdate="1992-01-30", gender="male",
              start="2026-02-21T10:00:00",
              procedures=[proc("D7910", "suture of recent small wounds up to 5 cm", 310.0)],
              problems=[("S01.512A", "Laceration without foreign body of oral cavity, initial encounter"),
                        ("S02.5XXA", "Fracture of tooth (traumatic), initial encounter for closed fracture"),
                        ("Y04.0XXA", "Assault by unarmed brawl or fight, initial encounter")],
              insurance=[UHC, DENTAL],
              note="assault last night - lac repair upper vestibule, #8 chipped"),
    documents=(
        doc("chart_note", "run_on_emergency_dictation", (
            "SYNTHETIC SMILES FAMILY DENTISTRY - EMERGENCY VISIT - dictated, transcribed",
            f"Patient {R3_PATIENT}, date of birth 01/30/1992, seen 02/21/2026",
            f"by {ALPHA.signed}.",
            "",
            "This is a 34 year old man who was punched in the mouth by another man in the early hours",
            "of this morning at around 1 am in the parking lot outside a bar on Synthetic Avenue, the",
            "police came and took a report (case SPD-26-0221-0457) and he went home and came to us",
            "when we opened because the inside of his upper lip is cut and his front tooth is chipped,",
            "he did not lose consciousness and has no headache, no double vision and no numbness, he",
            "is otherwise healthy, takes no medications and has no allergies, he does not smoke. On",
            "examination the upper lip is swollen and there is a linear laceration of the maxillary",
            "labial vestibule running horizontally above #7 to #9 that measures 2.2 cm, through",
            "mucosa and submucosa, not involving the vermilion or the skin, with no foreign body and",
            "no gravel, and tooth #8 has an uncomplicated crown fracture of enamel and dentin at the",
            "mesioincisal corner without pulp exposure, sensitive to air, not mobile, and a periapical",
            "image of #7 to #9 shows no root or alveolar fracture. His anterior teeth were sound",
            "before this with no restorations at his recall visit in November 2025. Afebrile, 98.6.",
            "Under local anesthesia, 1.8 mL 2% lidocaine with epinephrine, the wound was irrigated",
            "with saline and closed in a single layer with six interrupted 4-0 chromic gut sutures,",
            "good approximation, hemostasis. #8 dentin covered with glass ionomer today, definitive",
            "composite restoration in two weeks. Ibuprofen, soft diet, chlorhexidine rinse, recheck",
            "in one week.",
        )),
        doc("radiology_report", "other_patient_pa_report_scan", (
            "ORAL & MAXILLOFACIAL RADIOLOGY - PERIAPICAL IMAGE REPORT",
            "",
            "Patient: Synthetic Patient Aspenwood",
            "DOB: 06/02/1990",
            "Date of images: 02/18/2026",
            f"Referring: {ALPHA.signed}",
            "",
            "Images: periapical x2, mandibular right posterior",
            "Findings: #30 - well-defined periapical radiolucency at the",
            "  mesial root apex, approx. 4 mm, widened PDL; large distal",
            "  restoration close to the pulp horn. #31 within normal limits.",
            "Impression: periapical rarefying osteitis #30, consistent",
            "  with chronic apical periodontitis. Clinical correlation.",
            "",
            f"{INDIA.signed}   NPI {INDIA.npi}",
        ), scanned=True),
    ),
    facts={"injury_date": "2026-02-21", "injury_mechanism": "assault", "injury_place": "parking lot",
           "laceration_length_cm": 2.2, "teeth_involved": ["8"], "sound_before_injury": True, "swelling": True,
           "temperature": 98.6},
    negated=("fever", "tobacco_use"),
    absent=(("teeth_involved", ["30"]), ("lesion_size_mm", 4.0)),
    lines=(Line("40830"),),
    principal="S01.512A",
    ready=False,
    errors=("document-wrong-patient",),
    narrative_mentions=("2.2",),
)

# --------------------------------------------------------------------------------------------------
# C-R4  Cigna, restrained driver rear-ended five days earlier (ED note), #9 cervical-third root
#       fracture, nonrestorable -> extraction (41899) + panoramic with OMR read (70355). Clean.

R4_PATIENT = "Synthetic Patient Elm"

R4 = GoldenCase(
    name="c_trauma_car_crash_root_fracture",
    category="trauma",
    body=body(category="trauma", patient=R4_PATIENT, birthdate="1966-09-09", gender="female",
              start="2026-01-14T14:00:00",
              procedures=[proc("D7140", "extraction, erupted tooth or exposed root", 240.0, tooth="9"),
                          proc("D0330", "panoramic radiographic image", 125.0)],
              problems=[("S02.5XXA", "Fracture of tooth (traumatic), initial encounter for closed fracture"),
                        ("V89.2XXA", "Person injured in unspecified motor-vehicle accident, traffic")],
              insurance=[CIGNA, DENTAL],
              note="MVA 1/9 - #9 root fx, ext today. Auto claim # SMA-5531907"),
    documents=(
        doc("chart_note", "ed_discharge_mvc", (
            "SYNTHETIC REGIONAL MEDICAL CENTER - EMERGENCY DEPARTMENT - DISCHARGE SUMMARY",
            f"Name: {R4_PATIENT}   DOB: 09/09/1966   Arrival: 01/09/2026 17:36",
            "HPI: 59 y/o F restrained driver, rear-ended while stopped at a light (other vehicle",
            "  ~35 mph), airbag deployed, face struck the airbag. C/o neck stiffness and 'my front",
            "  tooth is loose'. No LOC. No chest or abdominal pain.",
            "Exam: GCS 15. Paraspinal tenderness C-spine, no midline tenderness. Upper lip",
            "  contusion, no laceration. #9 mobile with sulcular bleeding.",
            "CT cervical spine: no fracture or malalignment. CT face not indicated per exam.",
            "Dx: 1. Cervical strain.  2. Dental injury, tooth #9.  3. Motor vehicle collision.",
            "Dispo: home. Cyclobenzaprine, ibuprofen. See your dentist within 1 week.",
            f"ED physician: {ECHO.signed}",
        )),
        doc("radiology_report", "pano_omr_read", (
            "ORAL & MAXILLOFACIAL RADIOLOGY REPORT - PANORAMIC",
            f"Patient: {R4_PATIENT}  |  DOB 1966-09-09  |  Acquired 2026-01-14  |  Read 2026-01-14",
            f"Referring: {ALPHA.signed}",
            "History: motor vehicle collision 01/09/2026, #9 mobile.",
            "Findings: horizontal radiolucent line across the root of #9 at the junction of the",
            "  cervical and middle thirds with separation of the coronal fragment. #8 and #10 intact.",
            "  No fracture of the maxilla, mandible or condyles. Sinuses clear.",
            "Impression: horizontal root fracture of #9, cervical third, with displaced coronal",
            "  fragment. No jaw fracture.",
            f"{INDIA.signed}  NPI {INDIA.npi}",
        )),
        doc("chart_note", "dentist_runon_extraction_note", (
            f"01/14/2026  {R4_PATIENT} (DOB 9/9/66)  -  {ALPHA.signed}",
            "Pt here 5 days after her car accident on Friday January 9th (rear-ended, airbag hit her",
            "face, seen in the ED that evening) for the loose upper front tooth, #9 grade 3 mobile,",
            "coronal segment moves independently, tender, gingiva bruised, pano shows horizontal",
            "root fracture at the cervical third which is too close to the crest to keep the tooth,",
            "discussed options (extraction then implant or bridge later) and pt agrees. #9 had no",
            "restorations and no caries - our exam and radiographs 09/2025 show it was sound before",
            "the accident. Ext #9 under local 1.8 mL 4% articaine, coronal and apical fragments",
            "removed, socket intact, gelfoam, 2 sutures. Essix temporary with pontic #9 delivered.",
            "Auto insurer: Synthetic Mutual Auto, claim SMA-5531907. Post-op instructions. RTC 1 wk.",
        )),
    ),
    facts={"injury_date": "2026-01-09", "injury_mechanism": "motor vehicle", "teeth_involved": ["9"],
           "sound_before_injury": True, "jaw": "maxilla", "radiology_impression": "root fracture"},
    absent=("laceration_length_cm",),
    lines=(Line("41899"), Line("70355")),
    principal="S02.5XXA",
    ready=True,
    errors=(),
    narrative_mentions=("motor vehicle|car accident|collision", "root fracture"),
)

# --------------------------------------------------------------------------------------------------
# C-R5  BCBS, 6-year-old fell from the monkey bars at recess "yesterday", bit her tongue: 1.8 cm
#       laceration of the left lateral anterior tongue repaired (41250); school injury report (scanned).

R5_PATIENT = "Synthetic Patient Olive"

R5 = GoldenCase(
    name="c_trauma_playground_tongue_laceration",
    category="trauma",
    body=body(category="trauma", patient=R5_PATIENT, birthdate="2019-05-02", gender="female",
              start="2026-05-07T09:15:00",
              procedures=[proc("D7910", "suture of recent small wounds up to 5 cm", 280.0)],
              problems=[("S01.512A", "Laceration without foreign body of oral cavity, initial encounter"),
                        ("W09.8XXA", "Fall on or from other playground equipment, initial encounter")],
              insurance=[BCBS, DENTAL],
              note="tongue lac from fall at school yesterday, repair w/ local + N2O"),
    documents=(
        doc("chart_note", "pediatric_emergency_note", (
            "Synthetic Kids Dental (synthetic) - Emergency / Problem-Focused Visit",
            f"Pt: {R5_PATIENT}     Age: 6 y     DOB: 05/02/2019     DOS: 05/07/2026",
            f"Dentist: {ALPHA.signed}",
            "HPI: Fell from the monkey bars at school recess yesterday (Wed 5/6) around 12:20 and bit",
            "  her tongue. School nurse held pressure; bleeding stopped. Mom brought her in today",
            "  because the cut 'gapes open' and she will not eat. No LOC, no vomiting, acting normally.",
            "PMH: healthy, immunizations UTD, NKDA.",
            "Exam: 1.8 cm full-thickness laceration of the LEFT lateral border of the anterior tongue,",
            "  gaping edges, no active bleeding, no foreign body. Mild tongue swelling around the",
            "  wound. Teeth: no fractures, no mobility, no displacement (primary incisors and",
            "  permanent first molars checked). Lips and gingiva intact. Afebrile.",
            "Procedure: nitrous oxide/oxygen 30%; lingual infiltration 0.9 mL 2% lidocaine 1:100k;",
            "  irrigated; closed with 3 interrupted 4-0 chromic sutures (muscle and mucosa).",
            "Post-op: soft cool foods, acetaminophen, sutures dissolve; recheck 1 week.",
        )),
        doc("other", "school_nurse_injury_report_scan", (
            "SYNTHETIC ELEMENTARY SCHOOL - STUDENT INJURY REPORT",
            "",
            f"Student: {R5_PATIENT}        Grade: 1        DOB: 5/2/2019",
            "Date of injury: 05/06/2026      Time: 12:20 pm",
            "Location: playground - climbing structure (monkey bars)",
            "Activity: lunch recess, supervised",
            "What happened: student lost her grip and fell about 4 feet,",
            "  landed on her chin and bit her tongue.",
            "Injury: cut on left side of tongue, bleeding.",
            "First aid: gauze pressure 10 min, ice pop. Parent called 12:35.",
            "Returned to class: no - picked up by mother 1:05 pm.",
            "Witness: recess aide (synthetic)",
            "School nurse signature: (synthetic RN)",
        ), scanned=True),
    ),
    facts={"injury_date": "2026-05-06", "injury_mechanism": "fall", "injury_place": "playground",
           "laceration_length_cm": 1.8, "side": "left", "swelling": True},
    negated=("fever",),
    absent=("teeth_involved",),
    lines=(Line("41250"),),
    principal="S01.512A",
    ready=True,
    errors=(),
    narrative_mentions=("1.8", "tongue"),
)

CASES = (R1, R2, R3, R4, R5)
