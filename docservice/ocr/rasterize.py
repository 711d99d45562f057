"""Get one page of a document as an image, at a resolution fit for OCR."""
from __future__ import annotations

import logging
import subprocess
import warnings
from dataclasses import dataclass
from os import fspath
from pathlib import Path

from PIL import Image, ImageOps

from docservice.ocr.errors import PageTimeout, RenderError
from docservice.ocr.inspect import PageInfo, open_pdf, plausible_dpi
from docservice.ocr.limits import DEFAULT_LIMITS
from docservice.ocr.sniff import JPEG, PDF, PNG, sniff_file

log = logging.getLogger(__name__)

PDFTOPPM = "pdftoppm"

# Where a page image came from; it decides how the searchable page is built (see compose.py).
FROM_PDF = "pdf"
FROM_JPEG = "jpeg"
FROM_PNG = "png"
FROM_TIFF = "tiff"


@dataclass
class PageImage:
    """A page as pixels, upright as the document displays it (PDF /Rotate and EXIF applied).

    Attributes:
        image: The pixels, in the source's own mode ("1", "L", "RGB", ...).
        dpi: Horizontal and vertical resolution.
        origin: FROM_PDF, FROM_JPEG, FROM_PNG or FROM_TIFF.
        exif_orientation: The EXIF orientation tag that was applied (1 when none): the source
            bytes themselves are not upright then.
    """

    image: Image.Image
    dpi: tuple[float, float]
    origin: str
    exif_orientation: int = 1


def load_page_image(
    src: Path,
    index: int,
    *,
    workdir: Path,
    info: PageInfo | None = None,
    media_type: str | None = None,
    dpi: int = DEFAULT_LIMITS.render_dpi,
    timeout: float = 60.0,
) -> PageImage:
    """Load page `index` of `src` as an image.

    A PDF page that is one full-page scan (`info.embedded_scan`) gives its embedded image as is,
    at its own resolution: no resampling, no render time, and a 150 dpi fax stays 150 dpi so that
    the upscaling step sees it for what it is. Other PDF pages are rendered at `dpi` by pdftoppm.

    Args:
        src: The document, already validated by `inspect_document`.
        index: Zero-based page number.
        workdir: Folder for pdftoppm's output.
        info: The page's `PageInfo`, if known (saves re-reading the PDF's structure).
        media_type: The document's media type, if known.
        dpi: Resolution for rendered PDF pages.
        timeout: Seconds before pdftoppm is killed.

    Raises:
        PageTimeout: Rendering took longer than `timeout`.
        RenderError: pdftoppm failed.
    """
    media_type = media_type or sniff_file(src)
    if media_type == PDF:
        if info is None or info.embedded_scan:
            extracted = _extract_embedded_scan(src, index)
            if extracted is not None:
                return extracted
        return _render_pdf_page(src, index, workdir=workdir, dpi=dpi, timeout=timeout)
    return _load_image_frame(src, index, media_type=media_type)


def rasterize_page(src: Path, index: int, *, workdir: Path, dpi: int = DEFAULT_LIMITS.render_dpi) -> Path:
    """Write page `index` of `src` to an image file in `workdir` and return its path.

    1-bit pages are written as CCITT G4 TIFF, others as PNG, with their resolution recorded in
    the file. The pipeline itself keeps the image in memory (`load_page_image`); this is for
    callers that want a file, such as a preview or a separate OCR engine.
    """
    page = load_page_image(src, index, workdir=workdir, dpi=dpi)
    dpi_pair = (round(page.dpi[0]), round(page.dpi[1]))
    if page.image.mode == "1":
        out = workdir / f"page-{index:04d}.tif"
        page.image.save(out, "TIFF", compression="group4", dpi=dpi_pair)
    else:
        out = workdir / f"page-{index:04d}.png"
        page.image.save(out, "PNG", dpi=dpi_pair, compress_level=1)
    return out


def _extract_embedded_scan(src: Path, index: int) -> PageImage | None:
    reader = open_pdf(src)
    page = reader.pages[index]
    try:
        images = page.images
        if len(images) != 1:
            return None
        image = images[0].image
        image.load()
    except Exception as exc:  # pypdf and Pillow raise many types for odd filters; render instead
        log.debug("page %d: cannot extract the scan (%s); rendering it", index + 1, exc)
        return None
    if image is None or image.mode not in ("1", "L", "RGB", "CMYK", "P"):
        return None
    box = page.cropbox
    dpi = (image.width / float(box.width) * 72, image.height / float(box.height) * 72)
    rotation = (page.rotation or 0) % 360
    if rotation:
        # /Rotate turns the page clockwise for display; Pillow's angles are counter-clockwise.
        image = image.rotate(-rotation, expand=True)
        if rotation % 180:
            dpi = (dpi[1], dpi[0])
    return PageImage(image=image, dpi=dpi, origin=FROM_PDF)


def _render_pdf_page(src: Path, index: int, *, workdir: Path, dpi: int, timeout: float) -> PageImage:
    outbase = workdir / f"render-{index:04d}"
    # PPM: uncompressed, so pdftoppm spends no time compressing a file we read straight back.
    args = [PDFTOPPM, "-r", str(dpi), "-f", str(index + 1), "-l", str(index + 1), "-singlefile", fspath(src), fspath(outbase)]
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PageTimeout(f"rendering page {index + 1} took longer than {timeout:.3g} s", seconds=timeout) from exc
    out = outbase.with_suffix(".ppm")
    if proc.returncode != 0 or not out.exists():
        raise RenderError(f"pdftoppm could not render page {index + 1}: {proc.stderr.strip()[-200:]}")
    with Image.open(out) as rendered:
        image = rendered.copy()
    out.unlink()
    return PageImage(image=image, dpi=(float(dpi), float(dpi)), origin=FROM_PDF)


def _load_image_frame(src: Path, index: int, *, media_type: str) -> PageImage:
    origin = {JPEG: FROM_JPEG, PNG: FROM_PNG}.get(media_type, FROM_TIFF)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # budget checked by inspect
        with Image.open(src) as opened:
            opened.seek(index)
            size = opened.size
            dpi = plausible_dpi(size, opened.info.get("dpi"))
            # Phones store photos of documents sideways plus an EXIF tag saying how to turn them.
            orientation = opened.getexif().get(ImageOps.ExifTags.Base.Orientation, 1) or 1
            image = ImageOps.exif_transpose(opened) if orientation != 1 else opened.copy()
    if image.size != size:
        dpi = (dpi[1], dpi[0])
    return PageImage(image=image, dpi=dpi, origin=origin, exif_orientation=orientation)
