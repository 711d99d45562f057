"""Say what kind of document an upload is, from its text and its page images, and whether a person should check.

The text is read by a model learnt from the project's labelled corpus
(`docservice.documents.kinds`, which also names the `KINDS`); pages that look like photos or radiographs decide when there is
little text. When the model is unsure (low probability, or two kinds close), the best guess is
kept and `review` is set with a reason a person understands: "not sure: referral 0.46 vs chart_note 0.41".
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from docservice.documents.kinds import (  # noqa: F401  (KINDS: what classify_document answers, importable here)
    KINDS,
    PICTURE_KINDS,
    TrainingSettings,
    load_kind_model,
)
from docservice.ocr.preprocess import ImageStats

_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Classification:
    """The document's kind, how sure we are (0-1), the evidence, and whether a person should check it."""

    kind: str
    confidence: float
    evidence: tuple[str, ...]
    review: bool = False
    reason: str = ""  # why a person should check, e.g. "not sure: referral 0.46 vs chart_note 0.41"


@dataclass(frozen=True)
class _Settings:
    training: TrainingSettings
    min_confidence: float
    min_margin: float
    min_words: int
    max_picture_words: int


def classify_document(text: str, *, image_stats: ImageStats | Sequence[ImageStats] | None = None) -> Classification:
    """Classify a document as one of `KINDS`.

    Args:
        text: The document's text (all pages).
        image_stats: Statistics of the scanned pages (`PageResult.image_stats`), if any.

    Returns:
        The kind, a confidence in [0, 1], human-readable evidence, and `review` with its reason
        when a person should check the kind.
    """
    settings = _load_settings()
    stats = _as_list(image_stats)
    words = len(_WORD.findall(text))
    pictures = [page for page in stats if page.kind in PICTURE_KINDS]
    if pictures and words < settings.max_picture_words and len(pictures) * 2 >= len(stats):
        return _classify_pictures(pictures, pages=len(stats), words=words, settings=settings)
    return _classify_text(text, words=words, settings=settings)


def _classify_text(text: str, *, words: int, settings: _Settings) -> Classification:
    if words == 0:
        return Classification(kind="other", confidence=0.0, evidence=("no text",), review=True,
                              reason="not sure: the document has no text")
    guess = load_kind_model(settings.training).guess(text)
    (best, top), (runner_up, second) = guess.ranked[:2]
    evidence = (f"{best} {top:.2f}; next {runner_up} {second:.2f}",)
    if guess.words:
        evidence += ("words that weighed most: " + ", ".join(repr(word) for word in guess.words),)
    reason = ""
    if words < settings.min_words:
        reason = f"not sure: only {words} word(s) of text; best guess {best} {top:.2f}"
    elif top < settings.min_confidence or top - second < settings.min_margin:
        reason = f"not sure: {best} {top:.2f} vs {runner_up} {second:.2f}"
    return Classification(kind=best, confidence=round(top, 3), evidence=evidence, review=bool(reason), reason=reason)


def _classify_pictures(pictures: list[ImageStats], *, pages: int, words: int, settings: _Settings) -> Classification:
    radiographs = sum(page.kind == "radiograph" for page in pictures)
    kind = "radiograph" if radiographs * 2 > len(pictures) else "photo"
    agreeing = radiographs if kind == "radiograph" else len(pictures) - radiographs
    # Sure when every page is a picture of the same kind and there is next to no text.
    confidence = round(0.95 * (agreeing / pages) * (1.0 - 0.5 * words / settings.max_picture_words), 3)
    first = next(page for page in pictures if page.kind == kind)
    evidence = (
        f"{agreeing} of {pages} pages look like a {kind}",
        f"{words} words of text",
        f"dark fraction {first.dark_fraction:g}, colourfulness {first.colourfulness:g}, paper fraction {first.paper_fraction:g}",
    )
    reason = ""
    if confidence < settings.min_confidence:
        reason = f"not sure: {agreeing} of {pages} pages look like a {kind} ({confidence:.2f})"
    return Classification(kind=kind, confidence=confidence, evidence=evidence, review=bool(reason), reason=reason)


def _as_list(image_stats: ImageStats | Sequence[ImageStats] | None) -> list[ImageStats]:
    if image_stats is None:
        return []
    if isinstance(image_stats, ImageStats):
        return [image_stats]
    return [page for page in image_stats if page is not None]


@lru_cache(maxsize=1)
def _load_settings() -> _Settings:
    raw = yaml.safe_load(resources.files("docservice.ocr").joinpath("document_kinds.yaml").read_text(encoding="utf-8"))
    training = dict(raw["training"])
    for key in ("word_ngrams", "char_ngrams"):
        training[key] = tuple(training[key])
    review = raw["review"]
    return _Settings(
        training=TrainingSettings(**training),
        min_confidence=float(review["min_confidence"]),
        min_margin=float(review["min_margin"]),
        min_words=int(review["min_words"]),
        max_picture_words=int(raw["pictures"]["max_words"]),
    )
