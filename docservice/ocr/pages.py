"""Process one page: the unit of work a job queue runs, one page per task, one task per core."""
from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from docservice.ocr import compose, textlayer
from docservice.ocr.compose import NO_CORRECTION, Correction
from docservice.ocr.errors import PageError, PageTimeout
from docservice.ocr.inspect import PageInfo, inspect_page, open_pdf
from docservice.ocr.preprocess import (
    MAX_SKEW_DEGREES,
    MIN_SKEW_DEGREES,
    TARGET_DPI,
    ImageStats,
    binarize,
    detect_orientation,
    estimate_skew,
    flatten_background,
    measure_image,
    projection_skew,
    rotate_and_deskew,
    soften_bilevel,
    to_grey,
    upscale_low_resolution,
)
from docservice.ocr.rasterize import FROM_JPEG, FROM_PDF, FROM_PNG, PageImage, load_page_image
from docservice.ocr.sniff import PDF, sniff_file
from docservice.ocr.tesseract import TesseractResult, Word, run_tesseract

log = logging.getLogger(__name__)

DONE = "done"
NEEDS_REVIEW = "needs_review"
TEXT_LAYER = "text_layer"
OCR = "ocr"

# An upright page of print OCRs at a mean confidence of 85-96 even when badly scanned; an
# upside-down or sideways one at 20-40. Below this, orientation is checked and the page retried.
MIN_UPRIGHT_CONFIDENCE = 60.0
# Pages the OCR'd reader cannot trust: mark them for a person to look at.
MIN_DONE_CONFIDENCE = 50.0
# A second skew estimate this far from the first is worth another OCR pass of a badly read
# page; tesseract itself copes with a degree or two.
MIN_RESKEW_DEGREES = 1.0

_EXIF_ROTATION = {1: 0, 3: 180, 6: 90, 8: 270}  # EXIF orientation -> clockwise turn


@dataclass
class PageResult:
    """The outcome of one page.

    Attributes:
        index: Zero-based page number.
        text: The page's text (its own text layer, or OCR).
        mean_confidence: OCR word confidence, 0-100 (100 for a page's own text layer).
        status: "done", or "needs_review" when OCR timed out, failed, or is not trustworthy.
        method: "text_layer" (born-digital, no OCR) or "ocr".
        pdf_path: One-page searchable PDF for the assembler.
        rotation: Clockwise quarter turn applied to make the page upright (0, 90, 180, 270).
        skew_degrees: The scan's counter-clockwise skew that was straightened.
        elapsed: Seconds spent on the page.
        image_kind: "text", "photo" or "radiograph" from the page's grey levels; "born_digital".
        image_stats: The statistics behind `image_kind` (None for born-digital pages).
        words: Recognised words with confidences and boxes.
        reason: Why the page needs review, for the person who will look at it.
    """

    index: int
    text: str
    mean_confidence: float
    status: str
    method: str
    pdf_path: Path
    rotation: int = 0
    skew_degrees: float = 0.0
    elapsed: float = 0.0
    image_kind: str = "text"
    image_stats: ImageStats | None = None
    words: tuple[Word, ...] = field(default=(), repr=False)
    reason: str | None = None


def process_page(
    src: Path,
    index: int,
    *,
    workdir: Path,
    timeout: float = 60.0,
    info: PageInfo | None = None,
    media_type: str | None = None,
    lang: str = "eng",
) -> PageResult:
    """Turn page `index` of `src` into text and a one-page searchable PDF.

    Born-digital PDF pages keep their own text. Scanned pages are made upright (tesseract OSD),
    straightened, cleaned and upscaled if they are text, then OCR'd once for text, word
    confidences and the PDF text layer together. Photos and radiographs are never binarized or
    deskewed. A page that times out or crashes tesseract comes back as "needs_review" with an
    image-only PDF page, so the document can still be assembled.

    Args:
        src: The document, already accepted by `inspect_document`.
        index: Zero-based page number.
        workdir: Folder for this page's files (created if needed; a per-page subfolder is used).
        timeout: Seconds for the whole page, all tesseract runs included.
        info: The page's `PageInfo` from `inspect_document`, if the caller has it.
        media_type: The document's media type, if the caller has it.
        lang: Tesseract language(s).

    Returns:
        The page's `PageResult`.
    """
    started = time.monotonic()
    pagedir = workdir / f"page-{index:04d}"
    pagedir.mkdir(parents=True, exist_ok=True)
    media_type = media_type or sniff_file(src)
    info = info or inspect_page(src, index)
    if info.has_text_layer:
        result = _keep_text_layer(src, index, pagedir=pagedir)
    else:
        budget = _Budget(started=started, seconds=timeout)
        result = _ocr_scanned_page(src, index, pagedir=pagedir, info=info, media_type=media_type, lang=lang, budget=budget)
    result.elapsed = round(time.monotonic() - started, 3)
    return result


@dataclass(frozen=True)
class _Budget:
    started: float
    seconds: float

    def remaining(self, what: str) -> float:
        left = self.seconds - (time.monotonic() - self.started)
        if left <= 0:
            raise PageTimeout(f"the page's {self.seconds:g} s budget ran out before {what}", seconds=self.seconds)
        return left


@dataclass
class _Ocr:
    result: TesseractResult
    rotation: int
    skew: float
    processed: np.ndarray | None  # the binarized page the OCR ran on (text pages only)
    image_size: tuple[int, int]  # (width, height) in pixels of the image tesseract read

    @property
    def skew_applied(self) -> bool:
        # rotate_and_deskew leaves tiny and implausibly large skews alone.
        return MIN_SKEW_DEGREES <= abs(self.skew) <= MAX_SKEW_DEGREES

    @property
    def score(self) -> float:
        # Confidence alone would prefer a page with three confident words to a full page.
        letters = sum(len(word.text) for word in self.result.words if word.confidence >= MIN_DONE_CONFIDENCE)
        return self.result.mean_confidence * letters


def _keep_text_layer(src: Path, index: int, *, pagedir: Path) -> PageResult:
    text = open_pdf(src).pages[index].extract_text() or ""
    pdf = compose.copy_pdf_page(src=src, index=index, out=pagedir / "page.pdf")
    return PageResult(
        index=index,
        text=text.strip(),
        mean_confidence=100.0,
        status=DONE,
        method=TEXT_LAYER,
        pdf_path=pdf,
        image_kind="born_digital",
    )


def _ocr_scanned_page(
    src: Path, index: int, *, pagedir: Path, info: PageInfo, media_type: str, lang: str, budget: _Budget
) -> PageResult:
    page: PageImage | None = None
    stats: ImageStats | None = None
    try:
        page = load_page_image(
            src, index, workdir=pagedir, info=info, media_type=media_type, timeout=budget.remaining("rendering")
        )
        stats = measure_image(page.image, page.dpi)
        if stats.is_text:
            ocr = _ocr_text_page(page, pagedir=pagedir, lang=lang, budget=budget)
        else:
            ocr = _ocr_picture(page, pagedir=pagedir, lang=lang, budget=budget)
    except PageError as exc:
        log.warning("page %d needs review: %s", index + 1, exc)
        if page is None and media_type != PDF:
            # The budget ran out before the picture was opened; opening one renders nothing (its pixel
            # budget still applies), so the page keeps its picture for a person to review.
            page = load_page_image(src, index, workdir=pagedir, info=info, media_type=media_type)
        if page is None:  # a PDF page that did not render (pdftoppm): keep it as it is
            pdf = compose.copy_pdf_page(src=src, index=index, out=pagedir / "page.pdf")
        else:
            pdf = _write_page_pdf(src, index, page=page, ocr=None, is_text=stats.is_text if stats else True,
                                  pagedir=pagedir)
        return PageResult(
            index=index,
            text="",
            mean_confidence=0.0,
            status=NEEDS_REVIEW,
            method=OCR,
            pdf_path=pdf,
            image_kind=stats.kind if stats else "text",
            image_stats=stats,
            reason=f"OCR did not finish: {exc}",
        )
    pdf = _write_page_pdf(src, index, page=page, ocr=ocr, is_text=stats.is_text, pagedir=pagedir)
    result = ocr.result
    status, reason = DONE, None
    if stats.is_text and result.words and result.mean_confidence < MIN_DONE_CONFIDENCE:
        status, reason = NEEDS_REVIEW, f"low OCR confidence ({result.mean_confidence:.0f}/100)"
    return PageResult(
        index=index,
        text=result.text,
        mean_confidence=round(result.mean_confidence, 1),
        status=status,
        method=OCR,
        pdf_path=pdf,
        rotation=ocr.rotation,
        skew_degrees=round(ocr.skew, 2),
        image_kind=stats.kind,
        image_stats=stats,
        words=result.words,
        reason=reason,
    )


def _ocr_text_page(page: PageImage, *, pagedir: Path, lang: str, budget: _Budget) -> _Ocr:
    grey, dpi = upscale_low_resolution(to_grey(page.image), page.dpi)
    if page.image.mode == "1":
        grey = soften_bilevel(grey)
    sideways, skew = estimate_skew(grey, dpi=dpi[0])
    rotation = 0
    if sideways:
        # Lines run vertically: OSD tells 90 from 270. If it can't, guess 90; the confidence
        # check below tries the opposite turn.
        osd = detect_orientation(grey, workdir=pagedir, timeout=budget.remaining("OSD"))
        rotation = osd.rotate if osd and osd.rotate in (90, 270) else 90
    best = _ocr_oriented(grey, rotation=rotation, skew=skew, pagedir=pagedir, lang=lang, budget=budget)
    if not best.result.words or best.result.mean_confidence < MIN_UPRIGHT_CONFIDENCE:
        # A text page read badly or not at all ("Empty page!!" is what tesseract makes of a page
        # left skewed by 6 degrees): check the skew estimate before blaming the orientation.
        best = _recheck_skew(grey, best, pagedir=pagedir, lang=lang, budget=budget)
    if best.result.words and best.result.mean_confidence < MIN_UPRIGHT_CONFIDENCE:
        # Upside down (180) or the wrong quarter turn: only now pay for OSD on the corrected
        # image, so upright pages (nearly all) run tesseract once.
        osd = detect_orientation(best.processed, workdir=pagedir, timeout=budget.remaining("OSD"))
        turn = osd.rotate if osd and osd.rotate else (180 if sideways or osd is None else 0)
        if turn:
            retry = _ocr_oriented(
                grey, rotation=(best.rotation + turn) % 360, skew=best.skew, pagedir=pagedir, lang=lang, budget=budget
            )
            best = max(best, retry, key=lambda ocr: ocr.score)
    return best


def _recheck_skew(grey: np.ndarray, first: _Ocr, *, pagedir: Path, lang: str, budget: _Budget) -> _Ocr:
    """OCR again with a second opinion on the skew, if it finds the OCR'd page still crooked.

    The second opinion (text-line profiles of the binarized page, 10 ms) shares no step with the
    first estimate (Hough lines of a thumbnail's edges), so the two rarely fail on the same page.
    """
    residual = projection_skew(first.processed)
    if residual is None or abs(residual) < MIN_RESKEW_DEGREES:
        return first
    skew = first.skew + residual if first.skew_applied else residual
    log.info("page OCR'd poorly at %.1f degrees skew; retrying at %.1f", first.skew, skew)
    retry = _ocr_oriented(
        grey, rotation=first.rotation, skew=skew, pagedir=pagedir, lang=lang, budget=budget, attempt="reskewed"
    )
    return max(first, retry, key=lambda ocr: ocr.score)


def _ocr_oriented(
    grey: np.ndarray, *, rotation: int, skew: float, pagedir: Path, lang: str, budget: _Budget, attempt: str = ""
) -> _Ocr:
    upright = rotate_and_deskew(grey, rotation=rotation, skew_degrees=skew)
    processed = binarize(flatten_background(upright, dpi=TARGET_DPI))
    # Each attempt its own file name: tesseract names its outputs after the image, and the
    # attempt that loses must not overwrite the winner's text layer.
    image_path = pagedir / f"ocr-{rotation:03d}{'-' + attempt if attempt else ''}.tif"
    # G4 TIFF: written in ~30 ms, and tesseract reads a 1-bit image faster than a grey PNG.
    Image.fromarray(processed).convert("1").save(image_path, "TIFF", compression="group4", dpi=(TARGET_DPI, TARGET_DPI))
    result = run_tesseract(image_path, outdir=pagedir, timeout=budget.remaining("OCR"), lang=lang, dpi=TARGET_DPI)
    height, width = processed.shape
    return _Ocr(result=result, rotation=rotation, skew=skew, processed=processed, image_size=(width, height))


def _ocr_picture(page: PageImage, *, pagedir: Path, lang: str, budget: _Budget) -> _Ocr:
    # Photos and radiographs: no binarization, no deskew, no upscaling; only read any labels.
    # psm 11 (sparse text) finds scattered labels without inventing lines from the picture.
    image_path = pagedir / "ocr-picture.png"
    grey = to_grey(page.image)
    Image.fromarray(grey).save(image_path, "PNG", compress_level=1)
    dpi = round(max(page.dpi))
    result = run_tesseract(image_path, outdir=pagedir, timeout=budget.remaining("OCR"), lang=lang, psm=11, dpi=dpi)
    height, width = grey.shape
    return _Ocr(result=result, rotation=0, skew=0.0, processed=None, image_size=(width, height))


def _write_page_pdf(src: Path, index: int, *, page: PageImage, ocr: _Ocr | None, is_text: bool, pagedir: Path) -> Path:
    """Build the page's PDF, keeping the source's own image bytes wherever the format allows."""
    out = pagedir / "page.pdf"
    layer = _write_text_layer(ocr, pagedir=pagedir) if ocr else None
    correction = Correction(rotation=ocr.rotation, skew_degrees=ocr.skew) if ocr else NO_CORRECTION
    if page.origin == FROM_PDF:
        return compose.write_pdf_page(src=src, index=index, out=out, text_layer=layer, correction=correction)
    if page.origin in (FROM_JPEG, FROM_PNG) and page.exif_orientation in _EXIF_ROTATION:
        data = src.read_bytes()
        try:
            xobject = compose.jpeg_xobject(data) if page.origin == FROM_JPEG else compose.png_xobject(data)
        except ValueError:
            xobject = None
        if xobject is not None:
            # The file's bytes are stored as the camera wrote them; EXIF's turn joins ours.
            exif_turn = _EXIF_ROTATION[page.exif_orientation]
            stored_size = page.image.size[::-1] if exif_turn % 180 else page.image.size
            stored_dpi = page.dpi[::-1] if exif_turn % 180 else page.dpi
            turned = Correction(rotation=(correction.rotation + exif_turn) % 360, skew_degrees=correction.skew_degrees)
            return compose.write_image_page(
                xobject, size_px=stored_size, dpi=stored_dpi, out=out, text_layer=layer, correction=turned
            )
    if page.image.mode == "1":
        # A bilevel TIFF frame: G4 of its own pixels is lossless and about the size it was.
        xobject = compose.g4_xobject(page.image)
        return compose.write_image_page(xobject, size_px=page.image.size, dpi=page.dpi, out=out, text_layer=layer, correction=correction)
    if is_text and ocr is not None and ocr.processed is not None:
        # A grey or colour text page in a format PDF cannot hold as is: the cleaned, straightened
        # 1-bit page as G4 (about 50 KB instead of megabytes), already in the OCR's frame.
        height, width = ocr.processed.shape
        xobject = compose.g4_xobject(Image.fromarray(ocr.processed))
        return compose.write_image_page(xobject, size_px=(width, height), dpi=(TARGET_DPI, TARGET_DPI), out=out, text_layer=layer)
    if page.origin == FROM_JPEG:
        # A JPEG Pillow cannot pass through (CMYK, mirrored EXIF): a fresh JPEG, never a PNG of a
        # photo, which would be several times larger.
        xobject = compose.jpeg_xobject(_encode_jpeg(page.image))
    else:
        xobject = compose.encoded_png_xobject(page.image)
    return compose.write_image_page(xobject, size_px=page.image.size, dpi=page.dpi, out=out, text_layer=layer, correction=correction)


def _write_text_layer(ocr: _Ocr, *, pagedir: Path) -> Path | None:
    # Our own typesetting of tesseract's words, not its PDF renderer's: text extractors read
    # that one out of order (see textlayer).
    if ocr.result.pdf_path is None:
        return None
    return textlayer.typeset_text_layer(
        ocr.result.words, image_size=ocr.image_size, template=ocr.result.pdf_path, out=pagedir / "text-layer.pdf"
    )


def _encode_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("L" if image.mode in ("1", "L") else "RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()
