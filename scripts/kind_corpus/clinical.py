"""What chart notes (office, emergency, trauma, consult, operative), referrals and orders say."""
from __future__ import annotations

import random

from kind_corpus.common import Draft, Section, day, doctor, fmt_date, maybe, npi, num, person, pick, some

COMPLAINTS = (
    ("jaw pain and clicking", "TMJ"), ("snoring and daytime sleepiness", "sleep"),
    ("facial injury after a fall", "trauma"), ("swelling of the lower jaw", "infection"),
    ("sore on the tongue that will not heal", "lesion"), ("tooth pain and facial swelling", "infection"),
    ("limited mouth opening", "TMJ"), ("headaches and grinding", "TMJ"), ("broken teeth after an assault", "trauma"),
    ("bleeding gums", "perio"), ("CPAP intolerance", "sleep"), ("lip laceration from a bicycle accident", "trauma"),
    ("dry socket pain", "postop"), ("follow-up after biopsy", "lesion"), ("white patch in the mouth", "lesion"),
)
EXAMS = {
    "TMJ": ("Maximum incisal opening {n} mm with deviation to the {side}", "Click {side} TMJ on opening",
            "Tenderness of the {side} masseter and temporalis on palpation", "Crepitus bilaterally"),
    "sleep": ("Mallampati class {m}", "Tonsils grade {g}", "Neck circumference {nc} in", "Retrognathic mandible",
              "Scalloped tongue", "BMI {bmi}"),
    "trauma": ("{lac} cm laceration of the {site}", "Step deformity of the mandible at #{t}", "Mobile teeth #{t}-#{t2}",
               "Malocclusion with anterior open bite", "GCS 15", "No loss of consciousness", "Facial ecchymosis"),
    "infection": ("Fluctuant swelling of the {side} buccal vestibule", "Temperature {temp} F",
                  "Trismus {n} mm", "Tooth #{t} tender to percussion", "No airway compromise"),
    "lesion": ("{lac} cm {color} lesion of the {site}", "Indurated borders", "No cervical lymphadenopathy",
               "Lesion unchanged from prior visit"),
    "perio": ("Generalized 5-7 mm pockets", "Bleeding on probing", "Grade II mobility #{t}"),
    "postop": ("Socket #{t} with exposed bone", "Mild erythema", "No purulence"),
}
ASSESSMENTS = {
    "TMJ": ("Myofascial pain with TMJ disc displacement", "TMD, right side", "Bruxism", "Internal derangement of the TMJ"),
    "sleep": ("Obstructive sleep apnea, moderate (G47.33)", "OSA with CPAP intolerance", "Snoring"),
    "trauma": ("Mandible fracture", "Facial laceration", "Dental avulsion #{t}", "Dentoalveolar fracture"),
    "infection": ("Odontogenic infection", "Periapical abscess #{t}", "Cellulitis of the face"),
    "lesion": ("Oral lesion, rule out dysplasia", "Leukoplakia", "Traumatic ulcer"),
    "perio": ("Generalized chronic periodontitis",), "postop": ("Alveolar osteitis",),
}
PLANS = {
    "TMJ": ("Occlusal splint", "Soft diet, moist heat, NSAIDs", "Physical therapy referral", "Follow-up in 4 weeks"),
    "sleep": ("Impressions for mandibular advancement device", "Obtain sleep study and physician order",
              "Titrate appliance 1 mm weekly", "Follow-up after delivery"),
    "trauma": ("Closed reduction with maxillomandibular fixation", "Laceration repaired with 5-0 nylon",
               "Tetanus updated", "Amoxicillin-clavulanate 875 mg BID", "Oral surgery consult"),
    "infection": ("Incision and drainage", "Amoxicillin 500 mg TID for 7 days", "Extraction #{t}", "Return if worse"),
    "lesion": ("Incisional biopsy today", "Re-evaluate in 2 weeks", "Refer to oral surgery"),
    "perio": ("Scaling and root planing", "Chlorhexidine rinse"), "postop": ("Irrigation and dressing", "Ibuprofen"),
}
NOTE_TITLES = ("Progress Note", "Office Visit", "Clinic Note", "History and Physical", "Consultation Note",
               "Emergency Department Note", "ED Physician Record", "Trauma Surgery Note", "Urgent Care Visit",
               "Post-operative Note", "Dental Examination", "TMJ Evaluation", "Sleep Medicine Consultation",
               "Oral Surgery Clinic Note", "Telehealth Visit", "Follow-up Visit", "Emergency Trauma Note",
               "New Patient Evaluation", "Operative Note", "Procedure Note", "Nursing Note", "Encounter Note")


def _fill(text: str, r: random.Random) -> str:
    return text.format(n=r.randint(18, 48), side=pick(r, ("right", "left")), m=r.randint(1, 4), g=r.randint(0, 4),
                       nc=r.randint(14, 19), bmi=num(r, 21, 42), lac=num(r, 0.5, 4.5), site=pick(r, (
                           "lower lip", "chin", "left lateral tongue", "right buccal mucosa", "upper lip", "palate")),
                       t=r.randint(2, 31), t2=r.randint(2, 31), temp=num(r, 98.6, 102.5),
                       color=pick(r, ("white", "red", "ulcerated", "pigmented")))


def chart_note(r: random.Random) -> Draft:
    if maybe(r, 0.15):
        return _visit_summary(r)
    complaint, area = pick(r, COMPLAINTS)
    title = pick(r, NOTE_TITLES)
    emergency = "Emergency" in title or "ED" in title or "Trauma" in title or "Urgent" in title or maybe(r, 0.1)
    if emergency and area not in ("trauma", "infection"):
        complaint, area = pick(r, [c for c in COMPLAINTS if c[1] in ("trauma", "infection")])
    sections = [Section("cc", pick(r, ("Chief Complaint", "CC", "Reason for Visit", "Presenting Complaint")),
                        [complaint.capitalize()])]
    hpi = [pick(r, (f"{r.randint(18, 80)} year old {pick(r, ('male', 'female', 'patient'))} presents with {complaint}",
                    f"Patient reports {complaint} for {r.randint(2, 20)} {pick(r, ('days', 'weeks', 'months'))}",
                    f"Pt c/o {complaint}, onset {pick(r, ('gradual', 'sudden', 'this morning', 'last night'))}")),
           pick(r, ("Pain rated {}/10".format(r.randint(2, 10)), "Worse with chewing", "No prior treatment",
                    "Denies fever or chills", "Symptoms began after a fall", "Partner reports witnessed apneas",
                    "Tried CPAP for 3 months without success", "Took ibuprofen with partial relief"))]
    sections.append(Section("hpi", pick(r, ("History of Present Illness", "HPI", "Subjective", "History")), hpi))
    if emergency:
        sections.insert(0, Section("triage", pick(r, ("Triage", "Arrival", "Mode of Arrival")),
                                   [pick(r, ("Arrived by EMS", "Ambulatory", "Brought in by family", "Walk-in")),
                                    f"ESI {r.randint(2, 4)}"]))
        sections.append(Section("mechanism", pick(r, ("Mechanism of Injury", "Mechanism", "Injury Details")),
                                [pick(r, ("Fall from standing", "Bicycle accident, helmeted", "Assault with fist",
                                          "Motor vehicle collision, restrained driver", "Sports injury, struck by ball",
                                          "Not applicable - infection"))]))
    if maybe(r, 0.6):
        sections.append(Section("history", pick(r, ("Past Medical History", "PMH", "Medical History")),
                                [", ".join(some(r, ("Hypertension", "Type 2 diabetes", "Asthma", "GERD", "Depression",
                                                    "Hypothyroidism", "None", "Atrial fibrillation on apixaban"), 1, 3))]))
    if maybe(r, 0.6):
        sections.append(Section("meds", pick(r, ("Medications", "Current Medications", "Meds")),
                                [", ".join(some(r, ("Lisinopril 10 mg", "Metformin 500 mg", "Ibuprofen PRN", "None",
                                                    "Sertraline 50 mg", "Levothyroxine 75 mcg"), 1, 3))]))
        sections.append(Section("allergies", pick(r, ("Allergies", "Allergy")), [pick(r, ("NKDA", "Penicillin", "Codeine", "No known allergies"))]))
    if maybe(r, 0.3):
        sections.append(Section("ros", pick(r, ("Review of Systems", "ROS")),
                                [pick(r, ("Negative except as in HPI", "Positive for headaches; otherwise negative",
                                          "Constitutional: no fever. HEENT: as above"))]))
    vitals = f"BP {r.randint(100, 160)}/{r.randint(60, 100)}, HR {r.randint(55, 110)}, RR {r.randint(12, 22)}, " \
             f"Temp {num(r, 97.0, 101.5)}, SpO2 {r.randint(92, 100)}%"
    if maybe(r, 0.7):
        sections.append(Section("vitals", pick(r, ("Vital Signs", "Vitals", "VS")), [vitals]))
    sections.append(Section("exam", pick(r, ("Physical Exam", "Examination", "Objective", "Exam", "Clinical Findings",
                                             "Intraoral Exam", "Secondary Survey")),
                            [_fill(e, r) for e in some(r, EXAMS[area], 2, 4)]))
    if emergency and maybe(r, 0.6):
        sections.append(Section("course", pick(r, ("ED Course", "Medical Decision Making", "MDM", "Course")),
                                [pick(r, ("CT facial bones obtained, shows fracture as above", "Wound irrigated and explored",
                                          "Pain controlled with IV ketorolac", "Discussed with oral surgery on call"))]))
    sections.append(Section("assessment", pick(r, ("Assessment", "Impression", "Diagnosis", "Assessment and Plan", "A")),
                            [_fill(a, r) for a in some(r, ASSESSMENTS[area], 1, 2)]))
    sections.append(Section("plan", pick(r, ("Plan", "Treatment Plan", "Recommendations", "P", "Disposition")),
                            [_fill(p, r) for p in some(r, PLANS[area], 1, 3)]
                            + ([pick(r, ("Discharged home in stable condition", "Admitted for fixation", "Return precautions given"))]
                               if emergency else [pick(r, ("Follow-up in 2 weeks", "RTC PRN", "Next visit: delivery", ""))])))
    sections = [s for s in sections if s.lines]
    return Draft("chart_note", title, sections, person(r),
                 author=doctor(r, dental=not emergency and maybe(r, 0.6)) + pick(r, ("", "", ", Attending", ", PA-C")),
                 department=pick(r, ("Emergency Medicine", "Oral and Maxillofacial Surgery", "Dentistry", "Family Medicine",
                                     "Trauma Services", "Otolaryngology", "Sleep Medicine")) if emergency or maybe(r, 0.5) else "",
                 doc_date=day(r), recipient=doctor(r))


def _visit_summary(r: random.Random) -> Draft:
    """The after-visit summary: the same visit told to the patient."""
    complaint, area = pick(r, COMPLAINTS)
    sections = [
        Section("reason", pick(r, ("Reason for your visit", "Why you were seen", "Visit reason")),
                [pick(r, (f"You were seen today for {complaint}", f"You came in because of {complaint}",
                          f"Today's visit: {complaint}"))]),
        Section("found", pick(r, ("What we found", "Diagnoses addressed today", "Your diagnosis")),
                [_fill(a, r) for a in some(r, ASSESSMENTS[area], 1, 2)] + [_fill(e, r) for e in some(r, EXAMS[area], 0, 2)]),
        Section("done", pick(r, ("What we did", "Procedures today", "Today's treatment", "Orders placed")),
                [_fill(p, r) for p in some(r, PLANS[area], 1, 2)]),
        Section("vitals", pick(r, ("Your vitals", "Vital signs today")),
                [f"Blood pressure {r.randint(100, 160)}/{r.randint(60, 100)}, pulse {r.randint(55, 110)}, temperature {num(r, 97.0, 101.5)}"]),
        Section("next", pick(r, ("Next steps", "Instructions", "Follow-up", "What to do next")),
                [pick(r, ("Return in 2 weeks", "Call us if the swelling spreads or you have trouble swallowing",
                          "Take your medicine as prescribed", "Your next appointment is listed below"))]),
    ]
    return Draft("chart_note", pick(r, ("After Visit Summary", "Visit Summary", "Clinical Summary", "Encounter Summary",
                                        "Patient Visit Summary")), sections, person(r),
                 author=doctor(r, dental=maybe(r, 0.5)), doc_date=day(r))


# ------------------------------------------------------------------------------ referrals

REFERRAL_REASONS = (
    "obstructive sleep apnea with CPAP intolerance; evaluate for oral appliance therapy",
    "non-healing ulcer of the lateral tongue; please biopsy", "TMJ pain and limited opening not responding to splint",
    "impacted third molars with recurrent pericoronitis", "mandible fracture follow-up", "facial swelling, suspected dental abscess",
    "dental clearance before radiation therapy to the head and neck", "dental clearance before heart valve surgery",
    "tongue-tie with feeding difficulty; evaluate for frenotomy", "bisphosphonate therapy, exposed bone in the mandible",
    "snoring and mild OSA, patient prefers an oral appliance", "leukoplakia of the floor of mouth",
    "chronic maxillary sinusitis possibly odontogenic", "trismus after third molar extraction",
)
REFERRAL_TITLES = ("Referral", "Referral for Consultation", "Physician Referral", "Referral Form", "Consult Request",
                   "Request for Consultation", "Referral Letter", "Outgoing Referral", "Specialist Referral",
                   "Referral Order", "Patient Referral", "Referral to Dental Sleep Medicine", "Referral Authorization",
                   "Request for Dental Evaluation")
REFERRAL_OPENINGS = (
    "I am referring {p} to your office for {reason}",
    "Thank you for seeing {p}, whom I am referring for {reason}",
    "I would appreciate your evaluation of {p} for {reason}",
    "Please see {p} in consultation regarding {reason}",
    "I am writing to refer {p}, a {age}-year-old {sex}, for {reason}",
    "This is a referral of my patient {p} for {reason}",
    "Kindly evaluate and treat {p} for {reason}",
    "{p} is being referred to you for {reason}",
    "Could you please see {p} for {reason}",
    "I'd be grateful if you could see {p} about {reason}",
    "Sending {p} your way for {reason}",
    "Would you mind evaluating {p}? Reason: {reason}",
    "I'd like you to see {p} regarding {reason}",
    "Requesting a consult for {p}: {reason}",
)


def referral(r: random.Random) -> Draft:
    patient = person(r)
    reason = pick(r, REFERRAL_REASONS)
    pronoun_name = pick(r, (f"{patient.first} {patient.last}", f"Mr. {patient.last}" if patient.sex == "M" else f"Ms. {patient.last}",
                            "this patient", "our mutual patient"))
    opening = pick(r, REFERRAL_OPENINGS).format(p=pronoun_name, reason=reason, age=r.randint(8, 80),
                                                sex="man" if patient.sex == "M" else "woman")
    sender = doctor(r)
    target = doctor(r, dental=maybe(r, 0.7))
    letter = maybe(r, 0.55)
    history = some(r, (f"Home sleep test showed an AHI of {num(r, 5, 45)} events per hour",
                       "Tried CPAP for three months and could not tolerate the mask",
                       "Hypertension and type 2 diabetes, well controlled", "Current medications are listed in the attached summary",
                       f"Lesion present for {r.randint(3, 12)} weeks, increasing in size", "Nonsmoker",
                       "Recent panoramic radiograph enclosed", "Scheduled for radiation therapy next month",
                       "Pain 7/10 despite NSAIDs"), 1, 3)
    if letter:
        sections = [Section("opening", "Reason for referral", [opening]),
                    Section("history", pick(r, ("Pertinent history", "History", "Background")), history),
                    Section("request", pick(r, ("Request", "Services requested")),
                            [pick(r, ("Please evaluate and treat as you see fit", "I would be grateful for your opinion and management",
                                      "Please send me a copy of your consultation note", "Evaluate and treat; consultation report requested",
                                      "Thank you for your assistance in the care of this patient",
                                      "Please contact my office with any questions"))])]
        return Draft("referral", pick(r, REFERRAL_TITLES), sections, patient, author=sender, letter=True,
                     salutation=f"Dear Dr. {target.split(',')[0].split()[-1]}:" if maybe(r, 0.7) else
                     pick(r, ("Dear Doctor,", "Dear Colleague:", "To the consulting provider:")),
                     closing=pick(r, ("Sincerely,", "Thank you,", "With thanks,", "Best regards,")),
                     recipient=target, doc_date=day(r))
    sections = [
        Section("to", pick(r, ("Referred to", "Refer to", "To", "Consultant", "Specialty")),
                [pick(r, (target, "Oral and Maxillofacial Surgery", "Dental Sleep Medicine", "Orofacial Pain Clinic",
                          "Otolaryngology", "Periodontics"))]),
        Section("from", pick(r, ("Referred by", "Referring provider", "From", "Referring physician")), [f"{sender}, NPI {npi(r)}"]),
        Section("reason", pick(r, ("Reason for referral", "Reason for consult", "Diagnosis / reason", "Clinical question")), [reason.capitalize()]),
        Section("diagnosis", pick(r, ("Diagnosis", "ICD-10", "Dx")), [pick(r, ("G47.33", "K07.60", "S02.609A", "K12.2", "K13.21", "M26.60", "Q38.1"))]),
        Section("urgency", pick(r, ("Urgency", "Priority")), [pick(r, ("Routine", "Urgent", "Within 2 weeks", "STAT"))]),
        Section("history", pick(r, ("Pertinent history", "Clinical summary", "Notes")), history),
    ]
    if maybe(r, 0.5):
        sections.append(Section("auth", pick(r, ("Authorization", "Insurance")),
                                [f"Authorization #{r.randint(10**6, 10**8)}, {r.randint(1, 6)} visits approved",
                                 pick(r, ("Blue Cross PPO", "Aetna Choice POS", "UnitedHealthcare", "Medicaid", "Cigna OAP"))]))
    sections.append(Section("services", pick(r, ("Services requested", "Request")),
                            [pick(r, ("Evaluate and treat", "Consult only", "Consult and treat", "Second opinion"))]))
    return Draft("referral", pick(r, REFERRAL_TITLES), sections[:3] + r.sample(sections[3:], len(sections) - 3),
                 patient, author=sender, doc_date=day(r), recipient=target,
                 department=pick(r, ("Family Medicine", "Pulmonology", "Internal Medicine", "Otolaryngology", "Pediatrics", "Oncology")))


# ------------------------------------------------------------------------------ physician orders

ORDER_ITEMS = (
    ("Custom fabricated mandibular advancement oral appliance", "E0486", "G47.33", "99 months (lifetime)"),
    ("Oral appliance for obstructive sleep apnea, adjustable, custom", "E0486", "G47.33", "Lifetime"),
    ("Prefabricated oral appliance, mandibular advancement", "E0485", "G47.33", "12 months"),
    ("Home sleep apnea test, type III", "G0399", "G47.30", "Once"),
    ("Attended polysomnography", "95810", "G47.33", "Once"),
    ("CT maxillofacial without contrast", "70486", "S02.609A", "Once"),
    ("Physical therapy, TMJ, 2x/week for 6 weeks", "97110", "M26.60", "6 weeks"),
    ("Amoxicillin 500 mg capsules, #21, one TID x 7 days", "", "K04.7", "7 days"),
    ("Chlorhexidine gluconate 0.12% oral rinse, 473 mL", "", "K05.30", "2 refills"),
    ("Ibuprofen 600 mg tablets, #30, one q6h PRN pain", "", "M26.629", "0 refills"),
    ("Auto-titrating CPAP with heated humidifier", "E0601", "G47.33", "99 months"),
    ("Pre-operative labs: CBC, BMP, PT/INR", "", "Z01.818", "Once"),
)
ORDER_TITLES = ("Physician Order", "Standard Written Order", "Detailed Written Order", "Prescription",
                "DME Prescription", "Order Form", "Rx", "Physician's Order for Oral Appliance Therapy",
                "Order for Durable Medical Equipment", "Medication Order", "Written Order Prior to Delivery",
                "Order", "Prescription and Order", "Test Order", "Imaging Order", "Therapy Order")


def physician_order(r: random.Random) -> Draft:
    item, code, dx, need = pick(r, ORDER_ITEMS)
    prescriber = doctor(r)
    lines = [Section("item", pick(r, ("Item", "Item ordered", "Order", "Rx", "Equipment", "Service ordered", "Description")), [item])]
    if code:
        lines.append(Section("code", pick(r, ("HCPCS", "HCPCS code", "CPT", "Code", "Procedure code")), [code]))
    lines.append(Section("qty", pick(r, ("Quantity", "Qty", "Dispense", "Units")), [pick(r, ("1", "One (1)", "1 unit", "#1"))]))
    lines.append(Section("dx", pick(r, ("Diagnosis", "ICD-10", "Dx", "Diagnosis code")), [dx]))
    lines.append(Section("need", pick(r, ("Length of need", "Duration", "Refills", "Frequency")), [need]))
    if maybe(r, 0.6):
        lines.append(Section("instructions", pick(r, ("Instructions", "Sig", "Directions", "Special instructions", "Comments")),
                             [pick(r, ("Fit and titrate per treating dentist", "Take with food", "Rinse 15 mL twice daily",
                                       "Follow-up sleep study after titration", "Deliver and instruct patient on use and care",
                                       "Dispense as written", "Substitution permitted"))]))
    if maybe(r, 0.5):
        lines.append(Section("start", pick(r, ("Start date", "Order date", "Date of order")), [fmt_date(r, day(r))]))
    lines.append(Section("prescriber", pick(r, ("Ordering physician", "Prescriber", "Ordering provider", "Physician",
                                                "Practitioner")), [f"{prescriber}  NPI {npi(r)}"]))
    if maybe(r, 0.6):
        lines.append(Section("attestation", pick(r, ("Attestation", "Physician certification", "Signature")),
                             [pick(r, ("I certify that this item is medically necessary for this patient",
                                       "Signature: ______________________   Date: __________",
                                       "Signed electronically", "Physician signature on file",
                                       "By signing I attest the information above is true and accurate"))]))
    if maybe(r, 0.3):
        lines.append(Section("dea", pick(r, ("DEA", "License")), [f"{pick(r, ('DEA', 'Lic'))} {pick(r, 'ABFM')}{r.randint(10**6, 10**7 - 1)}"]))
    return Draft("physician_order", pick(r, ORDER_TITLES), lines, person(r), author=prescriber, doc_date=day(r),
                 department=pick(r, ("Sleep Medicine", "Pulmonology", "Internal Medicine", "Family Medicine", "")),
                 recipient=doctor(r, dental=True))
