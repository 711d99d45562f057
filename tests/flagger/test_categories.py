"""Every category: a case that fires and a near miss that must not."""
from __future__ import annotations

import pytest


FIRES = [
    # (id, note, procedures, problems, category, strength)
    ("sleep-appliance-code", "deliver appliance, set at 60% protrusion", ["D9947"], [], "sleep", "strong"),
    ("sleep-note-alone", "Referred by pulm for oral appliance; HSAT showed AHI 31, pt cannot tolerate CPAP", [], [], "sleep", "possible"),
    ("sleep-consult-coded", "consult for OSA tx options", ["D9310"], [("Obstructive sleep apnea", "G47.33")], "sleep", "strong"),
    ("tmd-orthotic", "", ["D7880"], [], "tmd", "strong"),
    ("tmd-guard-with-dx", "upper guard impressions", ["D9944"], [("Arthralgia of left TMJ", "M26.622")], "tmd", "strong"),
    ("tmd-guard-with-note", "Guard for pt w/ R TMJ pain and clicking, opening limited to 30 mm", ["D9944"], [], "tmd", "possible"),
    ("trauma-reimplant", "", ["D7270"], [], "trauma", "strong"),
    ("trauma-note-exam", "Pt got hit in the face w/ a softball Sat, #9 mobile", ["D0140", "D0220"], [], "trauma", "possible"),
    ("trauma-crown-coded", "prep #8", [("D2740", "8")], [("Fracture of tooth", "S02.5XXA")], "trauma", "strong"),
    ("pathology-biopsy", "", ["D7286"], [], "pathology", "strong"),
    ("pathology-note", "white patch floor of mouth, won't wipe off, hx smoker", ["D0140"], [], "pathology", "possible"),
    ("impacted-bony", "", [("D7240", "17")], [], "impacted", "possible"),
    ("impacted-with-cyst", "", [("D7240", "32")], [("Dentigerous cyst", "K09.0")], "impacted", "strong"),
    ("impacted-soft-pericoronitis", "#16 operculum inflamed, recurrent pericoronitis", [("D7220", "16")], [], "impacted", "possible"),
    ("infection-drainage", "", ["D7510"], [], "infection", "strong"),
    ("infection-spread", "Pt's cheek is swollen, febrile last night", ["D0140"], [], "infection", "possible"),
    ("bone_graft-defect", "block graft for ridge defect after cyst resection", ["D7950"], [], "bone_graft", "possible"),
    ("bone_graft-implant-trauma", "implant #9, tooth was knocked out in a bike accident", [("D6010", "9")], [], "bone_graft", "possible"),
    ("frenum-lingual", "", ["D7962"], [], "frenum", "strong"),
    ("frenum-labial-tie", "upper lip tie, baby not latching well", ["D7961"], [], "frenum", "possible"),
    ("clearance-note", "needs clearance before stem cell transplant per heme onc", ["D0150", "D0210"], [], "clearance", "possible"),
    ("clearance-coded", "", ["D0150"], [("Awaiting organ transplant", "Z76.82")], "clearance", "strong"),
    ("orthognathic", "", ["D7941"], [], "orthognathic", "strong"),
    ("maxillofacial", "", ["D5932"], [], "maxillofacial", "strong"),
    ("imaging-cbct", "CBCT to evaluate multilocular radiolucency R ramus", ["D0367"], [], "imaging", "possible"),
]


@pytest.mark.parametrize(("note", "procs", "problems", "category", "strength"), [c[1:] for c in FIRES], ids=[c[0] for c in FIRES])
def test_fires(categories_of, decide, note, procs, problems, category, strength):
    decision = decide(note, procs, problems)
    assert categories_of(decision).get(category) == strength, decision
    flag = next(c for c in decision.categories if c.category == category)
    assert flag.evidence and all(e.rule_id for e in flag.evidence)
    assert flag.needs, "needs come from categories.yaml"
    assert flag.label


NEAR_MISSES = [
    # (id, note, procedures, problems, category that must NOT fire)
    ("sleep-snoring-only", "wife says he snores; gave sleep hygiene handout", ["D0120", "D1110"], [], "sleep"),
    ("sleep-cpap-happy", "Med hx: OSA, on CPAP nightly, sleeps great", ["D1110"], [("Sleep apnea", "")], "sleep"),
    ("sleep-sedation", "IV sedation appt, pt will be asleep", ["D9239", "D7140"], [], "sleep"),
    ("tmd-guard-bruxism", "NG for heavy grinding, wear facets", ["D9944"], [], "tmd"),
    ("tmd-guard-bruxism-dx", "", ["D9944"], [("Sleep related bruxism", "G47.63")], "tmd"),
    ("tmd-exam-template", "CE: TMJ within normal limits, no crepitus; caries #14", ["D0150"], [], "tmd"),
    ("tmd-denture-click", "lower denture clicking when talking, reline", ["D5751"], [], "tmd"),
    ("trauma-eating", "#3 lingual cusp fx'd biting into a hard pretzel", ["D0140", "D2750"], [], "trauma"),
    ("trauma-restoration-off", "crown #19 fell off during dinner", ["D2920"], [], "trauma"),
    ("trauma-old", "#8 dark - old injury as a kid, RCT", ["D3310"], [], "trauma"),
    ("pathology-caries", "recurrent decay under #30 crown, lesion on distal", ["D2740"], [], "pathology"),
    ("pathology-canker", "aphthous ulcer on L lateral tongue, OTC gel", ["D0140"], [], "pathology"),
    ("impacted-soft-no-reason", "wants wisdom teeth out before college", ["D7220", "D7220"], [], "impacted"),
    ("impacted-food", "food impaction between #18-19, pain", ["D0140"], [], "impacted"),
    ("infection-local-abscess", "abscess #30, ext today", ["D0140", "D7140"], [], "infection"),
    ("infection-premed", "premedicated w/ amoxicillin 2g for joint replacement", ["D1110"], [], "infection"),
    ("bone_graft-socket", "socket preservation #19", ["D7140", "D7953"], [], "bone_graft"),
    ("frenum-ortho", "max labial frenectomy for diastema before braces", ["D7961"], [], "frenum"),
    ("clearance-premed-valve", "pt has a mechanical heart valve, premed taken", ["D1110", "D0120"], [("Heart valve replacement", "Z95.2")], "clearance"),
    ("clearance-reverse", "waiting on medical clearance from cardiologist before ext", ["D7140"], [], "clearance"),
    ("orthognathic-ortho", "class II elastics, ortho adjustment", ["D8670"], [], "orthognathic"),
    ("maxillofacial-denture", "new upper denture", ["D5110"], [], "maxillofacial"),
    ("imaging-implant-cbct", "CBCT for implant planning #30", ["D0367"], [], "imaging"),
    ("imaging-routine-pano", "NP, pano + FMX", ["D0150", "D0330", "D0210"], [("TMJ problems", "")], "imaging"),
]


@pytest.mark.parametrize(("note", "procs", "problems", "category"), [c[1:] for c in NEAR_MISSES], ids=[c[0] for c in NEAR_MISSES])
def test_near_miss(categories_of, decide, note, procs, problems, category):
    decision = decide(note, procs, problems)
    assert category not in categories_of(decision), decision


def test_routine_day_is_quiet(decide):
    routine = [
        ("Periodic exam, 4BWX, adult prophy", ["D0120", "D0274", "D1110"]),
        ("#14 MO composite", ["D2392"]),
        ("seat e.max crown #9", ["D2740"]),
        ("4 quad SRP, localized 5-6mm pockets", ["D4341", "D4341", "D4341", "D4341"]),
        ("Child prophy, fluoride varnish", ["D1120", "D1206"]),
        ("Invisalign refinement scan", ["D8090"]),
    ]
    for note, procs in routine:
        assert not decide(note, procs, [("Hypertension", "I10"), ("Sleep apnea", ""), ("TMJ", "")]).flagged, note
