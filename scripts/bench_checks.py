#!/usr/bin/env python3
"""Benchmark the consistency checks: in memory (checks/s, p50/p95 ms per case) and through the API on SQLite.

Synthetic cases across categories get procedures, problems, finished documents and the facts
extraction would give (values drawn at random: some cases qualify, some miss a document or a
fact), and the claim the real builder proposes. Then `run_checks` runs over every case,
`--repeat` times. The API part stores the same kind of cases in a fresh SQLite database
(half with a saved claim, half checked on the claim built on the fly) and times
GET /api/v1/cases/{id}/checks through the app's test client (no network).
Goal (issue 4): well under 100 ms per case once facts are extracted.

Usage: python scripts/bench_checks.py [--cases 300] [--repeat 5] [--api-cases 100] [--seed 4]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crosswalks import load_crosswalk  # noqa: E402
from docservice.checks import run_checks  # noqa: E402
from docservice.claims import build_claim  # noqa: E402
from docservice.models import Case, Document, Fact, InsurancePlan, Narrative, Problem, Procedure  # noqa: E402

# category -> (procedures (CDT, wording), problems, document kinds, fact makers)
CATEGORIES = {
    "sleep": ([("D9947", "custom sleep apnea appliance, hinged")], ["G47.33"], ["sleep_study", "physician_order"]),
    "tmd": ([("D7880", "occlusal orthotic device"), ("D0160", "comprehensive TMJ evaluation")], ["M26.622"], ["chart_note"]),
    "trauma": ([("D7270", "reimplantation of avulsed tooth"), ("D0220", "periapical image")], ["S03.2XXA"], ["chart_note"]),
    "pathology": ([("D7286", "incisional biopsy of oral tissue, soft")], ["K13.79"], ["pathology_report", "chart_note"]),
    "frenum": ([("D7962", "lingual frenotomy")], ["Q38.1"], ["chart_note"]),
    "clearance": ([("D7210", "surgical extraction"), ("D7140", "extraction, erupted tooth")], ["Z01.818"], ["referral"]),
    "imaging": ([("D0367", "cone beam CT, both jaws")], ["M26.632"], ["radiology_report"]),
    "infection": ([("D7510", "incision and drainage of abscess")], ["K04.7"], ["chart_note"]),
    "bone_graft": ([("D7310", "alveoloplasty with extractions, per quadrant")], ["K08.20"], ["radiology_report"]),
}


def sleep_facts(rng: random.Random, day: date) -> list[tuple]:
    study = day - timedelta(days=rng.randint(30, 120))
    facts = [("ahi", round(rng.uniform(3, 60), 1), "sleep_study"), ("respiratory_events", rng.randint(5, 300), "sleep_study"),
             ("sleep_study_date", study.isoformat(), "sleep_study"),
             ("face_to_face_date", (study - timedelta(days=rng.randint(-3, 20))).isoformat(), "physician_order"),
             ("order_date", (study + timedelta(days=rng.randint(1, 25))).isoformat(), "physician_order"),
             ("ordering_physician", {"name": "Synthetic Physician", "npi": "1245319599"}, "physician_order"),
             ("sleep_symptom", rng.choice(["daytime_sleepiness", "snoring", "insomnia"]), "sleep_study")]
    if rng.random() < 0.8:
        facts.append(("cpap_intolerance", True, "sleep_study"))
    return facts


def tmd_facts(rng: random.Random, day: date) -> list[tuple]:
    facts = [("max_opening_mm", rng.randint(18, 45), "chart_note"), ("pain_score", rng.randint(2, 9), "chart_note"),
             ("side", rng.choice(["right", "left", "bilateral"]), "chart_note"),
             ("joint_sounds", {"sound": "click", "side": "left"}, "chart_note")]
    facts.append(("pain", True, "chart_note", rng.random() < 0.15))  # sometimes denied
    if rng.random() < 0.7:
        facts.append(("conservative_therapy", "nsaids", "chart_note"))
    return facts


def trauma_facts(rng: random.Random, day: date) -> list[tuple]:
    return [("injury_date", (day - timedelta(days=rng.randint(0, 10))).isoformat(), "chart_note"),
            ("injury_mechanism", rng.choice(["fall", "sports", "assault"]), "chart_note"),
            ("teeth_involved", ["8", "9"], "chart_note")]


FACTS = {
    "sleep": sleep_facts, "tmd": tmd_facts, "trauma": trauma_facts,
    "pathology": lambda rng, day: [("lesion_site", "vestibule", "chart_note"), ("lesion_size_mm", 6, "chart_note")]
    + ([("pathology_diagnosis", "fibroma", "pathology_report")] if rng.random() < 0.7 else []),
    "frenum": lambda rng, day: [("frenum_action", rng.choice(["incision", "excision"]), "chart_note")],
    "clearance": lambda rng, day: [("referral_source", {"name": "Synthetic Oncologist", "npi": "1234567893"}, "referral"),
                                   ("planned_procedure", "radiation therapy", "referral")],
    "imaging": lambda rng, day: [("radiology_impression", "degenerative change", "radiology_report")],
    "infection": lambda rng, day: [("swelling", True, "chart_note"), ("fever", True, "chart_note", rng.random() < 0.3)],
    "bone_graft": lambda rng, day: [("graft_etiology", "atrophy", "radiology_report")],
}


def make_case(rng: random.Random, number: int, category: str) -> tuple[Case, list[Fact]]:
    procedures, problems, kinds = CATEGORIES[category]
    start = datetime(2026, 3, 2, 9) + timedelta(days=number % 60)
    documents = [Document(id=number * 10 + i, kind=kind, status="done", sha256="0" * 64, size=1,
                          media_type="application/pdf", filename=f"{kind}.pdf")
                 for i, kind in enumerate(kinds) if rng.random() < 0.9]
    by_kind = {d.kind: d for d in documents}
    case = Case(id=number, practice="bench", apt_num=number, pat_num=number, apt_start=start,
                patient_name=f"Synthetic Patient {number}", category=category,
                categories=[{"category": category, "label": category, "strength": "strong"}],
                procedures=[Procedure(id=number * 10 + i, position=i, code=c, tooth=str(8 + i) if category in ("trauma", "clearance") else "",
                                      descript=d, fee=500) for i, (c, d) in enumerate(procedures)],
                problems=[Problem(icd10=code, name="synthetic") for code in problems],
                insurance=[InsurancePlan(kind="medical", carrier=rng.choice(["Aetna", "Medicare", "Blue Shield"]),
                                         plan="PPO", subscriber_id=f"SYN{number:06d}", ordinal=1)],
                documents=documents, facts=[])
    case.narrative = Narrative(id=number, template=f"{category}.md.j2", status=rng.choice(["draft", "signed"]),
                               body="Synthetic narrative.", placeholders=[])
    facts = []
    for item in FACTS[category](rng, start.date()):
        name, value, kind = item[:3]
        document = by_kind.get(kind)
        facts.append(Fact(id=len(facts) + number * 100, name=name, value=value, display=str(value),
                          document_id=document.id if document else None, page=1 if document else None,
                          snippet=f"{name} {value}", negated=item[3] if len(item) > 3 else False,
                          historical=False, source="document" if document else "appointment", confidence=0.9))
    return case, facts


def make_cases(count: int, seed: int) -> list[tuple[Case, list[Fact]]]:
    rng = random.Random(seed)
    names = list(CATEGORIES)
    return [make_case(rng, number, names[number % len(names)]) for number in range(1, count + 1)]


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def bench_memory(cases, crosswalk, repeat: int) -> dict:
    claims = [build_claim(case, facts, crosswalk) for case, facts in cases]
    run_checks(cases[0][0], claims[0], cases[0][1], crosswalk)  # warm the ICD-10-CM caches
    times, findings, ready = [], 0, 0
    started = time.perf_counter()
    for _ in range(repeat):
        for (case, facts), claim in zip(cases, claims):
            t0 = time.perf_counter()
            report = run_checks(case, claim, facts, crosswalk)
            times.append((time.perf_counter() - t0) * 1000)
            findings += len(report.findings)
            ready += report.ready
    total = time.perf_counter() - started
    return {"checks_per_s": len(times) / total, "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "max_ms": max(times), "findings_per_case": findings / len(times), "ready_share": ready / len(times)}


def bench_api(count: int, seed: int) -> dict:
    from docservice import create_app
    from docservice.auth import create_user
    from docservice.claims import save_claim
    from docservice.extensions import db

    cases = make_cases(count, seed + 1)
    with tempfile.TemporaryDirectory() as home:
        app = create_app({"MEDLANE_HOME": Path(home), "DATABASE_URL": f"sqlite:///{home}/bench.db",
                          "QUEUE_URL": "immediate:"})
        crosswalk = load_crosswalk()
        with app.app_context():
            _, token = create_user(db.session, "bench-biller", "biller")
            ids = []
            for number, (case, facts) in enumerate(cases):
                # The database numbers rows itself: keep which document each fact was read from.
                sources = [next((d for d in case.documents if d.id == fact.document_id), None) for fact in facts]
                for item in [case, *case.documents, *case.procedures, *case.insurance, case.narrative, *facts]:
                    item.id = None
                for document in case.documents:
                    document.case = case
                db.session.add(case)
                db.session.flush()
                for fact, document in zip(facts, sources):
                    fact.case_id, fact.document_id = case.id, document.id if document else None
                    db.session.add(fact)
                if number % 2 == 0:
                    save_claim(db.session, case, build_claim(case, facts, crosswalk))
                ids.append(case.id)
            db.session.commit()
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        assert client.get(f"/api/v1/cases/{ids[0]}/checks", headers=headers).status_code == 200  # warm up
        times = []
        started = time.perf_counter()
        for case_id in ids:
            t0 = time.perf_counter()
            response = client.get(f"/api/v1/cases/{case_id}/checks", headers=headers)
            times.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"case {case_id}: HTTP {response.status_code} {response.json}")
        total = time.perf_counter() - started
        with app.app_context():
            db.engine.dispose()
    return {"requests_per_s": len(ids) / total, "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--api-cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    crosswalk = load_crosswalk()
    cases = make_cases(args.cases, args.seed)
    memory = bench_memory(cases, crosswalk, args.repeat)
    print(f"in memory: {args.cases} cases x {args.repeat}: {memory['checks_per_s']:.0f} checks/s, "
          f"p50 {memory['p50_ms']:.2f} ms, p95 {memory['p95_ms']:.2f} ms, max {memory['max_ms']:.2f} ms per case; "
          f"{memory['findings_per_case']:.1f} findings per case, {memory['ready_share']:.0%} ready")
    if args.api_cases:
        api = bench_api(args.api_cases, args.seed)
        print(f"API on SQLite: {args.api_cases} cases (half saved claims, half built on the fly): "
              f"{api['requests_per_s']:.0f} requests/s, p50 {api['p50_ms']:.2f} ms, p95 {api['p95_ms']:.2f} ms")


if __name__ == "__main__":
    main()
