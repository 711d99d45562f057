"""Split a packet over the payer's size limit into numbered parts: packet-part1.pdf, packet-part2.pdf...

Every part begins with its own cover sheet marked "part k of n" and listing what it holds; the
pages follow in packet order, none dropped and none repeated. Parts are filled greedily, page
by page: a page's cost is the bytes of the objects it needs that the part does not hold yet (a
document's fonts count once per part). Each part is then written and measured; one over the
limit gives back pages from its end until it fits. A page that alone exceeds the limit still
goes out, in a part of its own, and is reported (Packet.oversize_pages).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pikepdf
from pikepdf import Name

from docservice.packets.assemble import write_part
from docservice.packets.context import PacketContext, PartPlan, Section, Span

PART_FILE = "packet-part{number}.pdf"
PROBE_FILE = ".packet-probe.pdf"
COVER_ALLOWANCE = 16_384  # bytes for a part's cover sheet, outline and labels, before measuring
PAGE_ALLOWANCE = 600  # bytes of page dictionary and stamp per page
# The final files name the real part count ("part 2 of 3"); the probe's placeholder may differ
# by a digit, so parts are sized a little under the limit.
SAFETY_BYTES = 2_048
PROBE_TOTAL = 99
# Keys leading back to the page tree or to other pages (links), not to what this page draws.
_NOT_FOLLOWED = frozenset({"/Parent", "/P", "/Dest", "/A", "/Length"})


@dataclass(frozen=True)
class _Page:
    section: Section
    index: int
    objects: dict[tuple[int, int, int], int]  # (source, object, generation) the page needs -> size in bytes


def write_parts(ctx: PacketContext, *, limit: int) -> None:
    """Write the parts into ctx.out_dir and record them in ctx.files (and oversize pages)."""
    pages = [
        _Page(section, index, {(source, *key): size for key, size in page_objects(page).items()})
        for source, section in enumerate(ctx.sections)
        for index, page in enumerate(section.pdf.pages)
    ]
    groups = _fit_groups(ctx, pages, limit=limit)
    cover_pages = ctx.contents[0].last_page
    first = 0
    for number, count in enumerate(groups, start=1):
        plan = _plan(pages[first:first + count], number=number, total=len(groups))
        written = write_part(ctx, plan, ctx.out_dir / PART_FILE.format(number=number))
        if written.size_bytes > limit:
            written = replace(written, over_limit=True)
            if count == 1:
                ctx.oversize_pages.append(cover_pages + first + 1)
        ctx.files.append(written)
        first += count


def page_objects(page: pikepdf.Page) -> dict[tuple[int, int], int]:
    """Every indirect object a page's content, resources and annotations reach, with its size."""
    found: dict[tuple[int, int], int] = {}
    for key in (Name.Contents, Name.Resources, Name.Annots):
        if key in page.obj:
            _walk(page.obj[key], found)
    return found


def _walk(obj: object, found: dict[tuple[int, int], int]) -> None:
    if not isinstance(obj, pikepdf.Object):
        return  # a number or boolean
    if obj.is_indirect:
        if obj.objgen in found:
            return
        found[obj.objgen] = len(obj.read_raw_bytes()) if isinstance(obj, pikepdf.Stream) else 64
    if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
        for key, value in obj.items():
            if key not in _NOT_FOLLOWED:
                _walk(value, found)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            _walk(value, found)


def _fit_groups(ctx: PacketContext, pages: list[_Page], *, limit: int) -> list[int]:
    """How many pages each part takes, in order: estimated, then checked by writing the part."""
    groups: list[int] = []
    probe = ctx.out_dir / PROBE_FILE
    first = 0
    try:
        while first < len(pages):
            budget = limit - SAFETY_BYTES
            count = _estimate(pages, first, budget=budget)
            while count > 1:
                plan = _plan(pages[first:first + count], number=len(groups) + 1, total=PROBE_TOTAL)
                size = write_part(ctx, plan, probe).size_bytes
                if size <= limit - SAFETY_BYTES:
                    break
                # The estimate was short: ask it again for as much less as the file was over, one page at least.
                budget = int(budget * (limit - SAFETY_BYTES) / size)
                count = min(count - 1, _estimate(pages, first, budget=budget))
            groups.append(count)
            first += count
    finally:
        probe.unlink(missing_ok=True)
    return groups


def _estimate(pages: list[_Page], first: int, *, budget: int) -> int:
    """Pages from `first` that fit `budget` by the objects' sizes; at least one."""
    held: set[tuple[int, int, int]] = set()
    total = COVER_ALLOWANCE
    count = 0
    for page in pages[first:]:
        cost = PAGE_ALLOWANCE + sum(size for key, size in page.objects.items() if key not in held)
        if count and total + cost > budget:
            break
        held.update(page.objects)
        total += cost
        count += 1
    return max(count, 1)


def _plan(pages: list[_Page], *, number: int, total: int) -> PartPlan:
    """Consecutive pages as spans: one per section they come from."""
    spans: list[Span] = []
    for page in pages:
        last = spans[-1] if spans else None
        if last is not None and last.section is page.section and last.stop == page.index:
            spans[-1] = Span(last.section, last.start, page.index + 1)
        else:
            spans.append(Span(page.section, page.index, page.index + 1))
    return PartPlan(spans=tuple(spans), number=number, total=total)
