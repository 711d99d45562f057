"""A visit joins the open case of the same patient within the category's window (categories.yaml join_days)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from plugin.flagger.model import OpenCase

OPENED = datetime(2027, 1, 4, 9, 0)


def case(category: str = "trauma", *, days_ago: int = 7, teeth=("8",), strength="strong", apt_num=500) -> OpenCase:
    """A case opened (and last seen) `days_ago` days before the visit on OPENED + days_ago."""
    return OpenCase(apt_num=apt_num, category=category, opened=OPENED, last_visit=OPENED, strength=strength,
                    teeth=tuple(teeth))


@pytest.fixture
def follow_up(flagger, context):
    """Decide a visit `days` after the case was opened."""

    def _follow_up(note, procs, *, days=7, cases=None, problems=()):
        start = OPENED + timedelta(days=days)
        return flagger.decide(context(note, procs, problems, apt_num=2, start=start, open_cases=cases or [case()]))

    return _follow_up


@pytest.mark.parametrize(
    ("note", "procs"),
    [
        ("f/u #8", ["D0140"]),
        ("F/U #8 - RECHECK MOBILITY", ["D0140", "D0220"]),
        ("post-op check", ["D0170"]),
        ("recheck #8, pt doing well", ["D0140"]),
        ("2 wk f/u, vitality test", ["D0140"]),
        ("splint removal #8", []),
        ("po chk #8 - rechek vitality", ["D0140"]),  # shorthand and a slip
        ("", ["D0171"]),  # a post-operative re-evaluation says follow-up on its own
        ("", [("D3310", "8")]),  # the next stage on the injured tooth: staged treatment
    ],
    ids=["fu", "caps", "post-op", "recheck", "2wk", "splint-off", "slips", "d0171", "staged-rct"],
)
def test_a_follow_up_within_the_window_joins(follow_up, note, procs):
    decision = follow_up(note, procs)
    assert decision.joins_apt == 500
    assert decision.primary.category == "trauma" and decision.primary.strength == "strong"
    assert decision.fired_by[0] == "continues the trauma case of 2027-01-04 (appointment 500)"
    assert decision.primary.evidence[0].source == "case"


@pytest.mark.parametrize(
    ("note", "procs", "days", "teeth"),
    [
        ("f/u #8", ["D0140"], 40, ("8",)),  # trauma stays open 30 days
        ("no f/u needed, #8 fine", ["D0140"], 7, ("8",)),  # the follow-up is denied
        ("recall", ["D0120", "D1110"], 7, ("8",)),  # a cleaning is not the injury's follow-up
        ("", ["D0140"], 7, ("8",)),  # a limited exam with nothing said could be anything
        ("", [("D2391", "30")], 7, ("8",)),  # a filling on another tooth
        ("f/u #30", ["D0140"], 7, ("8",)),  # a follow-up about another tooth
    ],
    ids=["outside-window", "denied", "cleaning", "silent-exam", "other-tooth-filling", "other-tooth-fu"],
)
def test_what_does_not_join(follow_up, note, procs, days, teeth):
    decision = follow_up(note, procs, days=days, cases=[case(teeth=teeth)])
    assert decision.joins_apt is None and not decision.flagged


def test_windows_are_per_category(follow_up):
    sleep = case("sleep", teeth=(), apt_num=600)
    assert follow_up("f/u appliance", ["D0140"], days=100, cases=[sleep]).joins_apt == 600  # sleep: 120 days
    pathology = case("pathology", teeth=(), apt_num=700)
    assert follow_up("post op check bx site", ["D0140"], days=45, cases=[pathology]).joins_apt == 700  # 60 days
    assert follow_up("post op check bx site", ["D0140"], days=75, cases=[pathology]).joins_apt is None


def test_the_next_stage_that_fires_on_its_own_joins_too(follow_up):
    decision = follow_up("", ["D9948"], days=30, cases=[case("sleep", teeth=(), apt_num=600)])
    assert decision.joins_apt == 600
    assert decision.fired_by == ("continues the sleep case of 2027-01-04 (appointment 600)", "procedure D9948")


def test_a_new_medical_problem_opens_its_own_case(follow_up):
    decision = follow_up("bx white patch L lat tongue", ["D7286"], cases=[case("sleep", teeth=(), apt_num=600)])
    assert decision.joins_apt is None and decision.primary.category == "pathology"


def test_the_latest_case_of_the_category_is_continued(follow_up):
    older = OpenCase(apt_num=400, category="trauma", opened=OPENED - timedelta(days=20),
                     last_visit=OPENED - timedelta(days=20), teeth=("8",))
    decision = follow_up("f/u #8", ["D0140"], cases=[older, case()])
    assert decision.joins_apt == 500


def test_a_case_cannot_join_itself_or_a_later_visit(flagger, context):
    own = flagger.decide(context("f/u", ["D0140"], apt_num=500, start=OPENED, open_cases=[case()]))
    assert own.joins_apt is None
    earlier = flagger.decide(context("f/u", ["D0140"], apt_num=2, start=OPENED - timedelta(days=1),
                                     open_cases=[case()]))
    assert earlier.joins_apt is None
