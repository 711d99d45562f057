"""What medical payers pay for from a dental office: imaging for a medical question, maxillofacial
prosthetics after head-and-neck radiation, clearances before transplant, LVAD, cardiac and joint
surgery, antiresorptives, chemotherapy and radiation. Notes in several styles: all capitals,
front-desk shorthand, typing slips."""
from __future__ import annotations

import pytest

# (id, note, procedures, problems, category that must be among the flags)
FIRES = [
    ("imaging-ent-sinus", "ENT ordered CBCT of sinuses, chronic maxillary sinusitis", ["D0367"], [], "imaging"),
    ("imaging-caps", "CBCT PER ENT - R/O SINUS PATHOLOGY", ["D0367"], [], "imaging"),
    ("imaging-airway-rx", "airway CBCT, rx from sleep physician", ["D0367"], [], "imaging"),
    ("imaging-pano-physician", "pano ordered by pcp, c/o numb chin", ["D0330"], [], "imaging"),
    ("imaging-lesion", "cbct to evaluate lesion L mandible", ["D0367"], [], "imaging"),
    ("imaging-after-resection", "CBCT for implant planning after tumor resection L mand", ["D0367"], [], "imaging"),
    ("imaging-typo-numb-lip", "CBCT mandible, numbnes lower lip x2 wks", ["D0367"], [], "imaging"),
    ("imaging-order-alone", "ENT wants a CBCT - sched next wk", [], [], "imaging"),
    ("mfp-fluoride-carriers", "custom fluoride trays - s/p XRT for tonsil ca", ["D5986"], [], "maxillofacial"),
    ("mfp-caps-shorthand", "FL TRAYS POST RADIATION", ["D5986"], [], "maxillofacial"),
    ("mfp-typo", "flouride carriers after radation to the neck", ["D5986"], [], "maxillofacial"),
    ("mfp-coded-irradiation", "", ["D5986"], [("Hx radiation head/neck", "Z92.3")], "maxillofacial"),
    ("mfp-coded-hn-cancer", "", ["D5986"], [("Tonsil cancer", "C09.9")], "maxillofacial"),
    ("mfp-radiation-shield", "", ["D5983"], [], "maxillofacial"),
    ("mfp-obturator-note", "interim obturator after maxillectomy", [], [], "maxillofacial"),
    ("clearance-lvad", "dental clearance before LVAD placement", ["D0150", "D0210"], [], "clearance"),
    ("clearance-lvad-shorthand", "pre-LVAD clearance per heart failure team", ["D0150"], [], "clearance"),
    ("clearance-heart-tx-caps", "HEART TRANSPLANT EVAL - NEEDS DENTAL CLEARANCE", ["D0150"], [], "clearance"),
    ("clearance-joint", "ortho surgeon needs dental clearance before knee replacement", ["D0140"], [], "clearance"),
    ("clearance-prolia", "starting prolia next month, clearance exam", ["D0150"], [], "clearance"),
    ("clearance-denosumab-typo", "before starting denosumab, clearence exam", ["D0150"], [], "clearance"),
    ("clearance-pre-chemo", "pre chemo exam per onc", ["D0150"], [], "clearance"),
    ("clearance-cabg", "clearance prior to CABG", ["D0150", "D0330"], [], "clearance"),
    ("clearance-cleaning-awaiting", "", ["D1110"], [("Awaiting transplant", "Z76.82")], "clearance"),
]


@pytest.mark.parametrize(
    ("note", "procs", "problems", "category"), [c[1:] for c in FIRES], ids=[c[0] for c in FIRES]
)
def test_fires(decide, categories_of, note, procs, problems, category):
    decision = decide(note, procs, problems)
    assert category in categories_of(decision), decision
    flag = next(c for c in decision.categories if c.category == category)
    assert flag.fired_by and flag.needs


NEAR_MISSES = [
    ("fluoride-trays-for-caries", "custom fluoride trays, high caries rate", ["D5986"], [], "maxillofacial"),
    ("premed-joint-replacement", "premed for knee replacement, prophy", ["D1110"], [], "clearance"),
    ("numb-from-the-injection", "pt still numb lower lip from the injection", ["D0140"], [], "pathology"),
    ("cbct-for-an-implant", "CBCT for implant #30", ["D0367"], [], "imaging"),
    ("referred-by-a-dentist", "NP referred by Dr Jones, comp exam", ["D0150", "D0330"], [], "imaging"),
    ("heart-history-at-recall", "recall; hx CABG 2015, on blood thinner", ["D0120", "D1110"], [], "clearance"),
]


@pytest.mark.parametrize(
    ("note", "procs", "problems", "category"), [c[1:] for c in NEAR_MISSES], ids=[c[0] for c in NEAR_MISSES]
)
def test_near_miss(decide, categories_of, note, procs, problems, category):
    assert category not in categories_of(decide(note, procs, problems))


# The false prompts measured on a second practice: none may prompt.
FALSE_PROMPTS = [
    ("HST negative", ["D9310"]),
    ("AHI 2, no OSA", ["D9310"]),
    ("home sleep test came back normal, AHI 3.5", ["D0140"]),
    ("NO COMPLAINT OF JAW PAIN", ["D0150"]),
    ("history of fractured #8, healed", ["D0140"]),
    ("HX OF FRACTURED #8 - HEALED", ["D0140"]),
    ("pt asks about snoring appliance for her husband", ["D0120"]),
    ("medical history updated", ["D0120", "D1110"]),
    ("MED HX UPDATED, NO CHANGES", ["D0120", "D1110"]),
]


@pytest.mark.parametrize(("note", "procs"), FALSE_PROMPTS, ids=[n for n, _ in FALSE_PROMPTS])
def test_no_false_prompt(decide, note, procs):
    decision = decide(note, procs, [])
    assert not decision.flagged, decision


def test_fluoride_carriers_before_radiation_are_a_clearance_first(decide):
    decision = decide("fl trays before h&n radiation starts", ["D5986"], [])
    assert decision.primary.category == "clearance"


def test_an_lvad_patients_exam_is_a_clearance(decide, categories_of):
    assert categories_of(decide("", ["D0150"], [("LVAD", "Z95.811")])) == {"clearance": "strong"}
