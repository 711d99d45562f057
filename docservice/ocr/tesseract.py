"""Run the tesseract CLI: OCR (text, word confidences, PDF text layer) and orientation detection.

We call the CLI, not a binding, for the reasons OCRmyPDF gives: a crash or an out-of-memory kill
takes down one child process instead of the worker, and `subprocess` gives a hard timeout.
"""
from __future__ import annotations

import logging
import os
import re
import subprocess
from dataclasses import dataclass
from os import fspath
from pathlib import Path

from docservice.ocr.errors import PageTimeout, TesseractError

log = logging.getLogger(__name__)

TESSERACT = "tesseract"

# Debian's tesseract is built with OpenMP. On 2 cores one single-threaded process per core is
# 2.5x faster for one page and 4.7x faster for two concurrent pages than the OpenMP default,
# because OpenMP threads of concurrent processes fight for the same cores (tesseract #3109,
# OCRmyPDF #217). The job queue gives each page its own process, so tesseract must not add
# parallelism of its own.
OMP_THREAD_LIMIT = "1"

_OSD_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_OSD_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


@dataclass(frozen=True)
class Word:
    """One recognised word with its box in image pixels and tesseract's confidence (0-100)."""

    text: str
    confidence: float
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # (block, paragraph, line) numbers, to rebuild lines


@dataclass(frozen=True)
class TesseractResult:
    """What one tesseract run produced.

    Attributes:
        text: Plain text as tesseract lays it out (lines and blank lines between blocks).
        mean_confidence: Mean word confidence, 0-100, weighted by word length; 0 with no words.
        words: Every recognised word.
        pdf_path: The PDF tesseract wrote (text only if asked for `textonly_pdf`), or None.
    """

    text: str
    mean_confidence: float
    words: tuple[Word, ...]
    pdf_path: Path | None


@dataclass(frozen=True)
class Orientation:
    """Tesseract OSD's answer: degrees to turn the image clockwise to make it upright."""

    rotate: int
    confidence: float


def run_tesseract(
    image: Path,
    *,
    outdir: Path,
    timeout: float,
    lang: str = "eng",
    psm: int = 3,
    dpi: int | None = None,
    textonly_pdf: bool = True,
) -> TesseractResult:
    """OCR one image file and get text, word confidences and a PDF from a single run.

    Args:
        image: An image file tesseract can read (PNG, TIFF, JPEG, PNM). A path, never a PIL image:
            pytesseract would re-encode a PIL image to PNG first (0.8 s a page).
        outdir: Folder for the outputs, named after `image`.
        timeout: Seconds before the process is killed.
        lang: Tesseract language(s), e.g. "eng" or "eng+spa".
        psm: Page segmentation mode; 3 (automatic) copes with the columns and tables of forms.
        dpi: Resolution of `image`; sets the PDF page size and helps recognition. Pass it: files
            with a missing or wrong resolution otherwise give wrongly sized PDF pages.
        textonly_pdf: Write a PDF with only the invisible text layer (a few KB), to lay over the
            original page, instead of one that embeds the image again.

    Returns:
        The text, words and PDF path.

    Raises:
        PageTimeout: Tesseract ran longer than `timeout`.
        TesseractError: Tesseract failed or wrote nothing.
    """
    outbase = outdir / f"{image.stem}.ocr"
    args = [TESSERACT, fspath(image), fspath(outbase), "-l", lang, "--psm", str(psm)]
    if dpi:
        args += ["--dpi", str(dpi)]
    if textonly_pdf:
        args += ["-c", "textonly_pdf=1"]
    args += ["txt", "tsv", "pdf"]
    _run(args, timeout=timeout, what="OCR")
    txt, tsv, pdf = (outbase.with_suffix(f".ocr.{ext}") for ext in ("txt", "tsv", "pdf"))
    if not txt.exists() or not pdf.exists():
        raise TesseractError("tesseract exited without writing its outputs")
    words = parse_tsv(tsv.read_text(encoding="utf-8")) if tsv.exists() else ()
    return TesseractResult(
        text=txt.read_text(encoding="utf-8").strip(),
        mean_confidence=mean_confidence(words),
        words=words,
        pdf_path=pdf,
    )


def run_osd(image: Path, *, timeout: float, dpi: int | None = None) -> Orientation | None:
    """Detect the page orientation with tesseract OSD (`--psm 0`).

    Returns:
        The correction, or None when tesseract found too little text to say.

    Raises:
        PageTimeout: OSD ran longer than `timeout`.
    """
    args = [TESSERACT, fspath(image), "-", "--psm", "0"]
    if dpi:
        args += ["--dpi", str(dpi)]
    try:
        stdout = _run(args, timeout=timeout, what="orientation detection")
    except TesseractError as exc:
        # "Too few characters" makes tesseract exit non-zero: no answer, not a failure.
        log.debug("OSD gave no answer: %s", exc)
        return None
    rotate, confidence = _OSD_ROTATE.search(stdout), _OSD_CONFIDENCE.search(stdout)
    if not rotate or not confidence:
        return None
    return Orientation(rotate=int(rotate.group(1)) % 360, confidence=float(confidence.group(1)))


def parse_tsv(tsv: str) -> tuple[Word, ...]:
    """Parse tesseract's TSV output into the recognised words (level 5 rows)."""
    words = []
    for row in tsv.splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        block, paragraph, line = (int(value) for value in fields[2:5])
        left, top, width, height = (int(value) for value in fields[6:10])
        words.append(
            Word(
                text=fields[11],
                confidence=float(fields[10]),
                left=left,
                top=top,
                width=width,
                height=height,
                line=(block, paragraph, line),
            )
        )
    return tuple(words)


def mean_confidence(words: tuple[Word, ...]) -> float:
    """Word confidence averaged by length, so stray one-character marks count for little."""
    scored = [(word.confidence, len(word.text)) for word in words if word.confidence >= 0]
    total = sum(length for _, length in scored)
    return sum(conf * length for conf, length in scored) / total if total else 0.0


def tesseract_env() -> dict[str, str]:
    """The environment for a tesseract child: ours, single-threaded."""
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = OMP_THREAD_LIMIT
    return env


def _run(args: list[str], *, timeout: float, what: str) -> str:
    try:
        proc = subprocess.run(
            args, capture_output=True, text=True, timeout=timeout, env=tesseract_env(), check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise PageTimeout(f"tesseract {what} took longer than {timeout:.3g} s", seconds=timeout) from exc
    except OSError as exc:
        raise TesseractError(f"cannot run tesseract: {exc}") from exc
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or [f"exit code {proc.returncode}"])[-1]
        raise TesseractError(f"tesseract {what} failed: {last}")
    return proc.stdout
