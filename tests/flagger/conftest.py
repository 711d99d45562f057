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


@pytest.fixture
def context():
    """Build an AppointmentContext: context(note, procs, problems, apt_num=..., start=..., open_cases=...)."""

    def _context(note: str = "", procs=(), problems=(), *, apt_num: int = 1, start: datetime | None = None,
                 open_cases=()) -> AppointmentContext:
        ctx = make_ctx(note, procs, problems, apt_num=apt_num)
        return AppointmentContext(
            apt_num=ctx.apt_num,
            pat_num=ctx.pat_num,
            start=start or ctx.start,
            note=ctx.note,
            procedures=ctx.procedures,
            problems=ctx.problems,
            open_cases=tuple(open_cases),
        )

    return _context


@pytest.fixture
def categories_of():
    """decision -> {category: strength}."""
    return cats


@pytest.fixture
def data_copy(tmp_path):
    """A private copy of the shipped crosswalk data, to break on purpose; load it with load_crosswalk(path)."""
    import shutil

    from crosswalks import clear_cache
    from crosswalks.loader import DATA_DIR

    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    clear_cache()
    yield target
    clear_cache()


@pytest.fixture
def load_problems():
    """load_problems(data_dir) -> the CrosswalkError lines for that directory (fails if it loads)."""
    from crosswalks import CrosswalkError

    def _problems(data_dir) -> list[str]:
        with pytest.raises(CrosswalkError) as info:
            load_crosswalk(data_dir)
        return info.value.problems

    return _problems
