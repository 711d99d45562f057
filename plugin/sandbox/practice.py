"""Generate a realistic general dental practice's schedule as a sandbox seed, with its ground truth.

    seed, truth = generate_practice(appointments=60, start=date(2027, 1, 4), days=1, seed=7)

`seed` is a seed-file dict (complete Open Dental rows); `truth` maps every AptNum in it to the
category of medically billable care a flagger should report for it, or None. Only Scheduled
appointments inside the window can carry a category: Broken, Complete and Planned ones, and
those outside the window, are None even when their notes are medical, because a scan must
never touch them.

Also runnable without the medlane CLI:

    python -m plugin.sandbox.practice --appointments 60 --start 2027-01-04 --days 1 --seed 7 \\
        --out demo.json --truth demo.truth.json

Every name is synthetic (surnames like "Sample1234"), phone numbers are in the fictional
555-01xx range, and SSNs are empty.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from plugin.sandbox.casebook import (
    FILLERS,
    INCIDENTAL_PROBLEMS,
    MEDICAL,
    PROBLEMS,
    PROCEDURE_CODES,
    ROUTINE,
    VisitKind,
)
from plugin.sandbox.defaults import stock_definitions
from plugin.sandbox.schedule import Column, Slot, book_chair_day, group_by_chair, spread_evenly
from plugin.sandbox.seed import validate_seed
from plugin.sandbox.wire import format_date, format_datetime

PER_PROVIDER_DAY = 8.5  # appointments one provider sees in a day
# Shares of the in-window schedule that a scan must leave alone.
BROKEN_SHARE, COMPLETE_SHARE, PLANNED_SHARE = 0.05, 0.05, 0.03
OUTSIDE_SHARE = 0.05  # extra appointments just before or after the window
REPEAT_PATIENT_SHARE = 0.08  # appointments for a patient already on the schedule
OUT_OF_SCOPE_MEDICAL_SHARE = 0.3  # broken/complete/outside appointments with medical notes

SURNAMES = ("Testperson", "Sample", "Example", "Demo")
FIRST_NAMES = (
    "Alex", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Avery", "Quinn", "Rowan",
    "Skyler", "Drew", "Reese", "Parker", "Emerson", "Harper", "Kai", "Logan", "Peyton", "Sage",
)  # fmt: skip
STREETS = ("Example St", "Sample Ave", "Demo Rd")
CONFIRMED_CHOICES = (19, 19, 21, 21, 21, 22, 23)  # Not Called, Confirmed x3, Left Msg, Texted
# Valid NPIs for the first two dentists; the rest get a computed check digit.
KNOWN_NPIS = ("1245319599", "1234567893")


@dataclass
class Keys:
    """Realistic, non-sequential-from-one primary keys, as a practice years into Open Dental has."""

    rng: random.Random
    next: dict[str, int] = field(default_factory=dict)

    def take(self, resource: str, *, start: int, step: int = 1) -> int:
        value = self.next.get(resource, start)
        self.next[resource] = value + self.rng.randint(1, step)
        return value


def npi_check_digit(first_nine: str) -> str:
    """The Luhn check digit of an NPI, computed over the prefix 80840 + the first nine digits."""
    digits = [int(d) for d in "80840" + first_nine]
    total = 0
    for i, digit in enumerate(reversed(digits)):
        if i % 2 == 0:  # every second digit from the right, starting with the rightmost
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return str((10 - total % 10) % 10)


def is_valid_npi(npi: str) -> bool:
    return len(npi) == 10 and npi.isdigit() and npi_check_digit(npi[:9]) == npi[9]


def generate_practice(
    *, appointments: int, start: date, days: int, seed: int, medical_share: float = 0.2
) -> tuple[dict, dict]:
    """(seed dict, truth: AptNum -> category or None) for `appointments` visits over `days` days."""
    if appointments < 1 or days < 1:
        raise ValueError("appointments and days must be at least 1")
    if not 0.0 <= medical_share <= 1.0:
        raise ValueError("medical_share must be between 0 and 1")
    practice = PracticeBuilder(random.Random(seed), start=start, days=days)
    practice.build(appointments=appointments, medical_share=medical_share)
    return practice.seed(), practice.truth


class PracticeBuilder:
    def __init__(self, rng: random.Random, *, start: date, days: int) -> None:
        self.rng = rng
        self.start = start
        self.days = [start + timedelta(days=i) for i in range(days)]
        # Rows were last edited a month before the window, late on a working afternoon.
        self.stamp = datetime.combine(start - timedelta(days=35), datetime.min.time()) + timedelta(hours=16, minutes=5)
        self.keys = Keys(rng)
        self.tables: dict[str, list[dict]] = {}
        self.truth: dict[int, str | None] = {}
        self.dentists: list[dict] = []
        self.hygienists: list[dict] = []
        self.households: list[list[dict]] = []
        self.code_nums: dict[str, int] = {}
        self.problem_defs: dict[str, int] = {}

    # -- the whole practice ----------------------------------------------------------------------

    def build(self, *, appointments: int, medical_share: float) -> None:
        counts = spread_evenly(self.rng, appointments, len(self.days))
        self._add_providers(columns=max(2, math.ceil(max(counts) / PER_PROVIDER_DAY)))
        self._add_code_table()
        self._add_problem_defs()
        slots = [slot for day, count in zip(self.days, counts) for slot in self._day_slots(day, count)]
        slots += self._outside_slots(max(1, round(OUTSIDE_SHARE * appointments)))
        self._choose_statuses([s for s in slots if s.in_window])
        self._choose_visits(slots, medical_share)
        for chair_day in group_by_chair(slots):
            book_chair_day(self.rng, chair_day)
        self._choose_patients(slots)
        for slot in sorted(slots, key=lambda s: s.interval):
            self._add_appointment(slot)
        self._add_insurance()
        self._add_office_extras()
        self._add_medical_claim()

    def seed(self) -> dict:
        raw = {"definitions": stock_definitions(), **self.tables}
        # Completing through the validator gives every row Open Dental's full shape, and proves it valid.
        return validate_seed(raw, source="generated practice", now=self.stamp)

    # -- people and tables -------------------------------------------------------------------

    def _add_providers(self, *, columns: int) -> None:
        hygienists = max(1, round(columns * 0.4))
        for i in range(columns - hygienists):
            npi = KNOWN_NPIS[i] if i < len(KNOWN_NPIS) else self._new_npi()
            self.dentists.append(
                self._provider(
                    i + 1, "DOC", "Demodentist", "DDS", specialty=255, npi=npi, state_license=f"DEN{40210 + i}"
                )
            )
        for i in range(hygienists):
            self.hygienists.append(
                self._provider(
                    len(self.dentists) + i + 1,
                    "HYG",
                    "Testhygienist",
                    "RDH",
                    specialty=260,
                    npi="",
                    state_license=f"HYG{7730 + i}",
                )
            )

    def _new_npi(self) -> str:
        first_nine = "1" + "".join(str(self.rng.randint(0, 9)) for _ in range(8))
        return first_nine + npi_check_digit(first_nine)

    def _provider(
        self, num: int, prefix: str, surname: str, suffix: str, *, specialty: int, npi: str, state_license: str
    ) -> dict:
        index = sum(1 for p in self.tables.get("providers", []) if p["Abbr"].startswith(prefix)) + 1
        row = {
            "ProvNum": num,
            "Abbr": f"{prefix}{index}",
            "LName": f"{surname}{index}",
            "FName": self.rng.choice(FIRST_NAMES),
            "Suffix": suffix,
            "FeeSched": 53,
            "Specialty": specialty,
            "StateLicense": state_license,
            "IsSecondary": "true" if prefix == "HYG" else "false",
            "NationalProvID": npi,
            "DateTStamp": format_datetime(self.stamp - timedelta(days=400)),
        }
        self.tables.setdefault("providers", []).append(row)
        return row

    def _add_code_table(self) -> None:
        for code, (label, abbr, category, area, hygiene, _fee) in PROCEDURE_CODES.items():
            code_num = self.keys.take("procedurecodes", start=1, step=3)
            self.code_nums[code] = code_num
            self.tables.setdefault("procedurecodes", []).append(
                {
                    "CodeNum": code_num,
                    "ProcCode": code,
                    "Descript": label,
                    "AbbrDesc": abbr,
                    "ProcTime": "/XX/",
                    "ProcCat": category,
                    "TreatArea": area,
                    "IsHygiene": "true" if hygiene else "false",
                    "IsRadiology": "true" if code.startswith("D03") or code.startswith("D02") else "false",
                    "DateTStamp": format_datetime(self.stamp - timedelta(days=400)),
                }
            )

    def _add_problem_defs(self) -> None:
        for icd10, name in PROBLEMS.items():
            num = self.keys.take("diseasedefs", start=11)
            self.problem_defs[icd10] = num
            self.tables.setdefault("diseasedefs", []).append(
                {
                    "DiseaseDefNum": num,
                    "DiseaseName": name,
                    "ICD10Code": icd10,
                    "DateTStamp": format_datetime(self.stamp - timedelta(days=300)),
                }
            )

    def _add_patient(self, *, age: int, day: date, household: list[dict] | None = None) -> dict:
        rng = self.rng
        guarantor = household[0] if household else None
        pat_num = self.keys.take("patients", start=rng.randint(1200, 3800), step=9)
        surname = guarantor["LName"] if guarantor else f"{rng.choice(SURNAMES)}{pat_num}"
        birth = day - timedelta(days=age * 365 + rng.randint(20, 340))
        first = rng.choice(FIRST_NAMES)
        row = {
            "PatNum": pat_num,
            "LName": surname,
            "FName": first,
            "PatStatus": "Patient",
            "Gender": rng.choice(("Female", "Male")),
            "Position": "Child" if age < 18 else rng.choice(("Single", "Married", "Married")),
            "Birthdate": format_date(birth),
            "Address": guarantor["Address"] if guarantor else f"{rng.randint(100, 9899)} {rng.choice(STREETS)}",
            "City": guarantor["City"] if guarantor else rng.choice(("Denver", "Aurora", "Lakewood")),
            "State": "CO",
            "Zip": guarantor["Zip"] if guarantor else f"802{rng.randint(10, 59)}",
            "HmPhone": guarantor["HmPhone"] if guarantor else f"(303)555-01{rng.randint(0, 99):02d}",
            "WirelessPhone": "" if age < 14 else f"(720)555-01{rng.randint(0, 99):02d}",
            "Guarantor": guarantor["PatNum"] if guarantor else pat_num,
            "Email": "" if age < 16 or rng.random() < 0.3 else f"{first.lower()}.{pat_num}@example.com",
            "PriProv": rng.choice(self.dentists)["ProvNum"],
            "SecProv": rng.choice(self.hygienists)["ProvNum"] if rng.random() < 0.5 else 0,
            "ImageFolder": f"{surname}{first}{pat_num}",
            "DateFirstVisit": format_date(day - timedelta(days=rng.randint(90, 3000))),
            "PreferContactMethod": rng.choice(("None", "TextMessage", "HmPhone", "Email")),
            "TxtMsgOk": rng.choice(("Unknown", "Yes", "No")),
            "DateTStamp": format_datetime(
                self.stamp - timedelta(days=rng.randint(0, 200), minutes=rng.randint(0, 600))
            ),
            "SecDateEntry": format_date(day - timedelta(days=rng.randint(90, 3000))),
        }
        self.tables.setdefault("patients", []).append(row)
        if household is None:
            household = [row]
            self.households.append(household)
        else:
            household.append(row)
        if age >= 18 and rng.random() < 0.25:
            for icd10 in rng.sample(INCIDENTAL_PROBLEMS, rng.randint(1, 2)):
                self._add_problem(row, icd10, day=day)
        return row

    def _add_problem(self, patient: dict, icd10: str, *, day: date) -> None:
        if any(d["PatNum"] == patient["PatNum"] and d["DiseaseDefNum"] == self.problem_defs[icd10]
               for d in self.tables.get("diseases", [])):  # fmt: skip
            return
        self.tables.setdefault("diseases", []).append(
            {
                "DiseaseNum": self.keys.take("diseases", start=501, step=4),
                "PatNum": patient["PatNum"],
                "DiseaseDefNum": self.problem_defs[icd10],
                "PatNote": self.rng.choice(("", "", "", "per pt", "per PCP letter", "updated med hx")),
                "ProbStatus": "Active",
                "DateStart": format_date(day - timedelta(days=self.rng.randint(30, 3600))),
            }
        )

    # -- the schedule ------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        chairs = [Column(p, op=i + 1, hygiene=False) for i, p in enumerate(self.dentists)]
        chairs += [Column(p, op=len(chairs) + i + 1, hygiene=True) for i, p in enumerate(self.hygienists)]
        return chairs

    def _day_slots(self, day: date, count: int) -> list[Slot]:
        columns = self._columns()
        return [Slot(day, column) for column, n in zip(columns, spread_evenly(self.rng, count, len(columns))) for _ in range(n)]

    def _outside_slots(self, count: int) -> list[Slot]:
        slots = []
        for i in range(count):
            if i % 2 == 0:
                day = self.days[0] - timedelta(days=self.rng.randint(1, 7))
                status = self.rng.choice(("Complete", "Complete", "Scheduled"))
            else:
                day = self.days[-1] + timedelta(days=self.rng.randint(1, 14))
                status = "Scheduled"
            if day.weekday() >= 5:  # the office is closed at weekends
                day -= timedelta(days=day.weekday() - 4)
            slots.append(Slot(day, self.rng.choice(self._columns()), status=status, in_window=False))
        return slots

    def _choose_statuses(self, slots: list[Slot]) -> None:
        shuffled = self.rng.sample(slots, len(slots))
        cursor = 0
        for status, share in (("Broken", BROKEN_SHARE), ("Complete", COMPLETE_SHARE), ("Planned", PLANNED_SHARE)):
            count = round(share * len(slots))
            for slot in shuffled[cursor : cursor + count]:
                slot.status = status
            cursor += count

    def _choose_visits(self, slots: list[Slot], medical_share: float) -> None:
        scanned = [s for s in slots if s.scanned]
        chairs = [s for s in scanned if not s.column.hygiene]
        medical_count = min(len(chairs), round(medical_share * len(scanned)))
        medical_slots = self.rng.sample(chairs, medical_count)
        for slot, category in zip(medical_slots, self._categories(medical_count)):
            slot.kind = self._pick([k for k in MEDICAL if k.category == category])
        for slot in slots:
            if slot.kind is not None:
                continue
            if not slot.column.hygiene and not slot.scanned and self.rng.random() < OUT_OF_SCOPE_MEDICAL_SHARE:
                slot.kind = self._pick(MEDICAL)  # medical words where a scan must not look
            else:
                slot.kind = self._pick([k for k in ROUTINE if k.hygiene == slot.column.hygiene])
            slot.minutes = slot.kind.minutes
        for slot in medical_slots:
            slot.minutes = slot.kind.minutes

    def _categories(self, count: int) -> list[str]:
        """`count` categories in proportion to how often each occurs, spread rather than clumped."""
        weights: dict[str, float] = {}
        for kind in MEDICAL:
            weights[kind.category] = weights.get(kind.category, 0.0) + kind.weight
        total = sum(weights.values())
        exact = {c: count * w / total for c, w in weights.items()}
        shares = {c: int(v) for c, v in exact.items()}
        by_remainder = sorted(exact, key=lambda c: (exact[c] - shares[c], weights[c]), reverse=True)
        for category in by_remainder[: count - sum(shares.values())]:
            shares[category] += 1
        categories = [c for c, n in shares.items() for _ in range(n)]
        self.rng.shuffle(categories)
        return categories

    def _pick(self, kinds) -> VisitKind:
        kinds = list(kinds)
        return self.rng.choices(kinds, weights=[k.weight for k in kinds])[0]

    def _choose_patients(self, slots: list[Slot]) -> None:
        booked: dict[int, list[Slot]] = {}
        repeats = 0
        for slot in sorted(slots, key=lambda s: s.interval):
            low, high = slot.kind.ages
            if slot.in_window and self.rng.random() < REPEAT_PATIENT_SHARE:
                candidate = self._returning_patient(slot, booked)
                if candidate is not None:
                    slot.patient = candidate
                    repeats += 1
            if slot.patient is None:
                slot.patient = self._new_patient_for(self.rng.randint(low, high), slot.day)
            booked.setdefault(slot.patient["PatNum"], []).append(slot)
        if repeats == 0:
            # A second visit in the window is common (hygiene then dentist, a titration, a seat);
            # make sure every generated schedule has one.
            for slot in reversed(sorted(slots, key=lambda s: s.interval)):
                candidate = self._returning_patient(slot, booked) if slot.in_window else None
                if candidate is not None:
                    booked[slot.patient["PatNum"]].remove(slot)
                    slot.patient = candidate
                    booked[candidate["PatNum"]].append(slot)
                    break

    def _returning_patient(self, slot: Slot, booked: dict[int, list[Slot]]) -> dict | None:
        low, high = slot.kind.ages
        begin, end = slot.interval
        for pat_num in self.rng.sample(sorted(booked), len(booked)):
            others = [s for s in booked[pat_num] if s is not slot]
            if not others or not all(s.in_window for s in others):
                continue
            patient = others[0].patient
            age = (slot.day - date.fromisoformat(patient["Birthdate"])).days // 365
            clear = all(s.interval[1] <= begin or s.interval[0] >= end for s in others)
            if low <= age <= high and clear:
                return patient
        return None

    def _new_patient_for(self, age: int, day: date) -> dict:
        rng = self.rng
        if age < 18:
            # Children come with the parent who is their guarantor (and often a patient too).
            self._add_patient(age=rng.randint(max(age + 20, 24), max(age + 45, 40)), day=day)
            return self._add_patient(age=age, day=day, household=self.households[-1])
        adults = [h for h in self.households if len(h) < 4]
        if adults and rng.random() < 0.2:
            return self._add_patient(age=age, day=day, household=rng.choice(adults))
        return self._add_patient(age=age, day=day)

    # -- rows for one appointment --------------------------------------------------------------

    def _add_appointment(self, slot: Slot) -> None:
        rng = self.rng
        kind, patient = slot.kind, slot.patient
        apt_num = self.keys.take("appointments", start=rng.randint(41000, 52000), step=4)
        note, teeth = self._write_note(kind)
        begin, _ = slot.interval
        dentist = patient["PriProv"]
        hygienist = slot.column.provider["ProvNum"] if slot.column.hygiene else 0
        self.tables.setdefault("appointments", []).append(
            {
                "AptNum": apt_num,
                "PatNum": patient["PatNum"],
                "AptStatus": slot.status,
                "Pattern": "/" + "X" * max(1, slot.minutes // 5 - 2) + "/",
                "Confirmed": rng.choice(CONFIRMED_CHOICES),
                "Op": 0 if slot.status == "Planned" else slot.column.op,
                "Note": note,
                # A hygiene visit is booked under the patient's dentist with the hygienist as ProvHyg.
                "ProvNum": dentist if slot.column.hygiene else slot.column.provider["ProvNum"],
                "ProvHyg": hygienist,
                "AptDateTime": format_datetime(begin),
                "IsNewPatient": "true" if "D0150" in kind.codes and kind.category is None else "false",
                "IsHygiene": "true" if slot.column.hygiene else "false",
                "DateTStamp": format_datetime(
                    self.stamp + timedelta(days=rng.randint(0, 30), minutes=rng.randint(0, 500))
                ),
                "SecDateTEntry": format_datetime(self.stamp - timedelta(days=rng.randint(1, 90))),
                "SecUserNumEntry": rng.randint(1, 6),
            }
        )
        self.truth[apt_num] = kind.category if slot.scanned else None
        proc_status = "C" if slot.status == "Complete" else "TP"
        for code in kind.codes:
            fee = PROCEDURE_CODES[code][5]
            on_tooth = PROCEDURE_CODES[code][3] in ("Tooth", "Surf")
            self.tables.setdefault("procedurelogs", []).append(
                {
                    "ProcNum": self.keys.take("procedurelogs", start=rng.randint(180000, 240000), step=3),
                    "PatNum": patient["PatNum"],
                    "AptNum": 0 if slot.status == "Planned" else apt_num,
                    "PlannedAptNum": apt_num if slot.status == "Planned" else 0,
                    "ProcDate": format_date(slot.day),
                    "ProcFee": fee,
                    "ToothNum": teeth[0] if on_tooth and teeth else "",
                    "Surf": _surface(note) if PROCEDURE_CODES[code][3] == "Surf" else "",
                    "ProcStatus": proc_status,
                    "ProvNum": hygienist if PROCEDURE_CODES[code][4] and hygienist else slot.column.provider["ProvNum"],
                    "CodeNum": self.code_nums[code],
                    "DateEntryC": format_date(slot.day) if proc_status == "C" else "0001-01-01",
                    "DateTP": format_date(slot.day - timedelta(days=rng.randint(7, 60))),
                    "DateTStamp": format_datetime(self.stamp + timedelta(days=rng.randint(0, 30))),
                    "SecDateEntry": format_date(self.stamp.date()),
                }
            )
        for icd10, chance in kind.problems:
            if rng.random() < chance:
                self._add_problem(patient, icd10, day=slot.day)
        if slot.in_window and rng.random() < 0.15:
            self._add_commlog(patient, slot)

    def _write_note(self, kind: VisitKind) -> tuple[str, list[str]]:
        template = self.rng.choice(kind.notes)
        teeth: list[str] = []

        def fill(match: re.Match) -> str:
            value = self.rng.choice(FILLERS[match[1]])
            if match[1] in ("tooth", "molar", "front", "third"):
                teeth.append(value)
            return value

        return re.sub(r"\{(\w+)\}", fill, template), teeth

    def _add_commlog(self, patient: dict, slot: Slot) -> None:
        when = datetime.combine(slot.day - timedelta(days=self.rng.randint(1, 4)), datetime.min.time())
        when += timedelta(hours=self.rng.randint(9, 16), minutes=self.rng.choice((5, 12, 20, 33, 47)))
        note = self.rng.choice(
            (
                "Left VM to confirm appt",
                "Pt confirmed via text",
                "Called pt, confirmed. Reminded to bring ins card",
                "Sent pre-op instructions by email",
                "Pt asked to move appt later, no openings",
            )
        )
        self.tables.setdefault("commlogs", []).append(
            {
                "CommlogNum": self.keys.take("commlogs", start=7001, step=3),
                "PatNum": patient["PatNum"],
                "CommDateTime": format_datetime(when),
                "CommType": "236",
                "Note": note,
                "Mode_": "Text" if "text" in note else "Phone",
                "SentOrReceived": "Sent",
                "UserNum": self.rng.randint(1, 6),
                "DateTStamp": format_datetime(when),
                "DateTEntry": format_datetime(when),
            }
        )

    # -- insurance and office extras ---------------------------------------------------------

    def _add_insurance(self) -> None:
        carriers = [
            ("Sample Dental Mutual", "60054", False),
            ("Demo Dental Alliance", "62308", False),
            ("Example Health Plan", "84555", True),
            ("Testcare Medical PPO", "87726", True),
        ]
        plans: dict[bool, list[int]] = {False: [], True: []}
        for i, (name, elect_id, medical) in enumerate(carriers, start=1):
            self.tables.setdefault("carriers", []).append(
                {
                    "CarrierNum": i,
                    "CarrierName": name,
                    "Address": f"PO Box {i}00",
                    "City": "Denver",
                    "State": "CO",
                    "Zip": "80201",
                    "Phone": f"(800)555-01{i:02d}",
                    "ElectID": elect_id,
                }
            )
            for group in ("Acme Corp", "County Schools") if not medical else ("Acme Corp",):
                plan_num = self.keys.take("insplans", start=3, step=2)
                plans[medical].append(plan_num)
                self.tables.setdefault("insplans", []).append(
                    {
                        "PlanNum": plan_num,
                        "GroupName": f"{group} {'Medical' if medical else 'Dental'}",
                        "GroupNum": f"{'M' if medical else 'G'}{100 + plan_num}",
                        "ClaimFormNum": 3 if medical else 1,
                        "CarrierNum": i,
                        "IsMedical": "true" if medical else "false",
                        "MonthRenew": 1,
                        "SecDateEntry": "2025-01-10",
                        "SecDateTEdit": format_datetime(self.stamp - timedelta(days=120)),
                        "IsBlueBookEnabled": "false" if medical else "true",
                    }
                )
        for household in self.households:
            roll = self.rng.random()
            coverage = [False] if roll < 0.70 else [False, True] if roll < 0.82 else [True] if roll < 0.88 else []
            for ordinal, medical in enumerate(coverage, start=1):
                self._cover_household(household, self.rng.choice(plans[medical]), ordinal)

    def _cover_household(self, household: list[dict], plan_num: int, ordinal: int) -> None:
        subscriber = household[0]
        sub_num = self.keys.take("inssubs", start=301, step=2)
        self.tables.setdefault("inssubs", []).append(
            {
                "InsSubNum": sub_num,
                "PlanNum": plan_num,
                "Subscriber": subscriber["PatNum"],
                "DateEffective": f"{self.start.year - self.rng.randint(0, 4)}-01-01",
                "SubscriberID": f"X{self.rng.randint(10_000_000, 99_999_999)}",
                "SecDateTEdit": format_datetime(self.stamp - timedelta(days=self.rng.randint(10, 200))),
            }
        )
        for member in household:
            relationship = "Self" if member is subscriber else ("Child" if member["Position"] == "Child" else "Spouse")
            self.tables.setdefault("patplans", []).append(
                {
                    "PatPlanNum": self.keys.take("patplans", start=901, step=2),
                    "PatNum": member["PatNum"],
                    "Ordinal": ordinal,
                    "Relationship": relationship,
                    "InsSubNum": sub_num,
                    "SecDateTEntry": format_datetime(self.stamp - timedelta(days=300)),
                    "SecDateTEdit": format_datetime(self.stamp - timedelta(days=self.rng.randint(10, 200))),
                }
            )

    def _add_office_extras(self) -> None:
        """A few popups, an appointment field and documents, as any office accumulates."""
        rng = self.rng
        families = [h for h in self.households if len(h) > 1] or self.households
        texts = (
            ("Prefers morning appts", "Patient"),
            ("Family acct - see office mgr before scheduling", "Family"),
            ("Needs Spanish-speaking staff for phone calls", "Patient"),
        )
        for (text, level), household in zip(texts, rng.sample(families, min(len(families), len(texts)))):
            self.tables.setdefault("popups", []).append(
                {
                    "PopupNum": self.keys.take("popups", start=41, step=3),
                    "PatNum": household[-1]["PatNum"],
                    "Description": text,
                    "PopupLevel": level,
                    "DateTimeEntry": format_datetime(self.stamp - timedelta(days=rng.randint(30, 600))),
                }
            )
        self.tables["apptfielddefs"] = [{"ApptFieldDefNum": 1, "FieldName": "Ins Verified", "FieldType": "Text"}]
        for appointment in self.tables["appointments"]:
            if appointment["AptStatus"] == "Scheduled" and rng.random() < 0.3:
                self.tables.setdefault("apptfields", []).append(
                    {
                        "ApptFieldNum": self.keys.take("apptfields", start=88, step=2),
                        "AptNum": appointment["AptNum"],
                        "FieldName": "Ins Verified",
                        "FieldValue": rng.choice(("Yes", "Yes - Hana", "Pending")),
                    }
                )
        for patient in rng.sample(self.tables["patients"], max(1, len(self.tables["patients"]) // 8)):
            self.tables.setdefault("documents", []).append(
                {
                    "DocNum": self.keys.take("documents", start=2201, step=5),
                    "Description": "Pano",
                    "DateCreated": format_datetime(self.stamp - timedelta(days=rng.randint(30, 900))),
                    "DocCategory": 153,
                    "PatNum": patient["PatNum"],
                    "FileName": f"{patient['ImageFolder']}_pano.jpg",
                    "ImgType": "Radiograph",
                    "DateTStamp": format_datetime(self.stamp - timedelta(days=rng.randint(1, 30))),
                }
            )


    def _add_medical_claim(self) -> None:
        """The claim staff made with New Claim > Medical for one flagged visit, so `medlane od-claim`
        has something to fill in. A trauma visit is preferred: it shows the accident fields too.

        Open Dental attaches only completed procedures to a claim; here they stay planned so the
        same demo day can be scanned and then claimed. Added last, so the rest of the practice
        stays exactly as it was before claims existed.
        """
        plans = {row["PlanNum"]: row for row in self.tables.get("insplans", [])}
        subs = {row["InsSubNum"]: row for row in self.tables.get("inssubs", [])}
        medical = {
            patplan["PatNum"]: patplan
            for patplan in self.tables.get("patplans", [])
            if plans[subs[patplan["InsSubNum"]]["PlanNum"]]["IsMedical"] == "true"
        }
        flagged = [
            a for a in self.tables["appointments"] if self.truth.get(a["AptNum"]) and a["PatNum"] in medical
        ]
        if not flagged:
            return
        visit = min(flagged, key=lambda a: (self.truth[a["AptNum"]] != "trauma", a["AptNum"]))
        procedures = [p for p in self.tables["procedurelogs"] if p["AptNum"] == visit["AptNum"]]
        patplan = medical[visit["PatNum"]]
        claim_num = self.keys.take("claims", start=5101)
        self.tables["claims"] = [
            {
                "ClaimNum": claim_num,
                "PatNum": visit["PatNum"],
                "DateService": procedures[0]["ProcDate"],
                "ClaimStatus": "U",
                "PlanNum": subs[patplan["InsSubNum"]]["PlanNum"],
                "ProvTreat": visit["ProvNum"],
                "ClaimFee": round(sum(float(p["ProcFee"]) for p in procedures), 2),
                "ClaimType": "Other",
                "ProvBill": visit["ProvNum"],
                "PatRelat": patplan["Relationship"],
                "InsSubNum": patplan["InsSubNum"],
                "SecDateTEdit": format_datetime(self.stamp),
            }
        ]
        self.tables["claimprocs"] = [
            {
                "ClaimProcNum": self.keys.take("claimprocs", start=81001),
                "ProcNum": procedure["ProcNum"],
                "ClaimNum": claim_num,
                "PatNum": visit["PatNum"],
                "SecDateEntry": format_date(self.stamp.date()),
                "SecDateTEdit": format_datetime(self.stamp),
            }
            for procedure in procedures
        ]


def _surface(note: str) -> str:
    match = re.search(r"\b(MODB|MOD|DO|MO|OL|O|B)\b", note)
    return match[1] if match else "O"


# -- command line --------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m plugin.sandbox.practice",
        description="Write a generated practice schedule as a medlane sandbox seed file.",
    )
    parser.add_argument("--appointments", type=int, required=True, help="appointments inside the window")
    parser.add_argument("--start", type=date.fromisoformat, required=True, help="first day, yyyy-mm-dd")
    parser.add_argument("--days", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed gives the same practice")
    parser.add_argument("--medical-share", type=float, default=0.2)
    parser.add_argument("--out", type=Path, required=True, help="seed file to write")
    parser.add_argument("--truth", type=Path, help="also write AptNum -> expected category here")
    args = parser.parse_args(argv)
    try:
        seed, truth = generate_practice(
            appointments=args.appointments,
            start=args.start,
            days=args.days,
            seed=args.seed,
            medical_share=args.medical_share,
        )
    except ValueError as exc:
        parser.error(str(exc))
    args.out.write_text(json.dumps(seed, indent=1) + "\n", encoding="utf-8")
    if args.truth:
        rows = {str(apt_num): truth[apt_num] for apt_num in sorted(truth)}
        args.truth.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    medical = sum(1 for category in truth.values() if category)
    print(f"wrote {len(truth)} appointments ({medical} medical) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
