"""Held-out set C: 31 synthetic cases in several part modules (see tests/heldout/README.md, "Set C").

Expectations were written from the documents and ordinary US dental-medical billing practice by a
helper session that did not read MedLane's rules and never ran MedLane on these cases. Do not edit
an expectation to match the software's output, and never copy these texts into patterns, crosswalks,
classifier keywords, templates or tuned tests.
"""
from __future__ import annotations

from tests.heldout import cases_c_other as other
from tests.heldout import cases_c_path as path
from tests.heldout import cases_c_sleep as sleep
from tests.heldout import cases_c_sleep2 as sleep2
from tests.heldout import cases_c_tmd as tmd
from tests.heldout import cases_c_trauma as trauma

CASES = (*sleep.CASES, *sleep2.CASES, *tmd.CASES, *trauma.CASES, *path.CASES, *other.CASES)
