"""Performance smoke: 1000 decisions. Timing is printed, never asserted."""
from __future__ import annotations

import random
import time


NOTES = [
    "Periodic exam, prophy, 2BWX",
    "pt c/o clicking L TMJ and morning headaches",
    "LOE #30 swelling of the cheek since Sunday, temp 100.8",
    "fell at soccer, #8 #9 chipped and loose",
    "seat crown #14, pt happy",
    "OSA consult - Dr. Ruiz sleep med, CPAP intolerant",
    "ext #1 #16 full bony, pericoronitis #16",
    "broke old filling on a cashew",
    "bx suspicious lesion R lateral tongue",
    "NP comp exam, pano, FMX",
]
CODES = ["D0120", "D1110", "D0140", "D2740", "D9944", "D7240", "D0330", "D9947", "D7286", "D0150"]
PROBLEMS = [("Hypertension", "I10"), ("Sleep Apnea", ""), ("TMJ", ""), ("Leukoplakia", "K13.21"), ("Diabetes", "E11.9")]


def test_thousand_decisions(context, flagger):
    rng = random.Random(7)
    contexts = [
        context(
            f"{rng.choice(NOTES)} ({i})",  # unique text: no cache hits
            rng.sample(CODES, 3),
            rng.sample(PROBLEMS, 2),
            apt_num=i + 1,
        )
        for i in range(1000)
    ]
    started = time.perf_counter()
    decisions = flagger.decide_many(contexts)
    elapsed = time.perf_counter() - started
    print(f"\n1000 decisions in {elapsed:.3f} s ({elapsed:.3f} ms each), {sum(d.flagged for d in decisions)} flagged")
    assert len(decisions) == 1000
