"""Page images for a payer that takes images only: packet-p001.tif, packet-p002.jpg...

The packet PDF is assembled as usual (cover, stamps and all) and each page rasterised by
pdftoppm. Text pages become bilevel TIFF G4 at BILEVEL_DPI, the fax-and-scan standard a
payer's imaging system reads; photographs and radiographs, and pages scanned in grey or colour,
become JPEG at PICTURE_DPI, since thresholding would wipe out their tones.
"""
from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import pikepdf
from pikepdf import Name
from PIL import Image

from docservice.packets.assemble import write_part
from docservice.packets.context import PacketContext, PartPlan
from docservice.packets.errors import PacketError
from docservice.packets.model import PacketFile

PDFTOPPM = "pdftoppm"
BILEVEL_DPI = 300
PICTURE_DPI = 200
JPEG_QUALITY = 80
CHUNK_PAGES = 8  # pages rasterised per pdftoppm call: bounds the temporary files (a grey page is ~4 MB)
TIMEOUT_SECONDS = 120
PICTURE_KINDS = frozenset({"photo", "radiograph"})
SOURCE_FILE = ".packet-images.pdf"

BILEVEL, GREY, COLOUR = "bilevel", "grey", "colour"


@dataclass(frozen=True)
class _Run:
    style: str
    first: int  # 1-based packet page
    last: int


def write_page_images(ctx: PacketContext) -> None:
    """Write one image per packet page into ctx.out_dir and record them in ctx.files."""
    source = ctx.out_dir / SOURCE_FILE
    try:
        plan = ctx.whole_plan()
        written = write_part(ctx, plan, source)
        ctx.contents = written.contents
        styles = [BILEVEL] * written.contents[0].last_page + page_styles(plan)
        for run in _runs(styles):
            _rasterise(source, run, ctx=ctx)
    finally:
        source.unlink(missing_ok=True)


def page_styles(plan: PartPlan) -> list[str]:
    """How each planned page is best kept as an image: bilevel, grey or colour."""
    styles = []
    for span in plan.spans:
        picture = span.section.kind in PICTURE_KINDS
        for page in span.section.pdf.pages[span.start:span.stop]:
            tone = _image_tone(page)
            styles.append(tone if tone != BILEVEL else (GREY if picture else BILEVEL))
    return styles


def _image_tone(page: pikepdf.Page) -> str:
    """COLOUR or GREY when the page shows an 8-bit image in that tone, else BILEVEL (text, G4 scans)."""
    tone = BILEVEL
    for image in page.get_images().values():
        if image.get(Name.ImageMask, False) or int(image.get(Name.BitsPerComponent, 1)) == 1:
            continue
        space = image.get(Name.ColorSpace)
        if space == Name.DeviceGray or (isinstance(space, pikepdf.Array) and _components(space) == 1):
            tone = GREY
        else:
            return COLOUR
    return tone


def _components(space: pikepdf.Array) -> int:
    if len(space) > 1 and space[0] == Name.ICCBased:
        return int(space[1].get(Name.N, 3))
    return 3


def _runs(styles: list[str]) -> list[_Run]:
    """Consecutive pages of one style, at most CHUNK_PAGES each."""
    runs = []
    page = 1
    for style, group in groupby(styles):
        count = len(list(group))
        for start in range(page, page + count, CHUNK_PAGES):
            runs.append(_Run(style, start, min(start + CHUNK_PAGES, page + count) - 1))
        page += count
    return runs


def _rasterise(source: Path, run: _Run, *, ctx: PacketContext) -> None:
    dpi = BILEVEL_DPI if run.style == BILEVEL else PICTURE_DPI
    options = ["-gray", "-aa", "no", "-aaVector", "no"] if run.style == BILEVEL else (
        ["-gray"] if run.style == GREY else [])
    with tempfile.TemporaryDirectory(dir=ctx.out_dir, prefix=".pages-") as work:
        command = [PDFTOPPM, "-r", str(dpi), *options, "-f", str(run.first), "-l", str(run.last),
                   str(source), str(Path(work) / "page")]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS)
        except FileNotFoundError:
            raise PacketError("Exporting page images needs pdftoppm; install the poppler-utils package.") from None
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            raise PacketError("pdftoppm could not render the packet's pages as images.") from None
        rendered = sorted(Path(work).iterdir())  # page-001.pgm...: zero-padded, so sorted is page order
        for number, path in zip(range(run.first, run.last + 1), rendered, strict=True):
            with Image.open(path) as picture:
                ctx.files.append(_save_page(picture, number=number, style=run.style, dpi=dpi, ctx=ctx))


def _save_page(picture: Image.Image, *, number: int, style: str, dpi: int, ctx: PacketContext) -> PacketFile:
    if style == BILEVEL:
        path = ctx.out_dir / f"packet-p{number:03d}.tif"
        # A plain threshold: pdftoppm drew without anti-aliasing, so text edges are already crisp.
        picture.convert("1", dither=Image.Dither.NONE).save(path, format="TIFF", compression="group4",
                                                             dpi=(dpi, dpi))
    else:
        path = ctx.out_dir / f"packet-p{number:03d}.jpg"
        picture.save(path, format="JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi), optimize=True)
    size = path.stat().st_size
    limit = ctx.request.limit_bytes
    over = limit is not None and size > limit
    if over:
        ctx.oversize_pages.append(number)
    return PacketFile(name=path.name, path=path, pages=None, size_bytes=size, over_limit=over)
