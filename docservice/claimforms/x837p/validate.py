"""`validate_837p`: pyx12's verdict on an interchange, as sentences a person can read.

pyx12 is run in-process (not its `x12valid` command, whose exit status is 1 even for a valid file)
with its JSON error report, the one output that lists every finding at every level (interchange,
group, transaction, segment, element) with line numbers. pyx12 checks structure and code lists
against the 005010X222A1 map; meaning (qualifiers, pointers, balances) is `semantics.py`'s job.

pyx12's own messages quote the offending values, which can be a patient's name or birth date, and
it logs them as errors too: its logger is kept quiet and every quoted value is blanked out of the
sentences returned here.
"""
from __future__ import annotations

import functools
import io
import json
import logging
import re
from typing import Any

import pyx12.errors
import pyx12.params
import pyx12.x12n_document

_NOT_X12 = "The text is not an X12 interchange (it must start with a complete ISA segment)."
_LOOP_IN_PATH = re.compile(r"/([0-9]{4}[A-Z]?|HEADER)/[A-Z0-9]+$")
_SEGMENT_WITH_VALUE = re.compile(r"\bSegment ([A-Z0-9]{2,3})\*\S*")
_HIDDEN = "…"


def validate_837p(text: str) -> list[str]:
    """pyx12's findings on `text`, one sentence each; empty when pyx12 finds the interchange valid."""
    if not text.lstrip().startswith("ISA"):
        return [_NOT_X12]
    _silence_pyx12_logging()
    report = io.StringIO()
    try:
        valid = pyx12.x12n_document.x12n_document(
            param=pyx12.params.params(),
            src_file=io.StringIO(text),
            fd_997=None,
            fd_html=None,
            fd_json=report,
        )
    except pyx12.errors.EngineError:
        return ["pyx12 has no map for this interchange; GS08 and ST03 must be 005010X222A1."]
    except (pyx12.errors.X12Error, IndexError, ValueError):
        return [_NOT_X12]
    findings = _sentences(report.getvalue())
    if not valid and not findings:
        # pyx12 said no without saying why (it does so when it cannot read the ISA at all).
        return [_NOT_X12]
    return findings


@functools.cache
def _silence_pyx12_logging() -> None:
    # pyx12 logs each finding at ERROR level with the offending value; those lines would carry
    # patient data into the service's logs. Its findings reach callers through the report instead.
    logger = logging.getLogger("pyx12")
    logger.addHandler(logging.NullHandler())
    logger.propagate = False


def _sentences(report_json: str) -> list[str]:
    if not report_json.strip():
        return []
    report = json.loads(report_json)
    sentences: list[str] = []
    for interchange in report.get("interchanges", []):
        sentences += [f"Interchange: {_hide_values(e['err_str'], None)}." for e in interchange["errors"]]
        for group in interchange.get("groups", []):
            sentences += [f"Functional group: {_hide_values(e['err_str'], None)}." for e in group["errors"]]
            for transaction in group.get("transactions", []):
                sentences += [f"Transaction set: {_hide_values(e['err_str'], None)}." for e in transaction["errors"]]
                for segment in transaction.get("segments", []):
                    sentences += _segment_sentences(segment)
    return [_tidy(sentence) for sentence in sentences]


def _segment_sentences(segment: dict[str, Any]) -> list[str]:
    where = f"Line {segment['cur_line']}, {segment['seg_id']} ({segment['name']})"
    out = []
    for error in segment["errors"]:
        if error["err_cde"] == "1" and "not found" in error["err_str"]:
            out.append(
                f"Line {segment['cur_line']}: no {segment['seg_id']} segment with this first element fits here"
                f"{_loop_of(error['err_str'])}; a wrong qualifier or a segment out of place."
            )
        else:
            out.append(f"{where}: {_hide_values(error['err_str'], error.get('err_val'))}.")
    for element in segment["elements"]:
        ref = f"{segment['seg_id']}{element['ele_pos']:02d}"
        if element.get("subele_pos"):
            ref += f"-{element['subele_pos']}"
        for error in element["errors"]:
            out.append(f"Line {segment['cur_line']}, {ref}: {_hide_values(error['err_str'], error.get('err_val'))}.")
    return out


def _loop_of(err_str: str) -> str:
    """" (in loop 2300)" from pyx12's "Started at /.../2300/PWK" path, when it names a loop."""
    path = err_str.rsplit("Started at ", 1)[-1].strip()
    found = _LOOP_IN_PATH.search(path)
    return f" (in loop {found.group(1)})" if found else ""


def _hide_values(err_str: str, value: str | None) -> str:
    """pyx12's sentence with the quoted data value blanked (it may be a name or a birth date)."""
    text = _SEGMENT_WITH_VALUE.sub(r"Segment \1", err_str)
    if value:
        text = re.sub(r'([("])' + re.escape(str(value)) + r'([)"])', rf"\g<1>{_HIDDEN}\g<2>", text)
    return text


def _tidy(sentence: str) -> str:
    return re.sub(r"\s+", " ", sentence).replace("..", ".").strip()
