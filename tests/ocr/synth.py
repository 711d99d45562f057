"""Synthetic clinical documents and scan degradations for the OCR tests and benchmark.

Everything is rendered at run time from text with Pillow and numpy, deterministically from a
seed, so no binary fixture is committed. Fonts come from Debian's fonts-dejavu-core.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pypdf import PdfWriter

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS = FONT_DIR / "DejaVuSans.ttf"
SERIF = FONT_DIR / "DejaVuSerif.ttf"

LETTER_IN = (8.5, 11.0)

# Ground-truth texts, ASCII only: curly quotes and dashes would measure the normaliser,
# not the OCR. Each is about half a page, which keeps a test page at about one second of OCR.
TEXTS: dict[str, str] = {
    "sleep_study": """\
POLYSOMNOGRAPHY REPORT
Patient: Jordan A. Smith   DOB: 04/12/1961   Study date: 03/02/2025
Referring physician: Maria Lopez, MD
Indication: Loud snoring, witnessed apneas and daytime sleepiness.
Epworth Sleepiness Scale score was 14 of 24.
Total recording time was 421 minutes and total sleep time was 362 minutes.
Sleep efficiency was 86 percent with a sleep latency of 12 minutes.
The apnea-hypopnea index (AHI) was 27.4 events per hour of sleep.
The respiratory disturbance index (RDI) was 31.2 events per hour.
Supine AHI was 41.0 and non-supine AHI was 12.6 events per hour.
The oxygen desaturation index was 22.8 and the SpO2 nadir was 81 percent.
IMPRESSION: Moderate obstructive sleep apnea (G47.33).
RECOMMENDATION: A custom mandibular advancement oral appliance is
recommended because the patient did not tolerate CPAP therapy.
Interpreting physician: Robert Chen, MD, Diplomate ABSM""",
    "pathology_report": """\
SURGICAL PATHOLOGY REPORT
Patient: Alice M. Turner   DOB: 09/30/1957   Accession: SP25-01893
Specimen: Biopsy of the left lateral border of the tongue
Submitting surgeon: Daniel Park, DDS, MD
Clinical history: Persistent white lesion for three months.
GROSS DESCRIPTION: Received in formalin is one tan-white portion of
soft tissue measuring 0.9 x 0.5 x 0.3 cm, entirely submitted in one cassette.
MICROSCOPIC DESCRIPTION: Sections show squamous mucosa with moderate
epithelial dysplasia and a dense chronic inflammatory infiltrate.
No invasive carcinoma is identified in the examined levels.
The deep and peripheral margins are free of dysplasia.
FINAL DIAGNOSIS: Tongue, left lateral, biopsy: moderate epithelial
dysplasia. Negative for invasive squamous cell carcinoma.
Electronically signed by Helen Ward, MD, pathologist, on 02/14/2025""",
    "chart_note": """\
PROGRESS NOTE
Patient: Samuel Ortiz   DOB: 11/05/1972   Visit date: 01/22/2025
Chief complaint: Jaw pain and clicking on the right side for six months.
History of present illness: Pain is worse in the morning and with chewing.
The patient reports clenching during the day and headaches twice a week.
Medications: Ibuprofen 400 mg as needed. Allergies: Penicillin.
Vital signs: BP 128/82, pulse 74, respirations 16.
Examination: Maximum opening of 31 mm with deviation to the right.
Tenderness of the right masseter and lateral pterygoid on palpation.
Assessment: Right temporomandibular joint disorder with myofascial pain.
Plan: Occlusal splint, soft diet, moist heat and a follow-up in 4 weeks.
Provider: Laura Kim, DDS""",
    "referral": """\
REFERRAL FOR CONSULTATION
Date: 02/03/2025
To: Pacific Oral and Maxillofacial Surgery
From: Kevin Nguyen, MD, Internal Medicine
Patient: Grace Lee   DOB: 07/18/1980   Phone: 555-0142
Reason for referral: Please evaluate and treat suspected obstructive
sleep apnea. The patient is intolerant of CPAP and is interested in
an oral appliance. Home sleep test showed an AHI of 18 events per hour.
Pertinent history: Hypertension and type 2 diabetes, well controlled.
Insurance: Blue Cross PPO, member ID XJH448120093.
Referring provider signature: Kevin Nguyen, MD   NPI 1457382910""",
    "radiology_report": """\
RADIOLOGY REPORT
Exam: Cone beam CT of the maxilla and mandible without contrast
Patient: Thomas Reed   DOB: 05/27/1968   Exam date: 01/09/2025
Clinical indication: Swelling of the left posterior mandible.
Technique: Axial images were acquired with coronal and sagittal reformats.
Comparison: Panoramic radiograph dated 11/02/2024.
FINDINGS: There is a well defined unilocular radiolucency measuring
2.1 x 1.6 cm associated with the crown of impacted tooth 17.
The inferior alveolar canal is displaced inferiorly but intact.
There is thinning of the lingual cortex without perforation.
IMPRESSION: Findings most consistent with a dentigerous cyst.
Surgical consultation is recommended.
Dictated by: Nina Patel, MD, radiologist""",
    "physician_order": """\
PHYSICIAN ORDER / PRESCRIPTION
Date of order: 02/20/2025
Patient: Michael Brown   DOB: 12/01/1965
Order: Custom fabricated mandibular advancement oral appliance
HCPCS code: E0486   Diagnosis: G47.33 obstructive sleep apnea
Length of need: 99 months (lifetime)
Dispense one device and provide follow-up titration visits.
The patient has been evaluated and is intolerant of CPAP.
Ordering physician: Susan Miller, MD   NPI 1326049785
Physician signature on file. Date signed: 02/20/2025""",
    "narrative": """\
LETTER OF MEDICAL NECESSITY
To whom it may concern:
I am writing on behalf of my patient, Emily Davis, regarding the
medical necessity of a custom oral appliance for the treatment of her
obstructive sleep apnea. Her sleep study showed an AHI of 22 events
per hour. She attempted CPAP therapy for three months and could not
tolerate it despite mask refits. Untreated sleep apnea increases her
risk of hypertension, stroke and heart disease. In my professional
opinion the appliance is medically necessary, and I respectfully ask
that you approve coverage of this treatment.
Sincerely, Andrew Scott, DDS""",
    "eob": """\
EXPLANATION OF BENEFITS   THIS IS NOT A BILL
Member: Linda Harris   Member ID: QWE229183001   Group: 55021
Claim number: 2025031800417   Provider: Bright Smile Dental
Date of service   Procedure   Amount billed   Allowed amount   Paid
02/11/2025   E0486   $2,450.00   $1,812.40   $1,449.92
Deductible applied: $0.00   Coinsurance: $362.48
Patient responsibility: $362.48
Remark code N130: Consult plan benefit documents for coverage.
If you disagree with this decision you may file an appeal within
180 days of the date of this notice.""",
}


@dataclass(frozen=True)
class Page:
    """One synthetic page: the image and the text it must OCR to."""

    image: Image.Image
    text: str
    dpi: tuple[int, int] = (300, 300)


def render_text_page(
    text: str, *, dpi: int = 300, font: Path = SANS, font_pt: float = 11.0, margin_in: float = 0.8
) -> Page:
    """Render lines of text on a white US Letter page, like a printed and scanned form."""
    width, height = (round(side * dpi) for side in LETTER_IN)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    face = ImageFont.truetype(str(font), round(font_pt * dpi / 72))
    x = y = round(margin_in * dpi)
    line_step = round(font_pt * dpi / 72 * 1.6)
    for line in text.splitlines():
        draw.text((x, y), line, font=face, fill=0)
        y += line_step
    return Page(image=image, text=text, dpi=(dpi, dpi))


def skew(page: Page, degrees: float) -> Page:
    """Rotate by a few degrees, as a sheet fed crooked into a scanner."""
    rotated = page.image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return Page(image=rotated, text=page.text, dpi=page.dpi)


def rotate_quarter(page: Page, degrees: int) -> Page:
    """Turn the page by 90, 180 or 270 degrees counter-clockwise (a sheet scanned sideways)."""
    turned = page.image.rotate(degrees, expand=True, fillcolor=255)
    dpi = page.dpi if degrees % 180 == 0 else page.dpi[::-1]
    return Page(image=turned, text=page.text, dpi=dpi)


def blur(page: Page, radius: float) -> Page:
    """Gaussian blur: an out-of-focus or low-quality scanner."""
    return Page(image=page.image.filter(ImageFilter.GaussianBlur(radius)), text=page.text, dpi=page.dpi)


def add_noise(page: Page, *, sigma: float, speckle: float = 0.0, seed: int = 0) -> Page:
    """Gaussian sensor noise plus salt-and-pepper specks."""
    rng = np.random.default_rng(seed)
    pixels = np.asarray(page.image, dtype=np.float32)
    pixels = pixels + rng.normal(0.0, sigma, pixels.shape)
    if speckle:
        specks = rng.random(pixels.shape)
        pixels[specks < speckle / 2] = 0
        pixels[specks > 1 - speckle / 2] = 255
    return _from_array(pixels, page)


def uneven_lighting(page: Page, *, strength: float = 0.45, paper_grey: float = 235) -> Page:
    """Darken the page towards one corner and grey the paper, like a phone photo of a sheet."""
    pixels = np.asarray(page.image, dtype=np.float32)
    height, width = pixels.shape
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    gradient = 1.0 - strength * (0.6 * xs / width + 0.4 * ys / height)
    ink = 255.0 - pixels
    lit = (paper_grey - ink * (paper_grey - 25) / 255.0) * gradient
    return _from_array(lit, page)


def fax(page: Page, *, dpi: tuple[int, int] = (150, 150), threshold: int = 150) -> Page:
    """Resample to fax resolution and threshold to 1 bit per pixel, as a fax machine does."""
    width, height = page.image.size
    size = (round(width * dpi[0] / page.dpi[0]), round(height * dpi[1] / page.dpi[1]))
    small = page.image.resize(size, Image.Resampling.BOX)
    bilevel = small.point(lambda value: 255 if value > threshold else 0).convert("1")
    return Page(image=bilevel, text=page.text, dpi=dpi)


def jpeg(page: Page, *, quality: int = 50) -> Page:
    """Re-encode as a lossy JPEG, as many scan-to-email devices do."""
    buffer = io.BytesIO()
    page.image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    return Page(image=Image.open(buffer).convert("L"), text=page.text, dpi=page.dpi)


def degrade(page: Page, *, seed: int, skew_degrees: float = 4.0) -> Page:
    """The standard "bad scan": skew, uneven light, blur, noise and specks."""
    page = skew(page, skew_degrees)
    page = uneven_lighting(page, strength=0.4)
    page = blur(page, 1.0)
    return add_noise(page, sigma=25, speckle=0.002, seed=seed)


def render_radiograph(*, size: tuple[int, int] = (1800, 900), seed: int = 0) -> Image.Image:
    """A panoramic-radiograph-like image: dark field, smooth bright arches and teeth, film grain."""
    rng = np.random.default_rng(seed)
    width, height = size
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    field = np.full((height, width), 25.0, dtype=np.float32)
    # Jaw arch: a bright band along a parabola.
    arch_y = height * 0.35 + (xs - width / 2) ** 2 / (width * 1.6)
    field += 110 * np.exp(-(((ys - arch_y) / (height * 0.12)) ** 2))
    # Teeth: brighter blobs along the arch.
    for i in range(16):
        cx = width * (0.12 + 0.76 * i / 15)
        cy = height * 0.35 + (cx - width / 2) ** 2 / (width * 1.6)
        field += 90 * np.exp(-(((xs - cx) / (width * 0.018)) ** 2 + ((ys - cy) / (height * 0.09)) ** 2))
    field += rng.normal(0, 6, field.shape)
    image = Image.fromarray(np.clip(field, 0, 255).astype(np.uint8), "L")
    return image.filter(ImageFilter.GaussianBlur(2))


def render_photo(*, size: tuple[int, int] = (1600, 1200), seed: int = 0) -> Image.Image:
    """An intraoral-photo-like colour image: pink and red tissue, white teeth, smooth shading."""
    rng = np.random.default_rng(seed)
    width, height = size
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    shade = 0.6 + 0.4 * np.exp(-(((xs - width / 2) / width) ** 2 + ((ys - height / 2) / height) ** 2) * 3)
    red = 200 * shade
    green = 90 * shade
    blue = 100 * shade
    for i in range(8):
        cx = width * (0.15 + 0.7 * i / 7)
        tooth = np.exp(-(((xs - cx) / (width * 0.04)) ** 2 + ((ys - height * 0.5) / (height * 0.15)) ** 2) * 2)
        red, green, blue = (channel + (235 - channel) * tooth for channel in (red, green, blue))
    rgb = np.stack([red, green, blue], axis=-1) + rng.normal(0, 4, (height, width, 3))
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")


def save_tiff(pages: list[Page], path: Path, *, compression: str) -> Path:
    """Write pages as one multi-page TIFF (compression: group4, tiff_lzw or jpeg)."""
    # Copies: Pillow leaves a saved image's encoder options on it, and a later multi-frame save
    # would pass the stale ones (a PDF's quality=) to libtiff.
    frames = [_bilevel(page.image) if compression == "group4" else page.image.copy() for page in pages]
    frames[0].save(
        path, "TIFF", compression=compression, dpi=pages[0].dpi, save_all=True, append_images=frames[1:]
    )
    return path


def make_text_pdf(pages_text: list[str], path: Path, *, font_pt: float = 11.0) -> Path:
    """Write a born-digital PDF with real Helvetica text, one US Letter page per string.

    Hand-rolled (no reportlab): a catalog, a page tree, one Type1 font and one content stream
    per page, and a correct cross-reference table.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree number is known
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for text in pages_text:
        lines = [f"BT /F1 {font_pt:g} Tf {font_pt * 1.5:g} TL 58 720 Td"]
        for line in text.splitlines():
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            lines.append(f"({escaped}) Tj T*")
        lines.append("ET")
        stream = "\n".join(lines).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_obj, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    kid_refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    path.write_bytes(bytes(out))
    return path


def make_image_pdf(pages: list[Page], path: Path, *, quality: int = 85) -> Path:
    """Write a scanned PDF: one full-page image per page at its real physical size.

    Pillow embeds greyscale as JPEG and 1-bit as CCITT G4, which is what scanners produce;
    pypdf joins the single-page files because Pillow takes one resolution per file.
    """
    writer = PdfWriter()
    for page in pages:
        buffer = io.BytesIO()
        options = {} if page.image.mode == "1" else {"quality": quality}
        page.image.save(buffer, "PDF", resolution=page.dpi[0], **options)
        writer.append(io.BytesIO(buffer.getvalue()))
    with path.open("wb") as file:
        writer.write(file)
    return path


def _bilevel(image: Image.Image) -> Image.Image:
    # Threshold, as a fax or a scanner's text mode does; Pillow's default would dither.
    return image if image.mode == "1" else image.convert("1", dither=Image.Dither.NONE)


def _from_array(pixels: np.ndarray, page: Page) -> Page:
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")
    return Page(image=image, text=page.text, dpi=page.dpi)
