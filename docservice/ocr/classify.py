"""Say what kind of document an upload is, from its text and its page images."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from docservice.ocr.preprocess import ImageStats

KINDS = (
    "chart_note",
    "radiology_report",
    "sleep_study",
    "pathology_report",
    "referral",
    "physician_order",
    "narrative",
    "photo",
    "radiograph",
    "eob",
    "other",
)
PICTURE_KINDS = ("photo", "radiograph")

# Fewer words than this and the text cannot outweigh what the pages look like: a radiograph
# with "R", a date and a patient name is still a radiograph.
MAX_PICTURE_WORDS = 40
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Classification:
    """The document's kind, how sure we are (0-1), and the evidence, for a person to check."""

    kind: str
    confidence: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    patterns: dict[str, tuple[tuple[re.Pattern[str], float], ...]]
    other_baseline: float
    temperature: float
    heading_chars: int


def classify_document(text: str, *, image_stats: ImageStats | Sequence[ImageStats] | None = None) -> Classification:
    """Classify a document as one of `KINDS`.

    Text evidence is weighted keyword and section matches (rules in document_kinds.yaml); the
    scores become a confidence through a softmax that includes "other", so weak or split evidence
    gives a low confidence. Pages that look like photos or radiographs decide the kind when the
    document has little text.

    Args:
        text: The document's text (all pages).
        image_stats: Statistics of the scanned pages (`PageResult.image_stats`), if any.

    Returns:
        The kind, a confidence in [0, 1] and human-readable evidence.
    """
    stats = _as_list(image_stats)
    words = len(_WORD.findall(text))
    pictures = [page for page in stats if page.kind in PICTURE_KINDS]
    if pictures and words < MAX_PICTURE_WORDS and len(pictures) * 2 >= len(stats):
        return _classify_pictures(pictures, pages=len(stats), words=words)
    return _classify_text(text)


def _classify_text(text: str) -> Classification:
    rules = _load_rules()
    heading = text[: rules.heading_chars]
    scores: dict[str, float] = {}
    evidence: dict[str, list[str]] = {}
    for kind, patterns in rules.patterns.items():
        score = 0.0
        for pattern, weight in patterns:
            matches = pattern.findall(text)
            if not matches:
                continue
            gained = weight * (1.5 if len(matches) >= 3 else 1.0) * (1.5 if pattern.search(heading) else 1.0)
            score += gained
            evidence.setdefault(kind, []).append(f"{_first_match(pattern, text)!r} x{len(matches)} (+{gained:g})")
        scores[kind] = score
    scores["other"] = rules.other_baseline
    best = max(scores, key=scores.__getitem__)
    confidence = _softmax(scores, temperature=rules.temperature)[best]
    if best == "other":
        runner_up = max((kind for kind in scores if kind != "other"), key=scores.__getitem__)
        reason = f"no kind scored above {rules.other_baseline:g} (best: {runner_up} {scores[runner_up]:g})"
        return Classification(kind="other", confidence=round(confidence, 3), evidence=(reason,))
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    summary = f"score {scores[best]:g}; next {ranked[1][0]} {ranked[1][1]:g}"
    return Classification(kind=best, confidence=round(confidence, 3), evidence=(summary, *evidence[best]))


def _classify_pictures(pictures: list[ImageStats], *, pages: int, words: int) -> Classification:
    radiographs = sum(page.kind == "radiograph" for page in pictures)
    kind = "radiograph" if radiographs * 2 > len(pictures) else "photo"
    agreeing = radiographs if kind == "radiograph" else len(pictures) - radiographs
    # Sure when every page is a picture of the same kind and there is next to no text.
    confidence = 0.95 * (agreeing / pages) * (1.0 - 0.5 * words / MAX_PICTURE_WORDS)
    first = next(page for page in pictures if page.kind == kind)
    evidence = (
        f"{agreeing} of {pages} pages look like a {kind}",
        f"{words} words of text",
        f"dark fraction {first.dark_fraction:g}, colourfulness {first.colourfulness:g}, paper fraction {first.paper_fraction:g}",
    )
    return Classification(kind=kind, confidence=round(confidence, 3), evidence=evidence)


def _softmax(scores: dict[str, float], *, temperature: float) -> dict[str, float]:
    top = max(scores.values())
    weights = {kind: math.exp((score - top) / temperature) for kind, score in scores.items()}
    total = sum(weights.values())
    return {kind: weight / total for kind, weight in weights.items()}


def _first_match(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    return found.group(0) if found else pattern.pattern


def _as_list(image_stats: ImageStats | Sequence[ImageStats] | None) -> list[ImageStats]:
    if image_stats is None:
        return []
    if isinstance(image_stats, ImageStats):
        return [image_stats]
    return [page for page in image_stats if page is not None]


@lru_cache(maxsize=1)
def _load_rules() -> _Rules:
    raw = yaml.safe_load(resources.files("docservice.ocr").joinpath("document_kinds.yaml").read_text(encoding="utf-8"))
    patterns = {
        kind: tuple((re.compile(pattern, re.IGNORECASE), float(weight)) for pattern, weight in entries)
        for kind, entries in raw["kinds"].items()
    }
    unknown = set(patterns) - set(KINDS)
    if unknown:
        raise ValueError(f"document_kinds.yaml names unknown kinds: {sorted(unknown)}")
    return _Rules(
        patterns=patterns,
        other_baseline=float(raw["other_baseline"]),
        temperature=float(raw["temperature"]),
        heading_chars=int(raw["heading_chars"]),
    )
