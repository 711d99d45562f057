"""`build_packet`: the steps from a request to the files a payer receives.

    open_sections   -> the narrative and the documents in reading order, opened (sources.py)
    write_part      -> packet.pdf: cover, pages, stamps, outline, labels (assemble.py)
    over the limit? -> recompress large images in memory, write again (recompress.py)
    still over?     -> numbered parts, each with its own cover (split.py)
    images only?    -> one TIFF G4 or JPEG per page instead of the PDF (images.py)

Each step reads and fills one PacketContext.
"""
from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from docservice.packets.assemble import write_part
from docservice.packets.context import PacketContext
from docservice.packets.errors import PacketError
from docservice.packets.images import write_page_images
from docservice.packets.model import ACCEPTS, Packet, PacketRequest
from docservice.packets.recompress import recompress_images
from docservice.packets.sources import open_sections
from docservice.packets.split import write_parts

PACKET_FILE = "packet.pdf"
# What earlier builds into the same folder may have left; removed so no stale part is sent along.
OUTPUT_PATTERNS = ("packet.pdf", "packet-part*.pdf", "packet-p[0-9][0-9][0-9]*.tif", "packet-p[0-9][0-9][0-9]*.jpg")


def build_packet(request: PacketRequest, *, out_dir: Path) -> Packet:
    """Write the claim's attachment packet into `out_dir`: packet.pdf, or packet-part1.pdf..., or page images.

    Raises:
        PacketError: a document cannot be read, or the request is not valid.
    """
    _check_request(request)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_previous_outputs(out_dir)
    ctx = PacketContext(request=request, out_dir=out_dir)
    with ExitStack() as stack:
        open_sections(ctx, stack=stack)
        if request.accepts == "images":
            write_page_images(ctx)
        else:
            _write_pdf(ctx)
    return Packet(
        files=tuple(ctx.files),
        contents=ctx.contents,
        pages=ctx.contents[-1].last_page,
        parts=0 if request.accepts == "images" else len(ctx.files),
        recompressed=ctx.recompressed,
        oversize_pages=tuple(ctx.oversize_pages),
    )


def _write_pdf(ctx: PacketContext) -> None:
    limit = ctx.request.limit_bytes
    path = ctx.out_dir / PACKET_FILE
    written = write_part(ctx, ctx.whole_plan(), path)
    ctx.contents = written.contents
    if limit is not None and written.size_bytes > limit:
        recompress_images(ctx)
        written = write_part(ctx, ctx.whole_plan(), path)
    if limit is None or written.size_bytes <= limit:
        ctx.files.append(written)
        return
    path.unlink()
    write_parts(ctx, limit=limit)


def _check_request(request: PacketRequest) -> None:
    if request.accepts not in ACCEPTS:
        raise PacketError(f"The payer's accepted attachment format must be one of {', '.join(ACCEPTS)}, "
                          f"not {request.accepts!r}.")
    if request.limit_bytes is not None and request.limit_bytes <= 0:
        raise PacketError("The payer's attachment size limit must be a positive number of bytes.")


def _remove_previous_outputs(out_dir: Path) -> None:
    for pattern in OUTPUT_PATTERNS:
        for stale in out_dir.glob(pattern):
            stale.unlink()
