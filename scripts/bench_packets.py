#!/usr/bin/env python3
"""Benchmark the claim packet: a case of 200 scanned pages, packet assembly against a bare pikepdf merge.

The case: ~10 documents of synthetic scanned pages (Pillow draws text on a Letter page;
alternately 300 dpi bilevel saved as CCITT G4 and 200 dpi greyscale saved as JPEG, each
document one PDF, as the OCR step leaves them) and a signed narrative rendered by
docservice.narratives.pdf. Nothing in it is real patient data.

Measured, each run in a fresh subprocess so the numbers cover qpdf's C++ memory too (tracemalloc
sees only Python's): the step's wall time (imports excluded) and the process's peak RSS
(getrusage of the child, imports included).

    bare merge  open every PDF, extend one Pdf's pages, save: the practical floor
    bare + id   the same saved with qpdf's deterministic_id=True (an MD5 of the whole output for the
                /ID); the packet instead makes its /ID from what it is made of (assemble.save_pdf)
    packet      build_packet: cover sheet, stamps on every page, outline, page labels, deterministic save
    split       build_packet with a 10 MB payer limit: recompression, then numbered parts

The case is made in a child process too: Linux carries a process's peak RSS over into the
children it forks, so a parent that once held the page images would inflate every reading.

Goals (issue): packet time at most 1.5x the bare merge's, peak memory under 150 MB.

Usage: python scripts/bench_packets.py [--pages 200] [--documents 10] [--runs 5] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TIME_RATIO_GOAL = 1.5
PEAK_MB_GOAL = 150
SPLIT_LIMIT_BYTES = 10 * 1024 * 1024
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
KINDS = ("sleep_study", "physician_order", "chart_note", "referral", "radiology_report", "other")
CASE_FILE = "case.json"
STEPS = {"bare": "bare merge", "bare-id": "bare + id", "packet": "packet", "split": "split 10 MB"}


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    output_bytes: int


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--documents", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5, help="runs per step; the median time is reported")
    parser.add_argument("--workdir", type=Path, help="keep the case and outputs here (default: a temporary folder)")
    parser.add_argument("--step", choices=(*STEPS, "make"), help=argparse.SUPPRESS)
    parser.add_argument("--case", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "make":
        make_case(args.case, pages=args.pages, documents=args.documents)
        return 0
    if args.step:
        return run_step(args.step, args.case)
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        return benchmark(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="bench-packets-") as work:
        return benchmark(args, Path(work))


def benchmark(args: argparse.Namespace, work: Path) -> int:
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--step", "make", "--case", str(work / "case"), "--pages",
                    str(args.pages), "--documents", str(args.documents)], check=True)
    case = json.loads((work / "case" / CASE_FILE).read_text())
    source_mb = sum(Path(item["path"]).stat().st_size for item in case["documents"]) / 1e6
    print(f"case: {args.pages} scanned pages in {args.documents} documents, {source_mb:.1f} MB "
          f"(made in {time.perf_counter() - started:.1f} s)")
    results = {step: measure(step, work / "case", runs=args.runs) for step in STEPS}
    bare = results["bare"].seconds
    print(f"\n{'step':<12}{'time (median)':>15}{'peak MB':>10}{'x bare':>9}{'output MB':>11}")
    for step, label in STEPS.items():
        result = results[step]
        print(f"{label:<12}{result.seconds * 1000:>12.0f} ms{result.peak_mb:>10.0f}{result.seconds / bare:>9.2f}"
              f"{result.output_bytes / 1e6:>11.1f}")
    packet = results["packet"]
    time_ok = packet.seconds <= TIME_RATIO_GOAL * bare
    memory_ok = max(packet.peak_mb, results["split"].peak_mb) < PEAK_MB_GOAL
    print(f"\ngoal: packet time <= {TIME_RATIO_GOAL}x bare merge: {'met' if time_ok else 'NOT met'} "
          f"({packet.seconds / bare:.2f}x; {packet.seconds / results['bare-id'].seconds:.2f}x the bare merge "
          f"with the same deterministic /ID); peak < {PEAK_MB_GOAL} MB: {'met' if memory_ok else 'NOT met'}")
    return 0 if time_ok and memory_ok else 1


def measure(step: str, case_dir: Path, *, runs: int) -> Measurement:
    """The step `runs` times, each in a fresh interpreter: median time, highest peak, last output size."""
    samples = []
    for _ in range(runs):
        completed = subprocess.run([sys.executable, __file__, "--step", step, "--case", str(case_dir)],
                                   check=True, capture_output=True, text=True)
        samples.append(json.loads(completed.stdout.strip().splitlines()[-1]))
    return Measurement(seconds=statistics.median(sample["seconds"] for sample in samples),
                       peak_mb=max(sample["peak_mb"] for sample in samples),
                       output_bytes=samples[-1]["output_bytes"])


def run_step(step: str, case_dir: Path) -> int:
    """One measured step in this (fresh) process; prints one JSON line."""
    import pikepdf

    case = json.loads((case_dir / CASE_FILE).read_text())
    out = case_dir.parent / f"out-{step}"
    out.mkdir(exist_ok=True)
    if step in ("bare", "bare-id"):
        paths = [case["narrative"], *(item["path"] for item in case["documents"])]
        started = time.perf_counter()
        merged = pikepdf.new()
        sources = [pikepdf.open(path) for path in paths]
        for source in sources:
            merged.pages.extend(source.pages)
        merged.save(out / "bare.pdf", deterministic_id=step == "bare-id")
        seconds = time.perf_counter() - started
        output = (out / "bare.pdf").stat().st_size
    else:
        from docservice.packets import PacketDocument, PacketRequest, build_packet

        request = PacketRequest(
            submission=synthetic_submission(),
            narrative_pdf=Path(case["narrative"]),
            documents=[PacketDocument(title="", kind=item["kind"], pdf_path=Path(item["path"]), document_id=number)
                       for number, item in enumerate(case["documents"], start=1)],
            limit_bytes=SPLIT_LIMIT_BYTES if step == "split" else None,
        )
        started = time.perf_counter()
        packet = build_packet(request, out_dir=out)
        seconds = time.perf_counter() - started
        output = sum(item.size_bytes for item in packet.files)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "output_bytes": output}))
    return 0


def make_case(case_dir: Path, *, pages: int, documents: int) -> dict:
    """The synthetic case (reused when already made with the same size)."""
    index = case_dir / CASE_FILE
    if index.is_file():
        case = json.loads(index.read_text())
        if case["pages"] == pages and len(case["documents"]) == documents:
            return case
    case_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    per_document = [pages // documents + (1 if n < pages % documents else 0) for n in range(documents)]
    items = []
    for number, count in enumerate(per_document, start=1):
        path = case_dir / f"document-{number:02d}.pdf"
        write_scanned_pdf(path, pages=count, bilevel=number % 2 == 1, number=number, rng=rng)
        items.append({"path": str(path), "kind": KINDS[number % len(KINDS)]})
    narrative = case_dir / "narrative.pdf"
    narrative.write_bytes(render_narrative())
    case = {"pages": pages, "documents": items, "narrative": str(narrative)}
    index.write_text(json.dumps(case, indent=1))
    return case


def write_scanned_pdf(path: Path, *, pages: int, bilevel: bool, number: int, rng: random.Random) -> None:
    """Pages as a scanner leaves them: 300 dpi bilevel (G4 in the PDF) or 200 dpi grey (JPEG)."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = 300 if bilevel else 200
    font = ImageFont.truetype(str(FONT), round(dpi / 8.5)) if FONT.is_file() else ImageFont.load_default(dpi / 8.5)
    images = []
    for page in range(1, pages + 1):
        image = Image.new("L", (int(8.5 * dpi), int(11 * dpi)), 250 if not bilevel else 255)
        draw = ImageDraw.Draw(image)
        top = int(0.8 * dpi)
        draw.text((int(0.8 * dpi), top), f"SYNTHETIC RECORD {number}  page {page}  (no real patient)", fill=0,
                  font=font)
        for line in range(1, 34):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 11)))
            draw.text((int(0.8 * dpi), top + line * int(0.27 * dpi)), words, fill=20, font=font)
        for _ in range(200):  # scanner specks
            x, y = rng.randrange(image.width), rng.randrange(image.height)
            draw.point((x, y), fill=rng.randint(0, 120))
        images.append(image.convert("1") if bilevel else image)
    images[0].save(path, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)


WORDS = ("patient", "reports", "daytime", "sleepiness", "snoring", "apnea", "index", "events", "hour", "study",
         "oxygen", "nadir", "appliance", "mandibular", "advancement", "follow", "up", "visit", "plan", "jaw",
         "pain", "opening", "mm", "left", "right", "noted", "history", "reviewed", "order", "device")


def render_narrative() -> bytes:
    from docservice.models import Narrative
    from docservice.narratives.pdf import Letterhead, render_pdf

    body = "\n".join(["## Request", "We request coverage of E0486 for obstructive sleep apnea (G47.33).", "",
                      "## Findings", *(f"- Synthetic finding {n} with a measured value." for n in range(12))])
    narrative = Narrative(body=body, status="signed", placeholders=[], signed_name="Testdentist, Beta, DDS",
                          signed_at=datetime(2026, 3, 3, 14, 5), body_sha256="ab" * 32)
    letterhead = Letterhead(name="Test Dental Practice", address="12 Test Street, Testville, TX 75001",
                            phone="(555) 010-0199", npi="1245319599")
    return render_pdf(narrative, letterhead=letterhead)


def synthetic_submission():
    from docservice.claimforms.submission import (
        Address, Attachment, ClaimSubmission, Coverage, Payer, Person, Provider, ServiceLine,
    )

    patient = Person(last_name="Testperson", first_name="Alpha", birthdate=date(1970, 1, 31))
    return ClaimSubmission(
        claim_control_number="BENCH0001",
        billing_provider=Provider(name="Test Dental Practice", npi="1245319599", tin="123456789",
                                  address=Address("12 Test Street", "Testville", "TX", "75001"), phone="5550100199"),
        coverage=Coverage(payer=Payer(payer_id="TESTP", name="Test Health Plan"), subscriber=patient,
                          member_id="TST000111"),
        patient=patient,
        place_of_service="11",
        diagnoses=("G47.33",),
        lines=(ServiceLine(number=1, code="E0486", system="HCPCS", charge=Decimal("2500.00"), units=1, pointers=(1,),
                           service_date=date(2026, 3, 2), control_number="BENCH0001-1", modifiers=("NU", "KX")),),
        attachments=(Attachment(report_type="DG", control_number="BENCHACN01"),),
    )


if __name__ == "__main__":
    sys.exit(main())
