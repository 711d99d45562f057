"""Make a packet smaller for a payer's size limit: re-encode large colour and grey images.

Runs only when the packet is over the limit. Images are edited in the opened source PDFs, in
memory (the files on disk are never written), so the next assembly copies the smaller images.

What is re-encoded: 8-bit grey or RGB images, down to TARGET_DPI when above RESAMPLE_ABOVE_DPI,
as JPEG at JPEG_QUALITY, kept only when clearly smaller. What is left alone: bilevel images
(CCITT G4 and JBIG2 scans are already as small as a page gets, and JPEG would blur them),
masks, indexed, CMYK and other colour spaces, and images with a /Decode array.

The resolution is judged against the page size, as if the image covered the page (a scan does);
a smaller image drawn on the page is then judged lower than it is, so it is spared, never
over-shrunk.
"""
from __future__ import annotations

import io
import logging

import pikepdf
from pikepdf import Name, PdfImage
from PIL import Image

from docservice.packets.context import PacketContext

log = logging.getLogger(__name__)

TARGET_DPI = 200
RESAMPLE_ABOVE_DPI = 220  # a 200 dpi scan with a little slack is left at its size
JPEG_QUALITY = 75
KEEP_IF_BELOW = 0.9  # the new encoding must save at least 10%
BILEVEL_FILTERS = {Name.CCITTFaxDecode, Name.JBIG2Decode}
RECOMPRESSIBLE_MODES = ("L", "RGB")


def recompress_images(ctx: PacketContext) -> None:
    """Re-encode the large images of every section; sets ctx.recompressed when any got smaller."""
    saved = 0
    for section in ctx.sections:
        seen: set[tuple[int, int]] = set()  # object numbers are per PDF: one set per section
        for page in section.pdf.pages:
            page_inches = _page_inches(page)
            for image in page.get_images().values():
                if image.objgen in seen:
                    continue
                seen.add(image.objgen)
                saved += recompress_image(image, page_inches=page_inches)
    ctx.recompressed = saved > 0
    log.info("packet images recompressed: %d bytes saved", saved)


def recompress_image(image: pikepdf.Stream, *, page_inches: float) -> int:
    """Re-encode one image XObject in place when that helps; the bytes saved (0 when left alone)."""
    if not _recompressible(image):
        return 0
    try:
        picture = PdfImage(image).as_pil_image()
    except (pikepdf.PdfError, NotImplementedError, OSError, ValueError):
        return 0  # a stream Pillow cannot decode stays as it is
    if picture.mode not in RECOMPRESSIBLE_MODES:
        return 0
    dpi = max(picture.size) / page_inches if page_inches > 0 else 0
    if dpi > RESAMPLE_ABOVE_DPI:
        scale = TARGET_DPI / dpi
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    before = len(image.read_raw_bytes())
    if buffer.tell() >= before * KEEP_IF_BELOW:
        return 0
    image.write(buffer.getvalue(), filter=Name.DCTDecode)
    image.Width, image.Height = picture.size
    image.BitsPerComponent = 8
    return before - buffer.tell()


def _recompressible(image: pikepdf.Stream) -> bool:
    if image.get(Name.ImageMask, False) or Name.Decode in image:
        return False
    if int(image.get(Name.BitsPerComponent, 0)) != 8:
        return False
    filters = image.get(Name.Filter)
    names = set(filters) if isinstance(filters, pikepdf.Array) else {filters} if filters is not None else set()
    return not names & BILEVEL_FILTERS


def _page_inches(page: pikepdf.Page) -> float:
    """The longer side of the page in inches."""
    x0, y0, x1, y1 = (float(value) for value in page.mediabox)
    return max(abs(x1 - x0), abs(y1 - y0)) / 72
