"""Document kinds on documents the corpus generator never writes.

Every document below was written for this test in a style scripts/make_kind_corpus.py does not
use: e-mail and portal messages, markdown, HL7 / X12 / XML / JSON exports, plain prose with no
headings, lower-case shorthand, British hospital letters, numbered questions and checkbox forms.
They were written before the generator, so its templates were not fitted to them.
"""
from __future__ import annotations

import pytest

from docservice.ocr.classify import KINDS, classify_document
from docservice.ocr.preprocess import ImageStats

UNSEEN: list[tuple[str, str, str]] = [
    # ------------------------------------------------------------------ sleep studies
    ("sleep_study", "email", """From: Lakeside Sleep Lab <results@lakeside.example>
Sent: Tuesday, March 4, 2025 8:12 AM
To: Front Desk
Subject: Results - overnight study for Test Patient Alpha

Hi Dr. Testdentist,
The attended overnight study from 3/2 was read by Dr. Somnus this morning.
Overall apnea-hypopnea index 23.1/h, worst when supine (41/h). Lowest oxygen
saturation 83%. She slept 5 h 48 min of the 7 h 20 min recorded (79%).
Reading: moderate obstructive sleep apnea. Full scored report is attached.
Thanks,
Kim"""),
    ("sleep_study", "markdown", """## Overnight respiratory polygraphy
**Recorded:** 2025-02-11, 22:41 to 06:05

- **Respiratory events:** 212 (obstructive apneas 61, central 4, hypopneas 147)
- **Event index:** 28.6 per hour of monitoring time
- **Desaturations >= 3%:** 190, index 25.7/h
- **Mean SpO2:** 93%, *minimum* 79%
- **Time below 90%:** 11.4%

### Interpretation
Moderate sleep-disordered breathing, predominantly obstructive. Consider
mandibular advancement if positive airway pressure is declined."""),
    ("sleep_study", "hl7", """MSH|^~\\&|SLEEPLAB|LAKESIDE|DENTAL|TESTVILLE|202503041130||ORU^R01|88412|P|2.5
PID|1||556677^^^LAKESIDE||ALPHA^TEST^PATIENT||19700131|F
OBR|1||PSG-2291|95810^Polysomnogram attended 4+ params|||20250302
OBX|1|NM|AHI^Apnea hypopnea index||19.2|/h|<5|H
OBX|2|NM|RDI^Respiratory disturbance index||24.0|/h
OBX|3|NM|SPO2MIN^Oxygen saturation nadir||85|%
OBX|4|NM|SE^Sleep efficiency||81|%
OBX|5|TX|IMP^Impression||Moderate obstructive sleep apnea G47.33"""),
    ("sleep_study", "prose", """The patient underwent an attended overnight study in our laboratory on
the night of January 9. She fell asleep after 14 minutes and slept for 6.1 hours.
During sleep there were 143 obstructive apneas and hypopneas, an index of 23.4 per
hour; the events clustered in REM sleep and on her back. Oxygen saturation fell to
84 percent at its lowest. No significant limb movements or arrhythmias were seen.
These findings indicate moderate obstructive sleep apnea, and an oral appliance
is a reasonable alternative to CPAP, which she could not tolerate."""),
    ("sleep_study", "xml", """<?xml version="1.0"?>
<SleepTestResult>
  <TestType>HSAT type III</TestType>
  <Device>WatchPAT 300</Device>
  <ValidSleepTime unit="min">362</ValidSleepTime>
  <pAHI>14.2</pAHI>
  <pRDI>18.9</pRDI>
  <ODI4>12.0</ODI4>
  <MinSpO2>87</MinSpO2>
  <SnoringPercent>34</SnoringPercent>
  <Interpretation>Mild obstructive sleep apnea</Interpretation>
  <ReadBy>T. Somnus, MD, board certified in sleep medicine</ReadBy>
</SleepTestResult>"""),
    ("sleep_study", "qa", """1. Which test was performed?  Unattended home study, two nights
2. Night 1 events per hour?  REI 16.8
3. Night 2 events per hour?  REI 19.5
4. Lowest oxygen level?  86%
5. Positional?  Yes - supine REI 31, lateral 8
6. Conclusion?  Moderate obstructive sleep apnoea. Oral appliance or CPAP advised.
7. Interpreting physician?  T. Somnus, MD"""),
    # ------------------------------------------------------------------ pathology
    ("pathology_report", "email", """From: Oral Pathology Service
To: Testville Dental
Subject: result for your biopsy S25-4471

Good morning,
Our pathologist signed out the specimen from the left lateral tongue this morning.
Sections show lichenoid mucositis with a band-like lymphocytic infiltrate and no
epithelial dysplasia. PAS stain is negative for fungal organisms.
Diagnosis: oral lichen planus, no dysplasia or malignancy.
The signed report follows by fax. Call us with questions.
Path lab"""),
    ("pathology_report", "markdown", """## Histology result
- **Lab no.:** H25-00981
- **Specimen:** incisional biopsy, right buccal mucosa, 0.6 cm
- **Fixative:** 10% neutral buffered formalin

### Sections
Parakeratinised stratified squamous epithelium with mild basal atypia confined to
the lower third. The lamina propria shows chronic inflammation.

### Conclusion
**Mild epithelial dysplasia.** Margins cannot be assessed on an incisional sample."""),
    ("pathology_report", "hl7", """MSH|^~\\&|APLIS|REGIONALPATH|DENTAL|TESTVILLE|202502141020||ORU^R01|7712|P|2.5
OBR|1||SP25-1893|88305^Level IV surgical pathology, gross and microscopic|||20250212
OBX|1|TX|SPEC^Specimen||Tongue, left lateral, punch biopsy
OBX|2|TX|GROSS^Gross||One tan fragment 0.4 x 0.3 x 0.2 cm, submitted entirely
OBX|3|TX|MICRO^Microscopic||Squamous mucosa with hyperkeratosis, no atypia
OBX|4|TX|DX^Diagnosis||Benign frictional keratosis. Negative for dysplasia."""),
    ("pathology_report", "prose", """Sections of the submitted palatal lesion show a well circumscribed nodule of
salivary gland epithelium arranged in ducts and sheets of plasmacytoid cells set in a
myxoid and chondroid stroma. The capsule is intact and no perineural or vascular
invasion is identified. Mitoses are rare. The appearances are those of a pleomorphic
adenoma, completely excised with a narrow but clear margin at the deep aspect."""),
    ("pathology_report", "british", """HISTOPATHOLOGY REPORT - Department of Cellular Pathology
Consultant Histopathologist: Dr T. Microscope FRCPath
Nature of specimen: Excision, lower lip mucocele
Macroscopy: Ovoid piece of mucosa 9 x 7 x 5 mm, bisected, all embedded.
Microscopy: A cystic space lined by granulation tissue and foamy macrophages,
containing mucin, with adjacent minor salivary glands showing chronic sialadenitis.
Conclusion: Mucous extravasation cyst (mucocele). No evidence of malignancy.
SNOMED: T51000 M33400"""),
    ("pathology_report", "json", """{"caseNumber": "S25-7781", "specimen": "gingiva, mandibular anterior, excisional",
 "grossDescription": "received in formalin, a 1.1 cm polypoid tissue",
 "microscopicDescription": "ulcerated lobular proliferation of capillaries in an inflamed stroma",
 "finalDiagnosis": "pyogenic granuloma (lobular capillary hemangioma)",
 "signedOutBy": "Test Pathologist, MD", "signedOut": "2025-03-18T16:02:00"}"""),
    # ------------------------------------------------------------------ radiology
    ("radiology_report", "email", """Subject: CBCT read for Test Patient Beta
Dr. Testdentist,
Here is my reading of the cone beam scan you sent on Friday.
There is a 14 mm well-corticated unilocular lucency at the apex of tooth 30 with
expansion and thinning of the buccal plate. The canal is displaced but intact.
Maxillary sinuses are clear. My impression is a periapical cyst; a granuloma is less
likely. Happy to review the images with you.
Best, T. Reader, DMD, MS, oral and maxillofacial radiologist"""),
    ("radiology_report", "markdown", """## Imaging interpretation - MRI both TMJs
*Sequences:* PD and T2 sagittal oblique, closed and open mouth; coronal PD.

**Right joint:** disc anteriorly displaced in the closed position, recaptures on
opening. Condyle normal in shape. No effusion.

**Left joint:** anterior displacement without reduction; small joint effusion;
early flattening of the condylar head.

**Summary:** bilateral internal derangement, worse on the left (Wilkes III)."""),
    ("radiology_report", "xml", """<ImagingStudy>
  <Modality>CT</Modality>
  <BodyPart>Facial bones</BodyPart>
  <Contrast>None</Contrast>
  <Indication>Fall from bicycle, chin laceration, malocclusion</Indication>
  <Findings>Minimally displaced fracture through the right parasymphysis of the
  mandible. Nondisplaced fracture of the left condylar neck. Orbits and zygomatic
  arches intact.</Findings>
  <Conclusion>Two-part mandible fracture.</Conclusion>
  <ReportedBy>Test Radiologist, MD</ReportedBy>
</ImagingStudy>"""),
    ("radiology_report", "british", """OPG and lateral cephalogram
Clinical details: pain and swelling lower left, ?cyst
Report: There is a large multilocular radiolucency in the left mandibular body and
ramus extending from the 36 region to the sigmoid notch, with scalloped margins and
displacement of the unerupted 38. The lower border is thinned but intact.
Opinion: appearances suggest an odontogenic keratocyst or ameloblastoma; CT and
biopsy recommended.
Reported by Dr T. Shadow, Consultant Radiologist"""),
    ("radiology_report", "prose", """Axial and coronal images through the paranasal sinuses were obtained without
intravenous contrast. There is complete opacification of the left maxillary sinus with
a dental root projecting through the floor of the sinus adjacent to the first molar.
The ostiomeatal unit is obstructed on the left. The right-sided sinuses are clear. The
findings suggest odontogenic maxillary sinusitis on the left side."""),
    ("radiology_report", "qa", """Study: panoramic radiograph, 03/05/2025
Q: Fracture?  A: No fracture seen.
Q: Bone loss?  A: Generalized horizontal loss, 30-40% in molar areas.
Q: Lesions?  A: Radiopaque mass at the apex of 19, well defined, 8 mm - likely
condensing osteitis.
Q: Impacted teeth?  A: 17 and 32, mesioangular.
Read by: T. Reader, DMD (oral radiology)"""),
    # ------------------------------------------------------------------ chart notes
    ("chart_note", "shorthand", """3/2  pt c/o L jaw pain x3wk, worse chewing, clicking on opening
denies trauma. hx bruxism. meds: none. nkda
bp 128/80 p 72
exam -> mio 34mm, deviates L, click L tmj on opening, tender L masseter/temporalis
imp: L tmd, myofascial + disc displacement w/ reduction
plan: soft diet, nsaid, heat, occlusal splint impressions today, rtc 2wk"""),
    ("chart_note", "markdown", """## Visit 2025-03-12 - follow-up, mandibular advancement device
- Wearing the device 6-7 nights a week; partner says snoring is much quieter.
- Morning jaw stiffness for ~20 minutes, then fine.
- Exam: device fits, no sore spots, occlusion unchanged, TMJ quiet.
- Advanced the device 1 mm (now 6 mm from start).
- Next: recheck in 6 weeks, then home sleep test on the device."""),
    ("chart_note", "prose_ed", """Arrived by ambulance after going over the handlebars of his bicycle at low speed,
wearing a helmet, no loss of consciousness. He complains of pain in the chin and
says his teeth do not meet properly. Alert and oriented, GCS 15, pulse 96, pressure
142/88. There is a 2.5 cm laceration under the chin, an anterior open bite, and
step deformity at the lower right canine. Teeth 24 and 25 are mobile. Laceration
irrigated and closed with 5-0 nylon, tetanus given, started on amoxicillin-clavulanate.
Oral surgery called for the mandible; admitted for fixation in the morning."""),
    ("chart_note", "json", """{"encounterType": "office visit", "date": "2025-02-20",
 "chiefComplaint": "loud snoring, daytime sleepiness",
 "vitals": {"bp": "136/86", "pulse": 78, "bmi": 31.2},
 "exam": "Mallampati IV, scalloped tongue, retrognathic mandible, neck 17 in",
 "assessment": ["obstructive sleep apnea, moderate, on prior study", "CPAP intolerance"],
 "plan": "impressions for oral appliance; follow up after delivery"}"""),
    ("chart_note", "british", """Clinic: Oral Medicine, review
Seen today with her husband. The burning sensation of the tongue continues, worse in
the evening, 6/10. No new medication. On examination the tongue, floor of mouth and
buccal mucosae are clinically normal; no candida. Bloods from last visit were normal.
Impression: burning mouth syndrome.
Plan: start clonazepam 0.5 mg to suck and spit at night; review in three months."""),
    ("chart_note", "email_portal", """Secure message - encounter summary
Subject: your visit today
You were seen today for swelling of the upper left gum.
What we found: an abscess at the upper left first molar, temperature 38.1 C,
swelling of the cheek but no trouble breathing or swallowing.
What we did: drained the swelling, took an x-ray, started amoxicillin 500 mg.
Next steps: root canal or extraction appointment next week; call if swelling spreads."""),
    # ------------------------------------------------------------------ referrals
    ("referral", "email", """From: Dr. Test Internist
To: Testville Dental Sleep
Subject: new patient for you

Hi,
I'd like to send you Test Patient Gamma for an oral appliance evaluation. She has
moderate OSA (AHI 21 on a home test in January) and has given up on CPAP after two
mask changes. She's keen to try a device. Could your office call her to book?
Notes and the sleep report are attached.
Thanks - T. Internist, MD (family medicine)"""),
    ("referral", "british", """Dear Colleague,
Thank you for seeing this 54-year-old gentleman whom I saw today with a two-month
history of a non-healing ulcer on the left lateral border of his tongue. He smokes
twenty a day. There is a 1 cm indurated area and a palpable node in the left neck.
I would be grateful for your urgent assessment under the two-week-wait pathway.
Yours sincerely,
Dr T. General, GP"""),
    ("referral", "markdown", """## Request for specialist opinion
- **To:** Oral and maxillofacial surgery
- **From:** Testville Family Dental
- **Urgency:** routine
- **Question:** impacted lower third molars, recurrent pericoronitis - please assess for removal
- **Relevant:** on apixaban for atrial fibrillation
- **Images:** panoramic radiograph enclosed"""),
    ("referral", "json", """{"orderType": "consult", "specialty": "Dental sleep medicine",
 "toProvider": "Testville Dental Sleep", "fromProvider": "T. Pulmonologist, MD",
 "reasonForConsult": "Mild OSA with CPAP intolerance; evaluate for mandibular advancement device",
 "priority": "routine", "diagnosis": "G47.33", "attachments": ["HSAT 2025-01-14"]}"""),
    ("referral", "qa_checkbox", """CONSULT REQUEST
Send to:  [x] Oral surgery   [ ] Periodontics   [ ] Orthodontics   [ ] Sleep dentistry
Requested by: T. Pediatrician, MD
Question for the consultant: tongue-tie limiting speech and feeding - evaluate for frenectomy?
Urgency: [ ] urgent  [x] within 4 weeks
Prior treatment: speech therapy for 6 months"""),
    ("referral", "shorthand", """pls see pt re snoring/osa - hst ahi 18, cpap intol (claustrophobic)
wants oral appl eval. pmh htn, t2dm controlled
ins bcbs ppo
thx - dr t. primary, md"""),
    # ------------------------------------------------------------------ physician orders
    ("physician_order", "email", """Subject: signed order - oral appliance
The order below was e-signed by Dr. Somnus today:
Item: custom mandibular advancement oral appliance (HCPCS E0486)
Quantity: 1   Diagnosis: G47.33   Duration: 99 months (lifetime)
Instructions: fit and titrate per dentist; follow-up sleep test once titrated.
Prescriber NPI 1234567893"""),
    ("physician_order", "markdown", """## Durable medical equipment order
- **Item:** oral appliance for obstructive sleep apnea, custom fabricated, adjustable
- **Code:** E0486
- **Qty:** 1
- **Length of need:** 99 months
- **Dx:** G47.33 obstructive sleep apnea
- **Prescriber:** T. Somnus, MD - signed 2025-02-26"""),
    ("physician_order", "hl7", """MSH|^~\\&|EHR|CLINIC|DME|TESTVILLE|202502261410||ORM^O01|5531|P|2.3
ORC|NW|ORD7781||||||||||1234567893^SOMNUS^T
OBR|1|ORD7781||E0486^Oral appliance, mandibular advancement, custom|||20250226
DG1|1||G47.33^Obstructive sleep apnea
NTE|1||Qty 1. Lifetime need. Fit and adjust per dentist."""),
    ("physician_order", "xml", """<MedicationOrEquipmentOrder>
  <Item>Custom fabricated mandibular advancement device</Item>
  <HCPCS>E0486</HCPCS>
  <Quantity>1</Quantity>
  <Diagnosis>G47.33</Diagnosis>
  <LengthOfNeedMonths>99</LengthOfNeedMonths>
  <OrderingProvider npi="1234567893">T. Somnus, MD</OrderingProvider>
  <SignedOn>2025-02-26</SignedOn>
</MedicationOrEquipmentOrder>"""),
    ("physician_order", "shorthand", """rx: mandibular adv. oral appl (e0486) - disp 1
dx: osa g47.33   lon: 99 mo
titrate per dds, f/u hst after titration
_____________ t. somnus md  npi 1234567893  2/26/25"""),
    ("physician_order", "qa", """1. What is ordered?  Chlorhexidine 0.12% oral rinse, 473 mL bottle
2. Directions?  Rinse with 15 mL for 30 seconds twice daily after brushing; do not swallow
3. How much?  1 bottle, 2 refills
4. Why?  Post-operative care after surgical extraction
5. Prescriber?  T. Surgeon, DDS   DEA XT1234563   signed 03/03/2025"""),
    # ------------------------------------------------------------------ narratives
    ("narrative", "markdown", """## Statement of medical necessity - oral appliance therapy
Our patient has moderate obstructive sleep apnea (AHI 23 on the attended study of
January 9) and tried CPAP for three months without success because of mask leak and
claustrophobia. Untreated OSA raises her risk of hypertension, stroke and crashes.

**Requested:** custom mandibular advancement device, E0486.

We ask that the plan cover this device as the medically necessary treatment of her
sleep apnea. Records, the sleep study and the physician's order are enclosed."""),
    ("narrative", "email_appeal", """To: appeals@examplehealth.example
Subject: Appeal of denial - claim 2025-118834
We are asking you to reconsider the denial of the claim above for the repair of a
fractured jaw and teeth after a bicycle accident. The denial says the service is
dental; it is not. The treatment repaired an injury to the mandible caused by
trauma, which the plan covers under its medical benefits. The emergency records and
the CT report are attached. Please overturn the denial and process the claim.
Testville Oral Surgery billing office"""),
    ("narrative", "british", """To the Medical Director,
I write in support of funding for the excision of a lesion of the right buccal
mucosa in my patient. The lesion has enlarged over four months, bleeds on contact
and a biopsy shows moderate dysplasia. Excision with a clear margin is the accepted
management to prevent progression to carcinoma, and cannot reasonably be delayed.
I should be grateful if the request could be approved.
Yours faithfully,
T. Surgeon, Consultant Oral Surgeon"""),
    ("narrative", "qa", """Why is this treatment medically necessary?
The patient has severe obstructive sleep apnea (AHI 34) and could not use CPAP.
What alternatives were tried?
CPAP with three different masks over 4 months, positional therapy.
What will happen without it?
Continued daytime sleepiness; raised cardiovascular risk.
What is requested?
One custom oral appliance (E0486) and follow-up visits.
Provider attestation: I attest that the above is accurate. T. Testdentist, DDS"""),
    ("narrative", "prose", """This statement supports the request for coverage of a frenectomy for a
four-year-old child with a short lingual frenum that restricts tongue movement. The
speech therapist documents articulation errors that have not improved with six months
of therapy, and the pediatrician documents feeding difficulty. Releasing the frenum is
the accepted treatment, is not cosmetic and is expected to allow therapy to succeed.
We therefore request that the procedure be approved as medically necessary."""),
    # ------------------------------------------------------------------ EOBs
    ("eob", "markdown", """## Claim summary - processed 04/02/2025
| Service | Date | Billed | Plan allowed | Plan paid | Your share |
|---|---|---|---|---|---|
| Oral appliance E0486 | 03/01/2025 | $2,100.00 | $1,512.00 | $1,209.60 | $302.40 |
| Office visit 99213 | 03/01/2025 | $180.00 | $96.00 | $76.80 | $19.20 |

Your share includes coinsurance. Remark N130: consult plan benefit documents."""),
    ("eob", "x12", """ISA*00*          *00*          *ZZ*EXAMPLEHEALTH  *ZZ*TESTDENTAL     *250402*1200*^*00501*000000912*0*P*:~
ST*835*0001~BPR*I*1286.40*C*ACH~TRN*1*88213*1234567890~
CLP*TESTCLM001*1*2280*1286.4*321.6*12*9912001~
NM1*QC*1*ALPHA*TEST~
SVC*HC:E0486*2100*1209.6**1~CAS*CO*45*588~CAS*PR*2*302.4~
SVC*HC:99213*180*76.8**1~CAS*CO*45*84~CAS*PR*2*19.2~
SE*10*0001~"""),
    ("eob", "email", """Subject: Your claim has been processed
Hello Test Patient Alpha,
We finished processing the claim your dentist sent for the service on March 1.
They charged $2,100.00. Under your plan the approved amount is $1,512.00; we paid
$1,209.60 directly to the provider. You may be asked to pay $302.40, your 20%
coinsurance. You have met $1,500 of your $1,500 deductible this year.
Sign in to see the full statement."""),
    ("eob", "json", """{"claimId": "9912001", "processedDate": "2025-04-02", "status": "paid",
 "lines": [{"code": "D7240", "charged": 650.00, "allowed": 402.00, "paid": 0.00,
            "adjustments": [{"group": "CO", "reason": "45", "amount": 248.00},
                            {"group": "PR", "reason": "1", "amount": 402.00}]}],
 "memberResponsibility": 402.00, "remarks": ["Deductible applied"]}"""),
    ("eob", "prose", """We processed the claim that your provider sent for services on February 3.
The provider billed $480.00. Because the provider is in our network the allowed amount
is $312.00, of which we paid $249.60. The remaining $62.40 is your coinsurance and is
what you may owe the provider. You do not owe the difference between the billed and
allowed amounts. If you disagree with this decision you may ask for a review within 180 days."""),
    # ------------------------------------------------------------------ other
    ("other", "email", """From: Office Manager
To: All staff
Subject: Friday meeting and the new parking rules

Hi all, quick reminder that Friday's team huddle moves to 7:45 so we can finish
before the first patient. Also, the landlord says we may no longer park in the
spaces by the loading dock - please use the back row. Pizza at lunch on me.
Thanks!"""),
    ("other", "markdown", """## Supply order - week 14
- Nitrile gloves, medium x 10 boxes
- Prophy paste, mint, x 2 cases
- Sterilization pouches 3.5 x 9 in x 4 boxes
- Printer paper x 1 case
- **Total:** $612.40 - approved by T. Manager"""),
    ("other", "json", """{"type": "appointmentReminder", "to": "Test Patient Delta",
 "message": "This is a reminder of your cleaning on Thursday at 2:30 PM with our hygienist. Reply C to confirm or call us to reschedule.",
 "sentAt": "2025-03-10T09:00:00"}"""),
    ("other", "shorthand", """to do mon
- call landlord re hvac
- order more lab boxes
- payroll by 3
- fix printer in op 2
- confirm sat cleaning crew"""),
    ("other", "prose", """Thank you for choosing our practice. Our office is open Monday through Thursday
from 8 to 5 and on Fridays until noon. Parking is free in the lot behind the building.
Please arrive ten minutes early for your first visit and bring a photo ID. If you need
to cancel, let us know a day ahead so we can offer the time to someone else."""),
    ("other", "qa_form", """Consent for release of information
1. May we leave messages on your voicemail?  [x] yes  [ ] no
2. May we text appointment reminders?  [x] yes  [ ] no
3. Who else may we speak with about your account?  spouse
4. Preferred language?  English
Signature ____________________   Date ___________"""),
]


# ------------------------------------------------------------------------- accuracy


def test_unseen_styles_are_classified(capsys):
    """The floor that would have caught issue 9: >= 90% right on documents in house styles never trained on."""
    assert len(UNSEEN) >= 40
    assert {kind for kind, _, _ in UNSEEN} == set(KINDS) - {"photo", "radiograph"}
    wrong = []
    for kind, style, text in UNSEEN:
        result = classify_document(text)
        if result.kind != kind:
            wrong.append(f"{kind}/{style} -> {result.kind} {result.confidence:.2f} {result.evidence[:1]}")
    accuracy = 1 - len(wrong) / len(UNSEEN)
    with capsys.disabled():
        print(f"\nunseen styles: {len(UNSEEN) - len(wrong)}/{len(UNSEEN)} = {accuracy:.1%}; wrong: {wrong}")
    assert accuracy >= 0.90, wrong


def test_confidence_is_a_probability_and_evidence_says_why():
    result = classify_document(UNSEEN[0][2])
    assert 0.0 < result.confidence <= 1.0
    assert result.evidence and any("sleep_study" in line for line in result.evidence)


# ------------------------------------------------------------------------- review


def test_a_clear_document_needs_no_review():
    result = classify_document(dict((s, t) for k, s, t in UNSEEN if k == "pathology_report")["hl7"])
    assert result.kind == "pathology_report"
    assert result.review is False and result.reason == ""


def test_a_split_document_is_flagged_for_review_with_both_kinds_named():
    # Half a referral, half a chart note: a person should decide.
    text = """Thank you for seeing Test Patient Epsilon, referred for evaluation.
3/2 c/o jaw pain, clicking. bp 120/80. exam: tender masseter. plan: splint, rtc 2wk"""
    result = classify_document(text)
    assert result.review is True
    assert result.reason.startswith("not sure: ")
    assert result.reason.count(" vs ") == 1
    named = result.reason.removeprefix("not sure: ").split(" vs ")
    assert result.kind in named[0]


def test_too_little_text_is_flagged_for_review():
    result = classify_document("Page 2 of 2")
    assert result.review is True
    assert "not sure" in result.reason


# ------------------------------------------------------------------------- pictures


def test_pages_that_look_like_radiographs_with_a_short_label_stay_radiographs():
    stats = ImageStats(paper_fraction=0.05, bright_tile_fraction=0.3, dark_fraction=0.55, colourfulness=0.0,
                       kind="radiograph")
    result = classify_document("L  03/02/2025  ALPHA, TEST", image_stats=[stats])
    assert result.kind == "radiograph" and result.review is False


@pytest.mark.parametrize("text, kind", [
    ("PANORAMIC  R  2025-03-02  kVp 70 mA 10 exposure 14.1 s", "radiograph"),
    ("Intraoral photograph - maxillary occlusal view, pre-operative", "photo"),
])
def test_picture_labels_without_page_images(text, kind):
    assert classify_document(text).kind == kind
