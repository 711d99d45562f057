"""Write the labelled corpus the document-kind classifier learns from.

    python scripts/make_kind_corpus.py                 # docservice/documents/corpus/kinds.jsonl.gz
    python scripts/make_kind_corpus.py --per-kind 400 --seed 2027 --out PATH

Seeded and combinatorial. Each kind mixes several builders: the first ones (kind_corpus/reports.py,
clinical.py, business.py) and the later ones that teach what a kind *is* rather than how one house
words it (kind_corpus/notes.py: chart notes as SOAP, terse progress, operative, procedure,
appliance delivery and titration, post-op, exams, physician sleep consults, telephone encounters,
with mentions of referrals, sleep studies, biopsies, x-rays and orders inside them;
letters.py: referrals by any clinician, narratives to payers; paperwork.py: requisitions, claim
forms, consents and other paperwork, orders as documents, readings of dental films, image pages,
device sleep reports, pathology result letters). The content is laid out in one of many house
styles (kind_corpus/styles.py: hospital, small clinic, EHR printout in capitals, EHR encounter print,
dictated letter, terse note, key-value form, tables, underlined or numbered headings, a bare text
box, run-in paragraphs, a dental practice program's printout), sometimes all in capitals, behind a
fax cover sheet or under a fax machine's page stamp, split into pages, and run through OCR noise
(look-alike letters, broken and joined words, stray marks). One JSON object per line:
{"kind", "style", "text"}. Same seed, same file.

The classifier's tests are written in other styles (see kind_corpus/styles.py), so they
measure how the model does on documents unlike anything here.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kind_corpus import business, clinical, letters, notes, paperwork, reports  # noqa: E402
from kind_corpus.notes import weighted  # noqa: E402
from kind_corpus.styles import STYLES, add_pages, fax_stamp, fax_wrap, ocr_noise, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docservice" / "documents" / "corpus" / "kinds.jsonl.gz"

# Each kind: its builders and how often each is used.
BUILDERS = {
    "sleep_study": ((reports.sleep_study, 3), (paperwork.sleep_study, 2)),
    "pathology_report": ((reports.pathology_report, 3), (paperwork.pathology_report, 2)),
    "radiology_report": ((reports.radiology_report, 1), (paperwork.radiology_report, 1)),
    "chart_note": ((clinical.chart_note, 1), (notes.chart_note, 2)),
    "referral": ((clinical.referral, 1), (letters.referral, 1)),
    "physician_order": ((clinical.physician_order, 1), (paperwork.physician_order, 1)),
    "narrative": ((business.narrative, 1), (letters.narrative, 1)),
    "eob": ((business.eob, 1),),
    "photo": ((business.photo, 1), (paperwork.photo, 1)),
    "radiograph": ((business.radiograph, 2), (paperwork.radiograph, 3)),
    "other": ((business.other, 1), (paperwork.other, 2)),
}
# Pictures are decided by their page images; their text is a label, so fewer examples do.
PICTURE_SHARE = 0.5


def make_document(kind: str, r: random.Random) -> dict:
    """One labelled document of this kind in a random house style, maybe faxed, maybe noisy."""
    draft = weighted(r, BUILDERS[kind])(r)
    style = "short" if draft.short else r.choice(STYLES)
    text = render(draft, style, r)
    if not draft.short:
        text = add_pages(text, r)
        if r.random() < 0.08:
            text = text.upper()
            style += "+caps"
        roll = r.random()
        if roll < 0.18:
            text = fax_wrap(text, draft, r)
            style += "+fax"
        elif roll < 0.28:
            text = fax_stamp(text, r)
            style += "+stamp"
    if r.random() < 0.35:
        text = ocr_noise(text, r, level=r.choice((0.01, 0.02, 0.04, 0.07)))
        style += "+noise"
    return {"kind": kind, "style": style, "text": text}


def make_corpus(*, per_kind: int, seed: int) -> list[dict]:
    r = random.Random(seed)
    documents = []
    for kind in BUILDERS:
        count = int(per_kind * PICTURE_SHARE) if kind in ("photo", "radiograph") else per_kind
        documents.extend(make_document(kind, r) for _ in range(count))
    r.shuffle(documents)
    return documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-kind", type=int, default=400, help="documents per text kind (pictures get half)")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--show", type=int, default=0, help="print this many documents instead of writing")
    args = parser.parse_args(argv)
    documents = make_corpus(per_kind=args.per_kind, seed=args.seed)
    if args.show:
        for document in documents[: args.show]:
            print(f"===== {document['kind']} / {document['style']}\n{document['text']}\n")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same seed writes the same bytes, so the committed file only changes with the generator.
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        for document in documents:
            out.write((json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8"))
    counts = Counter(document["kind"] for document in documents)
    print(f"{len(documents)} documents -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    for kind, count in sorted(counts.items()):
        print(f"  {kind:<18}{count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
