"""What letters of medical necessity, EOBs, pictures' labels and everything else ("other") say."""
from __future__ import annotations

import random

from kind_corpus.common import (Draft, Section, day, dollars, doctor, fmt_date, maybe, money, num, person, pick,
                                some, town)

# ------------------------------------------------------------------------------ narratives (letters of medical necessity)

TREATMENTS = (
    ("a custom mandibular advancement device (E0486)", "obstructive sleep apnea (G47.33)",
     "CPAP was tried for {n} months and not tolerated because of {why}",
     "untreated sleep apnea raises the risk of hypertension, stroke, heart failure and motor vehicle accidents"),
    ("open reduction of a mandible fracture", "a fracture of the mandible (S02.6)",
     "the injury occurred on {d} when the patient {how}",
     "without reduction the fracture will heal in malocclusion with lasting loss of function"),
    ("excisional biopsy of an oral lesion", "a leukoplakia of the lateral tongue",
     "the lesion has persisted for {n} weeks despite removal of irritants",
     "delay could allow progression of dysplasia to carcinoma"),
    ("arthrocentesis of the temporomandibular joint", "TMJ internal derangement (M26.63)",
     "splint therapy, NSAIDs and physical therapy over {n} months gave no lasting relief",
     "the patient cannot open beyond 25 mm and cannot eat a normal diet"),
    ("lingual frenectomy", "ankyloglossia (Q38.1)", "speech therapy for {n} months has not corrected articulation",
     "the restriction impairs feeding and speech development"),
    ("extraction of teeth before radiation therapy", "oral cancer requiring radiation to the jaws",
     "the oncologist requires dental clearance before therapy", "osteoradionecrosis risk makes later extraction dangerous"),
)
NARRATIVE_TITLES = ("Letter of Medical Necessity", "Statement of Medical Necessity", "Medical Necessity Letter",
                    "Appeal - Request for Reconsideration", "First Level Appeal", "Predetermination Request",
                    "Prior Authorization Request", "Narrative Report", "Re: Medical necessity of requested treatment",
                    "Request for Coverage", "LMN", "Claim Appeal", "Letter in Support of Coverage")
SALUTATIONS = ("To Whom It May Concern:", "Dear Medical Director:", "Dear Claims Reviewer:", "Dear Utilization Review Committee:",
               "Attention: Appeals Department", "Dear Sir or Madam:", "Dear Reviewer,", "Dear Appeals Coordinator:")


def narrative(r: random.Random) -> Draft:
    treatment, condition, history, risk = pick(r, TREATMENTS)
    history = history.format(n=r.randint(2, 12), why=pick(r, ("claustrophobia", "mask leaks", "aerophagia", "nasal congestion")),
                             d=fmt_date(r, day(r)), how=pick(r, ("fell from a ladder", "was struck in the face", "crashed a bicycle")))
    appeal = maybe(r, 0.35)
    author = doctor(r, dental=maybe(r, 0.7))
    opening = pick(r, (
        f"I am writing on behalf of my patient to request coverage of {treatment}",
        f"This letter is to document the medical necessity of {treatment} for my patient",
        f"I am writing to appeal the denial of {treatment} provided to our patient",
        f"Please accept this letter as a request for reconsideration of claim #{r.randint(10**6, 10**9)} for {treatment}",
        f"We are requesting prior authorization for {treatment}",
        f"My patient requires {treatment} and I am writing to explain why it is medically necessary",
    )) if not appeal else pick(r, (
        f"I am writing to appeal the denial of claim #{r.randint(10**6, 10**9)} for {treatment}",
        f"We respectfully request reconsideration of your decision to deny {treatment}",
        f"This is a formal first-level appeal of the adverse determination dated {fmt_date(r, day(r))}"))
    body = [
        Section("opening", "Request", [opening]),
        Section("diagnosis", pick(r, ("Diagnosis", "Medical history", "Clinical summary")),
                [f"The patient has been diagnosed with {condition}", history]),
        Section("necessity", pick(r, ("Medical necessity", "Rationale", "Justification")),
                [f"In my professional opinion {treatment} is medically necessary",
                 f"Without treatment {risk}",
                 pick(r, ("This treatment is not cosmetic", "The American Academy of Sleep Medicine recommends oral appliance "
                          "therapy for patients who do not tolerate CPAP", "This is the standard of care for this condition",
                          "The service is covered under the medical benefit because it treats a medical condition"))]),
        Section("request", pick(r, ("Request", "Conclusion")),
                [pick(r, ("I respectfully ask that you approve coverage for this treatment",
                          "Please overturn the denial and process the claim for payment",
                          "We ask that the plan authorize this medically necessary service",
                          "Please reconsider and approve this claim")),
                 pick(r, ("Enclosed are the clinical notes, the sleep study and the physician's order",
                          "Supporting records are attached", "Please contact my office if you need further information",
                          "Thank you for your prompt review"))]),
    ]
    return Draft("narrative", pick(r, NARRATIVE_TITLES), body, person(r), author=author, letter=True,
                 salutation=pick(r, SALUTATIONS), closing=pick(r, ("Sincerely,", "Respectfully,", "Respectfully submitted,", "Regards,")),
                 recipient=pick(r, ("Example Health Plan, Appeals Unit", "Medical Review Department", "Utilization Management",
                                    "Claims Department", "Prior Authorization Unit")), doc_date=day(r))


# ------------------------------------------------------------------------------ EOBs

SERVICES = (("E0486", "Oral appliance"), ("99213", "Office visit"), ("D9947", "Custom sleep apnea appliance"),
            ("21453", "Closed treatment mandible fracture"), ("40808", "Biopsy vestibule of mouth"), ("D7210", "Surgical extraction"),
            ("70486", "CT maxillofacial"), ("88305", "Surgical pathology"), ("D0150", "Comprehensive oral eval"),
            ("12011", "Simple repair face 2.5 cm"), ("41010", "Incision of lingual frenum"), ("99204", "New patient visit"))
EOB_TITLES = ("Explanation of Benefits", "EXPLANATION OF BENEFITS", "Remittance Advice", "Provider Remittance Advice",
              "Electronic Remittance Advice", "Medicare Summary Notice", "Payment Voucher", "Claim Detail Report",
              "Dental Explanation of Benefits", "Provider Payment Summary", "EOB", "Statement of Benefits",
              "Claim Processing Summary")
REMARKS = ("CO-45 Charge exceeds fee schedule/maximum allowable", "PR-1 Deductible amount", "PR-2 Coinsurance amount",
           "PR-3 Co-payment amount", "CO-97 Benefit included in another service", "N130 Consult plan benefit documents",
           "M15 Separately billed services have been bundled", "CO-16 Claim lacks information needed for adjudication",
           "CO-50 Not deemed a medical necessity by the payer", "PR-96 Non-covered charge", "CO-197 Precertification absent")


def eob(r: random.Random) -> Draft:
    rows = []
    totals = [0.0] * 4
    for code, label in some(r, SERVICES, 1, 4):
        billed = money(r, 90, 3200)
        allowed = round(billed * r.uniform(0.3, 0.95), 2)
        paid = round(allowed * pick(r, (0.8, 0.7, 0.9, 1.0, 0.0, 0.5)), 2)
        patient = round(allowed - paid, 2)
        rows.append([fmt_date(r, day(r)), code, label, dollars(billed), dollars(allowed), dollars(paid), dollars(patient)])
        totals = [t + v for t, v in zip(totals, (billed, allowed, paid, patient))]
    header = pick(r, (["Date", "Code", "Service", "Billed", "Allowed", "Paid", "Pt Resp"],
                      ["DOS", "Proc", "Description", "Charge", "Allowed Amt", "Plan Paid", "Your Share"],
                      ["Service Date", "CPT/HCPCS", "Svc", "Amount Billed", "Approved", "Payment", "Member Owes"]))
    plan = f"{pick(r, ('Example', 'Summit', 'Great Lakes', 'Keystone', 'Prairie'))} {pick(r, ('Health Plan', 'Health', 'Blue Shield', 'Insurance Co.', 'Dental Benefits', 'Medicare Advantage'))}"
    sections = [
        Section("claim", pick(r, ("Claim Information", "Claim", "Claim Details")),
                [f"{pick(r, ('Claim number', 'Claim #', 'Claim No.', 'ICN'))}: {r.randint(10**8, 10**11)}",
                 f"{pick(r, ('Member ID', 'Subscriber ID', 'ID #'))}: {pick(r, 'XYZWH')}{r.randint(10**7, 10**9)}",
                 f"{pick(r, ('Group number', 'Group #', 'Group'))}: {r.randint(1000, 999999)}",
                 f"Provider: {doctor(r, dental=maybe(r, 0.5))}",
                 f"{pick(r, ('Processed', 'Date processed', 'Payment date'))}: {fmt_date(r, day(r))}"]),
        Section("services", pick(r, ("Services", "Service Detail", "Claim Lines", "Details of Services")), [],
                table=(header, rows)),
        Section("totals", pick(r, ("Totals", "Summary", "Claim Totals")),
                [f"{pick(r, ('Total billed', 'Amount billed', 'Total charges'))}: {dollars(totals[0])}",
                 f"{pick(r, ('Allowed amount', 'Plan allowance', 'Total allowed'))}: {dollars(totals[1])}",
                 f"{pick(r, ('Plan paid', 'Amount paid', 'We paid'))}: {dollars(totals[2])}",
                 f"{pick(r, ('Patient responsibility', 'You may owe', 'Amount you owe', 'Member responsibility'))}: {dollars(totals[3])}",
                 f"{pick(r, ('Deductible', 'Deductible applied'))}: {dollars(money(r, 0, 500))}"]),
        Section("remarks", pick(r, ("Remark codes", "Remarks", "Adjustment reasons", "Messages", "Notes")), some(r, REMARKS, 1, 3)),
    ]
    if maybe(r, 0.6):
        sections.append(Section("notice", pick(r, ("Important", "Notice", "Your rights")),
                                [pick(r, ("THIS IS NOT A BILL", "This is not a bill. Keep for your records.",
                                          "You have the right to appeal this decision within 180 days",
                                          "Questions? Call Member Services at the number on your ID card")),
                                 pick(r, (f"Check/EFT #: {r.randint(10**6, 10**9)}", "Payment sent to provider",
                                          "Paid to: provider", f"EFT trace {r.randint(10**8, 10**10)}"))]))
    if maybe(r, 0.35):  # the member's statement: the same numbers told in sentences
        sections = [sections[0], Section("explained", pick(r, ("Here is what happened", "About this claim", "Claim summary",
                                                                "What this means", "Your claim")),
                                         _eob_sentences(r, totals)), *sections[2:]]
    return Draft("eob", pick(r, EOB_TITLES), sections, person(r), facility=plan, doc_date=day(r),
                 department=pick(r, ("Claims", "Member Services", "Provider Services", "")))


def _eob_sentences(r: random.Random, totals: list[float]) -> list[str]:
    billed, allowed, paid, owed = totals
    return some(r, (
        f"{pick(r, ('We processed the claim', 'Your claim was processed', 'We received and processed a claim'))} "
        f"{pick(r, ('from your provider', 'for services you received', 'sent by your dentist', 'for your recent visit'))}",
        f"{pick(r, ('Your provider charged', 'The provider billed', 'Charges submitted'))} {dollars(billed)}",
        f"{pick(r, ('The amount your plan allows is', 'Your plan approved', 'The allowed amount is'))} {dollars(allowed)}",
        f"{pick(r, ('We paid', 'Your plan paid', 'We sent a payment of'))} {dollars(paid)} "
        f"{pick(r, ('to the provider', 'directly to your provider', 'to you', ''))}".rstrip(),
        f"{pick(r, ('You may owe', 'Your share is', 'You are responsible for'))} {dollars(owed)}"
        f"{pick(r, (', your coinsurance', ' (deductible and coinsurance)', '', ', your copay'))}",
        f"You have met {dollars(money(r, 0, 1500))} of your {dollars(money(r, 1500, 3000))} deductible this year",
        pick(r, ("You do not have to pay the difference between the billed and allowed amounts",
                 "If you disagree with this decision you may ask for a review", "Keep this statement for your records")),
    ), 4, 7)


# ------------------------------------------------------------------------------ pictures: a label, a caption

PHOTO_VIEWS = ("maxillary occlusal", "mandibular occlusal", "right buccal", "left buccal", "frontal retracted",
               "smile", "profile", "lesion close-up", "extraoral frontal", "extraoral lateral", "palatal view",
               "lingual view", "pre-op", "post-op day 7", "laceration", "swelling left cheek", "appliance in place")


def photo(r: random.Random) -> Draft:
    parts = some(r, (f"{pick(r, ('Intraoral', 'Clinical', 'Extraoral', 'Intra-oral'))} {pick(r, ('photo', 'photograph', 'image', 'picture'))}",
                     pick(r, PHOTO_VIEWS), fmt_date(r, day(r)), f"IMG_{r.randint(1000, 9999)}.JPG",
                     f"{pick(r, ('Canon EOS', 'Nikon D', 'Sony A', 'iPhone '))}{r.randint(5, 900)}  f/{pick(r, ('22', '25', '16'))} 1/{r.randint(60, 250)}s ISO {pick(r, ('100', '200', '400'))}",
                     f"Photo {r.randint(1, 8)} of {r.randint(8, 12)}", "mm ruler for scale", "with mirror",
                     person(r).name(r), f"Tooth #{r.randint(1, 32)}", "cheek retractors", "R", "L"), 1, 5)
    return Draft("photo", parts[0], [Section("caption", "", parts[1:])], person(r), short=True)


def radiograph(r: random.Random) -> Draft:
    label = pick(r, ("PANORAMIC", "PAN", "FMX", "BWX", "PA", "Periapical", "Bitewing", "Lateral Ceph", "CEPH", "CBCT slice",
                     "Panoramic X-ray", "Occlusal film", "Full mouth series", "OPG", "Radiograph", "X-RAY"))
    parts = some(r, (f"#{r.randint(1, 32)}", pick(r, ("R", "L", "RIGHT", "LEFT")), fmt_date(r, day(r)),
                     f"kVp {r.randint(60, 90)} mA {r.randint(4, 15)} {num(r, 0.05, 16, 2)} s",
                     pick(r, ("Sirona Orthophos", "Carestream CS 8100", "Planmeca ProMax", "Dexis", "Vatech PaX-i", "Schick 33")),
                     f"Image {r.randint(1, 18)}/{r.randint(18, 20)}", person(r).name(r), "mm", f"DAP {num(r, 20, 120)} mGy*cm2",
                     f"Exposure {num(r, 0.1, 14.0)} s", pick(r, ("UR", "UL", "LR", "LL")), "Axial", "Sagittal", "Coronal"), 1, 5)
    return Draft("radiograph", label, [Section("label", "", parts)], person(r), short=True)


# ------------------------------------------------------------------------------ other

def _reminder(r):
    return [f"This is a reminder of your appointment on {fmt_date(r, day(r))} at {r.randint(8, 16)}:{pick(r, ('00', '15', '30', '45'))}",
            pick(r, ("Please arrive 10 minutes early", "Reply C to confirm", "Call us 24 hours ahead to reschedule",
                     "Bring your insurance card and a photo ID")),
            f"{town(r)} {pick(r, ('Dental', 'Family Dentistry', 'Smiles'))}"]


def _memo(r):
    return [f"To: {pick(r, ('All staff', 'Front office', 'Clinical team', 'Hygiene department'))}",
            f"From: {pick(r, ('Office manager', 'Practice administrator', 'HR'))}",
            pick(r, ("The office will close early on Friday for the holiday", "New parking rules start Monday",
                     "Please clock in using the new time system", "Quarterly OSHA training is next Wednesday at noon",
                     "The break room refrigerator will be cleaned out Friday", "Flu shots are available in the break room")),
            pick(r, ("Thank you for your cooperation", "Questions to the office manager", "Lunch will be provided"))]


def _invoice(r):
    items = some(r, ("Nitrile gloves, box of 100", "Prophy angles", "Sterilization pouches", "Composite refill A2",
                     "Impression material", "Printer toner", "Paper towels", "Patient bibs", "Saliva ejectors"), 2, 5)
    rows = [f"{item}   {r.randint(1, 20)}   {dollars(money(r, 5, 300))}" for item in items]
    return [f"Invoice #{r.randint(10000, 99999)}", f"Bill to: {town(r)} Dental", *rows,
            f"Subtotal {dollars(money(r, 50, 1500))}", f"Shipping {dollars(money(r, 0, 40))}", "Terms: Net 30"]


def _registration(r):
    p = person(r)
    return [f"Patient name: {p.first} {p.last}", f"Date of birth: {fmt_date(r, p.birth)}", f"Address: {r.randint(1, 999)} Elm St",
            f"Phone: 555-{r.randint(1000, 9999)}", f"Emergency contact: {pick(r, ('spouse', 'parent', 'friend'))}",
            f"Insurance: {pick(r, ('Delta Dental', 'MetLife', 'Cigna', 'None'))}", "Signature: ______________"]


def _history_form(r):
    questions = some(r, ("Do you have high blood pressure?", "Are you pregnant?", "Do you smoke?", "Do you snore?",
                         "Have you had heart surgery?", "Are you allergic to latex?", "Do you take blood thinners?",
                         "Have you been hospitalized in the last year?", "Do you have diabetes?", "Any joint replacements?"), 3, 7)
    return ["Please answer every question"] + [f"{q}  {pick(r, ('Yes', 'No', 'Y', 'N'))}" for q in questions] + ["Patient signature ______"]


def _consent(r):
    return [pick(r, ("I consent to the extraction of the tooth/teeth listed", "I authorize the dentist to perform the treatment described",
                     "I understand the risks including pain, swelling, infection, nerve injury and dry socket",
                     "I consent to the administration of local anesthesia")),
            "Alternatives have been explained to me, including no treatment", "Patient or guardian signature ______  Date ______",
            "Witness ______"]


def _postop(r):
    return some(r, ("Bite on gauze for 30 minutes", "Do not rinse, spit or use a straw for 24 hours", "Apply ice 20 minutes on, 20 off",
                    "Eat soft foods", "Take medication as prescribed", "Call us if bleeding does not stop",
                    "Some swelling is normal for 2-3 days", "Brush gently the next day"), 3, 6)


def _estimate(r):
    rows = [f"{code} {label}  fee {dollars(money(r, 80, 2500))}  est. insurance {dollars(money(r, 0, 1500))}"
            for code, label in some(r, (("D2740", "Crown"), ("D1110", "Prophylaxis"), ("D0274", "Bitewings"),
                                        ("D2392", "Composite, 2 surfaces"), ("D4341", "Perio scaling")), 1, 4)]
    return ["Treatment plan", *rows, "Estimates are not a guarantee of payment", "Plan accepted: ______"]


def _grocery(r):
    return some(r, ("apples", "bread", "milk 2 gal", "coffee filters", "paper plates", "eggs", "chicken", "rice",
                    "bananas", "dish soap", "yogurt", "cereal", "pasta", "tomatoes", "ice"), 4, 9)


def _misc(r):
    return [pick(r, ("Happy birthday! From all of us at the office", "Wi-Fi password: guest2025", "Lost and found: blue umbrella",
                     "Job opening: dental assistant, full time, apply at the front desk", "Meeting minutes - March",
                     "Out of office: closed for maintenance", "HVAC service ticket #" + str(r.randint(1000, 9999)),
                     "Thank you for your referral!", "Our newsletter: spring tips for healthy teeth",
                     "Payment received, thank you", f"Receipt: paid {dollars(money(r, 20, 800))} by card ending {r.randint(1000, 9999)}",
                     "Patient satisfaction survey: how did we do?", "Holiday schedule", "Directions to our office",
                     "Page 2 of 2", "Intentionally left blank", "Fax transmission report: OK", "Delivery confirmation"))] + \
        some(r, ("Monday through Thursday 8-5", "Call the front desk", "Parking in rear", "Thank you", "See you soon",
                 f"Ref {r.randint(100, 999)}", "Please keep for your records", "Rate us 1 to 5"), 0, 3)


def _fax_cover(r):
    return [pick(r, ("FAX", "Fax Cover Sheet", "FACSIMILE")), f"To: {pick(r, ('Medical records', 'Billing', 'Front desk'))}",
            f"From: {town(r)} {pick(r, ('Clinic', 'Dental', 'Medical Group'))}", f"Pages: {r.randint(1, 9)}",
            pick(r, ("Please call to confirm receipt", "Requested information attached", "Confidential")),
            "If you received this in error please notify the sender"]


OTHER_KINDS = (
    ("Appointment Reminder", _reminder), ("Staff Memo", _memo), ("Invoice", _invoice), ("Patient Registration", _registration),
    ("Medical History Questionnaire", _history_form), ("Informed Consent", _consent), ("Post-Operative Instructions", _postop),
    ("Treatment Plan Estimate", _estimate), ("Shopping list", _grocery), ("Notice", _misc), ("Fax", _fax_cover),
    ("Financial Policy", lambda r: ["Payment is due at the time of service", "We accept cash, check and major credit cards",
                                    "A fee applies to missed appointments without 24 hours notice", "Signature ______"]),
    ("HIPAA Acknowledgment", lambda r: ["I acknowledge that I received the Notice of Privacy Practices",
                                        "Patient signature ______  Date ______"]),
)


def other(r: random.Random) -> Draft:
    title, lines = pick(r, OTHER_KINDS)
    body = lines(r)
    if maybe(r, 0.3):
        title = ""
    return Draft("other", title or body[0], [Section("body", "", body[1:] if not title else body)], person(r),
                 doc_date=day(r), short=maybe(r, 0.5), facility=f"{town(r)} {pick(r, ('Dental', 'Office', 'Clinic'))}")
