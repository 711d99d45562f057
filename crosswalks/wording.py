"""How procedures and diagnoses word the crosswalk's conditions, as data: `wording.yaml`.

The claim builder reads a procedure's description with it (which code), the checks read the
same words (does the billed code match what was done; does a diagnosis name the billed site).
Reached as `load_crosswalk().wording`; `load_wording()` reads just this file.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from crosswalks.billing import CONDITIONS
from crosswalks.reading import DATA_DIR, _Problems, _read_yaml, _where

FILE = "wording.yaml"


@dataclass(frozen=True)
class IcdSite:
    """An oral site as ICD-10-CM descriptions name it."""

    name: str
    words: tuple[re.Pattern, ...] = ()
    covers: tuple[str, ...] = ()  # claim_codes.csv `site` values it stands for (besides its own name)
    fits: tuple[str, ...] = ()  # sites whose diagnoses fit a code of this site (besides itself)


@dataclass(frozen=True, eq=False)
class Wording:
    # condition -> ((compiled phrase, value, phrase length), ...), longest phrase first
    procedure_words: Mapping[str, tuple[tuple[re.Pattern, str, int], ...]] = field(default_factory=dict)
    first: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # condition -> values, winner first
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # condition -> value -> words
    icd_sites: Mapping[str, IcdSite] = field(default_factory=dict)

    def match_words(self, condition: str, text: str) -> tuple[str, str] | None:
        """(value, phrase) a procedure description gives for `condition`, or None.

        When phrases of several values are found, the value listed first under `first` wins,
        else the longest phrase.
        """
        found: dict[str, str] = {}
        for pattern, value, _ in self.procedure_words.get(condition, ()):
            match = pattern.search(text or "")
            if match and value not in found:
                found[value] = match.group(0)
        if not found:
            return None
        for value in self.first.get(condition, ()):
            if value in found:
                return value, found[value]
        value = next(iter(found))  # phrases are longest first, so the first value found has the longest
        return value, found[value]

    def label(self, condition: str, value: str) -> str:
        return self.labels.get(condition, {}).get(value, value.replace("_", " "))

    def site_family(self, site: str) -> str:
        """The ICD site a claim-code site belongs to ("tongue_anterior" -> "tongue")."""
        return next((name for name, icd in self.icd_sites.items() if site in icd.covers), site)

    def fitting_sites(self, site: str) -> set[str]:
        """ICD sites whose diagnoses fit a code of `site` (the vestibule takes lip, cheek and gum diagnoses)."""
        family = self.site_family(site)
        icd = self.icd_sites.get(family)
        return {family, *(icd.fits if icd else ())}

    def named_sites(self, description: str) -> set[str]:
        """The ICD sites a diagnosis description names."""
        low = f" {description.lower()} "
        return {name for name, icd in self.icd_sites.items() if any(word.search(low) for word in icd.words)}


def load_wording_file(data_dir: Path, conditions: Mapping[str, tuple[str, ...]], problems: _Problems) -> Wording:
    """Read and validate wording.yaml; values must be those of claim_codes.csv `when` (`conditions`)."""
    doc = _read_yaml(data_dir / FILE, problems)
    if doc is None:
        return Wording()
    if not isinstance(doc, dict):
        problems.add(FILE, "", None, "must be a mapping")
        return Wording()
    for extra in set(doc) - {"version", "procedure_words", "first", "labels", "icd_sites"}:
        problems.add(FILE, _where(doc, extra), extra, "unknown top-level field")
    return Wording(
        procedure_words=_procedure_words(doc.get("procedure_words"), conditions, problems),
        first=_values_by_condition(doc.get("first"), "first", conditions, problems),
        labels=_labels(doc.get("labels"), conditions, problems),
        icd_sites=_icd_sites(doc.get("icd_sites"), conditions, problems),
    )


@functools.lru_cache(maxsize=4)
def _load_alone(path: str) -> Wording:
    problems = _Problems()
    wording = load_wording_file(Path(path), CONDITIONS, problems)
    problems.raise_if_any()
    return wording


def load_wording(data_dir: Path | str | None = None) -> Wording:
    """Just wording.yaml (validated), without the rest of the crosswalk."""
    return _load_alone(str(Path(data_dir).resolve() if data_dir is not None else DATA_DIR))


def _procedure_words(value: Any, conditions: Mapping[str, tuple[str, ...]], problems: _Problems) -> dict:
    if not isinstance(value, dict):
        problems.add(FILE, "procedure_words", None, "must be a mapping of condition -> value -> phrases")
        return {}
    out = {}
    for condition, values in value.items():
        where = _where(values, f"procedure_words.{condition}")
        if condition not in conditions or not isinstance(values, dict):
            problems.add(FILE, where, None, f"{condition!r} is not a condition ({', '.join(conditions)}) "
                                            "with a mapping of value -> phrases")
            continue
        phrases = []
        for item, words in values.items():
            item = str(item)
            if item not in conditions[condition]:
                problems.add(FILE, where, item, f"not a value of {condition} ({', '.join(conditions[condition])})")
            elif not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                problems.add(FILE, where, item, "must be a list of phrases")
            else:
                phrases += [(re.compile(rf"(?<![\w-]){re.escape(w.strip())}(?![\w-])", re.IGNORECASE), item,
                             len(w.strip())) for w in words]
        out[condition] = tuple(sorted(phrases, key=lambda entry: -entry[2]))
    return out


def _values_by_condition(value: Any, section: str, conditions: Mapping[str, tuple[str, ...]],
                         problems: _Problems) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(FILE, section, None, "must be a mapping of condition -> values")
        return {}
    out = {}
    for condition, values in value.items():
        where = f"{section}.{condition}"
        known = conditions.get(condition, ())
        if not isinstance(values, list) or not values or any(str(v) not in known for v in values):
            problems.add(FILE, where, None, f"must list values of {condition} ({', '.join(known)})")
            continue
        out[condition] = tuple(str(v) for v in values)
    return out


def _labels(value: Any, conditions: Mapping[str, tuple[str, ...]], problems: _Problems) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(FILE, "labels", None, "must be a mapping of condition -> value -> words")
        return {}
    out = {}
    for condition, labels in value.items():
        known = conditions.get(condition, ())
        if not isinstance(labels, dict) or any(str(k) not in known or not str(v).strip() for k, v in labels.items()):
            problems.add(FILE, f"labels.{condition}", None, f"must map values of {condition} to words")
            continue
        out[condition] = {str(k): str(v) for k, v in labels.items()}
    return out


def _icd_sites(value: Any, conditions: Mapping[str, tuple[str, ...]], problems: _Problems) -> dict:
    if not isinstance(value, dict):
        problems.add(FILE, "icd_sites", None, "must be a mapping of site -> {words, covers, fits}")
        return {}
    sites = set(conditions.get("site", ()))
    out = {}
    for name, entry in value.items():
        where = _where(entry, f"icd_sites.{name}")
        if not isinstance(entry, dict) or set(entry) - {"words", "covers", "fits"}:
            problems.add(FILE, where, None, "must be a mapping with words, covers and fits only")
            continue
        try:
            words = tuple(re.compile(str(rx), re.IGNORECASE) for rx in entry.get("words") or ())
        except re.error as exc:
            problems.add(FILE, where, "words", f"not a valid regular expression: {exc}")
            continue
        covers, fits = tuple(entry.get("covers") or ()), tuple(entry.get("fits") or ())
        if name not in sites and not covers:
            problems.add(FILE, where, None, f"{name!r} is not a site ({', '.join(sorted(sites))}); say what it covers")
            continue
        bad = [site for site in covers + fits if site not in sites and site not in value]
        if bad:
            problems.add(FILE, where, None, f"{', '.join(bad)} not a site")
            continue
        out[str(name)] = IcdSite(name=str(name), words=words, covers=covers, fits=fits)
    return out
