"""Measure the document-kind model: training time, and accuracy on the corpus documents it did not train on.

    python scripts/eval_kind_model.py

Trains exactly as the service does (document_kinds.yaml `training`): on the first `per_kind`
documents of each kind, calibrated on the next `calibration_per_kind`; scores the rest. The corpus is synthetic, so this
number says the model learnt the corpus; the classifier's tests (tests/docservice/documents/
test_kinds.py) measure it on documents in styles the corpus never uses.
"""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docservice.documents.kinds import read_corpus, split_corpus, train_kind_model  # noqa: E402
from docservice.ocr.classify import _load_settings  # noqa: E402


def main() -> int:
    settings = _load_settings()
    split = split_corpus(read_corpus(), settings.training)
    held_out = split.held_out
    print(f"corpus: {len(split.training)} training, {len(split.calibration)} calibration, {len(held_out)} held out")
    times = []
    for _ in range(3):
        model = train_kind_model(split, settings.training)
        times.append((model.training_seconds, model.training_cpu_seconds))
    print("training (wall / cpu): " + ", ".join(f"{w:.2f} / {c:.2f} s" for w, c in times)
          + f"; fastest {min(w for w, _ in times):.2f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    started = time.perf_counter()
    guesses = model.guess_many([d["text"] for d in held_out])
    per_document = (time.perf_counter() - started) / max(1, len(held_out))
    right, total, review = Counter(), Counter(), 0
    confusion = Counter()
    for document, guess in zip(held_out, guesses):
        (best, top), (_, second) = guess.ranked[:2]
        total[document["kind"]] += 1
        right[document["kind"]] += best == document["kind"]
        review += top < settings.min_confidence or top - second < settings.min_margin
        if best != document["kind"]:
            confusion[(document["kind"], best)] += 1
    print(f"held-out accuracy: {sum(right.values())}/{sum(total.values())} = "
          f"{sum(right.values()) / sum(total.values()):.1%}; flagged for review {review}; "
          f"{per_document * 1000:.1f} ms per document")
    for kind in sorted(total):
        print(f"  {kind:<18}{right[kind]}/{total[kind]}")
    for (truth, guess), count in confusion.most_common(10):
        print(f"  confused: {truth} -> {guess} x{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
