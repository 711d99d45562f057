"""More chart notes: the record of one encounter, in the many shapes clinicians write it.

SOAP notes, terse dental progress notes, operative and procedure notes, oral appliance delivery,
fitting and titration visits, post-op checks, exams and recalls, a physician's face-to-face sleep
consultation, a hospital consult, a telephone encounter. What makes each a chart note is that it
records a visit (what the patient said, what was found, what was done, what happens next), even
when it mentions a referral, a sleep study, a biopsy, an x-ray, a prescription or an order; so
those mentions are mixed in on purpose (hard negatives for the neighbouring kinds).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from kind_corpus.common import Draft, Section, day, doctor, fmt_date, maybe, num, person, pick, some, surname

FIRST_INITIALS = "ABCDEFGHJKLMNPRSTW"


def tooth(r: random.Random) -> int:
    return r.randint(1, 32)


def molar(r: random.Random) -> int:
    return pick(r, (2, 3, 14, 15, 18, 19, 30, 31))


def third_molar(r: random.Random) -> int:
    return pick(r, (1, 16, 17, 32))


def clinician(r: random.Random, *, dental: bool | None = None) -> str:
    """Who writes a note: dentists, physicians, hygienists, assistants, PAs, NPs."""
    roll = r.random()
    if dental is None:
        dental = maybe(r, 0.6)
    if roll < 0.12 and dental:
        return f"{pick(r, ('Kim', 'Dana', 'Robin', 'Casey', 'Jo'))} {surname(r)}, {pick(r, ('RDH', 'RDH, BS', 'RDA', 'EFDA', 'CDA'))}"
    if roll < 0.2 and not dental:
        return f"{pick(r, ('Lee', 'Sam', 'Pat', 'Avery'))} {surname(r)}, {pick(r, ('PA-C', 'NP', 'APRN', 'FNP-C', 'RN'))}"
    return doctor(r, dental=dental)


ANESTHETICS = ("2% lidocaine 1:100k epi", "4% articaine 1:100k epi", "4% articaine 1:200k", "3% mepivacaine plain",
               "0.5% bupivacaine 1:200k epi", "4% prilocaine plain", "2% lido w/ epi")
BLOCKS = ("IANB", "IANB + long buccal", "infiltration", "buccal and palatal infiltration", "PSA", "GP block",
          "Gow-Gates", "mental block", "PDL injection", "Akinosi")


def anesthesia(r: random.Random, *, short: bool = False) -> str:
    carps = pick(r, ("1", "2", "3", "1.5", "1/2", "4"))
    if short:
        return f"{carps} carp {pick(r, ('lido', 'artic', 'carbo', 'septo', 'marcaine'))} {pick(r, ('IANB', 'infil', 'PSA', 'blk'))}"
    return f"{carps} {pick(r, ('carpules', 'carps', 'cartridges', 'x 1.7 mL'))} {pick(r, ANESTHETICS)} via {pick(r, BLOCKS)}"


def vitals(r: random.Random, *, short: bool = False) -> str:
    bp = f"{r.randint(102, 168)}/{r.randint(60, 102)}"
    if short:
        return pick(r, (f"BP {bp}", f"bp {bp} p {r.randint(55, 104)}", f"BP {bp}, P {r.randint(55, 104)}",
                        f"VS: {bp}, {r.randint(55, 104)}, {r.randint(12, 20)}"))
    return pick(r, (f"BP {bp}, HR {r.randint(55, 104)}, SpO2 {r.randint(93, 100)}%",
                    f"BP {bp} mmHg  Pulse {r.randint(55, 104)}  Resp {r.randint(12, 20)}  Temp {num(r, 97.1, 99.4)} F",
                    f"Blood pressure {bp}, pulse {r.randint(55, 104)}, weight {r.randint(110, 290)} lb",
                    f"BP {bp} P {r.randint(55, 104)} R {r.randint(12, 20)} T {num(r, 97.1, 99.4)} Ht {r.randint(60, 76)} in "
                    f"Wt {r.randint(110, 290)} lb BMI {num(r, 19, 44)}"))


# ------------------------------------------------------------------------------ mentions of other kinds

def mention_referral(r: random.Random) -> str:
    who = pick(r, ("ENT", "OMFS", "oral surgery", "periodontist", "endodontist", "sleep medicine", "PCP", "PT",
                   "orofacial pain", "cardiology", "orthodontist", "speech therapy", "myofunctional therapist"))
    return pick(r, (f"Referral to {who} placed", f"Will refer to {who}", f"Referral to {who} sent today",
                    f"Pt sent by {doctor(r)} ({pick(r, ('PCP', 'sleep physician', 'ENT', 'pediatrician'))})",
                    f"Referral letter from {doctor(r)} reviewed and scanned", f"Refer to {who} - referral faxed",
                    f"Pt declined referral to {who} at this time", f"Referral paperwork on chart",
                    f"Ref {who}", f"Recommended pt see {who}; referral to be faxed"))


def mention_sleep(r: random.Random) -> str:
    return pick(r, (f"HST reviewed with pt: AHI {num(r, 5, 45)}, nadir {r.randint(72, 90)}%",
                    f"PSG {fmt_date(r, day(r))} showed {pick(r, ('mild', 'moderate', 'severe'))} OSA",
                    f"Sleep study results on chart: AHI {num(r, 5, 45)}/h",
                    "Will need follow-up sleep study with appliance in place once titrated",
                    "Efficacy sleep test to be ordered by sleep physician",
                    f"Epworth today {r.randint(3, 12)} (was {r.randint(12, 21)})",
                    f"Pt's watch/ring data shows fewer desats per pt", "Copy of sleep study requested from sleep center",
                    f"Baseline HSAT REI {num(r, 5, 45)}; repeat after titration"))


def mention_path(r: random.Random) -> str:
    return pick(r, ("Biopsy taken; specimen placed in 10% formalin and sent to oral pathology",
                    "Path report reviewed w/ pt: irritation fibroma, no dysplasia", "Awaiting pathology results",
                    "Specimen sent to path with requisition", "Discussed biopsy results with pt, benign",
                    f"Pathology ({pick(r, ('S', 'OP'))}{r.randint(20, 26)}-{r.randint(100, 9999)}) returned mild dysplasia; close f/u",
                    "Brush biopsy kit used, sample mailed to lab"))


def mention_xray(r: random.Random) -> str:
    t = tooth(r)
    return pick(r, (f"PA #{t} taken: periapical radiolucency", "Pan reviewed: no pathology noted", "4BWX taken, no new caries",
                    f"PA of #{t} shows widened PDL", "CBCT reviewed with pt", "FMX updated today", "Pan taken for eval of 3rd molars",
                    f"Radiographs: 2 PAs #{t}", "Xrays: BWX x4, reviewed by Dr.", "Imaging report from radiology reviewed"))


def mention_order(r: random.Random) -> str:
    return pick(r, ("Rx: amoxicillin 500 mg #21, 1 cap TID x 7d", "Rx ibuprofen 600 mg q6h prn pain #20",
                    "Rx chlorhexidine 0.12% rinse bid", "Physician order for oral appliance on file",
                    "Standard written order received from sleep physician", "e-Rx sent to pharmacy",
                    "Prescription given for Peridex", "Order for HST placed", "Rx hydrocodone/APAP 5/325 #8 given",
                    "Signed order (SWO) scanned to chart", "Pre-med: amox 2 g taken 1 hr prior per pt"))


def mention_admin(r: random.Random) -> str:
    return pick(r, ("Consent reviewed and signed", "Pre-auth submitted to medical insurance", "LMN sent with claim",
                    "Ins info updated", "Financial arrangements discussed with pt", "HIPAA form signed",
                    "Med hx reviewed, no changes", "Pt given written post-op instructions", "Copy of note sent to referring MD"))


MENTIONS = (mention_referral, mention_sleep, mention_path, mention_xray, mention_order, mention_admin)


def mentions(r: random.Random, low: int = 0, high: int = 2) -> list[str]:
    return [f(r) for f in some(r, MENTIONS, low, high)]


# ------------------------------------------------------------------------------ the visits


@dataclass
class Visit:
    """What happened at one encounter, before it is written up as SOAP, terse, operative...."""

    titles: tuple[str, ...]
    subjective: list[str]
    objective: list[str]
    assessment: list[str]
    plan: list[str]
    procedure: list[str] = field(default_factory=list)
    dental: bool = True
    surgical: bool = False
    pre_dx: str = ""
    procedure_name: str = ""


def _oa_delivery(r):
    mm = r.randint(2, 7)
    device = pick(r, ("mandibular advancement device", "MAD", "oral appliance", "OAT device", "dorsal fin appliance",
                      "two-piece adjustable appliance", "custom sleep appliance", "mandibular repositioning device",
                      "elastic mandibular advancement appliance", "hinged advancement appliance"))
    return Visit(
        ("Oral Appliance Delivery", "Appliance Delivery Visit", "OAT Delivery Note", "Device Fitting", "Sleep Appliance Insert",
         "Delivery / Fitting", "Dental Sleep Medicine - Delivery"),
        [pick(r, (f"Pt presents for delivery of {device}", f"Here today to pick up {device}",
                  f"Delivery appt for {device} for OSA", f"Pt in for insert of sleep appliance")),
         pick(r, ("No changes to med hx", "Still not using CPAP", "Excited to start", "Concerned about jaw soreness",
                  "Snoring unchanged since consult"))],
        some(r, [f"Appliance tried in, retention {pick(r, ('good', 'adequate', 'excellent', 'tight, adjusted'))}",
                 "Adjusted internal surfaces for comfort", "No rocking, seats fully upper and lower",
                 f"Initial setting {mm} mm protrusive ({r.randint(50, 75)}% of max)",
                 f"Max protrusion {r.randint(7, 14)} mm, vertical {r.randint(2, 6)} mm",
                 "Occlusal contacts checked with articulating paper", "TMJ: no pain on palpation, no noise",
                 "Soft tissues WNL", "Morning repositioner/AM aligner fitted"], 2, 5),
        [pick(r, ("OSA, starting OAT", "Obstructive sleep apnea - oral appliance delivered", "G47.33 OSA, CPAP intolerant",
                  "Snoring/OSA; appliance delivered", "OSA on oral appliance therapy"))],
        some(r, ["Instructed on insertion, removal, cleaning and storage", "Reviewed side effects: tooth soreness, bite change, TMJ pain, drooling",
                 f"Advance {pick(r, ('0.25 mm', '0.5 mm', '1 turn', '2 turns'))} every {pick(r, ('3 days', 'week', 'other night'))} until snoring resolves",
                 "Use AM aligner 10 min each morning", f"Return {pick(r, ('2 wks', '3 weeks', '1 month', '4-6 wks'))} for titration check",
                 "Written care instructions given", mention_sleep(r), "Letter to sleep physician re: delivery"], 2, 5),
        procedure=[f"D{pick(r, ('9947', '9948', '9949'))} / E0486 delivered" if maybe(r, 0.4) else "Appliance delivered"],
    )


def _oa_titration(r):
    now = r.randint(3, 11)
    return Visit(
        ("Appliance Follow-up", "Titration Visit", "OAT Follow Up", "Sleep Appliance Check", "Progress Note - Dental Sleep Medicine",
         "Oral Appliance Recheck", "Adjustment Visit"),
        [pick(r, (f"Wearing appliance {pick(r, ('nightly', '5-6 nights/wk', 'most nights', 'every night, all night'))}",
                  "Bed partner reports snoring much reduced", "Still snoring some on back", "Feels more rested, less napping",
                  "Jaw sore first 30 min in AM, resolves", "Wakes less at night", "Teeth feel tight in morning")),
         pick(r, (f"Epworth {r.randint(3, 14)}", "No headaches", "Dry mouth", "Bite feels off briefly in AM", "Lost 8 lb"))],
        some(r, [f"Appliance at {now} mm", f"Advanced {pick(r, ('1', '2', '0.5', '1.5'))} mm today", "No fractures or wear on device",
                 "Retention good", "Occlusion stable, posterior open contacts none", "Muscles non-tender",
                 "TMJ ROM normal, no clicking", f"MIO {r.randint(38, 55)} mm", "Mild tooth mobility none"], 2, 4),
        [pick(r, ("OSA improving on OAT", "OSA - titration phase", "Snoring resolved, OSA on OAT", "Mild AM occlusal change",
                  "Therapeutic position likely reached"))],
        some(r, ["Continue nightly wear", "Continue advancing per protocol", "Hold at current setting",
                 mention_sleep(r), "Send progress note to sleep physician", f"RTC {pick(r, ('4 wk', '6 wks', '3 mo', '6 mo', '1 yr'))}",
                 "Continue AM aligner"], 2, 4),
    )


def _oa_consult(r):
    return Visit(
        ("Dental Sleep Medicine Consultation", "New Patient Sleep Consult", "OAT Evaluation", "Initial Sleep Appliance Consult",
         "Oral Appliance Evaluation"),
        [pick(r, ("Referred for OAT after CPAP intolerance", "Snores loudly per spouse, dx OSA",
                  "Wants alternative to CPAP", "Tried CPAP 2 yrs, mask leaks, stopped")),
         f"Epworth {r.randint(4, 20)}/24", pick(r, ("STOP-BANG 5/8", "Wakes with headaches", "Nocturia x2", "Bruxism hx"))],
        some(r, [f"Mallampati {pick(r, ('II', 'III', 'IV'))}", f"Tonsils {r.randint(0, 3)}+", f"Neck {r.randint(14, 19)} in",
                 "Scalloped tongue", f"Max protrusion {r.randint(6, 13)} mm", f"MIO {r.randint(38, 55)} mm",
                 "Adequate dentition for appliance retention", "Periodontium stable", "TMJ: no clicking, no tenderness",
                 "Class II div 1 occlusion", "Deep bite", "Tori present"], 3, 6),
        [pick(r, ("OSA, CPAP intolerant, good OAT candidate", "Moderate OSA per HST; candidate for MAD",
                  "Snoring with mild OSA", "Obstructive sleep apnea G47.33"))],
        some(r, ["Digital scans taken for appliance", "Bite registration taken with George gauge", "Consent reviewed and signed",
                 "Need physician Rx before fabrication", mention_referral(r), mention_sleep(r), "Pre-auth to medical ins",
                 "Delivery in 3-4 wks"], 2, 5),
        procedure=["Scans/impressions for custom appliance"],
    )


def _sleep_md_consult(r):
    """A physician's face-to-face visit about sleep: a chart note, not a sleep study nor an order."""
    ahi = num(r, 5, 55)
    return Visit(
        ("Sleep Medicine Consultation", "Sleep Clinic New Patient Visit", "Sleep Medicine Follow-up", "Face-to-Face Evaluation",
         "Pulmonary/Sleep Office Visit", "Sleep Consult", "Office Visit - Sleep Disorders", "Initial Sleep Evaluation"),
        some(r, [f"{r.randint(28, 77)} yo {pick(r, ('M', 'F', 'male', 'female'))} referred for {pick(r, ('snoring', 'witnessed apneas', 'EDS', 'CPAP intolerance', 'follow up of OSA'))}",
                 f"Epworth {r.randint(4, 22)}", "Snores nightly, loud, wife sleeps in other room", "Wakes gasping",
                 f"Sleeps {r.randint(5, 9)} h, bedtime {r.randint(9, 12)} pm", "Drowsy driving denied", "Morning headaches",
                 f"Used CPAP {r.randint(1, 24)} mo, stopped due to {pick(r, ('mask leak', 'claustrophobia', 'aerophagia', 'dry mouth'))}",
                 "Nocturia 2-3x", "Caffeine 3 cups/day"], 3, 5),
        some(r, [vitals(r), f"BMI {num(r, 22, 45)}", f"Neck circumference {r.randint(14, 20)} in", f"Mallampati {r.randint(1, 4)}",
                 f"Tonsils {r.randint(0, 4)}+", "Nasal: septum midline, turbinates mildly enlarged", "Lungs clear",
                 "Heart RRR no murmur", "Retrognathia", "Crowded oropharynx", "No LE edema"], 3, 6),
        [pick(r, ("Obstructive sleep apnea", f"OSA, {pick(r, ('mild', 'moderate', 'severe'))} (AHI {ahi})", "Suspected OSA",
                  "Snoring, r/o OSA", "OSA, CPAP intolerant", "Insomnia with suspected OSA", "Hypersomnia"))],
        some(r, [pick(r, ("Order HST", "Schedule in-lab PSG", "Split-night PSG ordered", "Discussed results of PSG with pt")),
                 "Discussed OSA risks, treatment options: PAP, oral appliance, surgery, positional therapy, weight loss",
                 "Pt prefers oral appliance; order for custom MAD written", mention_referral(r),
                 "Sleep hygiene reviewed", "Avoid driving drowsy", "RTC after study", "Follow up 3 months after OAT titration",
                 mention_sleep(r), f"Time spent {r.randint(20, 60)} min, >50% counseling"], 3, 5),
        dental=False,
    )


def _tmj(r):
    side = pick(r, ("R", "L", "right", "left", "bilat"))
    return Visit(
        ("TMJ Evaluation", "TMD Follow-up", "Orofacial Pain Visit", "Splint Delivery", "TMJ Progress Note", "Jaw Pain Visit"),
        [pick(r, (f"{side} jaw pain x {r.randint(2, 30)} {pick(r, ('wks', 'months'))}", "Clicking on opening", "Jaw locked last week",
                  "Clenching during day", "Wakes with sore jaw", "HA temples AM")),
         f"Pain {r.randint(2, 9)}/10", pick(r, ("Worse w/ chewing", "Better w/ heat", "Stress at work", "No trauma"))],
        some(r, [f"MIO {r.randint(22, 52)} mm", f"Deviation to {side} on opening", f"Click {side} TMJ, reciprocal",
                 f"Tender {side} masseter", "Tender temporalis", "Crepitus L", "Lat excursions 8/9 mm", "Wear facets anterior teeth",
                 "Linea alba bilat"], 2, 5),
        [pick(r, ("TMD, myofascial pain", "Disc displacement with reduction", "DDwoR with limited opening", "Bruxism", "Capsulitis"))],
        some(r, ["Flat plane splint delivered and adjusted", "Soft diet, moist heat, NSAIDs", "Jaw exercises reviewed",
                 mention_referral(r), mention_xray(r), "RTC 4 wks", "Avoid gum chewing"], 2, 4),
    )


def _extraction(r):
    t = pick(r, (third_molar(r), molar(r), tooth(r)))
    surgical = maybe(r, 0.5)
    return Visit(
        ("Extraction", "Oral Surgery Note", "Procedure Note - Extraction", "Surgical Extraction", "Exo Note", "Tooth Removal"),
        [pick(r, (f"Pt presents for ext #{t}", f"#{t} non-restorable, pt wants it out", f"Pain #{t} x 1 wk, here for ext",
                  f"Consult for #{t}, pt elects extraction today"))],
        [vitals(r, short=True), mention_xray(r)],
        [pick(r, (f"Non-restorable #{t}", f"Fractured #{t}", f"Impacted #{t}", f"Periapical abscess #{t}", f"Perio hopeless #{t}"))],
        [pick(r, ("Post-op instructions given verbal + written", "Rx ibuprofen 600", "RTC 1 wk prn", "Gauze placed, hemostasis achieved"))],
        procedure=[anesthesia(r), pick(r, (f"#{t} elevated and delivered with forceps", f"Full thickness flap, bone removed, #{t} sectioned and delivered",
                                           f"Simple ext #{t}, intact", f"#{t} removed in pieces, roots retrieved")),
                   pick(r, ("Socket irrigated with saline", "Curettage of socket", "Bone graft placed, collagen plug")),
                   pick(r, ("3-0 chromic x2", "4-0 gut", "No sutures", "Closed w/ 3-0 silk")), "Hemostasis achieved"],
        surgical=surgical, pre_dx=f"Non-restorable tooth #{t}", procedure_name=f"{'Surgical' if surgical else 'Simple'} extraction #{t}",
    )


def _third_molars(r):
    teeth = some(r, ("1", "16", "17", "32"), 2, 4)
    return Visit(
        ("Operative Report", "Operative Note", "Brief Op Note", "Surgical Note", "OMFS Operative Note"),
        [f"Pt presents for removal of {', '.join('#' + t for t in teeth)}", "NPO after midnight, escort present"],
        [vitals(r), "ASA " + pick(r, ("I", "II"))],
        [f"Impacted third molars {', '.join('#' + t for t in teeth)}"],
        ["Post-op instructions reviewed with escort", "Rx ibuprofen 600 mg, APAP", "POV 1 wk"],
        procedure=[pick(r, ("IV sedation: midazolam 5 mg, fentanyl 100 mcg", "General anesthesia, nasal intubation",
                            "Local anesthesia with nitrous oxide", "IV moderate sedation")), anesthesia(r),
                   "Full thickness mucoperiosteal flaps raised", "Buccal bone removed with handpiece and irrigation",
                   "Teeth sectioned and delivered", "Sockets debrided and irrigated", "Closed with 3-0 chromic gut",
                   f"EBL {r.randint(5, 75)} mL", pick(r, ("No complications", "Complications: none", "Tolerated well"))],
        surgical=True, pre_dx="Impacted third molars", procedure_name="Removal of impacted third molars",
    )


def _biopsy(r):
    site = pick(r, ("L lateral tongue", "R buccal mucosa", "lower lip", "floor of mouth", "palate", "gingiva #8-9",
                    "ventral tongue", "L buccal mucosa"))
    return Visit(
        ("Biopsy Procedure Note", "Procedure Note", "Oral Lesion Visit", "Oral Surgery Clinic Note", "Biopsy Note"),
        [pick(r, (f"Lesion {site} x {r.randint(2, 20)} wks", f"Referred for bx of {site}", f"White patch {site}, pt unsure how long"))],
        [f"{num(r, 0.3, 2.5)} cm {pick(r, ('white', 'red', 'speckled', 'ulcerated', 'exophytic', 'firm nodule'))} lesion {site}",
         pick(r, ("No lymphadenopathy", "Indurated", "Non-tender", "Does not wipe off"))],
        [pick(r, ("Oral lesion, r/o dysplasia", "Leukoplakia", "Fibroma", "Mucocele", "Traumatic ulcer vs SCC"))],
        ["Specimen sent to oral pathology in formalin", pick(r, ("Results in 7-10 days", "RTC 2 wk for results and suture removal",
                                                                 "Will call pt with path"))],
        procedure=[anesthesia(r), pick(r, ("Incisional biopsy with #15 blade", "Excisional biopsy, elliptical incision",
                                           "6 mm punch biopsy", "Brush biopsy obtained")),
                   pick(r, ("Closed with 4-0 Vicryl x3", "Hemostasis with pressure", "Sutured 4-0 chromic"))],
        surgical=True, pre_dx=f"Lesion of {site}", procedure_name=f"Biopsy of {site}",
    )


def _endo(r):
    t = pick(r, (molar(r), tooth(r)))
    return Visit(
        ("Endodontic Treatment Note", "RCT", "Root Canal Therapy", "Pulpectomy", "Endo Progress Note"),
        [pick(r, (f"#{t} sens to cold lingering", f"#{t} throbbing, kept pt up", f"Pt here to finish RCT #{t}"))],
        [f"#{t} {pick(r, ('+ perc', 'TTP', 'cold lingering 30 s', 'EPT no response'))}", mention_xray(r)],
        [pick(r, (f"Symptomatic irreversible pulpitis #{t}", f"Pulp necrosis w/ AAP #{t}", f"Previously initiated #{t}"))],
        [pick(r, ("NV: obturation", "Crown recommended", "Cavit placed, NV 2 wk", "RTC for buildup/crown"))],
        procedure=[anesthesia(r), "Rubber dam isolation", pick(r, ("Access, canals located MB MB2 DB P", "Canals MB, ML, D located",
                                                                   "Single canal located")),
                   f"WL by apex locator, confirmed w/ PA; instrumented to {pick(r, ('25/.06', '30/.04', '35/.04', '40/.06'))}",
                   pick(r, ("Irrigated NaOCl 6%, EDTA", "CaOH placed", "Obturated warm vertical, sealer")), "Temp: Cavit"],
    )


def _restorative(r):
    t = tooth(r)
    surf = pick(r, ("MO", "DO", "MOD", "O", "B", "L", "F", "ML", "DL"))
    crown = maybe(r, 0.4)
    return Visit(
        ("Operative Dentistry", "Restorative Visit", "Progress Note", "Treatment Note", "Crown Prep", "Crown Seat", "Fillings"),
        [pick(r, (f"Pt here for {'crown' if crown else 'filling'} #{t}", "No complaints", f"Sensitive #{t} w/ sweets",
                  "Broke tooth on popcorn"))],
        [f"#{t} {pick(r, ('caries', 'fractured cusp', 'recurrent decay', 'large failing amalgam'))}", mention_xray(r) if maybe(r, 0.5) else ""],
        [f"{'Fractured' if crown else 'Carious'} #{t}"],
        [pick(r, ("NV seat crown 2 wk", "Pt tolerated well", "Next: prophy", "Check bite if high"))],
        procedure=[anesthesia(r),
                   *(["Crown prep, shade A2", "Final impression PVS / scan", "Temp fabricated Protemp, cemented TempBond"] if crown else
                     [f"Caries removed, {surf} composite {pick(r, ('A1', 'A2', 'A3'))}", "Bonded, cured, polished", "Occlusion checked"])],
    )


def _perio(r):
    return Visit(
        ("Periodontal Maintenance", "SRP", "Hygiene Visit", "Recall / Prophy", "Perio Note", "Hygiene Progress Note"),
        [pick(r, ("Bleeding when brushing", "Here for recall", "Here for SRP UR/LR", "Flosses sometimes"))],
        some(r, [f"Pockets {r.randint(2, 4)}-{r.randint(5, 8)} mm", "BOP generalized", "Light calculus", "Heavy subg calculus LA",
                 "Gingiva inflamed marginal", "Recession #24-25", mention_xray(r), "OCS negative", vitals(r, short=True)], 2, 5),
        [pick(r, ("Generalized moderate periodontitis, Stage III Grade B", "Gingivitis", "Perio maint"))],
        some(r, ["OHI: floss, Waterpik", "Rx CHX rinse", "3 mo recall", "Re-eval 6 wks", mention_referral(r)], 1, 3),
        procedure=[pick(r, ("SRP 2 quads", "Prophy, polish, fluoride varnish", "Full mouth debridement", "Perio maint D4910")),
                   anesthesia(r) if maybe(r, 0.5) else "No anesthesia"],
    )


def _exam(r):
    return Visit(
        ("Comprehensive Oral Evaluation", "New Patient Exam", "Periodic Exam", "Limited Exam", "Emergency Exam", "Dental Examination"),
        [pick(r, ("New pt, last dental visit 3 yrs ago", "Here for checkup", "Toothache LR x 3 days", "Chipped front tooth",
                  "Swelling upper L", "Wants second opinion on crown"))],
        some(r, [vitals(r, short=True), "EO: WNL, no lymphadenopathy", "IO: soft tissues WNL", "OCS negative",
                 f"Caries #{tooth(r)}, #{tooth(r)}", f"Missing #{third_molar(r)}", "Occlusion Class I", "Generalized plaque",
                 mention_xray(r), f"#{tooth(r)} fractured MB cusp"], 3, 6),
        [pick(r, ("Caries", "Missing teeth", "Gingivitis", "Cracked tooth", "Apical periodontitis"))],
        some(r, ["Tx plan presented", "Schedule restorative", "Recall 6 months", mention_referral(r), mention_order(r)], 1, 3),
    )


def _postop(r):
    t = pick(r, (third_molar(r), tooth(r)))
    days = r.randint(2, 21)
    return Visit(
        ("Post-op Check", "Post-Operative Visit", "POV", "Follow-up After Surgery", "Suture Removal", "1 Week Post-op"),
        [pick(r, (f"POD {days} s/p ext #{t}", f"{days} days after surgery, doing well", "Some pain at night, taking ibuprofen",
                  "Bad taste, throbbing pain", "Numbness lower lip persisting"))],
        some(r, [f"Socket #{t} healing well", "Sutures intact, removed", "Mild swelling resolving", "No purulence",
                 "Exposed bone in socket", "Paresthesia L lower lip, mapped", "Biopsy site healing"], 2, 3),
        [pick(r, ("Healing WNL", "Alveolar osteitis", "Paresthesia IAN, monitoring", "Uneventful healing"))],
        some(r, ["Irrigated, Dry Socket Paste placed", "Continue warm salt water rinses", "RTC prn", mention_path(r),
                 "Recheck 1 wk"], 1, 3),
    )


def _trauma_ed(r):
    return Visit(
        ("ED Provider Note", "Emergency Department Visit", "Urgent Care Note", "ED Consult - OMFS", "Trauma Consult"),
        [pick(r, ("Fell off bike, hit chin", "Assaulted, punched in jaw", "MVC, airbag, jaw pain", "Sports injury, tooth knocked out",
                  "Fall from ladder, facial injury")), "Denies LOC" if maybe(r, 0.6) else "Brief LOC per EMS"],
        some(r, [vitals(r), "GCS 15", f"{num(r, 0.5, 4)} cm lac chin", "Malocclusion, step deformity", f"Avulsed #{pick(r, (7, 8, 9, 10))}",
                 "Trismus", "Sublingual hematoma", "Facial edema L"], 2, 5),
        [pick(r, ("Mandible fracture", "Dentoalveolar fracture", "Chin laceration", "Tooth avulsion", "Facial contusion"))],
        some(r, ["CT facial bones ordered", "Lac repaired 5-0 nylon", "Tetanus updated", "OMFS consulted", "Dc home, f/u OMFS 2 days",
                 "Admit for ORIF"], 2, 4),
        dental=False,
    )


def _infection(r):
    t = pick(r, (molar(r), third_molar(r)))
    return Visit(
        ("Emergency Visit", "Limited Evaluation", "I&D Note", "Urgent Dental Visit", "Problem Focused Visit"),
        [f"Swelling {pick(r, ('L', 'R'))} face x {r.randint(1, 6)} d", pick(r, ("Can't sleep from pain", "Fever last night", "Hard to swallow"))],
        [f"#{t} TTP", f"Fluctuant swelling {pick(r, ('buccal vestibule', 'submandibular', 'palatal'))}", f"Temp {num(r, 98.4, 102.2)}",
         mention_xray(r)],
        [f"Acute apical abscess #{t}", "Odontogenic infection"],
        [mention_order(r), pick(r, ("Ext next visit", "RCT vs ext discussed", "Go to ER if swelling spreads to eye or neck"))],
        procedure=[anesthesia(r), "I&D, purulence expressed", "Penrose drain sutured"],
    )


def _implant(r):
    t = tooth(r)
    return Visit(
        ("Implant Placement", "Implant Surgery Note", "Implant Uncovery", "Implant Consult", "Implant Crown Delivery"),
        [f"Pt presents for implant #{t}"],
        [f"Edentulous site #{t}, ridge width {r.randint(5, 9)} mm", mention_xray(r)],
        [f"Missing #{t}"],
        ["Post-op instructions", "Heal 3-4 months", "NV uncovery"],
        procedure=[anesthesia(r), "Crestal incision, flap reflected", f"Osteotomy to {pick(r, ('4.1 x 10', '4.8 x 11.5', '3.5 x 13'))} mm",
                   f"Implant placed, ISQ {r.randint(60, 80)}", "Healing abutment, sutured 4-0 PTFE"],
        surgical=True, pre_dx=f"Edentulous space #{t}", procedure_name=f"Endosseous implant #{t}",
    )


def _frenum(r):
    return Visit(
        ("Frenectomy Note", "Tongue-tie Release", "Lingual Frenuloplasty", "Pediatric Visit"),
        [pick(r, ("Mom reports poor latch and clicking", "Speech therapist concerned about tongue tie", "Can't lift tongue to roof"))],
        [pick(r, ("Restricted lingual frenum, Kotlow class III", "Tongue tip heart-shaped on protrusion", "Limited elevation"))],
        ["Ankyloglossia"],
        ["Stretches 4-6x/day for 3 wks", "Continue myofunctional therapy", mention_referral(r)],
        procedure=[pick(r, ("Laser frenectomy, diode", "Scissor release, sutured 5-0 chromic", "Topical + local infiltration"))],
        surgical=True, pre_dx="Ankyloglossia", procedure_name="Lingual frenectomy",
    )


def _phone(r):
    return Visit(
        ("Telephone Encounter", "Phone Call", "Patient Call", "Clinical Message", "Nurse Triage Call", "After-hours Call"),
        [pick(r, ("Pt called c/o swelling after ext yesterday", "Pt called, appliance broke", "Mom called, child fell and chipped tooth",
                  "Pt asking about sleep study results", "Pt reports jaw pain with new appliance", "Pharmacy called re: Rx clarification"))],
        [],
        [pick(r, ("Likely normal post-op swelling", "Appliance repair needed", "Non-urgent", "Reviewed results by phone"))],
        [pick(r, ("Advised ice, ibuprofen, call if worse", "Appt made tomorrow", "Bring appliance in for repair",
                  "Reviewed with Dr., OK to reduce advancement 1 mm", "Sent message to sleep physician")), mention_order(r) if maybe(r, 0.4) else ""],
    )


def _hospital_consult(r):
    return Visit(
        ("Inpatient Consultation", "Consult Note", "Dental Consult - Inpatient", "OMFS Consult", "Hospital Dentistry Consult"),
        [f"Consult requested by {doctor(r)} ({pick(r, ('Cardiology', 'Oncology', 'Hospitalist', 'Transplant'))}) for "
         f"{pick(r, ('dental clearance before valve surgery', 'pre-radiation dental eval', 'facial swelling', 'dental eval pre-transplant'))}",
         pick(r, ("Pt has no dental complaints", "Reports broken teeth for years", "Last dental visit > 5 yrs"))],
        some(r, ["Multiple carious teeth", f"Residual roots #{tooth(r)}", "Moderate periodontitis", "No acute infection",
                 mention_xray(r), "Poor OH"], 2, 4),
        [pick(r, ("Dental infection risk moderate", "Non-restorable teeth", "Cleared from dental standpoint after extractions"))],
        ["Recommend extraction of non-restorable teeth before surgery", "Will follow", "Recommendations discussed with primary team",
         "Extractions scheduled at bedside tomorrow"],
        dental=True,
    )


def _medical_office(r):
    """Physician office visits (PCP, ENT, cardiology) that touch the mouth, sleep or jaw."""
    return Visit(
        ("Office Visit", "Progress Note", "ENT Clinic Note", "Primary Care Visit", "Annual Physical", "Follow-up Visit",
         "Otolaryngology Office Note"),
        [pick(r, ("Snoring, spouse concerned", "Sore throat x 2 wks", "Jaw pain, ear fullness", "BP follow up, fatigue",
                  "Nasal congestion, mouth breathing", "Follow up after ED visit for facial swelling"))],
        some(r, [vitals(r), "TM clear bilat", "Oropharynx: tonsils 2+", "Nasal septal deviation R", "Neck supple, no nodes",
                 "Flexible laryngoscopy: base of tongue collapse", "Dentition poor repair"], 2, 4),
        [pick(r, ("Snoring, suspected OSA", "HTN", "Chronic rhinitis", "TMJ dysfunction", "Obesity"))],
        some(r, [mention_referral(r), mention_sleep(r), mention_order(r), "RTC 3 months", "Labs today"], 2, 3),
        dental=False,
    )


VISITS = ((_oa_delivery, 4), (_oa_titration, 3), (_oa_consult, 3), (_sleep_md_consult, 4), (_tmj, 2), (_extraction, 2),
          (_third_molars, 2), (_biopsy, 2), (_endo, 1), (_restorative, 1), (_perio, 1), (_exam, 2), (_postop, 2),
          (_trauma_ed, 1), (_infection, 1), (_implant, 1), (_frenum, 1), (_phone, 1), (_hospital_consult, 1),
          (_medical_office, 2))


def weighted(r: random.Random, options):
    total = sum(weight for _, weight in options)
    roll = r.uniform(0, total)
    for item, weight in options:
        roll -= weight
        if roll <= 0:
            return item
    return options[-1][0]


# ------------------------------------------------------------------------------ write-ups

SOAP_HEADS = (("S", "O", "A", "P"), ("Subjective", "Objective", "Assessment", "Plan"), ("SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"),
              ("S)", "O)", "A)", "P)"), ("Subj", "Obj", "Assess", "Plan"), ("CC/HPI", "Exam", "Dx", "Tx/Plan"),
              ("Patient reports", "Clinical findings", "Diagnosis", "Treatment plan"), ("S", "O", "A", "P/Tx"))


def _clean(lines):
    return [line for line in lines if line]


def _soap(v: Visit, r: random.Random) -> list[Section]:
    s, o, a, p = pick(r, SOAP_HEADS)
    sections = [Section("s", s, _clean(v.subjective)), Section("o", o, _clean(v.objective + (v.procedure if maybe(r, 0.3) else [])))]
    if v.procedure and maybe(r, 0.5):
        sections.append(Section("tx", pick(r, ("Tx", "Procedure", "Treatment today", "Tx rendered", "Proc")), _clean(v.procedure)))
    sections += [Section("a", a, _clean(v.assessment)), Section("p", p, _clean(v.plan + mentions(r, 0, 1)))]
    if maybe(r, 0.4):  # the A/P combined
        sections = sections[:-2] + [Section("ap", pick(r, ("A/P", "Assessment/Plan", "A&P", "Impression/Plan")),
                                            _clean(v.assessment + v.plan))]
    return [sec for sec in sections if sec.lines]


def _terse_lines(v: Visit, r: random.Random) -> list[Section]:
    """Dental-software progress note: a few labelled lines, shorthand, no letter structure."""
    labels = pick(r, (("CC", "Exam", "Dx", "Tx", "NV"), ("C/C", "Clin", "Dx", "Tx", "Next"), ("Reason", "Findings", "Dx", "Done", "NV"),
                      ("Pt", "Obs", "Imp", "Tx", "RTC"), ("CC", "Findings", "Assess", "Procedure", "Next visit")))
    out = [Section("cc", labels[0], _clean(v.subjective[:1])),
           Section("exam", labels[1], _clean(v.objective[:3])),
           Section("dx", labels[2], _clean(v.assessment[:1])),
           Section("tx", labels[3], _clean((v.procedure or v.plan[:1]) + mentions(r, 0, 1))),
           Section("nv", labels[4], _clean(v.plan[-1:]))]
    if maybe(r, 0.4):
        out.insert(0, Section("review", "", [pick(r, ("Med hx reviewed, no changes.", "RMH - no change.", "Reviewed HHx, NKDA.",
                                                      f"{vitals(r, short=True)}.", "Pt consented verbally."))]))
    return [sec for sec in out if sec.lines]


def _operative(v: Visit, r: random.Random) -> list[Section]:
    name = v.procedure_name or (v.titles[0])
    out = [Section("pre", pick(r, ("Preoperative Diagnosis", "Pre-op Dx", "PREOPERATIVE DIAGNOSIS", "Diagnosis")), [v.pre_dx or v.assessment[0]]),
           Section("post", pick(r, ("Postoperative Diagnosis", "Post-op Dx", "POSTOPERATIVE DIAGNOSIS")), ["Same"]),
           Section("proc", pick(r, ("Procedure", "Procedure(s) Performed", "Operation", "PROCEDURE PERFORMED")), [name]),
           Section("surgeon", pick(r, ("Surgeon", "Operator", "Attending surgeon")), [doctor(r, dental=maybe(r, 0.7))]),
           Section("anes", pick(r, ("Anesthesia", "Anesthetic", "Sedation")), [pick(r, ("Local", "Local with IV sedation",
                                                                                      "General, nasotracheal", "Local + N2O"))]),
           Section("ind", pick(r, ("Indications", "Indication for procedure", "History")), _clean(v.subjective[:2])),
           Section("desc", pick(r, ("Description of Procedure", "Procedure in Detail", "Details", "Technique", "Operative Findings and Procedure")),
                   _clean(["Risks, benefits and alternatives discussed and consent signed"] * maybe(r, 0.6) + v.procedure)),
           Section("ebl", pick(r, ("EBL", "Estimated Blood Loss", "Blood loss")), [f"{r.randint(2, 150)} mL" if maybe(r, 0.7) else "Minimal"]),
           Section("spec", pick(r, ("Specimens", "Specimen", "Pathology")), [pick(r, ("None", "Sent to pathology", "Tooth, discarded",
                                                                                    "Soft tissue to oral path in formalin"))]),
           Section("comp", pick(r, ("Complications", "Complication")), ["None" if maybe(r, 0.8) else "Sinus membrane perforation, repaired"]),
           Section("dispo", pick(r, ("Disposition", "Condition", "Post-op plan")), _clean(v.plan[:2] + [pick(r, (
               "Pt discharged to escort in stable condition", "Stable to recovery", "Tolerated well"))]))]
    return out if maybe(r, 0.7) else [s for s in out if s.key not in ("surgeon", "ebl", "comp")]


def _procedure_note(v: Visit, r: random.Random) -> list[Section]:
    out = [Section("proc", pick(r, ("Procedure", "Procedure performed", "Service", "Tx")), [v.procedure_name or v.titles[0]]),
           Section("ind", pick(r, ("Indication", "Reason", "CC")), _clean(v.subjective[:2])),
           Section("consent", pick(r, ("Consent", "Informed consent")), [pick(r, ("Written consent obtained", "Risks/benefits/alternatives reviewed, pt agrees",
                                                                                  "Verbal consent from parent"))]),
           Section("details", pick(r, ("Details", "Description", "Procedure details", "Technique")), _clean(v.procedure or v.objective)),
           Section("findings", pick(r, ("Findings", "Exam")), _clean(v.objective[:2])),
           Section("post", pick(r, ("Post-procedure", "Post-op", "Instructions", "Plan")), _clean(v.plan + mentions(r, 0, 1)))]
    return [s for s in out if s.lines]


def _hp(v: Visit, r: random.Random) -> list[Section]:
    """A physician-style H&P or consult: many sections, the exam and data, then impression and plan."""
    out = [Section("cc", pick(r, ("Chief Complaint", "CC", "Reason for Visit", "Reason for Consultation")), _clean(v.subjective[:1])),
           Section("hpi", pick(r, ("HPI", "History of Present Illness", "Interval History", "History")), _clean(v.subjective[1:] or v.subjective))]
    if maybe(r, 0.6):
        out.append(Section("pmh", pick(r, ("PMH", "Past Medical History", "Medical History")),
                           [", ".join(some(r, ("HTN", "DM2", "GERD", "Depression", "Hypothyroidism", "Afib", "Asthma", "Obesity", "None"), 1, 3))]))
    if maybe(r, 0.5):
        out.append(Section("meds", pick(r, ("Medications", "Meds", "Current Outpatient Medications")),
                           [", ".join(some(r, ("lisinopril 20 mg", "metformin 1000 mg", "atorvastatin 40 mg", "omeprazole 20 mg",
                                               "sertraline 100 mg", "levothyroxine 50 mcg", "none"), 1, 3))]))
    if maybe(r, 0.4):
        out.append(Section("all", pick(r, ("Allergies", "ALL")), [pick(r, ("NKDA", "PCN - rash", "Sulfa", "Latex"))]))
    if maybe(r, 0.3):
        out.append(Section("soc", pick(r, ("Social History", "SH", "Social")), [pick(r, ("Never smoker, 2 drinks/wk", "Former smoker 20 pk-yr",
                                                                                         "Works nights, truck driver", "Lives w/ spouse"))]))
    out.append(Section("exam", pick(r, ("Physical Exam", "Exam", "Examination", "PE", "Objective")), _clean(v.objective)))
    if maybe(r, 0.4):
        out.append(Section("data", pick(r, ("Data Reviewed", "Studies", "Results", "Diagnostics")), [mention_sleep(r), mention_xray(r)][: r.randint(1, 2)]))
    out.append(Section("imp", pick(r, ("Impression", "Assessment", "Assessment and Plan", "Diagnoses")), _clean(v.assessment)))
    out.append(Section("plan", pick(r, ("Plan", "Recommendations", "Plan of Care")), _clean(v.plan)))
    return out


def _ledger(v: Visit, r: random.Random) -> list[Section]:
    """Practice-management export: one line per procedure with its code, then the clinical note text."""
    codes = some(r, ("D0140", "D0150", "D0120", "D0220", "D0230", "D0274", "D1110", "D4341", "D7140", "D7210", "D7240",
                     "D2740", "D2392", "D3330", "D9947", "D9948", "D9949", "D9944", "D0180", "D4910", "D0330", "D9310"), 1, 3)
    lines = [f"{fmt_date(r, day(r))}  {code}  {pick(r, ('#' + str(tooth(r)), '', 'UR', 'LL', ''))}  {pick(r, ('C', 'TP', 'Compl', ''))}".rstrip()
             for code in codes]
    text = _clean(v.subjective[:1] + v.objective[:2] + v.procedure[:3] + v.assessment[:1] + v.plan[:2] + mentions(r, 0, 1))
    return [Section("codes", pick(r, ("Procedures", "Completed Procedures", "Tx Completed", "Services")), lines),
            Section("note", pick(r, ("Clinical Note", "Note", "Notes", "Progress Notes", "")), text)]


WRITE_UPS = ((_soap, 4), (_terse_lines, 3), (_operative, 1), (_procedure_note, 1), (_hp, 2), (_ledger, 1))


def chart_note(r: random.Random) -> Draft:
    builder = weighted(r, VISITS)
    v = builder(r)
    writer = weighted(r, WRITE_UPS)
    if writer is _operative and not v.surgical:
        writer = _soap
    if not v.dental and writer is _ledger:
        writer = _hp
    if v.surgical and maybe(r, 0.35):
        writer = _operative
    sections = writer(v, r)
    title = pick(r, v.titles + ("Progress Note", "Clinical Note", "Chart Note", "Visit Note", "Encounter", "Office Note",
                                "Treatment Record", "Clinical Notes"))
    author = clinician(r, dental=v.dental)
    return Draft("chart_note", title, sections, person(r), author=author, doc_date=day(r),
                 department=pick(r, ("Dental Sleep Medicine", "Oral and Maxillofacial Surgery", "General Dentistry", "Sleep Medicine",
                                     "Otolaryngology", "Hospital Dentistry", "Orofacial Pain", "Periodontics", "")) if maybe(r, 0.4) else "",
                 recipient=doctor(r))
