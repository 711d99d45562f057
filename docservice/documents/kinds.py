"""Learn what kind a document is from the labelled corpus the project keeps, and say how sure that is.

The corpus (corpus/kinds.jsonl.gz, written by scripts/make_kind_corpus.py) holds a few thousand
short synthetic documents of every kind in many house styles. The model is trained from it the
first time it is needed (a few seconds; `KindModel.training_seconds` says how many) and kept for
the life of the process. No model file is shipped: the trained model is kept in the user's private
cache (docservice.documents.model_cache), keyed by the corpus, this file and the settings, so the
next process loads it in a fraction of a second instead of training again.

Features: TF-IDF of words and word pairs, of character 4-grams inside words (robust to OCR
that breaks or misspells words), and of the words of the first lines alone (the heading, where
a document says what it is). A fax cover sheet in front of the document is skipped: it says
who sent it, not what it is. Classifier: a linear SVM whose scores are calibrated into
probabilities (sigmoid, fitted on corpus documents it did not train on), so "0.46 vs 0.41"
means something.
"""
from __future__ import annotations

import gzip
import json
import logging
import random
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docservice.documents.model_cache import make_cache_key, read_cached, write_cached

log = logging.getLogger(__name__)

CORPUS = Path(__file__).resolve().parent / "corpus" / "kinds.jsonl.gz"
TOKEN = r"(?u)\b[^\W\d_][^\W\d_]+\b"  # words of two letters or more; numbers say nothing about the kind
# Every kind a document may be, as the classifier answers and staff may set it.
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
# A first page that is a fax cover sheet: short, says fax near its top, and is mostly cover fields.
# (A faxed page's own stamp line says FAX too, but is followed by the document, not by To/From/Pages.)
FAX_WORD = re.compile(r"\b(?:f\s?a\s?x|facsimile|telecopy)\b", re.IGNORECASE)
COVER_FIELD = re.compile(r"^\W*(?:to|from|pages?|#\s*of\s*pages|re|date|fax|phone|attn|subject|comments)\b[^:\n]{0,20}[:#]",
                         re.IGNORECASE | re.MULTILINE)
MAX_COVER_CHARS = 1500
MIN_COVER_FIELDS = 3


@dataclass(frozen=True)
class TrainingSettings:
    """How the model is trained (document_kinds.yaml `training`)."""

    per_kind: int = 250  # documents per text kind taken from the corpus; pictures take half
    calibration_per_kind: int = 40  # the next ones calibrate the probabilities; the rest is held out
    max_chars: int = 1500  # of each document: its head says what it is, the rest costs time
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (4, 4)
    heading_lines: int = 3
    c: float = 0.5  # the SVM's regularisation: smaller generalises more
    seed: int = 2027


@dataclass(frozen=True)
class KindGuess:
    """Every kind with its probability, best first, and the words that weighed most for the best."""

    ranked: tuple[tuple[str, float], ...]
    words: tuple[str, ...]


class KindModel:
    """A trained classifier: `guess(text)` gives ranked probabilities."""

    def __init__(self, pipeline, *, training_seconds: float, training_cpu_seconds: float, documents: int,
                 settings: TrainingSettings) -> None:
        self.pipeline = pipeline
        self.training_seconds = training_seconds  # wall clock
        self.training_cpu_seconds = training_cpu_seconds  # this process's CPU: what a busy machine does not inflate
        self.documents = documents
        self.settings = settings
        self.kinds: tuple[str, ...] = tuple(pipeline.classes_)
        self._names = None
        self._weights = None

    def guess(self, text: str) -> KindGuess:
        return self.guess_many([text])[0]

    def guess_many(self, texts: Sequence[str]) -> list[KindGuess]:
        cut = [model_text(text, max_chars=self.settings.max_chars) for text in texts]
        probabilities = self.pipeline.predict_proba(cut)
        features = self.pipeline[:-1].transform(cut)
        out = []
        for row, probability in enumerate(probabilities):
            ranked = tuple(sorted(zip(self.kinds, (float(p) for p in probability)), key=lambda pair: -pair[1]))
            out.append(KindGuess(ranked=ranked, words=self._weighing_words(features[row], ranked[0][0])))
        return out

    def _weighing_words(self, vector, kind: str, *, limit: int = 4) -> tuple[str, ...]:
        """The word features of this document that pushed most towards `kind` (for a person to check)."""
        import numpy as np

        if self._names is None:
            self._names = _feature_names(self.pipeline.named_steps["features"])
            self._weights = np.asarray(self.pipeline[-1].estimator.estimator.coef_)
        index = self.kinds.index(kind)
        coo = vector.tocoo()
        scored = [(value * self._weights[index, column], self._names[column]) for column, value in zip(coo.col, coo.data)]
        words = []
        for score, name in sorted(scored, reverse=True):
            group, _, feature = name.partition("__")
            if score <= 0 or group == "chars" or feature in words:
                continue
            words.append(feature)
            if len(words) == limit:
                break
        return tuple(words)


def _feature_names(union) -> list[str]:
    """"group__feature" for every column of the feature union, in order."""
    names = []
    for group, transformer in union.transformer_list:
        vectorizer = transformer[-1] if hasattr(transformer, "steps") else transformer
        names += [f"{group}__{name}" for name in vectorizer.get_feature_names_out()]
    return names


def read_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled documents: {"kind", "style", "text"} each."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def model_text(text: str, *, max_chars: int) -> str:
    """What the model reads: the document's head, after a fax cover sheet if one comes first."""
    pages = text.split("\f")
    if len(pages) > 1 and is_fax_cover(pages[0]):
        text = "\f".join(pages[1:])
    return text[:max_chars]


def is_fax_cover(page: str) -> bool:
    return (len(page) <= MAX_COVER_CHARS and FAX_WORD.search(page[:300]) is not None
            and len(COVER_FIELD.findall(page)) >= MIN_COVER_FIELDS)


@dataclass(frozen=True)
class CorpusSplit:
    training: list[dict]
    calibration: list[dict]
    held_out: list[dict]


def split_corpus(documents: Iterable[dict], settings: TrainingSettings) -> CorpusSplit:
    """Per kind, in corpus order: the first `per_kind` train (half for pictures), the next
    `calibration_per_kind` calibrate the probabilities, the rest is held out for measuring."""
    by_kind: dict[str, list[dict]] = {}
    for document in documents:
        by_kind.setdefault(document["kind"], []).append(document)
    split = CorpusSplit([], [], [])
    for kind, items in sorted(by_kind.items()):
        take = settings.per_kind // 2 if kind in PICTURE_KINDS else settings.per_kind
        calibrate = settings.calibration_per_kind // 2 if kind in PICTURE_KINDS else settings.calibration_per_kind
        split.training.extend(items[:take])
        split.calibration.extend(items[take:take + calibrate])
        split.held_out.extend(items[take + calibrate:])
    random.Random(settings.seed).shuffle(split.training)
    return split


def train_kind_model(split: CorpusSplit, settings: TrainingSettings) -> KindModel:
    """Fit the features and the SVM on the training documents, calibrate on the calibration ones; time it."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.frozen import FrozenEstimator
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer
    from sklearn.svm import LinearSVC

    started, cpu_started = time.perf_counter(), time.process_time()
    features = FeatureUnion([
        ("words", TfidfVectorizer(sublinear_tf=True, ngram_range=tuple(settings.word_ngrams), min_df=2,
                                  token_pattern=TOKEN, strip_accents="unicode")),
        ("chars", TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=tuple(settings.char_ngrams),
                                  min_df=3, strip_accents="unicode")),
        ("heading", Pipeline([
            ("first_lines", FunctionTransformer(_HeadingLines(settings.heading_lines))),
            ("tfidf", TfidfVectorizer(sublinear_tf=True, token_pattern=TOKEN, strip_accents="unicode")),
        ])),
    ])

    def texts(documents):
        return [model_text(d["text"], max_chars=settings.max_chars) for d in documents]

    svm = Pipeline([("features", features), ("svm", LinearSVC(C=settings.c))])
    svm.fit(texts(split.training), [d["kind"] for d in split.training])
    # Calibrated on documents the SVM did not see (cross-validation would cost three more fits).
    calibrated = CalibratedClassifierCV(FrozenEstimator(svm[-1]), method="sigmoid")
    calibrated.fit(features.transform(texts(split.calibration)), [d["kind"] for d in split.calibration])
    pipeline = Pipeline([("features", features), ("classifier", calibrated)])
    seconds = time.perf_counter() - started
    log.info("Document kind model trained on %s documents in %.1f s", len(split.training), seconds)
    return KindModel(pipeline, training_seconds=seconds, training_cpu_seconds=time.process_time() - cpu_started,
                     documents=len(split.training), settings=settings)


class _HeadingLines:
    """The first non-blank lines of each text: where a document names itself."""

    def __init__(self, lines: int) -> None:
        self.lines = lines

    def __call__(self, texts):
        return [" ".join([line for line in text.splitlines() if line.strip()][: self.lines]) for text in texts]


_lock = threading.Lock()
_models: dict[TrainingSettings, KindModel] = {}


def load_kind_model(settings: TrainingSettings | None = None) -> KindModel:
    """The model for these settings: from this process, else from the cache, else trained from the corpus."""
    settings = settings or TrainingSettings()
    model = _models.get(settings)
    if model is not None:
        return model
    with _lock:  # two worker threads finishing documents at once train it once
        if settings not in _models:
            _models[settings] = _load_cached_or_train(settings)
        return _models[settings]


def _load_cached_or_train(settings: TrainingSettings) -> KindModel:
    # This file is part of the key: a change to how the model is trained or read retrains it.
    key = make_cache_key("kind-model", sources=(CORPUS, Path(__file__)), settings=settings)
    model = read_cached(key)
    if isinstance(model, KindModel):
        log.info("Document kind model loaded from the cache (%s)", key)
        return model
    model = train_kind_model(split_corpus(read_corpus(), settings), settings)
    write_cached(key, model)
    return model
