"""Billing tables of the crosswalk: what a CDT procedure becomes on a medical claim, and what the
claim then needs (diagnoses, attachments, documentation elements, modifiers, payer rules).

Read and validated like the flag tables in `loader.py` (the same `reading.py` helpers, one `CrosswalkError`
naming file, line and column for every bad row). Formats: `crosswalks/data/README.md`.

- `claim_codes.csv`   CDT -> claim-code candidates with the `when` conditions that pick one
- `medical_codes.csv` our label and properties of every code used (CPT, HCPCS, CDT)
- `diagnoses.csv`     typical billable ICD-10-CM per category
- `dx_support.yaml`   which diagnoses support a claim code
- `attachments.yaml`  documents a claim needs, with 837P PWK01 codes and the facts they must show
- `elements.yaml`     documentation elements (fact names) a claim needs
- `modifiers.yaml`    modifier rules (NU/KX, RT/LT, 25)
- `payers.yaml`       per-payer overrides; the payer with id "default" applies when none matches

A practice may load its own licensed descriptor file (CSV `code,system,descriptor`) through
`load_crosswalk(descriptors=...)` or `MEDLANE_CODE_DESCRIPTORS`; `Billing.label` then returns it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from crosswalks import icd10
from crosswalks.reading import (
    CONFIDENCES,
    _CDT,
    _ID,
    _PWK,
    _check_common,
    _check_label,
    _Problems,
    _read_csv,
    _read_yaml,
    _where,
)

FILES = {
    "claim_codes": "claim_codes.csv",
    "medical_codes": "medical_codes.csv",
    "diagnoses": "diagnoses.csv",
    "dx_support": "dx_support.yaml",
    "attachments": "attachments.yaml",
    "elements": "elements.yaml",
    "modifiers": "modifiers.yaml",
    "payers": "payers.yaml",
}
DESCRIPTORS_ENV = "MEDLANE_CODE_DESCRIPTORS"

SYSTEMS = ("CPT", "HCPCS", "CDT")
UNITS = ("one", "per_quadrant", "per_tooth", "per_arch", "per_cm")
ROLES = ("primary", "support")
SEVERITIES = ("error", "warning")
MODIFIER_KINDS = ("required", "laterality", "medicare_criteria", "same_day_em")

# The `when` vocabulary of contract §1: a candidate matches when each key has that value.
CONDITIONS: dict[str, tuple[str, ...]] = {
    "site": ("lip", "vestibule", "tongue_anterior", "tongue_posterior", "floor_of_mouth", "palate", "gingiva",
             "buccal_mucosa"),
    "jaw": ("maxilla", "mandible"),
    "action": ("incision", "excision", "plasty"),
    "hinge": ("yes", "no"),
    "side": ("right", "left", "bilateral"),
    "payer_takes_cdt": ("yes", "no"),
    "length": ("small", "large"),
}

# Fact vocabulary of contract §2; elements and attachments may only name these.
FACT_NAMES = frozenset({
    # sleep
    "ahi", "rdi", "respiratory_events", "sleep_study_date", "sleep_study_type", "interpreting_physician",
    "ordering_physician", "order_date", "face_to_face_date", "delivery_date", "cpap_trial", "cpap_intolerance",
    "epworth", "appliance_hinge", "sleep_symptom", "comorbidity", "bmi",
    # tmd
    "max_opening_mm", "pain_score", "pain", "joint_sounds", "symptom_duration_days", "conservative_therapy",
    "conservative_therapy_days", "side",
    # trauma
    "injury_date", "injury_place", "injury_mechanism", "teeth_involved", "sound_before_injury",
    # pathology
    "lesion_site", "lesion_size_mm", "lesion_duration_days", "pathology_diagnosis", "tobacco_use",
    # referral / clearance
    "referral_source", "planned_procedure", "planned_procedure_date",
    # procedure wording and sites
    "frenum_action", "jaw", "laceration_length_cm",
    # infection
    "swelling", "fever", "temperature", "trismus",
    # graft
    "graft_etiology",
    # reports
    "radiology_impression", "report_signed", "prior_authorization", "authorization_end_date", "chief_complaint",
    "functional_impairment",
})
SLEEP_SYMPTOMS = frozenset({"daytime_sleepiness", "insomnia", "impaired_cognition", "mood_disorder", "snoring",
                            "witnessed_apneas"})
COMORBIDITIES = frozenset({"hypertension", "ischemic_heart_disease", "stroke", "diabetes", "obesity",
                           "atrial_fibrillation", "heart_failure"})

# Existing `Document.kind` values (docservice/ocr/document_kinds.yaml), as fixed by the contract.
DOCUMENT_KINDS = frozenset({"sleep_study", "pathology_report", "radiology_report", "chart_note", "referral",
                            "physician_order", "narrative", "eob"})

# PWK01 report-type codes valid on an 837P 5010 claim (billing reference §4.3; P6 is 837D only).
PWK_837P = frozenset({
    "03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21", "A3", "A4", "AM", "AS", "B2", "B3", "B4",
    "BR", "BS", "BT", "CB", "CK", "CT", "D2", "DA", "DB", "DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1",
    "MT", "NN", "OB", "OC", "OD", "OE", "OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ", "PY", "PZ", "RB", "RR", "RT",
    "RX", "SG", "V5", "XP",
})
# What a claim packet may carry: the document kinds, photos and radiographs, and anything else.
PACKET_KINDS = DOCUMENT_KINDS | {"photo", "radiograph", "other"}

_CODE_SHAPES = {
    "CPT": re.compile(r"^\d{4}[0-9FTU]$"),  # Category I/II/III: 21299, 0966T
    "HCPCS": re.compile(r"^[A-CEGHJ-MP-V]\d{4}$"),  # Level II, without the D (CDT) series
    "CDT": _CDT,
}
_MODIFIER = re.compile(r"^[0-9A-Z]{2}$")
_BOOLS = {"yes": True, "no": False}


# ------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class CodeCandidate:
    id: str
    cdt: str
    code: str
    system: str  # CPT | HCPCS | CDT (a D-code on the CMS-1500)
    when: Mapping[str, str] = field(hash=False)  # read-only; excluded from the hash (a mapping is unhashable)
    units: str  # one | per_quadrant | per_tooth | per_arch | per_cm
    modifiers: tuple[str, ...]  # always added to the line
    note: str
    source: str
    confidence: str
    line: int = 0

    @property
    def is_default(self) -> bool:
        return not self.when

    def matches(self, conditions: Mapping[str, str]) -> bool:
        """True when every `when` key has that value in the resolved `conditions`."""
        return all(conditions.get(key) == value for key, value in self.when.items())


@dataclass(frozen=True)
class MedicalCode:
    code: str
    system: str
    label: str  # our own short wording
    unlisted: bool
    laterality: bool  # needs RT/LT (or bilateral handling)
    em: bool
    dme: bool
    imaging: bool
    max_units: int
    source: str = ""
    confidence: str = "M"


@dataclass(frozen=True)
class DiagnosisHint:
    category: str
    code: str
    role: str  # primary | support
    label: str
    id: str = ""
    source: str = ""
    confidence: str = "M"


@dataclass(frozen=True)
class SupportRule:
    id: str
    codes: tuple[str, ...]
    icd_prefixes: tuple[str, ...]  # dotted; a diagnosis supports when it starts with one of them
    label: str
    message: str
    source: str = ""
    confidence: str = "M"

    def supported_by(self, icd_code: str) -> bool:
        return icd10.starts_with_any(icd_code, self.icd_prefixes)


@dataclass(frozen=True)
class SentAs:
    """How a kind of document is announced on the claim: PWK01 report type and our own label."""

    pwk: str
    label: str
    rank: int = 90  # reading order in the packet, lower first


@dataclass(frozen=True)
class AttachmentRule:
    id: str
    codes: tuple[str, ...]
    categories: tuple[str, ...]
    document_kind: str
    pwk: str  # 837P PWK01 report-type code
    label: str
    requires: tuple[str, ...]  # fact names the document must show
    severity: str
    message: str
    fix: str
    source: str = ""
    confidence: str = "M"
    # other kinds of document that serve in its place when they show every required fact (the dentist's
    # own written reading of a film in the visit note is that film's interpretation)
    shown_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class ElementRule:
    id: str
    codes: tuple[str, ...]
    categories: tuple[str, ...]
    fact: str
    severity: str
    label: str
    message: str
    fix: str
    source: str = ""
    confidence: str = "M"
    # What a denial in the documents means. For a finding ("pain", "CPAP intolerance") it
    # contradicts the claim; for something done ("conservative therapy"), "has not tried" means
    # it is simply missing.
    denied_means: str = "contradicted"
    # Other facts that meet the same need when documented: a locked jaw's limited opening stands for TMD
    # dysfunction where pain is denied.
    or_facts: tuple[str, ...] = ()


DENIED_MEANS = ("contradicted", "missing")


@dataclass(frozen=True)
class ModifierRule:
    id: str
    codes: tuple[str, ...]
    kind: str  # required | laterality | medicare_criteria | same_day_em
    modifiers: tuple[str, ...]
    payer: str  # "" = every payer, else a payer id
    message: str
    source: str = ""
    confidence: str = "M"
    # medicare_criteria only: the criteria (criteria.yaml id) the modifiers attest, and the modifiers
    # offered instead when they are not met (GA with an ABN on file, GZ without).
    criteria: str = ""
    unmet: tuple[str, ...] = ()


@dataclass(frozen=True)
class SleepCriteria:
    """Oral-appliance sleep-test thresholds (Medicare LCD L33611 by default, paraphrased)."""

    ahi_min: float = 15
    events_min: int = 30
    ahi_low_min: float = 5
    events_low_min: int = 10
    low_icd_prefixes: tuple[str, ...] = ()
    low_symptoms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Payer:
    id: str
    label: str
    match: tuple[str, ...]  # regexes, searched case-insensitively in "carrier plan"
    medicare: bool
    takes_cdt: bool
    prior_auth: tuple[str, ...]
    filing_limit_days: int
    sleep: SleepCriteria
    source: str = ""
    confidence: str = "M"
    # Whether `prior_auth` applies depends on the member's plan (common, not universal, for the payer):
    # a missing number is then a warning to check the plan, not an error that blocks the claim.
    prior_auth_by_plan: bool = False

    def matches(self, carrier: str, plan: str = "") -> bool:
        text = f"{carrier or ''} {plan or ''}"
        return any(re.search(rx, text, re.IGNORECASE) for rx in self.match)


@dataclass(frozen=True, eq=False)  # identity equality and hash: one Billing per loaded crosswalk
class Billing:
    claim_codes: tuple[CodeCandidate, ...]
    medical_codes: tuple[MedicalCode, ...]
    diagnosis_hints: tuple[DiagnosisHint, ...]
    support_rules: tuple[SupportRule, ...]
    attachment_rules: tuple[AttachmentRule, ...]
    element_rules: tuple[ElementRule, ...]
    modifier_rules: tuple[ModifierRule, ...]
    payers: tuple[Payer, ...]
    sent_as: Mapping[str, SentAs] = field(default_factory=dict)  # packet document kind -> default PWK01
    descriptors: Mapping[str, str] = field(default_factory=dict)  # licensed, loaded by the practice
    _by_cdt: Mapping[str, tuple[CodeCandidate, ...]] = field(default_factory=dict, repr=False, compare=False)
    _by_code: Mapping[str, MedicalCode] = field(default_factory=dict, repr=False, compare=False)
    _support: Mapping[str, SupportRule] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes built once: the checks call these per line, per case.
        by_cdt: dict[str, list[CodeCandidate]] = {}
        for cand in self.claim_codes:
            by_cdt.setdefault(cand.cdt, []).append(cand)
        ordered = {cdt: tuple(_most_specific_first(cands)) for cdt, cands in by_cdt.items()}
        object.__setattr__(self, "_by_cdt", ordered)
        object.__setattr__(self, "_by_code", {m.code: m for m in self.medical_codes})
        object.__setattr__(self, "_support", {c: r for r in self.support_rules for c in r.codes})

    def candidates(self, cdt: str) -> tuple[CodeCandidate, ...]:
        """Claim-code candidates for a CDT code: most specific `when` first, defaults last."""
        return self._by_cdt.get(_key(cdt), ())

    def choose(self, cdt: str, conditions: Mapping[str, str]) -> CodeCandidate | None:
        """The first candidate whose `when` is met by the resolved `conditions` (unknown keys: absent)."""
        return next((c for c in self.candidates(cdt) if c.matches(conditions)), None)

    def code(self, code: str) -> MedicalCode | None:
        return self._by_code.get(_key(code))

    def label(self, code: str) -> str:
        """The practice's licensed descriptor when loaded, else our own short label ("" if unknown)."""
        key = _key(code)
        if key in self.descriptors:
            return self.descriptors[key]
        known = self._by_code.get(key)
        return known.label if known else ""

    def diagnoses(self, category: str) -> tuple[DiagnosisHint, ...]:
        hints = [h for h in self.diagnosis_hints if h.category == category]
        return tuple(sorted(hints, key=lambda h: h.role != "primary"))  # stable: file order within a role

    def support_rule(self, code: str) -> SupportRule | None:
        return self._support.get(_key(code))

    def attachments_for(self, codes: Iterable[str], categories: Iterable[str]) -> tuple[AttachmentRule, ...]:
        return _applying(self.attachment_rules, codes, categories)

    def packet_rank(self, kind: str) -> int:
        """Where a document of `kind` is read in a claim packet (attachments.yaml `sent_as`)."""
        return (self.sent_as.get(kind) or self.sent_as["other"]).rank

    def report_type(self, kind: str, codes: Iterable[str], categories: Iterable[str]) -> SentAs:
        """How a packet document of `kind` is announced on this claim: the PWK01 of the attachment
        rule that asks for it, else the kind's default (attachments.yaml `sent_as`)."""
        for rule in self.attachments_for(codes, categories):
            if rule.document_kind == kind:
                return SentAs(pwk=rule.pwk, label=rule.label, rank=self.sent_as[kind].rank)
        return self.sent_as.get(kind) or self.sent_as["other"]

    def elements_for(self, codes: Iterable[str], categories: Iterable[str]) -> tuple[ElementRule, ...]:
        return _applying(self.element_rules, codes, categories)

    def modifier_rules_for(self, code: str) -> tuple[ModifierRule, ...]:
        key = _key(code)
        return tuple(r for r in self.modifier_rules if key in r.codes)

    def payer(self, carrier: str, plan: str = "") -> Payer:
        """The first payer override whose pattern matches, else the payer with id "default"."""
        for p in self.payers:
            if p.id != "default" and p.matches(carrier, plan):
                return p
        return self.payer_by_id("default")

    def payer_by_id(self, payer_id: str) -> Payer:
        for p in self.payers:
            if p.id == payer_id:
                return p
        raise KeyError(payer_id)


def _key(code: str) -> str:
    return str(code or "").strip().upper()


def _most_specific_first(cands: list[CodeCandidate]) -> list[CodeCandidate]:
    return sorted(cands, key=lambda c: -len(c.when))  # sorted() is stable: file order breaks ties


def _applying(rules: Iterable[Any], codes: Iterable[str], categories: Iterable[str]) -> tuple:
    """Rules listing any of `codes` or any of `categories` (a rule's empty list matches nothing)."""
    code_set = {_key(c) for c in codes}
    cat_set = set(categories)
    return tuple(r for r in rules if code_set.intersection(r.codes) or cat_set.intersection(r.categories))


# ------------------------------------------------------------------------------------ loading


def load_billing(data_dir: Path, categories: set[str], ids: dict[str, str], problems: _Problems,
                 *, descriptors: Path | None = None) -> Billing:
    """Read and validate every billing table in `data_dir`; findings go to `problems`."""
    medical = _load_medical_codes(data_dir, problems)
    known = {m.code: m.system for m in medical}
    claim_codes = _load_claim_codes(data_dir, categories, known, ids, problems)
    payers = _load_payers(data_dir, known, problems)
    payer_ids = {p.id for p in payers}
    return Billing(
        claim_codes=claim_codes,
        medical_codes=medical,
        diagnosis_hints=_load_diagnoses(data_dir, categories, ids, problems),
        support_rules=_load_dx_support(data_dir, categories, known, ids, problems),
        attachment_rules=_load_attachments(data_dir, categories, known, ids, problems),
        element_rules=_load_elements(data_dir, categories, known, ids, problems),
        modifier_rules=_load_modifiers(data_dir, categories, known, payer_ids, ids, problems),
        payers=payers,
        sent_as=_load_sent_as(data_dir, problems),
        descriptors=_load_descriptors(descriptors, problems) if descriptors else {},
    )


def _bool_cell(problems: _Problems, file: str, where: str, column: str, value: str) -> bool:
    if value not in _BOOLS:
        problems.add(file, where, column, f"{value!r} is not yes or no")
        return False
    return _BOOLS[value]


def _check_source(problems: _Problems, file: str, where: str, row: Mapping[str, Any]) -> bool:
    ok = True
    if not str(row.get("source") or "").strip():
        problems.add(file, where, "source", "missing (say where the row comes from)")
        ok = False
    if str(row.get("confidence") or "").strip() not in CONFIDENCES:
        problems.add(file, where, "confidence", f"{row.get('confidence')!r} is not one of H, M, L")
        ok = False
    return ok


def _check_rule_id(problems: _Problems, file: str, where: str, row: Mapping[str, Any], categories: set[str],
                   ids: dict[str, str]) -> bool:
    """Id, source, confidence of a rule that has no single category column: its id still starts with
    one ("imaging-att-report"), so any evidence id tells where it came from."""
    rid = str(row.get("id") or "").strip()
    prefix = next((c for c in sorted(categories, key=len, reverse=True) if rid.startswith(c + "-")), "")
    if prefix:
        return _check_common(problems, file, where, dict(row, id=rid, category=prefix), categories, ids)
    problems.add(file, where, "id", f"{rid!r} must start with a category id and '-'" if rid else "missing")
    _check_source(problems, file, where, row)
    return False


def _codes_cell(problems: _Problems, file: str, where: str, column: str, value: Any, known: Mapping[str, str],
                *, required: bool = True) -> tuple[str, ...]:
    """A list of claim codes that must all be in medical_codes.csv."""
    items = _str_list(problems, file, where, column, value, required=required)
    bad = [c for c in items if c.upper() not in known]
    if bad:
        problems.add(file, where, column, f"{', '.join(bad)} not in {FILES['medical_codes']}")
        return ()
    return tuple(c.upper() for c in items)


def _str_list(problems: _Problems, file: str, where: str, column: str, value: Any, *,
              required: bool = True) -> tuple[str, ...]:
    if value is None or value == []:
        if required:
            problems.add(file, where, column, "must be a non-empty list")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
        problems.add(file, where, column, "must be a list of non-empty strings")
        return ()
    return tuple(str(v).strip() for v in value)


def _yaml_rules(data_dir: Path, key: str, problems: _Problems, fields: set[str],
                *, sections: frozenset[str] = frozenset()) -> list[tuple[str, dict]]:
    """Entries of the top-level `rules` list of a YAML file, with their location; unknown fields reported.

    `sections` names other top-level mappings the file may hold (read by their own loader).
    """
    file = FILES[key]
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return []
    if not isinstance(doc, dict) or not isinstance(doc.get("rules"), list):
        problems.add(file, "", None, "must be a mapping with a 'rules' list")
        return []
    for extra in set(doc) - {"version", "rules", *sections}:
        problems.add(file, _where(doc, extra), extra, "unknown top-level field")
    out: list[tuple[str, dict]] = []
    for i, entry in enumerate(doc["rules"]):
        where = _where(entry, f"rules[{i}]")
        if not isinstance(entry, dict):
            problems.add(file, where, None, "must be a mapping")
            continue
        for extra in set(entry) - fields:
            problems.add(file, where, extra, "unknown field")
        out.append((where, entry))
    return out


def _load_medical_codes(data_dir: Path, problems: _Problems) -> tuple[MedicalCode, ...]:
    file = FILES["medical_codes"]
    columns = ("code", "system", "label", "unlisted", "laterality", "em", "dme", "imaging", "max_units", "source",
               "confidence")
    out: list[MedicalCode] = []
    seen: dict[str, int] = {}
    for line, row in _read_csv(data_dir / file, columns, problems):
        where = f"line {line}"
        ok = _check_source(problems, file, where, row)
        code, system = row["code"].upper(), row["system"]
        if system not in SYSTEMS:
            problems.add(file, where, "system", f"{system!r} is not one of {', '.join(SYSTEMS)}")
            ok = False
        elif not _CODE_SHAPES[system].match(code):
            problems.add(file, where, "code", f"{code!r} is not shaped like a {system} code")
            ok = False
        if code in seen:
            problems.add(file, where, "code", f"{code} is already listed on line {seen[code]}")
            ok = False
        seen.setdefault(code, line)
        ok &= _check_label(problems, file, where, row["label"])
        flags = {c: _bool_cell(problems, file, where, c, row[c]) for c in ("unlisted", "laterality", "em", "dme",
                                                                          "imaging")}
        ok &= all(row[c] in _BOOLS for c in flags)
        if not row["max_units"].isdigit() or int(row["max_units"]) < 1:
            problems.add(file, where, "max_units", f"{row['max_units']!r} is not a whole number >= 1")
            ok = False
        if ok:
            out.append(MedicalCode(code=code, system=system, label=row["label"], max_units=int(row["max_units"]),
                                   source=row["source"], confidence=row["confidence"], **flags))
    return tuple(out)


def _parse_when(value: str) -> dict[str, str]:
    """"site=vestibule; jaw=mandible" -> dict. Raises ValueError on unknown keys or values."""
    when: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        key, sep, val = (s.strip() for s in part.partition("="))
        if not sep or key not in CONDITIONS:
            raise ValueError(f"{part!r}: unknown condition (known: {', '.join(CONDITIONS)})")
        if val not in CONDITIONS[key]:
            raise ValueError(f"{part!r}: {key} must be one of {', '.join(CONDITIONS[key])}")
        if key in when:
            raise ValueError(f"{key} is given twice")
        when[key] = val
    return when


def _load_claim_codes(data_dir: Path, categories: set[str], known: Mapping[str, str], ids: dict[str, str],
                      problems: _Problems) -> tuple[CodeCandidate, ...]:
    file = FILES["claim_codes"]
    columns = ("id", "cdt", "code", "system", "when", "units", "modifiers", "note", "source", "confidence")
    out: list[CodeCandidate] = []
    seen: dict[tuple, str] = {}
    for line, row in _read_csv(data_dir / file, columns, problems):
        where = f"line {line}"
        ok = _check_rule_id(problems, file, where, row, categories, ids)
        cdt, code, system = row["cdt"].upper(), row["code"].upper(), row["system"]
        if not _CDT.match(cdt):
            problems.add(file, where, "cdt", f"{cdt!r} is not a CDT code like D7286")
            ok = False
        elif known.get(cdt) != "CDT":
            problems.add(file, where, "cdt", f"{cdt} needs our own label in {FILES['medical_codes']} (system CDT)")
            ok = False
        if system not in SYSTEMS:
            problems.add(file, where, "system", f"{system!r} is not one of {', '.join(SYSTEMS)}")
            ok = False
        elif known.get(code) != system:
            problems.add(file, where, "code", f"{code} is not listed in {FILES['medical_codes']} as {system}")
            ok = False
        try:
            when = _parse_when(row["when"])
        except ValueError as exc:
            problems.add(file, where, "when", str(exc))
            ok, when = False, {}
        if row["units"] not in UNITS:
            problems.add(file, where, "units", f"{row['units']!r} is not one of {', '.join(UNITS)}")
            ok = False
        modifiers = tuple(m.strip().upper() for m in row["modifiers"].split("|") if m.strip())
        if not all(_MODIFIER.match(m) for m in modifiers):
            problems.add(file, where, "modifiers", f"{row['modifiers']!r} must be two-character modifiers joined by |")
            ok = False
        key = (cdt, tuple(sorted(when.items())), code)
        if key in seen:
            problems.add(file, where, "code", f"{cdt} -> {code} with the same conditions is already row {seen[key]}")
            ok = False
        seen.setdefault(key, row["id"])
        if ok:
            out.append(CodeCandidate(id=row["id"], cdt=cdt, code=code, system=system, when=MappingProxyType(when),
                                     units=row["units"],
                                     modifiers=modifiers, note=row["note"], source=row["source"],
                                     confidence=row["confidence"], line=line))
    _require_defaults(problems, file, out)
    return tuple(out)


def _require_defaults(problems: _Problems, file: str, cands: list[CodeCandidate]) -> None:
    """A CDT code with conditional candidates needs exactly one default, for when a condition is unknown."""
    by_cdt: dict[str, list[CodeCandidate]] = {}
    for c in cands:
        by_cdt.setdefault(c.cdt, []).append(c)
    for cdt, rows in by_cdt.items():
        defaults = [c for c in rows if c.is_default]
        if len(defaults) > 1:
            problems.add(file, f"line {defaults[1].line}", "when", f"{cdt} has more than one default (empty when)")
        elif not defaults:
            problems.add(file, f"line {rows[0].line}", "when",
                         f"{cdt} has only conditional candidates; add a default row for when the condition is unknown")


def _load_diagnoses(data_dir: Path, categories: set[str], ids: dict[str, str],
                    problems: _Problems) -> tuple[DiagnosisHint, ...]:
    file = FILES["diagnoses"]
    columns = ("id", "category", "code", "role", "label", "source", "confidence")
    out: list[DiagnosisHint] = []
    for line, row in _read_csv(data_dir / file, columns, problems):
        where = f"line {line}"
        ok = _check_common(problems, file, where, row, categories, ids)
        if not icd10.is_billable(row["code"]):
            state = "valid but not billable (pick a full code)" if icd10.is_valid(row["code"]) else "not ICD-10-CM"
            problems.add(file, where, "code", f"{row['code']!r} is {state}")
            ok = False
        if row["role"] not in ROLES:
            problems.add(file, where, "role", f"{row['role']!r} is not one of {', '.join(ROLES)}")
            ok = False
        ok &= _check_label(problems, file, where, row["label"])
        if ok:
            out.append(DiagnosisHint(category=row["category"], code=icd10.normalize(row["code"]), role=row["role"],
                                     label=row["label"], id=row["id"], source=row["source"],
                                     confidence=row["confidence"]))
    return tuple(out)


def _icd_prefixes(problems: _Problems, file: str, where: str, column: str, value: Any) -> tuple[str, ...]:
    items = _str_list(problems, file, where, column, value)
    bad = [p for p in items if not icd10.is_valid(p)]
    if bad:
        problems.add(file, where, column, f"{', '.join(bad)} not a valid ICD-10-CM category or code")
        return ()
    return tuple(icd10.normalize(p) for p in items)


def _load_dx_support(data_dir: Path, categories: set[str], known: Mapping[str, str], ids: dict[str, str],
                     problems: _Problems) -> tuple[SupportRule, ...]:
    file = FILES["dx_support"]
    fields = {"id", "codes", "icd_prefixes", "label", "message", "source", "confidence"}
    out: list[SupportRule] = []
    owner: dict[str, str] = {}
    for where, entry in _yaml_rules(data_dir, "dx_support", problems, fields):
        ok = _check_rule_id(problems, file, where, entry, categories, ids)
        codes = _codes_cell(problems, file, where, "codes", entry.get("codes"), known)
        prefixes = _icd_prefixes(problems, file, where, "icd_prefixes", entry.get("icd_prefixes"))
        ok &= bool(codes) and bool(prefixes) and _check_label(problems, file, where, str(entry.get("label") or ""))
        ok &= _text_field(problems, file, where, entry, "message")
        for code in codes:
            if code in owner:
                problems.add(file, where, "codes", f"{code} already has support rule {owner[code]}")
                ok = False
            owner.setdefault(code, str(entry.get("id")))
        if ok:
            out.append(SupportRule(id=entry["id"], codes=codes, icd_prefixes=prefixes, label=entry["label"],
                                   message=entry["message"], source=entry["source"], confidence=entry["confidence"]))
    return tuple(out)


def _text_field(problems: _Problems, file: str, where: str, entry: Mapping[str, Any], column: str) -> bool:
    if not isinstance(entry.get(column), str) or not entry[column].strip():
        problems.add(file, where, column, "missing")
        return False
    return True


def _scope(problems: _Problems, file: str, where: str, entry: Mapping[str, Any], categories: set[str],
           known: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """`codes` and `categories` of an attachment or element rule; at least one must be given."""
    codes = _codes_cell(problems, file, where, "codes", entry.get("codes"), known, required=False)
    cats = _str_list(problems, file, where, "categories", entry.get("categories"), required=False)
    ok = True
    unknown = [c for c in cats if c not in categories]
    if unknown:
        problems.add(file, where, "categories", f"unknown category {', '.join(unknown)}")
        ok = False
    if not entry.get("codes") and not entry.get("categories"):
        problems.add(file, where, "codes", "give codes, categories or both")
        ok = False
    return codes, cats, ok and (bool(codes) or not entry.get("codes"))


def _severity(problems: _Problems, file: str, where: str, entry: Mapping[str, Any]) -> bool:
    if entry.get("severity") not in SEVERITIES:
        problems.add(file, where, "severity", f"{entry.get('severity')!r} is not one of {', '.join(SEVERITIES)}")
        return False
    return True


def _fact_names(problems: _Problems, file: str, where: str, column: str, names: tuple[str, ...]) -> bool:
    bad = [n for n in names if n not in FACT_NAMES]
    if bad:
        problems.add(file, where, column, f"unknown fact name(s) {', '.join(bad)} (see contract §2)")
        return False
    return True


def _load_attachments(data_dir: Path, categories: set[str], known: Mapping[str, str], ids: dict[str, str],
                      problems: _Problems) -> tuple[AttachmentRule, ...]:
    file = FILES["attachments"]
    fields = {"id", "codes", "categories", "document_kind", "pwk", "label", "requires", "severity", "message", "fix",
              "source", "confidence", "shown_in"}
    out: list[AttachmentRule] = []
    for where, entry in _yaml_rules(data_dir, "attachments", problems, fields, sections=frozenset({"sent_as"})):
        ok = _check_rule_id(problems, file, where, entry, categories, ids)
        codes, cats, scope_ok = _scope(problems, file, where, entry, categories, known)
        ok &= scope_ok
        kind = entry.get("document_kind")
        if kind not in DOCUMENT_KINDS:
            problems.add(file, where, "document_kind", f"{kind!r} is not one of {', '.join(sorted(DOCUMENT_KINDS))}")
            ok = False
        pwk = str(entry.get("pwk") or "")
        if not _PWK.match(pwk) or pwk not in PWK_837P:
            problems.add(file, where, "pwk", f"{pwk!r} is not a PWK01 report type valid on an 837P")
            ok = False
        requires = _str_list(problems, file, where, "requires", entry.get("requires"), required=False)
        ok &= _fact_names(problems, file, where, "requires", requires)
        shown_in = _str_list(problems, file, where, "shown_in", entry.get("shown_in"), required=False)
        if set(shown_in) - DOCUMENT_KINDS or (shown_in and not requires):
            problems.add(file, where, "shown_in", "must list document kinds, and the rule must say what they show "
                                                  "(requires)")
            ok = False
        ok &= _check_label(problems, file, where, str(entry.get("label") or "")) and _severity(problems, file, where,
                                                                                                  entry)
        ok &= _text_field(problems, file, where, entry, "message") & _text_field(problems, file, where, entry, "fix")
        if ok:
            out.append(AttachmentRule(id=entry["id"], codes=codes, categories=cats, document_kind=kind, pwk=pwk,
                                      label=entry["label"], requires=requires, severity=entry["severity"],
                                      message=entry["message"], fix=entry["fix"], source=entry["source"],
                                      confidence=entry["confidence"], shown_in=shown_in))
    return tuple(out)


def _load_sent_as(data_dir: Path, problems: _Problems) -> Mapping[str, SentAs]:
    """attachments.yaml `sent_as`: how each kind of document in a packet is announced (PWK01) by default."""
    file = FILES["attachments"]
    doc = _read_yaml(data_dir / file, problems)
    section = doc.get("sent_as") if isinstance(doc, dict) else None
    if not isinstance(section, dict):
        problems.add(file, "sent_as", None, "must be a mapping of document kind -> {pwk, label}")
        return {}
    out: dict[str, SentAs] = {}
    for kind, entry in section.items():
        where = f"sent_as.{kind}"
        if kind not in PACKET_KINDS:
            problems.add(file, where, None, f"{kind!r} is not one of {', '.join(sorted(PACKET_KINDS))}")
            continue
        if not isinstance(entry, dict) or set(entry) - {"pwk", "label", "rank"}:
            problems.add(file, where, None, "must be a mapping with pwk, label and rank")
            continue
        if not isinstance(entry.get("rank"), int):
            problems.add(file, where, "rank", "must be a whole number (lower is read first)")
            continue
        pwk = str(entry.get("pwk") or "")
        if pwk not in PWK_837P:
            problems.add(file, where, "pwk", f"{pwk!r} is not a PWK01 report type valid on an 837P")
            continue
        if _check_label(problems, file, where, str(entry.get("label") or "")):
            out[kind] = SentAs(pwk=pwk, label=entry["label"], rank=entry["rank"])
    for kind in sorted(PACKET_KINDS - set(out)):
        problems.add(file, "sent_as", kind, "every kind of packet document needs a default PWK01")
    return out


def _load_elements(data_dir: Path, categories: set[str], known: Mapping[str, str], ids: dict[str, str],
                   problems: _Problems) -> tuple[ElementRule, ...]:
    file = FILES["elements"]
    fields = {"id", "codes", "categories", "fact", "severity", "label", "message", "fix", "source", "confidence",
              "denied_means", "or_facts"}
    out: list[ElementRule] = []
    for where, entry in _yaml_rules(data_dir, "elements", problems, fields):
        ok = _check_rule_id(problems, file, where, entry, categories, ids)
        codes, cats, scope_ok = _scope(problems, file, where, entry, categories, known)
        ok &= scope_ok
        fact = str(entry.get("fact") or "")
        ok &= _fact_names(problems, file, where, "fact", (fact,))
        ok &= _check_label(problems, file, where, str(entry.get("label") or "")) and _severity(problems, file, where,
                                                                                                  entry)
        ok &= _text_field(problems, file, where, entry, "message") & _text_field(problems, file, where, entry, "fix")
        or_facts = _str_list(problems, file, where, "or_facts", entry.get("or_facts"), required=False)
        ok &= _fact_names(problems, file, where, "or_facts", or_facts)
        denied_means = entry.get("denied_means", "contradicted")
        if denied_means not in DENIED_MEANS:
            problems.add(file, where, "denied_means", f"must be one of {', '.join(DENIED_MEANS)}")
            ok = False
        if ok:
            out.append(ElementRule(id=entry["id"], codes=codes, categories=cats, fact=fact,
                                   severity=entry["severity"], label=entry["label"], message=entry["message"],
                                   fix=entry["fix"], source=entry["source"], confidence=entry["confidence"],
                                   denied_means=denied_means, or_facts=or_facts))
    return tuple(out)


def _load_modifiers(data_dir: Path, categories: set[str], known: Mapping[str, str], payer_ids: set[str],
                    ids: dict[str, str], problems: _Problems) -> tuple[ModifierRule, ...]:
    file = FILES["modifiers"]
    fields = {"id", "codes", "kind", "modifiers", "payer", "message", "source", "confidence", "criteria", "unmet"}
    out: list[ModifierRule] = []
    for where, entry in _yaml_rules(data_dir, "modifiers", problems, fields):
        ok = _check_rule_id(problems, file, where, entry, categories, ids)
        codes = _codes_cell(problems, file, where, "codes", entry.get("codes"), known)
        ok &= bool(codes)
        if entry.get("kind") not in MODIFIER_KINDS:
            problems.add(file, where, "kind", f"{entry.get('kind')!r} is not one of {', '.join(MODIFIER_KINDS)}")
            ok = False
        mods = _str_list(problems, file, where, "modifiers", entry.get("modifiers"))
        if not all(_MODIFIER.match(m) for m in mods):
            problems.add(file, where, "modifiers", f"{list(mods)!r} must be two-character modifiers")
            ok = False
        ok &= bool(mods)
        payer = str(entry.get("payer") or "")
        if payer and payer not in payer_ids:
            problems.add(file, where, "payer", f"unknown payer id {payer!r} (known: {', '.join(sorted(payer_ids))})")
            ok = False
        ok &= _text_field(problems, file, where, entry, "message")
        unmet = _str_list(problems, file, where, "unmet", entry.get("unmet"), required=False)
        if not all(_MODIFIER.match(m) for m in unmet):
            problems.add(file, where, "unmet", f"{list(unmet)!r} must be two-character modifiers")
            ok = False
        if (entry.get("criteria") or unmet) and entry.get("kind") != "medicare_criteria":
            problems.add(file, where, "criteria", "criteria and unmet belong to medicare_criteria rules only")
            ok = False
        if ok:
            out.append(ModifierRule(id=entry["id"], codes=codes, kind=entry["kind"], modifiers=mods, payer=payer,
                                    message=entry["message"], source=entry["source"], confidence=entry["confidence"],
                                    criteria=str(entry.get("criteria") or ""), unmet=unmet))
    return tuple(out)


def _load_sleep(problems: _Problems, file: str, where: str, raw: Any) -> SleepCriteria | None:
    if raw is None:
        return SleepCriteria()
    if not isinstance(raw, dict):
        problems.add(file, where, "sleep", "must be a mapping")
        return None
    fields = {"ahi_min", "events_min", "ahi_low_min", "events_low_min", "low_icd_prefixes", "low_symptoms"}
    ok = True
    for extra in set(raw) - fields:
        problems.add(file, where, f"sleep.{extra}", "unknown field")
        ok = False
    numbers: dict[str, float] = {}
    for name in ("ahi_min", "events_min", "ahi_low_min", "events_low_min"):
        value = raw.get(name, getattr(SleepCriteria, name))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            problems.add(file, where, f"sleep.{name}", f"{value!r} is not a number >= 0")
            ok = False
        numbers[name] = value
    if ok and numbers["ahi_low_min"] > numbers["ahi_min"]:
        problems.add(file, where, "sleep.ahi_low_min", "is above ahi_min")
        ok = False
    prefixes = _icd_prefixes(problems, file, where, "sleep.low_icd_prefixes", raw.get("low_icd_prefixes"))
    symptoms = _str_list(problems, file, where, "sleep.low_symptoms", raw.get("low_symptoms"))
    bad = [s for s in symptoms if s not in SLEEP_SYMPTOMS | COMORBIDITIES]
    if bad:
        problems.add(file, where, "sleep.low_symptoms", f"{', '.join(bad)} not a sleep_symptom or comorbidity value")
        ok = False
    if not ok or not prefixes or not symptoms:
        return None
    return SleepCriteria(ahi_min=numbers["ahi_min"], events_min=int(numbers["events_min"]),
                         ahi_low_min=numbers["ahi_low_min"], events_low_min=int(numbers["events_low_min"]),
                         low_icd_prefixes=prefixes, low_symptoms=symptoms)


def _load_payers(data_dir: Path, known: Mapping[str, str], problems: _Problems) -> tuple[Payer, ...]:
    file = FILES["payers"]
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return ()
    if not isinstance(doc, dict) or not isinstance(doc.get("payers"), list):
        problems.add(file, "", None, "must be a mapping with a 'payers' list")
        return ()
    fields = {"id", "label", "match", "medicare", "takes_cdt", "prior_auth", "prior_auth_by_plan", "filing_limit_days",
              "sleep", "source", "confidence"}
    out: list[Payer] = []
    seen: set[str] = set()
    for i, entry in enumerate(doc["payers"]):
        where = _where(entry, f"payers[{i}]")
        if not isinstance(entry, dict):
            problems.add(file, where, None, "must be a mapping")
            continue
        for extra in set(entry) - fields:
            problems.add(file, where, extra, "unknown field")
        ok = _check_source(problems, file, where, entry)
        pid = str(entry.get("id") or "")
        if not _ID.match(pid):
            problems.add(file, where, "id", f"{pid!r} must be lower-case letters, digits, - and _")
            ok = False
        elif pid in seen:
            problems.add(file, where, "id", f"payer {pid!r} is defined twice")
            ok = False
        seen.add(pid)
        ok &= _check_label(problems, file, where, str(entry.get("label") or ""))
        match = _str_list(problems, file, where, "match", entry.get("match"), required=pid != "default")
        for rx in match:
            try:
                re.compile(rx)
            except re.error as exc:
                problems.add(file, where, "match", f"{rx!r} is not a valid regular expression: {exc}")
                ok = False
        flags = {}
        for name in ("medicare", "takes_cdt"):
            if not isinstance(entry.get(name), bool):
                problems.add(file, where, name, f"{entry.get(name)!r} must be true or false")
                ok = False
            flags[name] = bool(entry.get(name))
        prior_auth = _codes_cell(problems, file, where, "prior_auth", entry.get("prior_auth"), known, required=False)
        ok &= len(prior_auth) == len(entry.get("prior_auth") or [])
        by_plan = entry.get("prior_auth_by_plan", False)
        if not isinstance(by_plan, bool):
            problems.add(file, where, "prior_auth_by_plan", f"{by_plan!r} must be true or false")
            ok = False
        limit = entry.get("filing_limit_days")
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            problems.add(file, where, "filing_limit_days", f"{limit!r} is not a whole number of days >= 1")
            ok = False
        sleep = _load_sleep(problems, file, where, entry.get("sleep"))
        if ok and sleep is not None:
            out.append(Payer(id=pid, label=entry["label"], match=match, prior_auth=prior_auth,
                             filing_limit_days=limit, sleep=sleep, source=entry["source"],
                             confidence=entry["confidence"], prior_auth_by_plan=by_plan is True, **flags))
    if "default" not in seen:
        problems.add(file, "", "id", "a payer with id 'default' is required (used when no override matches)")
    return tuple(out)


def descriptors_path(explicit: Path | str | None, env: Mapping[str, str]) -> Path | None:
    """The licensed descriptor file to load: the argument, else $MEDLANE_CODE_DESCRIPTORS, else none."""
    chosen = explicit if explicit is not None else env.get(DESCRIPTORS_ENV) or None
    return Path(chosen).expanduser().resolve() if chosen else None


def _load_descriptors(path: Path, problems: _Problems) -> dict[str, str]:
    """A practice's licensed descriptors (CSV code,system,descriptor). Not length-capped: they are licensed."""
    out: dict[str, str] = {}
    name = path.name
    for line, row in _read_csv(path, ("code", "system", "descriptor"), problems):
        where = f"line {line}"
        code, system = row["code"].upper(), row["system"].upper()
        if system not in SYSTEMS:
            problems.add(name, where, "system", f"{row['system']!r} is not one of {', '.join(SYSTEMS)}")
        elif not _CODE_SHAPES[system].match(code):
            problems.add(name, where, "code", f"{code!r} is not shaped like a {system} code")
        elif not row["descriptor"]:
            problems.add(name, where, "descriptor", "missing")
        elif code in out:
            problems.add(name, where, "code", f"{code} is listed twice")
        else:
            out[code] = row["descriptor"]
    return out
