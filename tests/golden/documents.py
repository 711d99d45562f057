"""Realistic synthetic clinical documents for the golden suite: their words, and two ways to render them.

Content is plain text (lines per page) written the way sleep labs, physicians, dental offices,
pathology labs and radiologists word their reports, in at least two house styles per document
type (a hospital department and a small clinic), with the noise real paperwork carries: page
headers, phone numbers, normal ranges, reference dates, negations and history. Every person,
practice and identifier is obviously synthetic; NPIs carry a valid Luhn check digit under the
80840 prefix unless a case deliberately breaks one.

Renderers: `born_digital_pdf` (fpdf2, a real text layer) and `scanned_png` (Pillow: a grey,
slightly rotated, noisy page at 200 dpi that has to go through tesseract).
"""
from __future__ import annotations

import io
import random
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
TYPEWRITER = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
SCAN_DPI = 200


# ------------------------------------------------------------------------------- identifiers


def luhn_check_digit(base9: str) -> str:
    """The NPI check digit of nine digits: Luhn over "80840" + the nine digits (CMS NPI standard)."""
    digits = [int(d) for d in "80840" + base9]
    total = 0
    # Double every second digit counting from the right of the payload (the check digit goes after it).
    for position, digit in enumerate(reversed(digits)):
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return str((10 - total % 10) % 10)


def make_npi(base9: str) -> str:
    """A ten-digit NPI with a valid check digit."""
    assert len(base9) == 9 and base9.isdigit() and base9[0] in "12"
    return base9 + luhn_check_digit(base9)


def broken_npi(npi: str) -> str:
    """The same NPI with a wrong check digit (a typo on a prescription pad)."""
    wrong = (int(npi[-1]) + 3) % 10
    return npi[:-1] + str(wrong)


@dataclass(frozen=True)
class Person:
    name: str
    npi: str = ""
    specialty: str = ""
    credentials: str = "MD"

    @property
    def signed(self) -> str:
        return f"{self.name}, {self.credentials}"


# The cast. Names say "Test"/"Synthetic" so nobody mistakes them for patients or clinicians.
SLEEP_DOCTOR = Person("Test Physician Sierra", make_npi("198765432"), "Sleep Medicine", "MD")
SLEEP_DOCTOR_2 = Person("Test Physician Tango", make_npi("145678901"), "Pulmonology / Sleep Medicine", "DO")
PRIMARY_DOCTOR = Person("Test Physician Uniform", make_npi("176543210"), "Internal Medicine", "MD")
ONCOLOGIST = Person("Test Oncologist Victor", make_npi("133322211"), "Radiation Oncology", "MD")
NEPHROLOGIST = Person("Test Nephrologist Whiskey", make_npi("122233344"), "Transplant Nephrology", "MD")
PATHOLOGIST = Person("Test Pathologist Xray", make_npi("155544433"), "Oral and Maxillofacial Pathology", "DDS, MS")
RADIOLOGIST = Person("Test Radiologist Yankee", make_npi("166655544"), "Oral and Maxillofacial Radiology", "DMD")
DENTIST = Person("Test Dentist Zulu", make_npi("111222333"), "General Dentistry", "DDS")
SURGEON = Person("Test Surgeon Quebec", make_npi("188877766"), "Oral and Maxillofacial Surgery", "DMD")


# ------------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Document:
    """One document as a practice would upload it."""

    doc_type: str  # what it is (sleep_study, physician_order, chart_note, ...): for people and the scorer
    style: str  # house style it is written in
    kind: str | None  # the kind it is uploaded as (None: let the classifier guess)
    pages: tuple[tuple[str, ...], ...]
    scanned: bool = False

    @property
    def filename(self) -> str:
        return f"{self.doc_type}-{self.style}.{'png' if self.scanned else 'pdf'}"

    def render(self) -> bytes:
        if self.scanned:
            assert len(self.pages) == 1, "a scanned document here is one PNG page"
            return scanned_png(self.pages[0], seed=len(self.doc_type) + len(self.style))
        return born_digital_pdf(self.pages)


def fmt_date(day: date, style: str) -> str:
    """Dates as each house writes them."""
    return {
        "us": f"{day.month:02d}/{day.day:02d}/{day.year}",
        "long": f"{day.strftime('%B')} {day.day}, {day.year}",
        "iso": day.isoformat(),
        "dmy": day.strftime("%d-%b-%Y"),
    }[style]


def _pages(*pages: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(page) for page in pages)


# ---------------------------------------------------------------------------- sleep studies


@dataclass(frozen=True)
class SleepStudy:
    study: str  # "psg" | "hsat"
    day: date
    ahi: float
    events: int
    nadir: int
    physician: Person
    rdi: float | None = None
    minutes_asleep: int = 402
    impression: str = "Obstructive sleep apnea."
    recommendation: str = "Oral appliance therapy or CPAP is recommended."
    ordered_by: Person = PRIMARY_DOCTOR


def sleep_study_report(s: SleepStudy, *, patient: str, style: str, scanned: bool = False) -> Document:
    if style == "hospital":
        header = "SYNTHETIC UNIVERSITY HOSPITAL - SLEEP DISORDERS CENTER   Tel (555) 010-2200  Fax (555) 010-2201"
        kind_line = (
            "Attended in-laboratory polysomnography (Type I, diagnostic)"
            if s.study == "psg"
            else "Home sleep apnea test (Type III portable monitor)"
        )
        page1 = [
            header,
            "POLYSOMNOGRAPHY REPORT" if s.study == "psg" else "HOME SLEEP APNEA TEST REPORT",
            f"Patient: {patient}        MRN: SYN-00{len(patient)}41",
            f"Study date: {fmt_date(s.day, 'us')}        Report generated: {fmt_date(s.day.replace(day=min(s.day.day + 2, 28)), 'us')}",
            f"Referring physician: {s.ordered_by.signed}",
            f"Study type: {kind_line}",
            "",
            "RESPIRATORY DATA",
            f"Total sleep time: {s.minutes_asleep} min   Sleep efficiency: 86.2 %",
            f"Total apneas + hypopneas: {s.events}",
            f"Apnea-Hypopnea Index (AHI, 3% rule): {s.ahi} events/hour",
        ]
        if s.rdi is not None:
            page1.append(f"Respiratory Disturbance Index (RDI): {s.rdi} events/hour")
        page1 += [
            f"Lowest oxygen saturation (SpO2 nadir): {s.nadir} %",
            "Reference: AHI < 5 normal; 5-14.9 mild; 15-29.9 moderate; >= 30 severe.",
            "Periodic limb movements: none significant. No cardiac arrhythmia observed.",
            "",
            "Page 1 of 2",
        ]
        page2 = [
            header,
            f"Patient: {patient}    Study date: {fmt_date(s.day, 'us')}",
            "INTERPRETATION",
            f"IMPRESSION: {s.impression}",
            f"RECOMMENDATIONS: {s.recommendation}",
            "Clinical correlation is advised. A follow-up efficacy study is suggested after therapy.",
            "",
            f"Interpreting physician: {s.physician.signed}, Diplomate, American Board of Sleep Medicine",
            f"NPI: {s.physician.npi}",
            f"Electronically signed by {s.physician.name} on {fmt_date(s.day.replace(day=min(s.day.day + 2, 28)), 'us')}",
            "Page 2 of 2",
        ]
        return Document("sleep_study", "hospital", "sleep_study", _pages(page1, page2), scanned)
    # A small independent sleep lab: one page, terse table, different labels.
    lines = [
        "Synthetic Sleep Lab LLC  |  12 Example Road, Suite 4  |  ph 555-010-4477",
        "HOME SLEEP TEST - INTERPRETATION" if s.study == "hsat" else "DIAGNOSTIC PSG - SUMMARY",
        f"Name: {patient}",
        f"Date of study: {fmt_date(s.day, 'long')}",
        f"Device: {'WatchPAT-type HSAT (synthetic)' if s.study == 'hsat' else 'In-lab PSG'}",
        f"Monitoring time: {s.minutes_asleep} minutes",
        f"REI / AHI (4%): {s.ahi} /hr" if s.study == "hsat" else f"AHI: {s.ahi} /hr",
        f"Total respiratory events: {s.events}",
    ]
    if s.rdi is not None:
        lines.append(f"RDI: {s.rdi} /hr")
    lines += [
        f"O2 nadir: {s.nadir}%   Time below 88%: 6.1 min",
        "(normal adult AHI under 5/hr)",
        f"Impression: {s.impression}",
        f"Plan: {s.recommendation}",
        f"Read by: {s.physician.signed}  NPI {s.physician.npi}",
        f"Signed {fmt_date(s.day, 'us')}",
    ]
    return Document("sleep_study", "clinic", "sleep_study", _pages(lines), scanned)


# -------------------------------------------------------------------- physician order / F2F


@dataclass(frozen=True)
class ApplianceOrder:
    day: date
    physician: Person
    hinged: bool = True
    npi_override: str = ""  # a typo'd NPI


def physician_order(o: ApplianceOrder, *, patient: str, birthdate: date, style: str) -> Document:
    npi = o.npi_override or o.physician.npi
    device = (
        "custom fabricated mandibular advancement device with fixed hinge (HCPCS E0486)"
        if o.hinged
        else "custom fabricated mandibular advancement oral appliance, no fixed hinge (elastic straps)"
    )
    if style == "hospital":
        lines = [
            "SYNTHETIC UNIVERSITY HOSPITAL - SLEEP MEDICINE CLINIC",
            "STANDARD WRITTEN ORDER - DURABLE MEDICAL EQUIPMENT",
            f"Beneficiary: {patient}     DOB: {fmt_date(birthdate, 'us')}",
            f"Order date: {fmt_date(o.day, 'us')}",
            f"Item ordered: {device}",
            "Quantity: 1     Length of need: 99 months (lifetime)",
            "Diagnosis: G47.33 Obstructive sleep apnea (adult)",
            "I have reviewed the sleep study results with the patient before ordering this device.",
            f"Ordering practitioner: {o.physician.signed}    NPI: {npi}",
            "Phone (555) 010-2200    Fax (555) 010-2201",
            f"Signature: /s/ {o.physician.name}    Date signed: {fmt_date(o.day, 'us')}",
        ]
    else:
        lines = [
            "Synthetic Family Medicine Associates",
            "Rx",
            f"Pt: {patient}   DOB {fmt_date(birthdate, 'us')}",
            f"Date: {fmt_date(o.day, 'long')}",
            f"Please fabricate and deliver: {device}.",
            "Dx: obstructive sleep apnea, G47.33. Patient intolerant of CPAP.",
            "Refills: 0",
            f"{o.physician.signed}   NPI # {npi}   Tel 555-010-3300",
        ]
    return Document("physician_order", style, "physician_order", _pages(lines))


@dataclass(frozen=True)
class FaceToFace:
    day: date
    physician: Person
    epworth: int
    positives: tuple[str, ...]  # sentences of the subjective part that are present
    negatives: tuple[str, ...]  # sentences with negation
    history: tuple[str, ...] = ()
    bmi: float = 29.4
    cpap: str = ""  # CPAP trial/intolerance sentence, if any


def face_to_face_note(f: FaceToFace, *, patient: str, style: str) -> Document:
    if style == "hospital":
        lines = [
            "SYNTHETIC UNIVERSITY HOSPITAL - SLEEP MEDICINE CLINIC    Page 1",
            "SLEEP MEDICINE CONSULTATION (face-to-face evaluation)",
            f"Patient: {patient}    Visit date: {fmt_date(f.day, 'us')}",
            f"Provider: {f.physician.signed}  NPI {f.physician.npi}",
            "Reason for visit: evaluation for suspected obstructive sleep apnea before sleep testing.",
            "HPI: " + " ".join(f.positives),
            "ROS: " + " ".join(f.negatives),
        ]
        if f.history:
            lines.append("PMH: " + " ".join(f.history))
        lines += [
            f"Epworth Sleepiness Scale: {f.epworth}/24",
            f"Exam: BMI {f.bmi} kg/m2, neck circumference 16.5 in, Mallampati III, tonsils 1+.",
        ]
        if f.cpap:
            lines.append(f.cpap)
        lines += [
            "Assessment: suspected obstructive sleep apnea.",
            "Plan: diagnostic sleep study ordered; follow up to review results.",
            f"Electronically signed: {f.physician.name} {fmt_date(f.day, 'us')}",
        ]
    else:
        lines = [
            "Synthetic Family Medicine Associates - Office Visit",
            f"{patient} - seen {fmt_date(f.day, 'long')} by {f.physician.signed}",
            "S: " + " ".join(f.positives + f.negatives),
            ("PMH: " + " ".join(f.history)) if f.history else "PMH: noncontributory.",
            f"ESS {f.epworth}. BMI {f.bmi}.",
            f.cpap or "",
            "A: Suspected OSA.  P: Home sleep test ordered. Return after results.",
            "Phone 555-010-3300",
        ]
    return Document("face_to_face", style, "chart_note", _pages([line for line in lines if line != ""]))


def dental_sleep_note(
    *, patient: str, day: date, style: str, delivery: bool, hinged: bool = True, extra: tuple[str, ...] = ()
) -> Document:
    """The dentist's SOAP note for the sleep appliance (exam, or delivery with proof of delivery)."""
    device = "mandibular advancement device with fixed hinge" if hinged else "elastic-strap mandibular advancement device"
    if style == "hospital":
        lines = [
            "Synthetic Dental Sleep Medicine - Clinical Note",
            f"Patient: {patient}   Date of service: {fmt_date(day, 'us')}",
            f"Provider: {DENTIST.signed}  NPI {DENTIST.npi}",
            "S: Loud snoring and witnessed apneas reported by bed partner. Wakes unrefreshed.",
            "O: Class I occlusion, adequate protrusive range 9 mm. No TMJ pain on palpation. No clicking.",
            "A: Obstructive sleep apnea, candidate for oral appliance therapy.",
        ]
        if delivery:
            lines += [
                f"P: Delivered custom {device}. Fit and retention verified, starting position 60% protrusion.",
                "Patient instructed on use, cleaning and titration. Proof of delivery signed by patient today.",
            ]
        else:
            lines.append(f"P: Impressions taken for custom {device}.")
    else:
        lines = [
            "Synthetic Smiles Dental - Progress Note",
            f"{fmt_date(day, 'long')} - {patient}",
            "CC: 'my wife says I stop breathing at night'.",
            "Exam: protrusive 8 mm; dentition stable; denies jaw pain.",
        ]
        if delivery:
            lines += [
                f"Delivery: custom {device} seated, adjusted.",
                f"Delivery date {fmt_date(day, 'us')}. Delivery receipt signed by pt.",
            ]
        else:
            lines.append(f"Plan: custom {device}.")
        lines.append(f"{DENTIST.signed}")
    lines += list(extra)
    return Document("delivery_note" if delivery else "dental_exam", style, "chart_note", _pages(lines))


# ------------------------------------------------------------------------------ dentist notes


def chart_note(
    *, doc_type: str, style: str, patient: str, day: date, sections: dict[str, str], provider: Person = DENTIST,
    scanned: bool = False,
) -> Document:
    """A dental SOAP chart note; `sections` maps heading to text, in order."""
    if style == "hospital":
        lines = [
            "SYNTHETIC DENTAL GROUP - ORAL SURGERY & TMJ CENTER   Tel 555-010-9000",
            f"PROGRESS NOTE        Date of service: {fmt_date(day, 'us')}",
            f"Patient: {patient}    Provider: {provider.signed} (NPI {provider.npi})",
            "",
        ]
        for heading, text in sections.items():
            lines.append(f"{heading.upper()}:")
            lines += textwrap.wrap(text, 95)
        lines += ["", f"Electronically signed by {provider.name}, {provider.credentials}", "Page 1 of 1"]
    else:
        lines = [f"Synthetic Smiles Dental ({fmt_date(day, 'long')})", f"Pt {patient}", ""]
        for heading, text in sections.items():
            lines += textwrap.wrap(f"{heading}: {text}", 95)
        lines.append(f"-- {provider.signed}")
    return Document(doc_type, style, "chart_note", _pages(lines), scanned)


# ------------------------------------------------------------------------ pathology, radiology


def pathology_report(
    *, patient: str, style: str, collected: date, reported: date, specimen: str, gross: str,
    microscopic: str, diagnosis: str, submitted_by: Person = DENTIST, scanned: bool = False,
) -> Document:
    if style == "hospital":
        lines = [
            "SYNTHETIC UNIVERSITY HOSPITAL - DEPARTMENT OF PATHOLOGY",
            "SURGICAL PATHOLOGY REPORT            Accession: SP-26-00417",
            f"Patient: {patient}",
            f"Collected: {fmt_date(collected, 'us')}   Received: {fmt_date(collected, 'us')}   Reported: {fmt_date(reported, 'us')}",
            f"Submitting: {submitted_by.signed}",
            f"SPECIMEN: {specimen}",
            "CLINICAL HISTORY: see requisition.",
            "GROSS DESCRIPTION:",
            *textwrap.wrap(gross, 90),
            "MICROSCOPIC DESCRIPTION:",
            *textwrap.wrap(microscopic, 90),
            "DIAGNOSIS:",
            *textwrap.wrap(diagnosis, 90),
            f"Electronically signed out by {PATHOLOGIST.signed} on {fmt_date(reported, 'us')}",
            "CLIA 99D9999999 (synthetic)  Lab phone (555) 010-7000",
        ]
    else:
        lines = [
            "Synthetic Oral Pathology Laboratory",
            f"Pt: {patient}    Date collected {fmt_date(collected, 'long')}",
            f"Doctor: {submitted_by.signed}",
            f"Source: {specimen}",
            "Final Diagnosis:",
            *textwrap.wrap(diagnosis.upper(), 75),
            "Comment:",
            *textwrap.wrap(microscopic, 75),
            f"Pathologist: {PATHOLOGIST.signed}    {fmt_date(reported, 'us')}",
        ]
    return Document("pathology_report", style, "pathology_report", _pages(lines), scanned)


def radiology_report(
    *, patient: str, style: str, day: date, exam: str, indication: str, findings: str, impression: str
) -> Document:
    if style == "hospital":
        lines = [
            "SYNTHETIC IMAGING PARTNERS - ORAL & MAXILLOFACIAL RADIOLOGY",
            f"Patient: {patient}   Exam date: {fmt_date(day, 'us')}",
            f"EXAM: {exam}",
            f"CLINICAL INDICATION: {indication}",
            "TECHNIQUE: standard acquisition; prior studies: none available.",
            "FINDINGS:",
            *textwrap.wrap(findings, 90),
            "IMPRESSION:",
            *textwrap.wrap(impression, 90),
            f"Dictated and signed by {RADIOLOGIST.signed} on {fmt_date(day, 'us')}",
        ]
    else:
        lines = [
            "Synthetic Smiles Dental - Radiographic Interpretation",
            f"{patient} / {fmt_date(day, 'long')} / {exam}",
            f"Reason: {indication}",
            *textwrap.wrap(f"Findings: {findings}", 90),
            *textwrap.wrap(f"Impression: {impression}", 90),
            f"Read by {RADIOLOGIST.signed}",
        ]
    return Document("radiology_report", style, "radiology_report", _pages(lines))


def referral_letter(
    *, patient: str, style: str, day: date, physician: Person, planned: str, planned_day: date, reason: str
) -> Document:
    if style == "hospital":
        lines = [
            f"SYNTHETIC CANCER INSTITUTE - {physician.specialty.upper()}",
            "Tel (555) 010-5500   Fax (555) 010-5501",
            fmt_date(day, "long"),
            f"To: {DENTIST.signed}, Synthetic Smiles Dental",
            f"Re: {patient} - request for dental clearance",
            "Dear Doctor,",
            *textwrap.wrap(reason, 95),
            *textwrap.wrap(
                f"Planned procedure: {planned}. Planned start date: {fmt_date(planned_day, 'us')}. "
                "Please evaluate and treat any foci of oral infection before that date and send us your findings.",
                95,
            ),
            "Sincerely,",
            f"{physician.signed}, {physician.specialty}   NPI {physician.npi}",
        ]
    else:
        lines = [
            f"Synthetic Transplant Program - {physician.specialty}",
            f"Referral date: {fmt_date(day, 'us')}",
            f"Patient: {patient}",
            f"Referred to: {DENTIST.signed}",
            f"Referring provider: {physician.signed}  NPI {physician.npi}",
            *textwrap.wrap(f"Reason for referral: {reason}", 95),
            f"Planned procedure: {planned}, scheduled {fmt_date(planned_day, 'long')}.",
            "Dental clearance letter required before listing. Contact coordinator at 555-010-6600.",
        ]
    return Document("referral", style, "referral", _pages(lines))


# ------------------------------------------------------------------------------- renderers


def born_digital_pdf(pages: tuple[tuple[str, ...], ...]) -> bytes:
    """A PDF with a real text layer (as an EHR prints it), one page per tuple of lines."""
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    for lines in pages:
        pdf.add_page()
        for number, line in enumerate(lines):
            # First line is the letterhead: bold, as practices print it.
            pdf.set_font("DejaVu", "B" if number == 0 else "", 11 if number == 0 else 10)
            pdf.multi_cell(0, 5.5, line or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_png(lines: tuple[str, ...], *, seed: int = 0) -> bytes:
    """A page as a fax or flatbed scan: grey paper, typewriter-like font, speckles, a slight tilt."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    width, height = int(8.5 * SCAN_DPI), int(11 * SCAN_DPI)
    paper = 228 + rng.randint(0, 10)
    image = Image.new("L", (width, height), paper)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(TYPEWRITER), size=int(SCAN_DPI * 0.135))
    y = int(0.7 * SCAN_DPI)
    for line in lines:
        for part in textwrap.wrap(line, 95) or [""]:
            draw.text((int(0.55 * SCAN_DPI), y), part, fill=rng.randint(15, 45), font=font)
            y += int(SCAN_DPI * 0.2)
    for _ in range(1800):  # toner speckles and paper dust
        x, yy = rng.randrange(width), rng.randrange(height)
        draw.point((x, yy), fill=rng.randint(60, 160))
    image = image.filter(ImageFilter.GaussianBlur(0.5))
    image = image.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, expand=False, fillcolor=paper)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(SCAN_DPI, SCAN_DPI))
    return out.getvalue()
