"""More of the kinds that are easy to confuse with their neighbours.

- other: requisitions and specimen submission forms (they go *with* a biopsy; they are not its
  report), claim forms, consents, releases, questionnaires, lab work orders, statements, instructions.
- physician_order: an order or prescription as a document of its own (EHR order printout, Rx pad,
  standard written order, prescription for an oral appliance), not a visit note that mentions one.
- radiology_report: the written reading of an image, dental films included (periapical, bitewing,
  panoramic, CBCT), in report, brief or letter shape.
- radiograph: the image page itself: next to no text, only what the imaging software prints on it.
- sleep_study / pathology_report: device summary pages, efficacy studies, oximetry; result letters,
  cytology, addenda.
"""
from __future__ import annotations

import random

from kind_corpus.common import (Draft, Section, day, doctor, dollars, fmt_date, maybe, money, npi, num, person, pick, some,
                                surname, town)
from kind_corpus.notes import weighted


def blank(r: random.Random) -> str:
    return pick(r, ("________", "__________________", "", "_____", "[            ]", "(          )", "...................."))


# ------------------------------------------------------------------------------ other

def _specimen_form(r):
    site = pick(r, ("L lateral tongue", "R buccal mucosa", "floor of mouth", "lower lip", "palate", "gingiva #{}".format(r.randint(2, 31)),
                    "mandible, periapical #{}".format(r.randint(2, 31)), "ventral tongue", "retromolar pad"))
    title = pick(r, ("Biopsy Submission Form", "Oral Pathology Requisition", "Specimen Submission Form", "Surgical Pathology Requisition",
                     "Tissue Examination Request", "Laboratory Requisition - Histopathology", "Biopsy Service Request Form",
                     "Cytology Requisition", "Specimen Requisition", "Pathology Request Form"))
    sections = [Section("sub", pick(r, ("Submitting doctor", "Submitting practitioner", "Clinician", "Doctor/Office")),
                        [pick(r, (doctor(r, dental=True), blank(r)))]),
                Section("acct", pick(r, ("Account #", "Client #", "Office code")), [pick(r, (str(r.randint(1000, 99999)), blank(r)))]),
                Section("date", pick(r, ("Date of procedure", "Collection date", "Date taken", "Date obtained")), [fmt_date(r, day(r))]),
                Section("site", pick(r, ("Biopsy site", "Specimen site", "Location of lesion", "Site/Source")), [site]),
                Section("type", pick(r, ("Type of biopsy", "Procedure", "Specimen type")),
                        [pick(r, ("incisional", "excisional", "punch", "brush", "aspirate", "curettage", "incisional / excisional (circle one)"))]),
                Section("clin", pick(r, ("Clinical description", "Clinical history", "Description of lesion", "Clinical findings")),
                        [pick(r, (f"{num(r, 0.3, 2.5)} cm {pick(r, ('white', 'red', 'ulcerated', 'raised', 'pigmented'))} lesion, "
                                  f"{r.randint(2, 20)} wks", "Radiolucency on pan, asymptomatic", "Nodule, firm, non-tender",
                                  "Non-healing extraction site"))]),
                Section("ddx", pick(r, ("Clinical impression", "Differential diagnosis", "Provisional diagnosis", "Clinical dx")),
                        [pick(r, ("fibroma vs mucocele", "leukoplakia r/o dysplasia", "periapical cyst", "lichen planus", blank(r)))]),
                Section("fix", pick(r, ("Fixative", "Container", "Specimen handling")),
                        [pick(r, ("10% formalin", "Formalin vial provided", "Place specimen in formalin immediately; label with name and site"))]),
                Section("bill", pick(r, ("Bill to", "Billing", "Insurance information")),
                        [pick(r, ("Patient insurance", "Doctor account", "Self pay", f"Ins ID {blank(r)} Group {blank(r)}"))]),
                Section("sig", pick(r, ("Signature of submitting doctor", "Signature", "Doctor's signature")), [blank(r) or "______"]),
                Section("lab", pick(r, ("For laboratory use only", "LAB USE ONLY", "Office use")),
                        [f"Accession # {blank(r)}   Received {blank(r)}   Cassettes {blank(r)}"])]
    if maybe(r, 0.4):
        sections.insert(0, Section("instr", "", [pick(r, ("Please print clearly. Complete all fields.", "Send with specimen in the mailer provided.",
                                                          "One requisition per specimen."))]))
    return title, sections


def _lab_requisition(r):
    tests = some(r, ("CBC w/ diff", "CMP", "HbA1c", "PT/INR", "Lipid panel", "TSH", "Culture and sensitivity, wound",
                     "Fungal culture, oral", "HSV PCR swab", "Vitamin D"), 2, 5)
    return pick(r, ("Laboratory Requisition", "Lab Request Form", "Outpatient Lab Requisition", "Specimen Collection Form")), [
        Section("tests", pick(r, ("Tests requested", "Test(s)", "Requested tests")), tests),
        Section("coll", pick(r, ("Collection", "Collected")), [f"Date {fmt_date(r, day(r))}  Time {blank(r)}  Fasting Y / N"]),
        Section("dx", pick(r, ("ICD-10", "Diagnosis codes")), [pick(r, ("Z01.818", "E11.9", "K12.2", "B37.0", blank(r)))]),
        Section("bill", "Bill", [pick(r, ("Medicare", "Commercial insurance - attach card copy", "Client bill"))]),
        Section("sig", "Ordering clinician signature", [blank(r) or "_____"])]


def _claim_form(r):
    if maybe(r, 0.5):
        rows = [f"{fmt_date(r, day(r))}  {pick(r, ('D0150', 'D0210', 'D2740', 'D7210', 'D9947', 'D4341'))}  tooth {r.randint(1, 32)}  "
                f"{dollars(money(r, 60, 2500))}" for _ in range(r.randint(1, 4))]
        return pick(r, ("ADA Dental Claim Form", "Dental Claim Form", "Attending Dentist's Statement", "Claim for Dental Benefits")), [
            Section("hdr", "Header Information", [pick(r, ("Statement of Actual Services", "Request for Predetermination/Preauthorization"))]),
            Section("ins", pick(r, ("Primary Payer", "Insurance Company")), [pick(r, ("Summit Dental Benefits", "Example Dental PPO"))]),
            Section("sub", pick(r, ("Policyholder/Subscriber", "Subscriber")), [f"ID {r.randint(10**6, 10**9)}  Group {r.randint(1000, 99999)}"]),
            Section("rec", pick(r, ("Record of Services Provided", "Services")), rows),
            Section("tot", "Total Fee", [dollars(money(r, 100, 5000))]),
            Section("billing", pick(r, ("Billing Dentist", "Treating Dentist")), [f"{doctor(r, dental=True)}  NPI {npi(r)}  TIN {blank(r) or '00-0000000'}"]),
            Section("sig", "Signature", ["Patient/Guardian signature on file", blank(r)])]
    return pick(r, ("Health Insurance Claim Form", "CMS-1500", "HCFA 1500 Claim", "Professional Claim")), [
        Section("pt", "Insured's ID Number", [str(r.randint(10**8, 10**10))]),
        Section("cond", "Is patient's condition related to", ["Employment: NO  Auto accident: NO  Other accident: NO"]),
        Section("dx", "Diagnosis or nature of illness", [pick(r, ("A. G47.33", "A. S02.609A  B. S01.81XA", "A. M26.60"))]),
        Section("svc", "Dates of service / CPT / charges", [f"{fmt_date(r, day(r))}  {pick(r, ('E0486', '99213', '21453', '70486'))}  "
                                                            f"{dollars(money(r, 80, 3000))}  1 unit"]),
        Section("prov", "Billing provider info", [f"{town(r)} Dental Sleep  NPI {npi(r)}"]),
        Section("accept", "Accept assignment", ["YES"])]


def _consent(r):
    what = pick(r, ("oral appliance therapy for snoring and sleep apnea", "extraction of teeth", "IV sedation", "biopsy of oral tissue",
                    "clinical photographs", "root canal treatment", "dental implant surgery", "frenectomy", "treatment of a minor"))
    return pick(r, ("Informed Consent", f"Consent for {what.title()}", "Consent and Acknowledgment", "Patient Consent Form",
                    "Authorization for Treatment")), [
        Section("body", "", [f"I consent to {what}",
                             pick(r, ("Risks explained to me include pain, swelling, infection, bleeding, numbness and the need for further treatment",
                                      "Possible effects include tooth movement, bite changes, jaw joint discomfort, dry mouth or drooling",
                                      "I understand that no guarantee of results has been made")),
                             pick(r, ("Alternatives, including no treatment, were explained", "I had the chance to ask questions",
                                      "I agree to follow-up visits and, for sleep apnea, a follow-up sleep test through my physician")),
                             f"Patient/guardian signature {blank(r) or '______'}   Date {blank(r) or '_____'}",
                             f"Witness {blank(r) or '______'}"])]


def _release(r):
    return pick(r, ("Authorization to Release Health Information", "Records Request", "Request for Medical Records",
                    "Authorization for Use and Disclosure of PHI")), [
        Section("body", "", [f"I authorize {town(r)} {pick(r, ('Sleep Center', 'Medical Group', 'Hospital', 'ENT'))} to release to "
                             f"{town(r)} {pick(r, ('Dental', 'Dental Sleep Medicine', 'Oral Surgery'))}:",
                             pick(r, ("Sleep study reports and office notes", "Pathology reports", "Radiology images and reports",
                                      "All records from the past 2 years")),
                             "Purpose: continuity of care / insurance", "This authorization expires one year from signing",
                             f"Signature of patient {blank(r) or '_____'}"])]


def _questionnaire(r):
    if maybe(r, 0.5):
        items = some(r, ("Sitting and reading", "Watching TV", "Sitting inactive in a public place", "As a passenger in a car for an hour",
                         "Lying down to rest in the afternoon", "Sitting and talking to someone", "Sitting quietly after lunch",
                         "In a car, stopped for a few minutes in traffic"), 5, 8)
        return pick(r, ("Epworth Sleepiness Scale", "Sleepiness Questionnaire", "Sleep Screening Questionnaire")), [
            Section("instr", "", ["How likely are you to doze off in the following situations? 0 = never, 1 = slight, 2 = moderate, 3 = high"]),
            Section("items", "", [f"{item}  {r.randint(0, 3)}" for item in items]), Section("total", "Total", [f"{r.randint(3, 22)} / 24"])]
    items = some(r, ("Do you snore loudly", "Do you often feel tired during the day", "Has anyone seen you stop breathing",
                     "High blood pressure", "Jaw clicking or popping", "Headaches on waking", "Grinding or clenching",
                     "Heart problems", "Diabetes", "Taking blood thinners", "Allergies to medications", "Pregnant or nursing"), 4, 8)
    return pick(r, ("Patient Health History", "Sleep and TMJ Intake Form", "Medical History Update", "New Patient Questionnaire")), [
        Section("items", "", [f"{item}?  Y / N  {pick(r, ('Y', 'N', 'yes', 'no', ''))}" for item in items]),
        Section("sig", "Signature", [blank(r) or "______"])]


def _lab_slip(r):
    return pick(r, ("Dental Laboratory Work Order", "Lab Prescription", "Laboratory Work Authorization", "Case Slip", "Lab Rx")), [
        Section("lab", "To lab", [f"{pick(r, ('Summit', 'Precision', 'Keystone', 'Artisan'))} Dental Lab"]),
        Section("case", "Case", [pick(r, ("Mandibular advancement appliance, start 60% protrusion", "Full contour zirconia #{}".format(r.randint(2, 31)),
                                          "Occlusal guard, hard, maxillary", "Upper partial denture framework", "Bleaching trays",
                                          "Dorsal-style sleep appliance, clear", "Night guard 2 mm"))]),
        Section("shade", "Shade", [pick(r, ("A2", "B1", "N/A", "clear"))]),
        Section("due", "Return by", [fmt_date(r, day(r))]),
        Section("enc", "Enclosed", [pick(r, ("Models, bite", "Digital scans via portal", "Impressions upper/lower, bite registration"))]),
        Section("sig", "Dentist signature / license", [blank(r) or "______"])]


def _statement(r):
    rows = [f"{fmt_date(r, day(r))}  {pick(r, ('Office visit', 'Oral appliance', 'Periodic exam', 'Payment - thank you', 'Insurance payment', 'Adjustment'))}  "
            f"{dollars(money(r, -500, 2500))}" for _ in range(r.randint(2, 6))]
    return pick(r, ("Patient Statement", "Statement of Account", "Walkout Statement", "Superbill", "Receipt", "Account Ledger")), [
        Section("rows", "", rows), Section("due", pick(r, ("Balance due", "Amount due", "Please pay")), [dollars(money(r, 0, 900))]),
        Section("pay", "", [pick(r, ("Pay online or call the billing office", "Make checks payable to the practice", "Thank you for your payment"))])]


def _instructions(r):
    return pick(r, ("Appliance Care Instructions", "Home Care Instructions", "After Your Visit", "Post-Op Instructions",
                    "Caring for Your Sleep Appliance", "What to Expect After Surgery")), [
        Section("body", "", some(r, ("Brush the appliance with cool water and mild soap", "Store it in its case away from pets",
                                     "Do not use hot water; it can warp the plastic", "Use the morning bite guide for 10 minutes",
                                     "Bite on gauze for 30 minutes", "Avoid straws for 24 hours", "Ice on and off the first day",
                                     "Call the office if bleeding continues", "Some soreness of teeth is normal the first weeks",
                                     "Bring the appliance to every visit"), 3, 6))]


def _schedule(r):
    rows = [f"{r.randint(7, 16)}:{pick(r, ('00', '15', '30', '45'))}  {person(r).name(r)}  "
            f"{pick(r, ('Recall', 'OA delivery', 'Consult', 'Crown seat', 'Emergency', 'Post-op', 'Scan'))}  Op {r.randint(1, 6)}"
            for _ in range(r.randint(3, 8))]
    return pick(r, ("Daily Schedule", "Day Sheet", "Sign-in Sheet", "Appointment List", "Production Report")), [Section("rows", "", rows)]


def _eligibility(r):
    return pick(r, ("Eligibility and Benefits Verification", "Insurance Verification", "Benefit Summary", "Coverage Check")), [
        Section("status", "Coverage status", [pick(r, ("Active", "Active - verified by phone", "Inactive"))]),
        Section("plan", "Plan", [pick(r, ("PPO", "HMO", "Medicare Advantage", "Medicaid"))]),
        Section("ded", "Deductible", [f"{dollars(money(r, 0, 2000))} individual, met {dollars(money(r, 0, 500))}"]),
        Section("e0486", "Oral appliance E0486", [pick(r, ("Covered at 80% after deductible, prior auth required", "Not covered", "DME benefit 50%"))]),
        Section("ref", "Reference #", [str(r.randint(10**6, 10**9))]), Section("rep", "Verified by", [pick(r, ("front desk", "KM", "billing"))])]


OTHER_SHAPES = ((_specimen_form, 5), (_lab_requisition, 2), (_claim_form, 3), (_consent, 3), (_release, 2), (_questionnaire, 3),
                (_lab_slip, 2), (_statement, 2), (_instructions, 2), (_schedule, 1), (_eligibility, 2))


def other(r: random.Random) -> Draft:
    shape = weighted(r, OTHER_SHAPES)
    title, sections = shape(r)
    lab = shape in (_specimen_form, _lab_requisition) and maybe(r, 0.7)
    where = (('Oral Pathology Laboratory', 'Biopsy Service', 'Diagnostic Laboratories', 'Clinical Laboratory') if lab else
             ('Dental', 'Family Dentistry', 'Clinic', 'Dental Sleep Medicine', 'Medical Group', 'Oral Surgery'))
    return Draft("other", title, sections, person(r), doc_date=day(r) if maybe(r, 0.6) else None,
                 facility=f"{town(r)} {pick(r, where)}")


# ------------------------------------------------------------------------------ physician orders

ORDERABLE = (
    ("Home sleep apnea test (HSAT), 1 night", "G0399", "R06.83 / G47.30"), ("Attended polysomnogram, diagnostic", "95810", "G47.33"),
    ("Custom oral appliance for OSA, mandibular advancement, adjustable", "E0486", "G47.33"),
    ("Efficacy sleep study with oral appliance in place", "95806", "G47.33"), ("CBCT, maxilla and mandible", "70486", "K09.0"),
    ("Panoramic radiograph", "70355", "M26.60"), ("Amoxicillin 875 mg tab, 1 PO BID x 10 days, #20", "", "K04.7"),
    ("Ibuprofen 800 mg tab, 1 PO q8h PRN pain, #15", "", "K08.89"), ("Chlorhexidine 0.12% rinse, 15 mL BID, 473 mL", "", "K05.10"),
    ("CPAP auto 5-15 cm H2O with humidifier and mask of choice", "E0601", "G47.33"),
    ("Physical therapy: TMJ evaluation and treatment 2x/week x 6 weeks", "97161", "M26.60"),
    ("Clindamycin 300 mg cap, 1 PO QID x 7 days, #28", "", "K12.2"), ("Nystatin suspension 100,000 U/mL, 5 mL swish QID, 60 mL", "", "B37.0"),
)


def physician_order(r: random.Random) -> Draft:
    item, code, dx = pick(r, ORDERABLE)
    prescriber = doctor(r, dental=maybe(r, 0.3))
    shape = weighted(r, (("ehr", 3), ("rx", 2), ("swo", 2), ("letter", 2)))
    if shape == "ehr":
        sections = [Section("order", pick(r, ("Order", "Procedure", "Order Name", "Ordered Item")), [item]),
                    Section("code", pick(r, ("Code", "CPT/HCPCS", "Order code")), [code or "N/A"]),
                    Section("id", pick(r, ("Order ID", "Order #", "Requisition number")), [str(r.randint(10**6, 10**9))]),
                    Section("status", pick(r, ("Status", "Order status")), [pick(r, ("Signed", "Active", "Sent", "Completed", "Pending"))]),
                    Section("prio", "Priority", [pick(r, ("Routine", "STAT", "Urgent"))]),
                    Section("dx", pick(r, ("Associated diagnosis", "Diagnosis", "Dx")), [dx]),
                    Section("by", pick(r, ("Ordering provider", "Authorizing provider", "Ordered by")), [f"{prescriber}  NPI {npi(r)}"]),
                    Section("date", pick(r, ("Order date", "Ordered on", "Date")), [fmt_date(r, day(r))]),
                    Section("comm", pick(r, ("Order comments", "Comments", "Instructions")),
                            [pick(r, ("Dentist to fit, adjust and advance; efficacy study once at target", "Dispense as written",
                                      "Patient to pick up device", "Send results to ordering provider", "Schedule within 2 weeks"))])]
        return Draft("physician_order", pick(r, ("Order Details", "Orders", "Outpatient Order", "Signed Order", "Order Summary",
                                                 "Medication Order", "DME Order")),
                     sections[:1] + r.sample(sections[1:], len(sections) - 1), person(r), author=prescriber, doc_date=day(r))
    if shape == "rx":
        lines = [pick(r, ("Rx", "Rx:", "R/", "Prescription")), item, f"Refills: {pick(r, ('0', '1', '2', 'none'))}",
                 pick(r, ("Dispense as written", "Substitution permitted", "Generic OK")), f"Dx: {dx}",
                 f"{prescriber}  {pick(r, ('DEA', 'Lic #', 'NPI'))} {pick(r, 'ABFM')}{r.randint(10**6, 10**7 - 1)}",
                 f"Signature {blank(r) or '______'}"]
        return Draft("physician_order", pick(r, ("Prescription", "Rx", "Prescription Pad", "e-Prescription", "")),
                     [Section("rx", "", lines)], person(r), author=prescriber, doc_date=day(r),
                     facility=f"{town(r)} {pick(r, ('Sleep Center', 'Family Medicine', 'Oral Surgery', 'ENT'))}")
    if shape == "swo":
        sections = [Section("ben", pick(r, ("Beneficiary name", "Patient name")), [person(r).name(r)]),
                    Section("mbi", pick(r, ("Medicare ID", "Member ID")), [f"{r.randint(1, 9)}EG{r.randint(1000, 9999)}MK{r.randint(10, 99)}"]),
                    Section("date", "Order date", [fmt_date(r, day(r))]),
                    Section("item", pick(r, ("Item description", "Item(s) ordered", "Description of item")), [item]),
                    Section("qty", "Quantity", ["1"]), Section("code", "HCPCS", [code or "N/A"]),
                    Section("dx", "Diagnosis", [dx]),
                    Section("prac", pick(r, ("Treating practitioner", "Practitioner name", "Prescriber")), [f"{prescriber}, NPI {npi(r)}"]),
                    Section("sig", pick(r, ("Practitioner signature", "Signature")), [pick(r, ("Electronically signed", blank(r) or "_____"))])]
        return Draft("physician_order", pick(r, ("Standard Written Order", "SWO", "Written Order", "Detailed Written Order",
                                                 "DMEPOS Order")), sections, person(r), author=prescriber, doc_date=day(r))
    body = [pick(r, (f"Please provide {item} for the patient named above",
                     f"I am prescribing {item} for this patient",
                     f"Rx: {item}", f"This patient requires {item}")),
            f"Diagnosis: {dx}", pick(r, ("Length of need: lifetime (99 months)", "Duration: 12 months", "One time")),
            pick(r, ("The patient was seen face to face on " + fmt_date(r, day(r)), "Treating dentist to fit and adjust",
                     "Results to be sent to my office"))]
    return Draft("physician_order", pick(r, ("Prescription for Oral Appliance Therapy", "Physician Prescription", "Order",
                                             "Prescription and Order", "Order for Sleep Testing")),
                 [Section("body", "", body)], person(r), author=f"{prescriber}  NPI {npi(r)}", doc_date=day(r),
                 facility=f"{town(r)} {pick(r, ('Sleep Center', 'Pulmonary Associates', 'Family Medicine', 'Internal Medicine'))}")


# ------------------------------------------------------------------------------ radiology reports of dental images

DENTAL_FINDINGS = {
    "Dentition": ("Full permanent dentition; #{t3} and #{t3b} impacted", "Missing #{t}, #{t2}", "Deep restoration #{t} approximating pulp",
                  "Root canal treated #{t} with adequate fill", "Interproximal caries #{t} distal", "Implant #{t}, osseointegrated in appearance"),
    "Periodontium": ("Generalized mild horizontal bone loss", "Vertical defect mesial #{t}", "Calculus deposits lower anteriors",
                     "Bone levels within normal limits"),
    "Periapical": ("Periapical radiolucency #{t}, approx {a} mm", "Widened PDL space #{t}", "Condensing osteitis apex #{t}",
                   "No periapical pathology", "Loss of lamina dura at the apex of #{t}"),
    "Jaws": ("Well-defined corticated radiolucency {a} x {b} mm, posterior mandible", "Mixed radiolucent-radiopaque lesion apical to mandibular incisors",
             "No osseous lesions", "Idiopathic osteosclerosis near #{t}", "Inferior alveolar canal {b} mm from apex of #{t3}"),
    "Sinuses": ("Mucosal thickening R maxillary sinus floor", "Maxillary sinuses clear", "Antrolith L maxillary sinus",
                "Periapical mucositis adjacent #{t}"),
    "TMJ": ("Condyles symmetric with normal cortication", "Flattening of the L condyle, subchondral sclerosis", "Osteophyte anterior R condyle"),
    "Airway": ("Oropharyngeal airway narrowest {b} mm", "Minimum cross-sectional area {a}0 mm2", "Adenoid tissue prominent"),
    "Incidental": ("Calcified stylohyoid ligaments", "Carotid artery calcification suspected, recommend medical evaluation",
                   "Tonsilloliths", "Ghost image of earrings"),
}
DENTAL_IMPRESSIONS = ("Periapical lesion #{t}, most consistent with apical periodontitis", "Impacted third molars",
                      "Findings consistent with a dentigerous cyst associated with #{t3}", "Degenerative joint disease L TMJ",
                      "Generalized mild periodontal bone loss", "No significant radiographic pathology", "Narrow oropharyngeal airway",
                      "Periapical cyst vs granuloma #{t}", "Recurrent caries #{t}", "Odontogenic sinusitis from #{t}")
DENTAL_STUDIES = ("Panoramic radiograph", "Periapical radiographs", "Bitewing radiographs", "Full mouth series", "CBCT, limited field of view",
                  "CBCT, large field of view", "Cone beam CT of the mandible", "Periapical #{t}", "Lateral cephalogram",
                  "CBCT TMJ", "4 bitewings and 2 PAs")


def radiology_report(r: random.Random) -> Draft:
    v = dict(t=r.randint(2, 31), t2=r.randint(2, 31), t3=pick(r, (1, 16, 17, 32)), t3b=pick(r, (1, 16, 17, 32)),
             a=r.randint(2, 18), b=r.randint(2, 14))
    study = pick(r, DENTAL_STUDIES).format(**v)
    regions = some(r, tuple(DENTAL_FINDINGS), 2, 6)
    findings = [f"{region}: {pick(r, DENTAL_FINDINGS[region]).format(**v)}" for region in regions]
    impression = [i.format(**v) for i in some(r, DENTAL_IMPRESSIONS, 1, 3)]
    reader = doctor(r, dental=maybe(r, 0.75)) + pick(r, (", Oral and Maxillofacial Radiologist", ", OMFR", ", Diplomate ABOMR", "",
                                                          ", Radiologist"))
    shape = weighted(r, (("report", 4), ("brief", 2), ("letter", 2)))
    if shape == "letter":
        sections = [Section("open", "", [pick(r, (f"Thank you for the opportunity to review the {study.lower()} of your patient",
                                                  f"I have reviewed the {study.lower()} you sent on {fmt_date(r, day(r))}",
                                                  f"Here is my interpretation of the {study.lower()}",
                                                  f"As requested, I read the {study.lower()}"))]),
                    Section("find", pick(r, ("Findings", "")), findings), Section("imp", pick(r, ("Impression", "Interpretation", "")), impression),
                    Section("rec", "", [pick(r, ("Clinical correlation is recommended", "Please call with questions",
                                                 "Endodontic evaluation suggested", "Referral to the physician regarding the carotid finding is advised"))])]
        return Draft("radiology_report", pick(r, ("Radiographic Interpretation", "Consultation - Imaging", "CBCT Interpretation", "")),
                     sections, person(r), author=reader, letter=True, salutation=pick(r, (f"Dear Dr. {surname(r)},", "Dear Doctor:", "Dear Colleague,")),
                     closing=pick(r, ("Sincerely,", "Regards,")), recipient=doctor(r, dental=True), doc_date=day(r),
                     facility=f"{town(r)} {pick(r, ('Oral Radiology', 'Maxillofacial Imaging', 'Dental Imaging Center', '3D Imaging'))}")
    if shape == "brief":
        body = [f"{study}: " + "; ".join(f.split(': ', 1)[1] for f in findings[:3]), f"{pick(r, ('Imp', 'Impression', 'Interp'))}: {impression[0]}"]
        return Draft("radiology_report", pick(r, ("Radiology Report", "Radiograph Interpretation", "X-ray Reading", "Imaging Result",
                                                  "Radiographic Report")), [Section("body", "", body)], person(r), author=reader, doc_date=day(r))
    sections = [Section("study", pick(r, ("Study", "Exam", "Images reviewed", "Imaging modality")), [study]),
                Section("ind", pick(r, ("Indication", "Reason for referral", "Clinical question")),
                        [pick(r, ("Evaluate #{t} for periapical pathology".format(**v), "Implant planning", "Third molar assessment",
                                  "Airway evaluation for OSA", "TMJ pain", "Routine screening"))]),
                Section("tech", pick(r, ("Technique", "Acquisition", "Field of view")),
                        [pick(r, (f"Voxel {pick(r, ('0.125', '0.2', '0.3'))} mm, FOV {pick(r, ('5x5', '8x8', '16x10'))} cm",
                                  "Digital sensor, paralleling technique", "Standard panoramic projection", "Multiplanar reformats reviewed"))]),
                Section("find", pick(r, ("Findings", "Radiographic findings", "Observations")), findings),
                Section("imp", pick(r, ("Impression", "Interpretation", "Radiographic impression", "Summary")), impression)]
    if maybe(r, 0.4):
        sections.pop(2)
    return Draft("radiology_report", pick(r, ("Oral and Maxillofacial Radiology Report", "CBCT Report", "Panoramic Radiograph Report",
                                              "Radiographic Interpretation Report", "Dental Radiology Report", "Imaging Report")),
                 sections, person(r), author=reader, doc_date=day(r), recipient=doctor(r, dental=True))


# ------------------------------------------------------------------------------ radiographs: the image page

def radiograph(r: random.Random) -> Draft:
    p = person(r)
    parts = some(r, (
        pick(r, ("FMX", "FMX 18", "4BW", "BW", "BW R", "BW L", "Vertical BW", "PA", "PAN", "Pano", "CBCT", "Ceph", "Occlusal", "Mount 1")),
        f"{p.last.upper()}, {p.first.upper()}" if maybe(r, 0.5) else p.name(r),
        fmt_date(r, day(r)), pick(r, ("R", "L", "UR", "UL", "LR", "LL", "UA", "LA")),
        f"#{r.randint(1, 32)}" + (f"-#{r.randint(1, 32)}" if maybe(r, 0.4) else ""),
        f"{pick(r, ('Sensor', 'Size'))} {r.randint(0, 2)}", f"{r.randint(60, 90)} kV {r.randint(4, 12)} mA {num(r, 0.05, 0.5, 3)} s",
        f"Image {r.randint(1, 18)} of {r.randint(4, 18)}", pick(r, ("Dexis", "Schick", "Sidexis", "Romexis", "Apteryx XVWeb", "CS Imaging")),
        f"Patient ID {r.randint(1000, 999999)}", pick(r, ("Not for diagnostic use", "Printed " + fmt_date(r, day(r)), "Magnification 1.25")),
        f"Study date {fmt_date(r, day(r))}", f"Modality {pick(r, ('PX', 'IO', 'CT', 'DX'))}", "mm",
    ), 1, 5)
    return Draft("radiograph", parts[0], [Section("label", "", parts[1:])], p, short=True)


# ------------------------------------------------------------------------------ sleep studies

def sleep_study(r: random.Random) -> Draft:
    ahi = float(num(r, 1, 60))
    severity = "normal" if ahi < 5 else "mild" if ahi < 15 else "moderate" if ahi < 30 else "severe"
    shape = weighted(r, (("device", 3), ("efficacy", 3), ("oximetry", 1), ("letter", 2)))
    reader = doctor(r) + pick(r, (", D-ABSM", ", Sleep Medicine", "", ", FAASM"))
    if shape == "device":
        sections = [Section("dev", pick(r, ("Device", "Recorder", "Test type")), [pick(r, ("Type III HSAT", "PAT-based HSAT", "Type IV",
                                                                                           "Home sleep test, 2 nights"))]),
                    Section("times", pick(r, ("Recording", "Study times")), [f"Start {r.randint(9, 11)}:{r.randint(10, 59)} PM  End {r.randint(5, 7)}:{r.randint(10, 59)} AM",
                                                                             f"Valid time {r.randint(240, 480)} min"]),
                    Section("resp", pick(r, ("Respiratory indices", "Results", "Summary")),
                            [f"{pick(r, ('pAHI', 'REI', 'AHI 3%', 'AHI 4%'))} {ahi}", f"{pick(r, ('pRDI', 'RDI'))} {num(r, ahi, ahi + 10)}",
                             f"ODI {num(r, max(ahi - 5, 0.5), ahi + 5)}", f"Central events {r.randint(0, 6)}"]),
                    Section("ox", pick(r, ("Oxygen", "SpO2")), [f"Mean {r.randint(91, 96)}%", f"Min {r.randint(70, 90)}%", f"T<88% {num(r, 0, 40)} min"]),
                    Section("pos", pick(r, ("Body position", "Position")), [f"Supine {r.randint(10, 80)}%  AHI supine {num(r, ahi, ahi * 2 + 1)}",
                                                                            f"Non-supine AHI {num(r, 0.5, ahi + 1)}"]),
                    Section("snore", "Snoring", [f"> 40 dB {r.randint(1, 60)}% of sleep"]),
                    Section("interp", pick(r, ("Physician interpretation", "Interpretation", "Diagnosis")),
                            [f"{severity.capitalize()} obstructive sleep apnea" if severity != "normal" else "No significant sleep-disordered breathing",
                             pick(r, ("Treatment options include PAP or oral appliance therapy", "Clinical correlation advised",
                                      "Recommend follow-up with ordering provider"))])]
        return Draft("sleep_study", pick(r, ("Sleep Report", "HSAT Summary", "Home Sleep Test Report", "Study Summary", "Sleep Test Results")),
                     sections, person(r), author=reader, doc_date=day(r))
    if shape == "efficacy":
        base = num(r, 15, 50)
        sections = [Section("ind", pick(r, ("Indication", "Purpose")),
                            [pick(r, ("Assess efficacy of oral appliance", "Oral appliance titration study", "Follow-up on MAD therapy"))]),
                    Section("app", pick(r, ("Appliance", "Therapy during study")),
                            [f"Custom MAD at {r.randint(4, 11)} mm advancement" + pick(r, ("", "; advanced in lab by technologist"))]),
                    Section("res", pick(r, ("Results", "Findings")),
                            [f"AHI {ahi}/h (baseline {base}/h)", f"Nadir SpO2 {r.randint(78, 93)}%", f"Sleep efficiency {r.randint(70, 95)}%",
                             f"TST {r.randint(240, 460)} min"]),
                    Section("imp", pick(r, ("Impression", "Interpretation")),
                            [pick(r, ("Oral appliance effective; residual AHI within normal limits", "Partial response to oral appliance",
                                      "Further advancement recommended", "Optimal setting reached"))])]
        return Draft("sleep_study", pick(r, ("Oral Appliance Efficacy Study", "PSG with Oral Appliance", "HSAT on Oral Appliance",
                                             "Titration Polysomnogram - Oral Appliance", "Follow-up Sleep Study")),
                     sections, person(r), author=reader, doc_date=day(r))
    if shape == "oximetry":
        sections = [Section("res", "Results", [f"Recording {r.randint(5, 9)} h", f"ODI 4% {num(r, 2, 40)}/h", f"Mean SpO2 {r.randint(90, 96)}%",
                                              f"Nadir {r.randint(70, 88)}%", f"T90 {num(r, 0, 30)}%", f"Mean pulse {r.randint(55, 85)}"]),
                    Section("imp", "Interpretation", [pick(r, ("Cyclical desaturations suggestive of sleep apnea", "No significant nocturnal hypoxemia",
                                                               "Abnormal overnight oximetry; recommend PSG"))])]
        return Draft("sleep_study", pick(r, ("Overnight Pulse Oximetry", "Nocturnal Oximetry Report", "Overnight Oximetry")),
                     sections, person(r), author=reader, doc_date=day(r))
    sections = [Section("open", "", [pick(r, ("Your patient completed the sleep study ordered by our office",
                                              "The results of the home sleep test are summarized below",
                                              "I interpreted the overnight study of the patient named above"))]),
                Section("res", "", [f"The apnea-hypopnea index was {ahi} per hour, with oxygen saturation falling to {r.randint(72, 90)}%",
                                    f"Total sleep time was {r.randint(4, 7)} hours {r.randint(0, 59)} minutes"]),
                Section("imp", "", [f"These findings are consistent with {severity} obstructive sleep apnea" if severity != "normal"
                                    else "These findings do not show significant sleep apnea",
                                    pick(r, ("An oral appliance or CPAP would be appropriate", "I will see the patient to discuss therapy"))])]
    return Draft("sleep_study", pick(r, ("Sleep Study Results", "Interpretation of Sleep Study", "")), sections, person(r),
                 author=reader, letter=True, salutation=pick(r, ("Dear Doctor,", f"Dear Dr. {surname(r)}:")), closing="Sincerely,",
                 recipient=doctor(r, dental=True), doc_date=day(r))


# ------------------------------------------------------------------------------ pathology results

def pathology_report(r: random.Random) -> Draft:
    site = pick(r, ("left lateral tongue", "buccal mucosa", "lower lip", "palate", "floor of mouth", "gingiva", "mandible, periapical"))
    dx, micro = pick(r, (("Irritation fibroma", "Dense fibrous tissue beneath keratinized epithelium"),
                         ("Mucocele", "Mucin pool lined by granulation tissue with muciphages"),
                         ("Mild epithelial dysplasia", "Basilar hyperplasia with mild cytologic atypia limited to the basal layers"),
                         ("Squamous cell carcinoma, invasive", "Islands of atypical squamous epithelium invading connective tissue"),
                         ("Lichen planus", "Band-like lymphocytic infiltrate with basal degeneration"),
                         ("Periapical cyst", "Cyst lined by stratified squamous epithelium with chronic inflammation"),
                         ("Hyperkeratosis, no dysplasia", "Thickened keratin layer without atypia"),
                         ("Candidiasis", "Hyphae within parakeratin, PAS positive")))
    case = f"{pick(r, ('S', 'OP', 'B', 'C'))}{r.randint(20, 26)}-{r.randint(100, 99999)}"
    pathologist = doctor(r, dental=maybe(r, 0.5)) + pick(r, (", Oral Pathologist", ", Pathologist", ", FCAP", ""))
    shape = weighted(r, (("letter", 2), ("brief", 2), ("cyto", 1), ("addendum", 1)))
    if shape == "letter":
        sections = [Section("open", "", [pick(r, (f"The specimen from the {site} you submitted on {fmt_date(r, day(r))} (case {case}) has been examined",
                                                  f"Thank you for submitting the biopsy of the {site}",
                                                  f"Here is the result of case {case}"))]),
                    Section("micro", "", [f"Microscopic examination shows {micro.lower()}"]),
                    Section("dx", pick(r, ("Diagnosis", "")), [dx]),
                    Section("com", "", [pick(r, ("Please call if you would like to discuss", "Follow-up in 3 months recommended",
                                                 "Complete excision is advised"))])]
        return Draft("pathology_report", pick(r, ("Biopsy Result", "Pathology Result", "")), sections, person(r), author=pathologist,
                     letter=True, salutation=pick(r, ("Dear Doctor,", f"Dear Dr. {surname(r)},")), closing="Sincerely,",
                     recipient=doctor(r, dental=True), doc_date=day(r))
    if shape == "cyto":
        sections = [Section("case", "Case", [case]), Section("spec", "Specimen", [f"Brush cytology, {site}"]),
                    Section("adeq", "Adequacy", [pick(r, ("Satisfactory for evaluation", "Limited by inflammation"))]),
                    Section("res", pick(r, ("Result", "Interpretation")), [pick(r, ("Negative for epithelial abnormality", "Atypical; biopsy recommended",
                                                                                  "Positive for dysplastic cells"))])]
        return Draft("pathology_report", pick(r, ("Oral Cytology Report", "Brush Biopsy Result", "Cytopathology")), sections, person(r),
                     author=pathologist, doc_date=day(r))
    if shape == "addendum":
        sections = [Section("case", "Case", [case]),
                    Section("add", pick(r, ("Addendum", "Amended report")), [pick(r, ("Deeper levels were examined", "Immunostains performed",
                                                                                     "Margins re-evaluated"))]),
                    Section("dx", pick(r, ("Revised diagnosis", "Final diagnosis", "Diagnosis")), [f"{site.capitalize()}: {dx}"]),
                    Section("micro", "Microscopic", [micro])]
        return Draft("pathology_report", pick(r, ("Addendum Report", "Amended Pathology Report", "Supplemental Report")), sections,
                     person(r), author=pathologist, doc_date=day(r))
    return Draft("pathology_report", pick(r, ("Pathology", "Biopsy Report", "Histology Report", "Final Report")),
                 [Section("body", "", [f"Case {case}. {site.capitalize()}, biopsy.", f"Diagnosis: {dx}.", f"Micro: {micro}.",
                                       f"Signed out {fmt_date(r, day(r))}"])], person(r), author=pathologist, doc_date=day(r))


# ------------------------------------------------------------------------------ photos: the picture page

PHOTO_VIEWS = ("frontal", "frontal smile", "retracted frontal", "right lateral", "left lateral", "right buccal", "left buccal",
               "maxillary occlusal", "mandibular occlusal", "profile", "3/4 view", "close-up", "lesion", "appliance seated",
               "appliance out of mouth", "in occlusion", "protrusive position", "open mouth", "tongue elevated", "palate")


def photo(r: random.Random) -> Draft:
    """What a clinical photo page carries: the camera or imaging program's caption, a view name, a date."""
    p = person(r)
    parts = some(r, (
        pick(r, ("Intraoral photo", "Extraoral photo", "Clinical photograph", "Intraoral camera", "Photo", "Clinical image",
                 "Intraoral image", "Extraoral image", "Photograph", "Pre-op photo", "Post-op photo", "Progress photo")),
        pick(r, PHOTO_VIEWS), pick(r, PHOTO_VIEWS), p.name(r), fmt_date(r, day(r)),
        pick(r, ("pre-treatment", "post-treatment", "before", "after", "6 wk follow-up", "initial", "delivery day")),
        f"{pick(r, ('IMG_', 'DSC_', 'P'))}{r.randint(1000, 99999)}.{pick(r, ('jpg', 'JPG', 'jpeg', 'png'))}",
        f"{pick(r, ('ISO', 'f/', '1/'))}{pick(r, ('100', '22', '200', '125'))}", pick(r, ("ring flash", "twin flash", "with contrastor",
                                                                                         "with mirror", "retractors", "color")),
        f"Photo {r.randint(1, 12)}", pick(r, ("R", "L")), f"#{r.randint(1, 32)}"), 1, 5)
    return Draft("photo", parts[0], [Section("caption", "", parts[1:])], p, short=True)
