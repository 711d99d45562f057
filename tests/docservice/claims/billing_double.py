"""A small stand-in for `crosswalk.billing`: the real row classes, rows chosen for the tests.

The builder is tested against rows chosen here so each path (condition, unit rule, modifier
rule, support rule) is tripped on purpose; tests against the shipped crosswalk data live in
test_with_crosswalk.py.
"""
from __future__ import annotations

from types import SimpleNamespace

from crosswalks.billing import (
    CodeCandidate,
    DiagnosisHint,
    MedicalCode,
    ModifierRule,
    Payer,
    SleepCriteria,
    SupportRule,
)


def Candidate(id, cdt, code, system="CPT", *, when=None, units="one", modifiers=()):
    return CodeCandidate(id=id, cdt=cdt, code=code, system=system, when=dict(when or {}), units=units,
                         modifiers=tuple(modifiers), note="", source="test", confidence="M")


def Code(code, system="CPT", **flags):
    values = {"unlisted": False, "laterality": False, "em": False, "dme": False, "imaging": False, **flags}
    return MedicalCode(code=code, system=system, label="test label", max_units=1, **values)


def Rule(id, codes, kind, modifiers, payer=""):
    return ModifierRule(id=id, codes=codes, kind=kind, modifiers=modifiers, payer=payer, message="")


def Support(id, codes, icd_prefixes):
    return SupportRule(id=id, codes=codes, icd_prefixes=icd_prefixes, label="", message="")


def Hint(category, code, role="primary"):
    return DiagnosisHint(category=category, code=code, role=role, label="hint label")


SLEEP = SleepCriteria(low_icd_prefixes=("I10", "E66"), low_symptoms=("daytime_sleepiness", "hypertension"))


def payer(id: str, *, medicare=False, takes_cdt=False, label=None):
    return Payer(id=id, label=label or id, match=(), medicare=medicare, takes_cdt=takes_cdt,
                 prior_auth=(), filing_limit_days=365, sleep=SLEEP)


PAYERS = (payer("medicare", medicare=True, label="Medicare"), payer("cdt-payer", takes_cdt=True), payer("default"))

CANDIDATES = (
    Candidate("bx-tongue-ant", "D7286", "41100", when={"site": "tongue_anterior"}),
    Candidate("bx-palate", "D7286", "42100", when={"site": "palate"}),
    Candidate("bx-default", "D7286", "40808"),
    Candidate("alv-max", "D7310", "41874", when={"jaw": "maxilla"}, units="per_quadrant"),
    Candidate("alv-default", "D7310", "41874", units="per_quadrant"),
    Candidate("fren-inc", "D7962", "41010", when={"action": "incision"}),
    Candidate("fren-exc", "D7962", "41115", when={"action": "excision"}),
    Candidate("fren-default", "D7962", "41115"),
    Candidate("osa-hinge", "D9947", "E0486", system="HCPCS", when={"hinge": "yes"}),
    Candidate("osa-nohinge", "D9947", "K1027", system="HCPCS", when={"hinge": "no"}),
    Candidate("osa-default", "D9947", "E0486", system="HCPCS"),
    Candidate("tmd-cdt", "D7880", "D7880", system="CDT", when={"payer_takes_cdt": "yes"}),
    Candidate("tmd-default", "D7880", "21299"),
    Candidate("arth", "D7870", "20605", units="one"),
    Candidate("exam", "D0140", "99213"),
    Candidate("ext-teeth", "D7240", "41899", units="per_tooth"),
    Candidate("lac-small", "D7910", "40830", when={"length": "small"}),
    Candidate("lac-large", "D7910", "40831", when={"length": "large"}),
)
CODES = {
    "E0486": Code("E0486", "HCPCS", dme=True),
    "K1027": Code("K1027", "HCPCS", dme=True),
    "21299": Code("21299", unlisted=True),
    "41899": Code("41899", unlisted=True),
    "20605": Code("20605", laterality=True),
    "99213": Code("99213", em=True),
}
RULES = (
    Rule("nu", ("E0486",), "required", ("NU",)),
    Rule("kx", ("E0486",), "medicare_criteria", ("KX",)),
    Rule("lat", ("20605",), "laterality", ("RT", "LT", "50")),
    Rule("em25", ("99213",), "same_day_em", ("25",)),
)
SUPPORT = (
    Support("osa", ("E0486", "K1027"), ("G47.33",)),
    Support("bx", ("41100", "42100", "40808"), ("K13", "D10", "C0", "D37")),
    Support("ridge", ("41874",), ("K08.2",)),
    Support("tmd", ("21299", "D7880", "20605"), ("M26.6", "M79.1")),
)
HINTS = (
    Hint("sleep", "G47.33"),
    Hint("pathology", "K13.79"),
    Hint("tmd", "M26.609"),
    Hint("tmd", "M79.11", role="support"),
)


class BillingDouble:
    def __init__(self, *, candidates=CANDIDATES, payers=PAYERS):
        self._candidates = candidates
        self.payers = payers

    def candidates(self, cdt):
        return tuple(c for c in self._candidates if c.cdt == cdt)

    def code(self, code):
        return CODES.get(code)

    def label(self, code):
        return f"label {code}"

    def diagnoses(self, category):
        return tuple(h for h in HINTS if h.category == category)

    def support_rule(self, code):
        return next((rule for rule in SUPPORT if code in rule.codes), None)

    def modifier_rules_for(self, code):
        return tuple(rule for rule in RULES if code in rule.codes)

    def payer(self, carrier, plan=""):
        if "medicare" in carrier.lower():
            return self.payers[0]
        if "cdt" in carrier.lower():
            return self.payers[1]
        return self.payers[-1]


def crosswalk_double():
    return SimpleNamespace(billing=BillingDouble())
