"""Fixtures: one flagger for the whole run (building the spaCy pipeline takes about a second)."""
from __future__ import annotations

from datetime import datetime

import pytest

from crosswalks import load_crosswalk
from plugin.flagger import Flagger
from plugin.flagger.model import AppointmentContext, Decision, Problem, Procedure


@pytest.fixture(scope="session")
def crosswalk():
    return load_crosswalk()


@pytest.fixture(scope="session")
def flagger(crosswalk) -> Flagger:
    return Flagger.from_crosswalks(crosswalk)


def make_ctx(note: str = "", procs=(), problems=(), apt_num: int = 1) -> AppointmentContext:
    """procs: "D7240" or ("D7240", tooth); problems: (name, icd10)."""
    procedures = []
    for i, proc in enumerate(procs, start=1):
        code, tooth = (proc, "") if isinstance(proc, str) else proc
        procedures.append(Procedure(proc_num=i, code=code, tooth=tooth))
    return AppointmentContext(
        apt_num=apt_num,
        pat_num=100 + apt_num,
        start=datetime(2026, 3, 2, 9, 0),
        note=note,
        procedures=tuple(procedures),
        problems=tuple(Problem(disease_num=i, name=n, icd10=c) for i, (n, c) in enumerate(problems, start=1)),
    )


@pytest.fixture
def decide(flagger):
    def _decide(note: str = "", procs=(), problems=()) -> Decision:
        return flagger.decide(make_ctx(note, procs, problems))

    return _decide


def cats(decision: Decision) -> dict[str, str]:
    """category -> strength."""
    return {c.category: c.strength for c in decision.categories}
