"""Benchmark MedLane's OCR pipeline against raw tesseract and OCRmyPDF on synthetic scans.

Generates N pages once (half clean, half degraded: skew, uneven light, noise, blur, JPEG, faxes,
sideways and upside-down sheets), then OCRs the same pixels with:

- MedLane: `process_document` on a scanned PDF of the pages, `--jobs` worker processes;
- raw tesseract: the CLI on each page image, `--jobs` processes at once, OMP_THREAD_LIMIT=1,
  text only: the practical throughput limit on this machine;
- OCRmyPDF (if installed): `ocrmypdf -j N` on the same PDF, plain and with --rotate-pages --deskew.

and prints a Markdown table: pages/s, speed relative to raw tesseract, CER on clean and degraded
pages (from each engine's text against the ground truth), and output size relative to input.

Usage: python scripts/bench_ocr.py [--pages 20] [--jobs 2] [--repeat 3] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import jiwer

# The synthetic-scan generator lives with the tests; the script runs from a checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docservice.ocr import assemble_searchable_pdf, process_document  # noqa: E402
from docservice.ocr.compose import g4_xobject, jpeg_xobject, write_image_page  # noqa: E402
from tests.ocr import synth  # noqa: E402

KINDS = list(synth.TEXTS)


def degraded_variants() -> list[tuple[str, object]]:
    """Degradations cycled over the degraded half, from common to nasty."""
    return [
        ("skew+noise+light", lambda p, s: synth.degrade(p, seed=s, skew_degrees=4)),
        ("fax 150 dpi", lambda p, s: synth.fax(synth.skew(p, -2))),
        ("skew -6, heavy noise", lambda p, s: synth.add_noise(synth.blur(synth.uneven_lighting(synth.skew(p, -6), strength=0.55), 1.3), sigma=35, speckle=0.003, seed=s)),
        ("sideways + noise", lambda p, s: synth.rotate_quarter(synth.degrade(p, seed=s, skew_degrees=2), 90)),
        ("fax 204x98", lambda p, s: synth.fax(p, dpi=(204, 98))),
        ("upside down", lambda p, s: synth.rotate_quarter(synth.skew(p, 1.5), 180)),
        ("grey 150 dpi + noise", lambda p, s: _downsample(synth.degrade(p, seed=s, skew_degrees=-3), 150)),
        ("skew +7", lambda p, s: synth.skew(p, 7)),
    ]


def _downsample(page: synth.Page, dpi: int) -> synth.Page:
    width, height = page.image.size
    factor = dpi / page.dpi[0]
    image = page.image.resize((round(width * factor), round(height * factor)), synth.Image.Resampling.BOX)
    return synth.Page(image=image, text=page.text, dpi=(dpi, dpi))


@dataclass
class Corpus:
    """Page files (what raw tesseract reads) and PDFs holding the very same bytes."""

    folder: Path
    files: dict[str, list[Path]] = field(default_factory=dict)
    truths: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    pdfs: dict[str, Path] = field(default_factory=dict)


def make_corpus(folder: Path, *, pages: int) -> Corpus:
    corpus = Corpus(folder=folder)
    variants = degraded_variants()
    for condition, count in (("clean", pages - pages // 2), ("degraded", pages // 2)):
        files, truths, labels, page_pdfs = [], [], [], []
        for number in range(count):
            page = synth.render_text_page(synth.TEXTS[KINDS[number % len(KINDS)]])
            label = "clean"
            if condition == "degraded":
                label, degrade = variants[number % len(variants)]
                page = degrade(page, 100 + number)
            stem = folder / f"{condition}-{number:02d}"
            if page.image.mode == "1":
                path = stem.with_suffix(".tif")
                page.image.save(path, "TIFF", compression="group4", dpi=page.dpi)
                xobject = g4_xobject(page.image)
            else:
                # Scanners put greyscale pages in PDFs as JPEG; raw tesseract gets the same file.
                path = stem.with_suffix(".jpg")
                page.image.save(path, "JPEG", quality=85, dpi=page.dpi)
                xobject = jpeg_xobject(path.read_bytes())
            page_pdfs.append(write_image_page(xobject, size_px=page.image.size, dpi=page.dpi, out=stem.with_suffix(".pdf")))
            files.append(path)
            truths.append(page.text)
            labels.append(label)
        corpus.files[condition], corpus.truths[condition], corpus.labels[condition] = files, truths, labels
        corpus.pdfs[condition] = assemble_searchable_pdf(page_pdfs, folder / f"{condition}.pdf")
    return corpus


@dataclass
class Run:
    engine: str
    seconds: dict[str, float] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)
    out_bytes: dict[str, int] = field(default_factory=dict)


def run_medlane(corpus: Corpus, *, jobs: int) -> Run:
    run = Run(engine=f"MedLane `process_document`, {jobs} workers")
    for condition, pdf in corpus.pdfs.items():
        started = time.perf_counter()
        result = process_document(pdf, workdir=corpus.folder / f"medlane-{condition}", jobs=jobs)
        run.seconds[condition] = time.perf_counter() - started
        run.texts[condition] = [page.text for page in result.pages]
        run.out_bytes[condition] = result.pdf_path.stat().st_size
        reviews = [page.index for page in result.pages if page.status != "done"]
        if reviews:
            print(f"  note: MedLane {condition} pages needing review: {reviews}", file=sys.stderr)
    return run


def run_raw_tesseract(corpus: Corpus, *, jobs: int) -> Run:
    run = Run(engine=f"raw `tesseract` CLI, {jobs} processes, OMP_THREAD_LIMIT=1, txt only")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def ocr(path: Path) -> str:
        out = path.with_name(path.stem + ".raw")
        subprocess.run(["tesseract", str(path), str(out), "-l", "eng", "txt"], env=env, capture_output=True, check=True)
        return out.with_suffix(".raw.txt").read_text()

    for condition, files in corpus.files.items():
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            run.texts[condition] = list(pool.map(ocr, files))
        run.seconds[condition] = time.perf_counter() - started
    return run


def find_ocrmypdf() -> str | None:
    """ocrmypdf on PATH, or installed in this interpreter's environment (a venv not on PATH)."""
    beside = Path(sys.executable).parent / "ocrmypdf"
    return shutil.which("ocrmypdf") or (str(beside) if beside.exists() else None)


def run_ocrmypdf(corpus: Corpus, *, jobs: int, extra: list[str], name: str) -> Run | None:
    ocrmypdf = find_ocrmypdf()
    if ocrmypdf is None:
        return None
    run = Run(engine=name)
    for condition, pdf in corpus.pdfs.items():
        out = corpus.folder / f"ocrmypdf{'-'.join(extra)}-{condition}.pdf"
        sidecar = out.with_suffix(".txt")
        args = [ocrmypdf, "-j", str(jobs), "--output-type", "pdf", "--optimize", "0", "--sidecar", str(sidecar), *extra, str(pdf), str(out)]
        started = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, text=True)
        run.seconds[condition] = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"  ocrmypdf failed on {condition}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
            return None
        run.texts[condition] = sidecar.read_text().split("\f")[: len(corpus.truths[condition])]
        run.out_bytes[condition] = out.stat().st_size
    return run


def cer(truths: list[str], texts: list[str]) -> float:
    normalise = lambda value: " ".join(value.split()) or " "  # noqa: E731 - jiwer rejects empty strings
    return jiwer.cer([normalise(t) for t in truths], [normalise(t) for t in texts])


def report(corpus: Corpus, runs: list[Run]) -> str:
    raw = next(run for run in runs if run.engine.startswith("raw"))
    medlane = next(run for run in runs if run.engine.startswith("MedLane"))
    counts = {condition: len(files) for condition, files in corpus.files.items()}
    in_bytes = {condition: pdf.stat().st_size for condition, pdf in corpus.pdfs.items()}
    lines = [
        "| engine | clean pages/s | time vs raw (clean) | degraded pages/s | time vs raw (degraded) | CER clean | CER degraded | output / input size |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        cells = [run.engine]
        for condition in ("clean", "degraded"):
            cells.append(f"{counts[condition] / run.seconds[condition]:.2f}")
            cells.append(f"{run.seconds[condition] / raw.seconds[condition]:.2f}x")
        cells += [f"{cer(corpus.truths[c], run.texts[c]):.2%}" for c in ("clean", "degraded")]
        if run.out_bytes:
            ratios = [run.out_bytes[c] / in_bytes[c] for c in ("clean", "degraded")]
            cells.append(f"{ratios[0]:.2f} / {ratios[1]:.2f}")
        else:
            cells.append("n/a (text only)")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Per degraded page, CER (raw tesseract / MedLane):")
    for index, label in enumerate(corpus.labels["degraded"]):
        truth = [corpus.truths["degraded"][index]]
        lines.append(
            f"- page {index + 1:2d} {label}: {cer(truth, [raw.texts['degraded'][index]]):.2%} / "
            f"{cer(truth, [medlane.texts['degraded'][index]]):.2%}"
        )
    sizes = ", ".join(f"{c} {in_bytes[c] / 1e6:.1f} MB" for c in ("clean", "degraded"))
    lines.append(f"\nInput PDFs: {sizes} ({counts['clean']} + {counts['degraded']} pages, 300 dpi JPEG q85 / G4 faxes).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="pages in total, half clean and half degraded")
    parser.add_argument("--jobs", type=int, default=2, help="parallel workers for every engine")
    parser.add_argument("--keep", type=Path, help="keep the generated pages and outputs in this folder")
    parser.add_argument("--no-ocrmypdf", action="store_true", help="skip OCRmyPDF even if installed")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per engine; the fastest counts (noisy machines)")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-ocr-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        print(f"generating {args.pages} pages in {folder} ...", file=sys.stderr)
        corpus = make_corpus(folder, pages=args.pages)
        engines = [
            ("MedLane", lambda: run_medlane(corpus, jobs=args.jobs)),
            ("raw tesseract", lambda: run_raw_tesseract(corpus, jobs=args.jobs)),
        ]
        if not args.no_ocrmypdf and find_ocrmypdf():
            for extra, name in (([], f"OCRmyPDF -j {args.jobs}"), (["--rotate-pages", "--deskew"], f"OCRmyPDF -j {args.jobs} --rotate-pages --deskew")):
                engines.append((name, lambda extra=extra, name=name: run_ocrmypdf(corpus, jobs=args.jobs, extra=extra, name=name)))
        best: dict[str, Run] = {}
        # Rounds interleave the engines so a burst of load on a shared machine hits them alike;
        # each engine keeps its fastest round per condition (best of N).
        for round_number in range(args.repeat):
            for name, start in engines:
                print(f"round {round_number + 1}/{args.repeat}: {name} ...", file=sys.stderr)
                run = start()
                if run is None:
                    continue
                kept = best.setdefault(name, run)
                for condition, seconds in run.seconds.items():
                    kept.seconds[condition] = min(kept.seconds[condition], seconds)
        runs = list(best.values())
        print(f"best of {args.repeat} round(s) on {os.cpu_count()} CPUs\n")
        print(report(corpus, runs))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
