"""More referrals and narratives: who writes them and what makes them what they are.

A referral asks another clinician to see the patient (by letter, form, EHR referral order or a
line on a pad), whoever writes it: a physician, a dentist, a speech-language pathologist, a physical
therapist, an oncologist. It may tell the history, a sleep study, an exam, a biopsy: it is still a
request to see the patient. A narrative is written to a payer: it argues that a treatment is
medically necessary, appeals a denial, or explains a claim.
"""
from __future__ import annotations

import random

from kind_corpus.common import Draft, Section, day, doctor, fmt_date, maybe, npi, num, person, pick, some, surname, town
from kind_corpus.notes import weighted

# ------------------------------------------------------------------------------ who refers, for what

REFERRERS = {
    "slp": {
        "credential": ("M.S., CCC-SLP", "MA, CCC-SLP", "CCC-SLP", "M.S., CCC-SLP, COM"),
        "role": ("speech-language pathologist", "speech therapist", "pediatric speech-language pathologist",
                 "speech and feeding therapist"),
        "org": ("Speech Therapy", "Pediatric Therapy Center", "Speech & Language Services", "Communication Disorders Clinic",
                "Feeding and Swallowing Clinic"),
        "to": ("pediatric dentist", "oral surgeon", "orthodontist", "ENT"),
        "reasons": ("suspected restricted lingual frenum limiting tongue elevation and affecting articulation",
                    "persistent tongue thrust and open bite interfering with speech therapy progress",
                    "oral myofunctional concerns: low tongue posture, mouth breathing and forward swallow",
                    "possible tongue-tie; assessment for release so therapy can progress",
                    "feeding difficulty with poor tongue lateralization", "lisp not responding to therapy, evaluate dental/orthodontic contribution"),
        "history": ("Seen for {n} therapy sessions since {month}", "Errors persist on /t/, /d/, /n/, /l/ and /s/",
                    "Tongue tip cannot reach the incisive papilla with mouth open", "Parent reports slow eating and gagging on textures",
                    "Open-mouth resting posture observed throughout sessions", "Standardized testing places articulation below age expectations",
                    "Stimulable for target sounds only with jaw support"),
        "ask": ("I would appreciate your evaluation and opinion on whether a release is indicated",
                "Please assess and let me know your recommendations so we can coordinate therapy",
                "I will continue therapy and can provide pre- and post-release exercises",
                "Kindly share your findings with our clinic"),
    },
    "ent": {
        "credential": ("MD", "DO", "MD, FACS"), "role": ("otolaryngologist", "ENT surgeon", "sleep surgeon"),
        "org": ("ENT Associates", "Otolaryngology - Head & Neck Surgery", "Ear, Nose & Throat Clinic", "Sinus & Sleep Surgery"),
        "to": ("dentist", "dental sleep medicine", "oral surgeon", "periodontist"),
        "reasons": ("oral appliance therapy for obstructive sleep apnea; not a surgical candidate at this time",
                    "maxillary sinusitis that appears odontogenic from the upper molars",
                    "evaluation of a palatal mass", "recurrent facial swelling likely of dental origin",
                    "mandibular advancement device after nasal surgery"),
        "history": ("Drug-induced sleep endoscopy showed anteroposterior tongue base collapse",
                    "Septoplasty and turbinate reduction performed {month}", "CT sinus shows opacification adjacent to #3 roots",
                    "PSG AHI {ahi}/h; CPAP not tolerated", "Tonsils 1+, Friedman stage III"),
        "ask": ("Please evaluate and treat", "Your assessment would be appreciated", "Please send your notes to my office"),
    },
    "pcp": {
        "credential": ("MD", "DO", "FNP-C", "PA-C", "MD, FAAFP"), "role": ("primary care physician", "family physician", "internist"),
        "org": ("Family Medicine", "Primary Care Associates", "Internal Medicine", "Community Health Center"),
        "to": ("dentist", "sleep medicine", "oral surgeon", "dental sleep medicine"),
        "reasons": ("snoring and suspected sleep apnea", "dental abscess with facial swelling", "jaw pain and headaches",
                    "evaluation for oral appliance; patient declines CPAP", "broken teeth and pain, uninsured",
                    "dental clearance before joint replacement"),
        "history": ("HTN difficult to control on three agents", "Epworth {ess}", "Started amoxicillin {month}; swelling improving",
                    "BMI {bmi}", "Home sleep test AHI {ahi}/h", "A1c 7.9"),
        "ask": ("Please evaluate and treat", "Thanks for your help with this patient", "Please keep me informed"),
    },
    "onc": {
        "credential": ("MD", "MD, PhD", "DO"), "role": ("radiation oncologist", "medical oncologist", "hematologist-oncologist"),
        "org": ("Radiation Oncology", "Cancer Center", "Hematology & Oncology", "Head and Neck Oncology Program"),
        "to": ("dentist", "oral surgeon", "oral medicine"),
        "reasons": ("dental evaluation and clearance before radiation therapy to the head and neck",
                    "dental evaluation before starting zoledronic acid", "mouth sores during chemotherapy",
                    "evaluation of exposed bone in the mandible on denosumab", "fluoride trays before radiation"),
        "history": ("Oropharyngeal SCC, p16 positive; IMRT planned to start {month}",
                    "Multiple myeloma, bisphosphonate therapy planned", "Planned dose {gy} Gy to bilateral neck",
                    "Platelets 88K last week"),
        "ask": ("Please see within the next two weeks so treatment is not delayed", "Please fax clearance to our nurse navigator",
                "Kindly evaluate and extract non-restorable teeth as needed"),
    },
    "peds": {
        "credential": ("MD", "DO", "MD, FAAP", "CPNP"), "role": ("pediatrician", "pediatric nurse practitioner"),
        "org": ("Pediatrics", "Children's Clinic", "Pediatric Associates"),
        "to": ("pediatric dentist", "orthodontist", "ENT", "oral surgeon"),
        "reasons": ("tongue-tie with feeding difficulty", "early childhood caries", "mouth breathing and snoring",
                    "delayed eruption of permanent incisors", "dental trauma follow-up"),
        "history": ("Age {kid} years", "Weight at 30th percentile", "Mother reports snoring every night", "No dental home yet"),
        "ask": ("Please evaluate", "Thank you for your help with this child", "Please see at your earliest availability"),
    },
    "cardio": {
        "credential": ("MD", "MD, FACC", "DO"), "role": ("cardiologist", "cardiothoracic surgeon"),
        "org": ("Cardiology", "Heart & Vascular Institute", "Cardiothoracic Surgery"),
        "to": ("dentist", "oral surgeon"),
        "reasons": ("dental clearance before aortic valve replacement", "dental evaluation before LVAD",
                    "source control of dental infection; endocarditis workup"),
        "history": ("Surgery scheduled {month}", "On apixaban; hold per our instructions", "Echo shows severe AS"),
        "ask": ("Please provide written clearance", "Please evaluate and treat any sources of infection"),
    },
    "sleep": {
        "credential": ("MD", "DO, FAASM", "MD, D-ABSM"), "role": ("sleep physician", "pulmonologist"),
        "org": ("Sleep Medicine", "Center for Sleep Disorders", "Pulmonary & Sleep"),
        "to": ("dental sleep medicine", "dentist"),
        "reasons": ("fabrication of a custom oral appliance for OSA", "oral appliance therapy; CPAP intolerant",
                    "evaluation for mandibular advancement device"),
        "history": ("In-lab PSG {month}: AHI {ahi}/h, nadir SpO2 {spo2}%", "Failed CPAP due to claustrophobia", "Epworth {ess}"),
        "ask": ("Please evaluate for oral appliance therapy and send progress notes",
                "After titration we will order an efficacy study"),
    },
    "dentist": {
        "credential": ("DDS", "DMD", "DDS, MS"), "role": ("general dentist", "dentist", "orthodontist", "periodontist"),
        "org": ("Family Dental", "Dental Group", "Orthodontics", "Periodontics & Implants"),
        "to": ("oral surgeon", "sleep physician", "primary care", "ENT", "endodontist", "periodontist"),
        "reasons": ("extraction of impacted third molars", "evaluation for sleep apnea; loud snoring and scalloped tongue noted at dental visit",
                    "elevated blood pressure noted at dental visit", "endodontic treatment of #{tooth}",
                    "exposure and bonding of impacted canine", "evaluation of a white lesion of the tongue; consider biopsy",
                    "enlarged tonsils and mouth breathing in an orthodontic patient"),
        "history": ("Panoramic image enclosed", "BP today {bp}", "Lesion present {n} weeks", "STOP-BANG {sb}/8",
                    "PA shows periapical radiolucency"),
        "ask": ("Please evaluate and treat", "Please order a sleep study as appropriate", "Thank you for your care of our patient"),
    },
    "pt": {
        "credential": ("PT, DPT", "DPT, OCS", "PT, CCTT"), "role": ("physical therapist",),
        "org": ("Physical Therapy", "Rehab & Sports PT", "Orofacial Physical Therapy"),
        "to": ("dentist", "orofacial pain dentist"),
        "reasons": ("occlusal splint evaluation for TMD", "jaw pain not improving after 6 weeks of therapy"),
        "history": ("Opening improved from 28 to 36 mm", "Pain 6/10 with chewing", "Night clenching reported"),
        "ask": ("Please evaluate for a splint", "I will continue therapy twice weekly"),
    },
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def _fill(text: str, r: random.Random) -> str:
    return text.format(n=r.randint(4, 24), month=pick(r, MONTHS), ahi=num(r, 6, 48), ess=r.randint(8, 21), bmi=num(r, 24, 42),
                       gy=r.randint(60, 70), kid=r.randint(2, 12), spo2=r.randint(72, 89), tooth=r.randint(2, 31),
                       bp=f"{r.randint(160, 190)}/{r.randint(95, 115)}", sb=r.randint(3, 8))


def _referrer(r: random.Random):
    key = weighted(r, (("slp", 3), ("ent", 2), ("pcp", 2), ("onc", 2), ("peds", 1), ("cardio", 1), ("sleep", 2),
                       ("dentist", 2), ("pt", 1)))
    info = REFERRERS[key]
    name = f"{pick(r, ('Alex', 'Jordan', 'Maren', 'Robin', 'Priya', 'Wei', 'Omar', 'Elena', 'Grace'))} {surname(r)}"
    return key, info, f"{name}, {pick(r, info['credential'])}"


def referral(r: random.Random) -> Draft:
    key, info, author = _referrer(r)
    patient = person(r)
    reason = _fill(pick(r, info["reasons"]), r)
    history = [_fill(h, r) for h in some(r, info["history"], 1, 3)]
    ask = pick(r, info["ask"])
    target = pick(r, info["to"])
    who = pick(r, (f"{patient.first} {patient.last}", "this patient", "our mutual patient", f"{patient.first}",
                   "the above-named patient", "my client", "my patient"))
    shape = weighted(r, (("letter", 4), ("form", 2), ("ehr", 2), ("pad", 2), ("consult_request", 1)))
    if shape == "letter":
        opening = pick(r, (
            f"I am a {pick(r, info['role'])} {pick(r, ('working with', 'treating', 'seeing'))} {who}, and I am writing to refer {pick(r, ('them', 'the patient', 'him', 'her'))} for {reason}",
            f"I am referring {who} to you for {reason}", f"I would appreciate your evaluation of {who} regarding {reason}",
            f"Please see {who} for {reason}", f"{who.capitalize()} is referred to your {target} practice for {reason}",
            f"I'm writing to ask you to see {who}. Reason: {reason}", f"Thank you for agreeing to see {who} for {reason}",
            f"As the patient's {pick(r, info['role'])}, I request an evaluation for {reason}",
            f"Hi - I have a patient I'd like you to see: {who}, for {reason}", f"Can you fit {who} in? It's about {reason}",
            f"Quick referral for you: {who}, {reason}", f"Would you be able to see {who} in the next few weeks for {reason}?"))
        logistics = pick(r, ("My office will send over the records", "Records are attached", "Her notes and imaging will follow by fax",
                             "The family will call your office to schedule", "Your scheduler can reach the patient at the number on file",
                             "Please have your front desk call us with the appointment date", "Let me know if you can see him",
                             "Happy to discuss by phone", ""))
        sections = [Section("opening", "", [opening]), Section("history", pick(r, ("Background", "History", "")), history),
                    Section("ask", "", [line for line in (ask, logistics) if line])]
        if maybe(r, 0.3):
            sections.append(Section("enc", "", [pick(r, ("Enclosures: evaluation report, recent notes", "Attachments: sleep study",
                                                          "Encl: panoramic image", "cc: patient's parent"))]))
        return Draft("referral", pick(r, ("Referral", "Re: Referral", "Referral for Evaluation", "Request for Evaluation",
                                          "Consultation Request", "Referral Letter", "")),
                     sections, patient, author=author, letter=True,
                     salutation=pick(r, (f"Dear Dr. {surname(r)},", "Dear Doctor,", "Dear Colleague,", f"Dear Dr. {surname(r)}:",
                                         "Hello,", "To the treating dentist:", "Dear Provider,")),
                     closing=pick(r, ("Sincerely,", "Warm regards,", "Thank you,", "Kind regards,", "With appreciation,", "Best,",
                                      "Thanks so much,", "Thanks!", "Many thanks,", "Cheers,")),
                     recipient=doctor(r, dental=maybe(r, 0.6)), doc_date=day(r),
                     facility=f"{town(r)} {pick(r, info['org'])}")
    if shape == "pad":
        abbrev = {"evaluation": "eval", "patient": "pt", "history": "hx", "with": "w/", "treatment": "tx", "please": "pls",
                  "sleep apnea": "OSA", "obstructive sleep apnea": "OSA", "weeks": "wks", "before": "prior to"}
        short = reason
        for long, brief in abbrev.items():
            if maybe(r, 0.7):
                short = short.replace(long, brief)
        lines = [pick(r, (f"Please see for {reason}", f"Refer to {target}: {reason}", f"Eval & tx: {reason}",
                          f"Consult {target} re {reason}", f"Ref to {target} - {short}", f"Pls eval pt for {short}",
                          f"Referring pt to {target} for {short}", f"Pls see & tx: {short}", f"Consult req: {target}, {short}",
                          f"Kindly evaluate for {short}", f"Sending pt to {target} for {short}")),
                 *[line.replace("history", "hx") for line in history[: r.randint(0, 2)]],
                 pick(r, ("Thank you", "Thanks", "Thx", "Pls send note back", "Pls fax report", "Thank you for seeing", ask))]
        return Draft("referral", pick(r, ("Referral", "Consult", "Please see", "Refer to " + target.title())),
                     [Section("body", "", lines)], patient, author=author, doc_date=day(r),
                     facility=f"{town(r)} {pick(r, info['org'])}")
    if shape == "ehr":
        sections = [Section("type", pick(r, ("Referral Type", "Order", "Referral")), [f"Referral to {target.title()}"]),
                    Section("status", pick(r, ("Status", "Referral Status")), [pick(r, ("Pending scheduling", "Authorized", "Sent", "Open"))]),
                    Section("prio", pick(r, ("Priority", "Urgency")), [pick(r, ("Routine", "Urgent", "Expedited"))]),
                    Section("reason", pick(r, ("Reason for Referral", "Referral Reason", "Comments")), [reason.capitalize()]),
                    Section("dx", pick(r, ("Diagnosis", "Associated Diagnoses", "Dx")),
                            [pick(r, ("Q38.1 Ankyloglossia", "G47.33 OSA", "K04.7 Periapical abscess", "C10.9 Oropharyngeal cancer",
                                      "R06.83 Snoring", "M26.60 TMJ disorder", "Z01.818 Pre-procedural exam", "F80.0 Phonological disorder"))]),
                    Section("hist", pick(r, ("Clinical Notes", "Pertinent Information", "Notes")), history),
                    Section("by", pick(r, ("Referring Provider", "Ordering Provider", "Referred By")), [f"{author}  NPI {npi(r)}"]),
                    Section("visits", pick(r, ("Visits Requested", "Number of visits")), [str(r.randint(1, 6))])]
        return Draft("referral", pick(r, ("Referral Order", "Outgoing Referral", "Referral Request", "Referral Details", "Referral")),
                     sections[:4] + r.sample(sections[4:], len(sections) - 4), patient, author=author, doc_date=day(r),
                     department=pick(r, info["org"]))
    if shape == "consult_request":
        sections = [Section("to", pick(r, ("Consultant", "To", "Consult service")), [target.title()]),
                    Section("q", pick(r, ("Question for consultant", "Consult question", "Reason")), [reason.capitalize() + "?" * maybe(r, 0.3)]),
                    Section("bg", pick(r, ("Background", "Brief history", "Summary")), history),
                    Section("from", pick(r, ("Requesting provider", "Requested by")), [author])]
        return Draft("referral", pick(r, ("Consult Request", "Request for Consultation", "Consultation Order", "Inpatient Consult Request")),
                     sections, patient, author=author, doc_date=day(r))
    sections = [Section("to", pick(r, ("Referred to", "Refer to", "Specialist")), [pick(r, (target.title(), doctor(r, dental=True)))]),
                Section("from", pick(r, ("Referring clinician", "Referred by", "From")), [author]),
                Section("reason", pick(r, ("Reason for referral", "Concern", "Referral for")), [reason.capitalize()]),
                Section("hist", pick(r, ("Relevant history", "Findings", "Observations")), history),
                Section("req", pick(r, ("Requested", "Request")), [pick(r, ("Evaluate and treat", "Evaluation only", "Evaluate and advise",
                                                                          "Consult and report back"))]),
                Section("contact", pick(r, ("Contact", "Phone")), [f"{r.randint(200, 989)}-555-{r.randint(0, 9999):04d}"])]
    return Draft("referral", pick(r, ("Referral Form", "Patient Referral Form", "Referral Slip", "Interdisciplinary Referral",
                                      "Therapy Referral Form", "Referral")), sections, patient, author=author, doc_date=day(r),
                 facility=f"{town(r)} {pick(r, info['org'])}")


# ------------------------------------------------------------------------------ narratives

NECESSITY = (
    ("custom oral appliance (E0486)", "obstructive sleep apnea, G47.33",
     ("CPAP was prescribed and the patient could not tolerate it despite {n} mask changes",
      "Polysomnography on {date} showed an AHI of {ahi} events per hour",
      "The appliance was ordered by the treating physician after a face-to-face evaluation")),
    ("lingual frenectomy (41010 / D7960)", "ankyloglossia, Q38.1",
     ("Speech therapy for {n} months has not corrected the articulation errors",
      "The speech-language pathologist documents restricted tongue elevation limiting progress",
      "Feeding difficulty and weight gain concerns were documented by the pediatrician")),
    ("oral myofunctional therapy", "orofacial myofunctional disorder with tongue thrust",
     ("The patient has an anterior open bite that relapsed after orthodontics", "Mouth breathing and low tongue posture documented")),
    ("surgical extraction of impacted third molars (D7240)", "impacted teeth with recurrent pericoronitis",
     ("Three episodes of pericoronitis required antibiotics in {n} months", "The panoramic image shows distal bone loss on the second molar")),
    ("occlusal guard and TMJ treatment", "TMJ disorder, M26.63",
     ("Conservative therapy for {n} months did not relieve pain", "Maximum opening is limited to {mm} mm")),
    ("dental extractions before head and neck radiation", "oropharyngeal carcinoma",
     ("The radiation oncologist requires dental clearance", "Extraction after radiation carries a high risk of osteoradionecrosis")),
    ("crown on tooth #{tooth} (D2740)", "fractured tooth with cusp loss",
     ("The mesiolingual cusp fractured below the gumline", "A direct restoration would not restore form and function")),
    ("scaling and root planing (D4341)", "generalized periodontitis",
     ("Probing depths of 5 to 7 mm with bleeding in four quadrants", "Radiographic horizontal bone loss of 30 percent")),
)


CLINICAL_DETAIL = ("On examination {exam}", "Past medical history includes {pmh}", "{pmh} is documented in the enclosed notes",
                   "The patient reports {symptom}", "Conservative measures tried so far: {tried}")
EXAMS = ("the mandible is retruded with a Mallampati class IV airway", "there is a 2 cm area of exposed necrotic bone",
         "probing depths reach 7 mm with bleeding", "maximal opening is 24 mm with pain", "the tongue cannot reach the palate")
PMHS = ("hypertension and atrial fibrillation", "type 2 diabetes", "coronary artery disease", "a prior stroke", "obesity and GERD")
SYMPTOMS = ("daytime sleepiness and two near-miss accidents while driving", "pain when chewing", "difficulty eating and speaking",
            "waking repeatedly through the night", "repeated swelling and infections")
TRIED = ("CPAP, positional therapy and weight loss", "antibiotics and irrigation", "a night guard, NSAIDs and physical therapy",
         "speech therapy and home exercises", "cleanings every three months")
POLITE_ASKS = ("Your favorable review of this request is appreciated", "Kindly approve the treatment described above",
               "A timely determination is requested; the patient is waiting to begin care",
               "Thank you for authorizing this care at your earliest opportunity", "Your approval would be much appreciated",
               "I hope the reviewers agree that the request meets your criteria", "I trust this provides the information your reviewers need")
PAYER_LINES = POLITE_ASKS + ("The plan's medical policy lists this service as covered when these criteria are met, and they are met here",
               "The denial letter cited lack of medical necessity; the records enclosed show otherwise",
               "I ask that the plan fund this treatment under the member's medical benefit",
               "This request is for reimbursement of a service already provided", "Please process the claim for payment",
               "A peer-to-peer discussion with your medical director is welcome",
               "This service is not excluded under the member's policy; it treats a diagnosed medical condition",
               "Approval of funding is requested before treatment can be scheduled",
               "Coverage criteria: documented diagnosis, failed first-line therapy, prescribing practitioner's order - all enclosed")


def _clinical_detail(r: random.Random) -> list[str]:
    return [line.format(exam=pick(r, EXAMS), pmh=pick(r, PMHS), symptom=pick(r, SYMPTOMS), tried=pick(r, TRIED))
            for line in some(r, CLINICAL_DETAIL, 1, 3)]


def narrative(r: random.Random) -> Draft:
    treatment, condition, facts = pick(r, NECESSITY)
    treatment = treatment.format(tooth=r.randint(2, 31))
    facts = [f.format(n=r.randint(2, 12), date=fmt_date(r, day(r)), ahi=num(r, 8, 50), mm=r.randint(18, 30)) for f in facts]
    facts = facts + _clinical_detail(r) if maybe(r, 0.6) else facts
    if "frenectomy" in treatment or "myofunctional" in treatment:
        author = pick(r, (doctor(r, dental=True), doctor(r), f"{pick(r, ('Maren', 'Robin', 'Dana'))} {surname(r)}, M.S., CCC-SLP"))
    elif "oral appliance" in treatment or "radiation" in treatment:
        author = pick(r, (doctor(r, dental=True), doctor(r)))
    else:
        author = doctor(r, dental=True)
    if maybe(r, 0.35):
        author += pick(r, (", Oral and Maxillofacial Surgeon", ", Consultant Surgeon", ", Attending Surgeon", ", Periodontist",
                           ", Orofacial Pain Specialist", ", Diplomate, American Board of Dental Sleep Medicine", ", Otolaryngologist"))
    payer = pick(r, ("Example Health Plan", "Summit Dental Benefits", "Keystone Medical Insurance", "Prairie Medicare Advantage",
                     "Great Lakes Health"))
    shape = weighted(r, (("letter", 4), ("claim", 2), ("predet", 2), ("appeal", 2)))
    claim = f"{r.randint(10**6, 10**10)}"
    if shape == "claim":
        lines = [pick(r, (f"Narrative for {treatment}:", f"Claim narrative - {treatment}", f"Clinical narrative, claim {claim}:",
                          f"Reason for {treatment}:")),
                 *facts, pick(r, (f"Diagnosis: {condition}", f"Dx {condition}")),
                 pick(r, ("Treatment is medically necessary", "Please consider for payment", "Radiographs and notes attached",
                          "Not cosmetic; restores function"))]
        return Draft("narrative", pick(r, ("Claim Narrative", "Narrative", "Supporting Narrative", "Attachment: Narrative", "")),
                     [Section("body", "", lines)], person(r), author=author, doc_date=day(r))
    if shape == "predet":
        sections = [Section("req", pick(r, ("Requested service", "Procedure requested", "Service")), [treatment]),
                    Section("dx", pick(r, ("Diagnosis", "Condition")), [condition]),
                    Section("hx", pick(r, ("Clinical history", "Supporting information", "Justification")), facts),
                    Section("nec", pick(r, ("Medical necessity", "Why this is needed", "Rationale")),
                            [pick(r, ("Without treatment the condition will progress and cause further harm",
                                      "Less costly alternatives have been tried and failed",
                                      "This treatment meets the plan's criteria for coverage"))]),
                    Section("ins", pick(r, ("Insurance", "Member ID")), [f"{payer}, ID {pick(r, 'XYZW')}{r.randint(10**6, 10**9)}"])]
        return Draft("narrative", pick(r, ("Predetermination Narrative", "Pre-authorization Narrative", "Request for Prior Authorization",
                                           "Medical Necessity Statement", "Authorization Request - Clinical Justification")),
                     sections, person(r), author=author, doc_date=day(r))
    opening = pick(r, (f"I am writing to request coverage for {treatment} for my patient",
                       f"Please accept this letter documenting the medical necessity of {treatment}",
                       f"We ask {payer} to reconsider its denial of claim {claim} for {treatment}",
                       f"This letter supports our request for authorization of {treatment}",
                       f"On behalf of my patient I appeal the decision to deny {treatment}",
                       f"My patient needs {treatment}; I am writing to explain why it is medically necessary",
                       f"I am requesting funding approval for {treatment} for the member named above",
                       f"Re: member {person(r).name(r)}, policy {r.randint(10**6, 10**9)} - request for {treatment}",
                       f"This letter supports my patient's application for coverage of {treatment}",
                       f"We have been asked to document the clinical need for {treatment}"))
    if shape == "appeal":
        opening = pick(r, (f"This is a {pick(r, ('first', 'second'))}-level appeal of the denial of {treatment} (claim {claim})",
                           f"We disagree with the adverse determination dated {fmt_date(r, day(r))} for {treatment}",
                           f"The plan denied {treatment} as not medically necessary; we request reconsideration"))
    sections = [Section("open", "", [opening]),
                Section("dx", pick(r, ("", "Diagnosis", "Background")), [f"The patient has {condition}", *facts]),
                Section("nec", pick(r, ("", "Medical necessity")),
                        [pick(r, (f"In my clinical opinion {treatment} is medically necessary",
                                  "The requested treatment is the standard of care and is not cosmetic",
                                  "Delaying treatment will lead to a worse outcome and higher costs")),
                         pick(r, PAYER_LINES),
                         pick(r, ("Supporting records are enclosed", "Please contact me for a peer-to-peer review",
                                  "I ask that you approve this request", "Please overturn the denial"))])]
    return Draft("narrative", pick(r, ("Letter of Medical Necessity", "Appeal", "Re: Request for Coverage", "Medical Necessity",
                                       "Request for Reconsideration", "")),
                 sections, person(r), author=author, letter=True,
                 salutation=pick(r, ("To Whom It May Concern:", "Dear Reviewer:", "Dear Medical Director,", "Dear Appeals Committee:",
                                     f"Attn: {payer} Appeals")),
                 closing=pick(r, ("Sincerely,", "Respectfully,", "Thank you for your consideration,")),
                 recipient=f"{payer}, {pick(r, ('Appeals', 'Utilization Review', 'Prior Authorization', 'Claims Review'))}",
                 doc_date=day(r))
