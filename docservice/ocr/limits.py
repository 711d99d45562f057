"""Budgets an upload must fit in before any page is processed."""
from __future__ import annotations

from dataclasses import dataclass

from docservice.ocr.errors import DocumentTooLarge

# Pillow's own decompression-bomb threshold (Image.MAX_IMAGE_PIXELS, about 89.5 MP: a US Letter
# page at 1100 dpi). We enforce it ourselves so the answer does not depend on a global that any
# other library in the process may change, and so the 1x-2x band Pillow only warns about is
# refused too.
PILLOW_MAX_IMAGE_PIXELS = int(1024 * 1024 * 1024 // 4 // 3)


@dataclass(frozen=True)
class Limits:
    """What one uploaded document may cost.

    Attributes:
        max_bytes: Upload size; the API checks it with `check_file_size` before storing.
        max_pages: Pages (PDF) or frames (TIFF) in one document.
        max_image_pixels: Pixels of any one image, TIFF frame, embedded PDF image, or PDF page
            rendered at `render_dpi`.
        max_total_pixels: Pixels of all pages together at the resolution they will be OCR'd at.
        render_dpi: Resolution PDF pages without a usable embedded scan are rendered at.
    """

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 500
    max_image_pixels: int = PILLOW_MAX_IMAGE_PIXELS
    max_total_pixels: int = 500 * 2550 * 3300  # 500 US Letter pages at 300 dpi
    render_dpi: int = 300


DEFAULT_LIMITS = Limits()


def check_file_size(size: int, *, max_bytes: int = DEFAULT_LIMITS.max_bytes) -> None:
    """Refuse an upload of more than `max_bytes` bytes.

    The API calls this with the Content-Length (or the bytes received so far) so an oversize
    upload is refused before it is stored.

    Raises:
        DocumentTooLarge: `size` is over the limit.
    """
    if size > max_bytes:
        raise DocumentTooLarge(
            f"The file is {_megabytes(size)}; the limit is {_megabytes(max_bytes)}. "
            "Please split it or scan it at a lower resolution (300 dpi is enough)."
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
