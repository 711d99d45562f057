"""Validate a whole document up front and describe its pages.

The service calls `inspect_document` once, before it stores the upload or queues any page:
every "this file cannot be used" problem (truncation, encryption, bombs, wrong type) is raised
here as a `DocumentError`, so a document is never half-processed.
"""
from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError
from pypdf.generic import ContentStream

from docservice.ocr.errors import (
    CorruptImage,
    CorruptPdf,
    EncryptedPdf,
    TooManyPages,
    TooManyPixels,
)
from docservice.ocr.limits import DEFAULT_LIMITS, Limits
from docservice.ocr.sniff import PDF, sniff_file

log = logging.getLogger(__name__)

# A page keeps its own text (no OCR) when it has at least this many letters and digits. A scan
# with a stamped "Page 2 of 9" or a fax header in real text must still be OCR'd, so a page whose
# content is one full-page image needs far more (a scanner's own invisible OCR layer has that).
MIN_TEXT_CHARS = 20
MIN_TEXT_CHARS_OVER_SCAN = 200

# Declared resolutions outside this range are missing or wrong (cameras write 72 dpi on 4000
# pixel photos); the page size they imply decides whether to believe them.
PLAUSIBLE_PAGE_INCHES = (2.0, 17.5)
FALLBACK_PAGE_INCHES = 11.0  # long side of US Letter, the usual page

# Content-stream operators that put marks on the page. Path construction (re, m, l) and clipping
# (W n) do not: pypdf and many scanners clip a scan to its page box before drawing it.
_PAINTING_OPERATORS = frozenset(
    [b"Tj", b"TJ", b"'", b'"', b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"BI", b"sh"]
)
_PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)
_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, UnidentifiedImageError)


@dataclass(frozen=True)
class PageInfo:
    """One page (PDF) or frame (TIFF) of a document.

    Attributes:
        index: Zero-based page number.
        has_text_layer: A born-digital page whose own text is kept instead of OCR.
        width_px: Width in pixels at `dpi`, as displayed (after any PDF /Rotate or EXIF turn).
        height_px: Height in pixels at `dpi`.
        dpi: Horizontal and vertical resolution; they differ for standard-mode faxes (204x98).
        embedded_scan: A PDF page drawn as one full-page image, which can be extracted as is
            instead of rendered.
    """

    index: int
    has_text_layer: bool
    width_px: int
    height_px: int
    dpi: tuple[float, float]
    embedded_scan: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    """What `inspect_document` found: the media type sniffed from the bytes and every page."""

    media_type: str
    page_count: int
    pages: tuple[PageInfo, ...]


def inspect_document(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> DocumentInfo:
    """Validate a document completely and describe its pages.

    Args:
        path: The uploaded file.
        limits: Page and pixel budgets.

    Returns:
        The media type and one `PageInfo` per page.

    Raises:
        DocumentError: A subclass saying why the file cannot be used (empty, unsupported type,
            corrupt, encrypted, too many pages or pixels).
    """
    media_type = sniff_file(path)
    if media_type == PDF:
        pages = _inspect_pdf(path, limits=limits)
    else:
        pages = _inspect_image(path, limits=limits)
    total = sum(page.width_px * page.height_px for page in pages)
    if total > limits.max_total_pixels:
        raise TooManyPixels(
            f"The document's {len(pages)} pages add up to {total / 1e6:.0f} megapixels; the limit is "
            f"{limits.max_total_pixels / 1e6:.0f}. Please split it into smaller documents."
        )
    return DocumentInfo(media_type=media_type, page_count=len(pages), pages=tuple(pages))


def inspect_page(path: Path, index: int, *, limits: Limits = DEFAULT_LIMITS) -> PageInfo:
    """Describe one page without validating the others: for a worker given a document the API
    already accepted with `inspect_document`."""
    media_type = sniff_file(path)
    if media_type == PDF:
        return _inspect_pdf_page(open_pdf(path).pages[index], index, limits=limits)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path) as image:
            return _inspect_frame(image, index, limits=limits)


def open_pdf(path: Path) -> PdfReader:
    """Open a PDF with pypdf, decrypting it if it only has an owner password.

    Owner-password PDFs (printing or copying restricted, common from hospital portals) open in
    every viewer without a password, so they are accepted; a user password is refused.

    Raises:
        CorruptPdf: The file is truncated or damaged.
        EncryptedPdf: The file needs a password to open.
    """
    try:
        reader = PdfReader(path)
    except _PDF_ERRORS as exc:
        raise CorruptPdf(_corrupt_pdf_message()) from exc
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")
        except (DependencyError, NotImplementedError, *_PDF_ERRORS) as exc:
            # AES needs the optional `cryptography` package; without it the file is as unreadable
            # to us as one with a password.
            raise EncryptedPdf(_encrypted_message()) from exc
        if not decrypted:
            raise EncryptedPdf(_encrypted_message())
    return reader


def plausible_dpi(size_px: tuple[int, int], declared: tuple[float, float] | None) -> tuple[float, float]:
    """Return the declared resolution if the page size it implies is believable, else a guess.

    The guess assumes the long side is 11 inches (US Letter), which is right for scanned pages and
    harmless for photos, whose resolution only matters for text.
    """
    low, high = PLAUSIBLE_PAGE_INCHES
    if declared and all(value and value > 0 for value in declared):
        inches = [side / value for side, value in zip(size_px, declared)]
        if all(low <= side <= high for side in inches) or (max(inches) <= high and min(inches) >= 0.5):
            # PNG stores dots per metre: 300 dpi comes back as 299.9994.
            return (round(float(declared[0]), 1), round(float(declared[1]), 1))
    guess = max(size_px) / FALLBACK_PAGE_INCHES
    return (guess, guess)


def _inspect_pdf(path: Path, *, limits: Limits) -> list[PageInfo]:
    reader = open_pdf(path)
    try:
        page_count = len(reader.pages)
    except _PDF_ERRORS as exc:
        raise CorruptPdf(_corrupt_pdf_message()) from exc
    if page_count == 0:
        raise CorruptPdf("The PDF has no pages. Please check the file and upload it again.")
    _check_page_count(page_count, limits=limits)
    pages = []
    for index in range(page_count):
        try:
            pages.append(_inspect_pdf_page(reader.pages[index], index, limits=limits))
        except LimitReachedError as exc:
            raise TooManyPixels(
                f"Page {index + 1} of the PDF holds more data than allowed (a compressed-data bomb or "
                "a damaged file). Please print it to a new PDF and upload that."
            ) from exc
        except _PDF_ERRORS as exc:
            raise CorruptPdf(
                f"Page {index + 1} of the PDF is damaged and cannot be read. "
                "Please print it to a new PDF or scan the paper again."
            ) from exc
    return pages


def _inspect_pdf_page(page: PageObject, index: int, *, limits: Limits) -> PageInfo:
    box = page.cropbox
    width_pt, height_pt = float(box.width), float(box.height)
    if width_pt <= 0 or height_pt <= 0:
        raise CorruptPdf(f"Page {index + 1} of the PDF has no size. Please print it to a new PDF.")
    images = list(_iter_image_xobjects(page))
    for width, height in images:
        _check_pixels(width, height, what=f"An image on page {index + 1}", limits=limits)
    text_chars = _count_text_chars(page.extract_text() or "")
    scan = _full_page_image_size(page, images, width_pt=width_pt, height_pt=height_pt)
    needed = MIN_TEXT_CHARS_OVER_SCAN if scan or images else MIN_TEXT_CHARS
    has_text_layer = text_chars >= needed
    if scan and not has_text_layer:
        dpi = (scan[0] / width_pt * 72, scan[1] / height_pt * 72)
        width_px, height_px = scan
    else:
        dpi = (float(limits.render_dpi), float(limits.render_dpi))
        width_px, height_px = round(width_pt / 72 * dpi[0]), round(height_pt / 72 * dpi[1])
    if (page.rotation or 0) % 180 == 90:
        width_px, height_px, dpi = height_px, width_px, (dpi[1], dpi[0])
    _check_pixels(width_px, height_px, what=f"Page {index + 1}", limits=limits)
    return PageInfo(
        index=index,
        has_text_layer=has_text_layer,
        width_px=width_px,
        height_px=height_px,
        dpi=dpi,
        embedded_scan=bool(scan) and not has_text_layer,
    )


def _iter_image_xobjects(page: PageObject, *, depth: int = 0):
    """Yield (width, height) of every image the page draws, looking into forms (bounded)."""
    resources = page.get("/Resources")
    yield from _images_in_resources(resources, depth=depth)


def _images_in_resources(resources, *, depth: int):
    if resources is None or depth > 3:
        return
    resources = resources.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return
    for ref in xobjects.get_object().values():
        xobject = ref.get_object()
        subtype = xobject.get("/Subtype")
        if subtype == "/Image":
            yield int(xobject.get("/Width", 0)), int(xobject.get("/Height", 0))
        elif subtype == "/Form":
            yield from _images_in_resources(xobject.get("/Resources"), depth=depth + 1)


def _full_page_image_size(
    page: PageObject, images: list[tuple[int, int]], *, width_pt: float, height_pt: float
) -> tuple[int, int] | None:
    """Pixel size of the one image that covers the page, if the page is just a scan."""
    if len(images) != 1:
        return None
    try:
        operations = ContentStream(page.get_contents(), page.pdf).operations
        xobjects = page["/Resources"].get_object()["/XObject"].get_object()
    except _PDF_ERRORS:
        return None
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    matrix, saved = identity, []
    for operands, operator in operations:
        if operator == b"q":
            saved.append(matrix)
        elif operator == b"Q":
            matrix = saved.pop() if saved else identity
        elif operator == b"cm":
            matrix = _concat(tuple(float(value) for value in operands), matrix)
        elif operator == b"Do":
            target = xobjects.get(operands[0])
            if target is None or target.get_object().get("/Subtype") != "/Image":
                return None
            break
        elif operator in _PAINTING_OPERATORS:
            return None  # drawing besides the image: render the page instead
    else:
        return None
    a, b, c, d, e, f = matrix
    box = page.cropbox
    # Only upright, unmirrored placements that fill the page (within 2%) are simple scans;
    # anything else is rendered with pdftoppm, which handles every case.
    if abs(b) > 1e-3 or abs(c) > 1e-3 or a <= 0 or d <= 0:
        return None
    if abs(a - width_pt) > 0.02 * width_pt or abs(d - height_pt) > 0.02 * height_pt:
        return None
    if abs(e - float(box.left)) > 0.02 * width_pt or abs(f - float(box.bottom)) > 0.02 * height_pt:
        return None
    return images[0]


def _concat(first: tuple[float, ...], then: tuple[float, ...]) -> tuple[float, ...]:
    """The PDF matrix product first x then (the `cm` operator: CTM' = M x CTM)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _count_text_chars(text: str) -> int:
    # Text from fonts without a usable encoding comes out as control or private-use characters;
    # such a page is as good as an image and must be OCR'd.
    alnum = sum(char.isalnum() and char.isascii() for char in text)
    visible = sum(not char.isspace() for char in text)
    if visible and alnum / visible < 0.5:
        return 0
    return alnum


def _inspect_image(path: Path, *, limits: Limits) -> list[PageInfo]:
    with warnings.catch_warnings():
        # Our own budget below is stricter than Pillow's warning; silence its duplicate, and its
        # warnings about damaged metadata: a damaged file is refused with our own message.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        warnings.filterwarnings("ignore", category=UserWarning, module="PIL")
        try:
            with Image.open(path) as image:
                frame_count = getattr(image, "n_frames", 1)
                _check_page_count(frame_count, limits=limits)
                return [_inspect_frame(image, index, limits=limits) for index in range(frame_count)]
        except Image.DecompressionBombError as exc:
            raise TooManyPixels(_too_many_pixels_message("The image", limits=limits)) from exc
        except _IMAGE_ERRORS as exc:
            raise CorruptImage(
                "The image is damaged or incomplete (perhaps the upload was cut short) and cannot be "
                "read. Please upload it again."
            ) from exc


def _inspect_frame(image: Image.Image, index: int, *, limits: Limits) -> PageInfo:
    image.seek(index)
    width, height = image.size
    _check_pixels(width, height, what=f"Page {index + 1} of the image", limits=limits)
    image.load()  # decode now: a truncated file must fail here, not halfway through OCR
    dpi = plausible_dpi((width, height), image.info.get("dpi"))
    orientation = image.getexif().get(ImageOps.ExifTags.Base.Orientation, 1)
    if orientation in (5, 6, 7, 8):  # EXIF turns of 90 or 270 degrees swap the sides
        width, height, dpi = height, width, (dpi[1], dpi[0])
    return PageInfo(index=index, has_text_layer=False, width_px=width, height_px=height, dpi=dpi)


def _check_page_count(count: int, *, limits: Limits) -> None:
    if count > limits.max_pages:
        raise TooManyPages(
            f"The document has {count} pages; the limit is {limits.max_pages}. "
            "Please split it into smaller documents."
        )


def _check_pixels(width: int, height: int, *, what: str, limits: Limits) -> None:
    if width <= 0 or height <= 0:
        raise CorruptImage(f"{what} has no size. Please scan or export it again.")
    if width * height > limits.max_image_pixels:
        raise TooManyPixels(_too_many_pixels_message(what, limits=limits, size=(width, height)))


def _too_many_pixels_message(what: str, *, limits: Limits, size: tuple[int, int] | None = None) -> str:
    dims = f" ({size[0]} x {size[1]} pixels)" if size else ""
    return (
        f"{what} is too large{dims}; the limit is {limits.max_image_pixels / 1e6:.0f} megapixels per page. "
        "Please scan at 300 dpi, which is enough for any document."
    )


def _corrupt_pdf_message() -> str:
    return (
        "The PDF is damaged or incomplete (perhaps the upload was cut short) and cannot be read. "
        "Please upload it again, or print it to a new PDF."
    )


def _encrypted_message() -> str:
    return (
        "The PDF is password-protected. Please upload a copy without a password "
        "(open it and print it to a new PDF)."
    )

