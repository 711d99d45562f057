"""Run one golden case end to end through the HTTP API and judge the answers against its expectations.

`run_case` does what the office does: the flagger posts the case, an assistant uploads the
documents, the biller builds the claim (and may edit a line), staff read facts and checks, the
dentist drafts the narrative. `judge` compares the answers with the case's expectations and
returns every miss, grouped by what it is about, so a test or the scorer can report them all.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from tests.golden.cases import GoldenCase

DIMENSIONS = ("facts", "claim", "rules", "narrative")
DAY_TOLERANCE = 0.15
NUMBER_TOLERANCE = 0.051


@dataclass
class Outcome:
    """What the API answered for one case."""

    case_id: int | None = None
    uploads: list[dict] = field(default_factory=list)
    claim: dict = field(default_factory=dict)
    facts: list[dict] = field(default_factory=list)
    checks: dict = field(default_factory=dict)
    narrative: dict = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)  # HTTP calls that did not answer as documented


@dataclass
class Verdict:
    """Per dimension: how many expectations there were and which ones missed."""

    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DIMENSIONS, 0))
    misses: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in DIMENSIONS})
    api: list[str] = field(default_factory=list)  # calls that failed (their expectations count as missed)

    def check(self, dimension: str, ok: bool, message: str) -> None:
        self.expected[dimension] += 1
        if not ok:
            self.misses[dimension].append(message)

    @property
    def all_misses(self) -> list[str]:
        return [f"[api] {failure}" for failure in self.api] + [
            f"[{name}] {miss}" for name in DIMENSIONS for miss in self.misses[name]
        ]


# ------------------------------------------------------------------------------------- run


def _json(response, what: str, outcome: Outcome, ok=(200, 201)) -> dict | list:
    if response.status_code not in ok:
        outcome.failures.append(f"{what}: HTTP {response.status_code} {str(response.get_json())[:300]}")
        return {}
    return response.get_json()


def run_case(client, headers: dict[str, dict], case: GoldenCase) -> Outcome:
    """Post, upload, build, read and draft as the office would; `headers` maps role -> auth header."""
    outcome = Outcome()
    created = _json(client.post("/api/v1/cases", json=case.body, headers=headers["service"]), "post case", outcome)
    if not created:
        return outcome
    outcome.case_id = case_id = created["id"]
    base = f"/api/v1/cases/{case_id}"
    for document in case.documents:
        form = {"file": (io.BytesIO(document.render()), document.filename)}
        if document.kind:
            form["kind"] = document.kind
        uploaded = _json(client.post(f"{base}/documents", data=form, headers=headers["assistant"]),
                         f"upload {document.filename}", outcome, ok=(202,))
        outcome.uploads.append(uploaded or {})
    outcome.claim = _json(client.post(f"{base}/claim", headers=headers["biller"]), "build claim", outcome) or {}
    for edit in case.edits:
        line = next((line for line in outcome.claim.get("lines", []) if line.get("cdt") == edit.cdt), None)
        if line is None:
            outcome.failures.append(f"edit: no claim line came from {edit.cdt}")
            continue
        _json(client.patch(f"{base}/claim/lines/{line['id']}", json=edit.changes, headers=headers["biller"]),
              f"edit line from {edit.cdt}", outcome)
    facts = _json(client.get(f"{base}/facts", headers=headers["biller"]), "read facts", outcome)
    outcome.facts = facts.get("facts", []) if isinstance(facts, dict) else list(facts or [])
    outcome.checks = _json(client.get(f"{base}/checks", headers=headers["biller"]), "read checks", outcome) or {}
    outcome.narrative = _json(client.post(f"{base}/narrative", headers=headers["dentist"]), "draft narrative",
                              outcome) or {}
    return outcome


# ----------------------------------------------------------------------------------- judge


def _same(expected, actual) -> bool:
    """Does an extracted value match what the document says (see the conventions in cases.py)?"""
    if isinstance(expected, bool):
        return actual is True or (actual not in (None, False, "", 0) and not isinstance(actual, (int, float)))
    if isinstance(expected, (int, float)):
        try:
            number = float(actual)
        except (TypeError, ValueError):
            return False
        return abs(number - expected) <= NUMBER_TOLERANCE
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(_same(value, actual.get(key)) for key, value in expected.items())
    if isinstance(expected, list):
        items = {str(item).lstrip("#") for item in actual} if isinstance(actual, list) else set()
        return {str(item) for item in expected} <= items
    return isinstance(actual, str) and str(expected).lower() in actual.lower()


def _same_fact(name: str, expected, actual) -> bool:
    if name.endswith("_days") and isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            return abs(float(actual) - expected) <= DAY_TOLERANCE * expected
        except (TypeError, ValueError):
            return False
    return _same(expected, actual)


def _present(facts: list[dict], name: str) -> list[dict]:
    return [fact for fact in facts if fact.get("name") == name and not fact.get("negated") and not fact.get("historical")]


def _dig(data, dotted: str):
    for key in dotted.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _judge_facts(case: GoldenCase, outcome: Outcome, verdict: Verdict) -> None:
    for name, expected in case.facts.items():
        found = _present(outcome.facts, name)
        seen = [fact.get("value") for fact in found]
        verdict.check("facts", any(_same_fact(name, expected, value) for value in seen),
                      f"fact {name}: expected {expected!r}, present values {seen!r}")
    for name in case.negated:
        verdict.check("facts", any(f.get("name") == name and (f.get("negated") or f.get("historical"))
                                   for f in outcome.facts),
                      f"fact {name}: expected a negated mention, none found")
    for item in case.absent:
        name, value = item if isinstance(item, tuple) else (item, None)
        found = [f.get("value") for f in _present(outcome.facts, name)
                 if value is None or _same_fact(name, value, f.get("value"))]
        verdict.check("facts", not found, f"fact {name}{'=' + repr(value) if value else ''} must not be present, "
                                          f"found {found!r}")


def _codes(alternatives: str) -> set[str]:
    return {code.strip().upper() for code in alternatives.split("|")}


def _judge_claim(case: GoldenCase, outcome: Outcome, verdict: Verdict) -> None:
    lines = list(outcome.claim.get("lines") or [])
    shown = [(line.get("code"), line.get("modifiers"), line.get("units")) for line in lines]
    unmatched = list(lines)
    for expected in case.lines:
        line = next((line for line in unmatched if str(line.get("code", "")).upper() in _codes(expected.code)), None)
        verdict.check("claim", line is not None, f"line {expected.code}: not among {shown}")
        if line is None:
            continue
        unmatched.remove(line)
        modifiers = {str(m).upper() for m in line.get("modifiers") or []}
        for modifier in expected.modifiers:
            verdict.check("claim", modifier in modifiers, f"line {line.get('code')}: modifier {modifier} missing "
                                                          f"(has {sorted(modifiers)})")
        for modifier in expected.forbidden:
            verdict.check("claim", modifier not in modifiers, f"line {line.get('code')}: modifier {modifier} "
                                                              f"must not be there")
        if expected.units is not None:
            verdict.check("claim", line.get("units") == expected.units,
                          f"line {line.get('code')}: units {line.get('units')}, expected {expected.units}")
    if case.lines:
        verdict.check("claim", not unmatched, f"unexpected extra lines {[line.get('code') for line in unmatched]}")
    if case.principal:
        diagnoses = outcome.claim.get("diagnoses") or []
        first = str(diagnoses[0].get("code", "")).upper() if diagnoses else None
        verdict.check("claim", first in _codes(case.principal),
                      f"principal diagnosis {first}, expected {case.principal}")
    fields = outcome.claim.get("fields") or {}
    if case.category != "trauma" and outcome.claim:
        # An accident indicator tells the payer to look for a liable third party: only for injuries.
        verdict.check("claim", not fields.get("accident"), f"claim says accident-related: {fields.get('accident')!r}")
    for dotted, expected in case.claim_fields.items():
        actual = _dig(fields, dotted)
        verdict.check("claim", _same(expected, actual), f"claim field {dotted}: {actual!r}, expected {expected!r}")


def _judge_rules(case: GoldenCase, outcome: Outcome, verdict: Verdict) -> None:
    answered = "findings" in outcome.checks
    findings = outcome.checks.get("findings") or []
    errors = {f.get("rule") for f in findings if f.get("severity") == "error"}
    flagged = {f.get("rule") for f in findings if f.get("severity") in ("error", "warning")}
    for rule in case.errors:
        verdict.check("rules", rule in errors, f"rule {rule} must be an error; errors were {sorted(errors)}")
    for rule in case.flags:
        verdict.check("rules", rule in flagged, f"rule {rule} must be flagged; flagged were {sorted(flagged)}")
    for rule in case.not_errors:
        messages = [f.get("message") for f in findings if f.get("rule") == rule and f.get("severity") == "error"]
        verdict.check("rules", answered and not messages, f"rule {rule} must not be an error: {messages}")
    if case.ready is not None:
        verdict.check("rules", outcome.checks.get("ready") is case.ready,
                      f"ready {outcome.checks.get('ready')!r}, expected {case.ready}; errors were {sorted(errors)}")


def _judge_narrative(case: GoldenCase, outcome: Outcome, verdict: Verdict) -> None:
    body = outcome.narrative.get("body") or ""
    placeholders = {str(p.get("field")) for p in outcome.narrative.get("placeholders") or []}
    verdict.check("narrative", bool(body.strip()), "narrative body is empty")
    for words in case.narrative_mentions:
        verdict.check("narrative", any(word.lower() in body.lower() for word in words.split("|")),
                      f"narrative does not mention {words!r}")
    for name in case.narrative_missing:
        verdict.check("narrative", any(name in field for field in placeholders) and "[MISSING" in body,
                      f"narrative should leave {name} as a visible placeholder; placeholders {sorted(placeholders)}")
    for name in case.narrative_documented:
        verdict.check("narrative", bool(body) and name not in placeholders,
                      f"narrative left documented {name} as a placeholder")
    if "ahi" in case.narrative_missing:
        # Never invent a fact: no AHI figure may appear when no sleep study was uploaded.
        verdict.check("narrative", not re.search(r"\bAHI\b[^\n\[]{0,20}\d", body),
                      "narrative states an AHI value although no sleep study was uploaded")


def judge(case: GoldenCase, outcome: Outcome) -> Verdict:
    verdict = Verdict()
    verdict.api.extend(outcome.failures)
    for upload in outcome.uploads:
        verdict.check("facts", upload.get("status") in ("done", "needs_review"),
                      f"document {upload.get('filename')} not processed: {upload.get('status')} {upload.get('reason')}")
    _judge_facts(case, outcome, verdict)
    _judge_claim(case, outcome, verdict)
    _judge_rules(case, outcome, verdict)
    _judge_narrative(case, outcome, verdict)
    return verdict
