"""categories.yaml `categories`: the flag categories, each with what a case of it needs.

Its own module because the whole crosswalk (`loader`) and evidence.yaml read alone (`evidence`)
both validate against the category ids.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crosswalks.reading import _ID, _PWK, CONFIDENCES, _check_label, _Problems, _read_yaml, _where

FILE = "categories.yaml"
NEED_KINDS = ("order", "report", "record", "element", "diagnosis", "claim")


@dataclass(frozen=True)
class Need:
    label: str  # our short label, shown to staff
    kind: str  # order | report | record | element | diagnosis | claim
    pwk: tuple[str, ...] = ()  # 837P PWK01 report-type codes, where known


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    needs: tuple[Need, ...]
    source: str
    confidence: str
    collect: str = ""  # a few words for the ApptField prompt, e.g. "order + sleep study needed"
    join_days: int = 0  # a later visit of the patient joins an open case of this category within this many days

    @property
    def need_labels(self) -> tuple[str, ...]:
        return tuple(n.label for n in self.needs)


def load_categories(data_dir: Path, problems: _Problems) -> tuple[Category, ...]:
    file = FILE
    doc = _read_yaml(data_dir / file, problems)
    if doc is None:
        return ()
    if not isinstance(doc, dict) or not isinstance(doc.get("categories"), list):
        problems.add(file, "", None, "must be a mapping with a 'categories' list")
        return ()
    out: list[Category] = []
    seen: set[str] = set()
    allowed = {"id", "label", "collect", "needs", "source", "confidence", "join_days"}
    for i, entry in enumerate(doc["categories"]):
        where = _where(entry, f"categories[{i}]")
        if not isinstance(entry, dict):
            problems.add(file, where, None, "must be a mapping")
            continue
        for key in set(entry) - allowed:
            problems.add(file, where, key, "unknown field")
        cid = str(entry.get("id") or "")
        ok = True
        if not _ID.match(cid):
            problems.add(file, where, "id", f"{cid!r} must be lower-case letters, digits, - and _")
            ok = False
        elif cid in seen:
            problems.add(file, where, "id", f"category {cid!r} is defined twice")
            ok = False
        seen.add(cid)
        label = str(entry.get("label") or "").strip()
        ok &= _check_label(problems, file, where, label)
        if not str(entry.get("source") or "").strip():
            problems.add(file, where, "source", "missing (say where the entry comes from)")
            ok = False
        if entry.get("confidence") not in CONFIDENCES:
            problems.add(file, where, "confidence", f"{entry.get('confidence')!r} is not one of H, M, L")
            ok = False
        join_days = entry.get("join_days", 0)
        if not isinstance(join_days, int) or isinstance(join_days, bool) or not 0 <= join_days <= 730:
            problems.add(file, where, "join_days", f"{join_days!r} must be a whole number of days, 0 to 730")
            ok = False
        needs: list[Need] = []
        raw_needs = entry.get("needs")
        if not isinstance(raw_needs, list) or not raw_needs:
            problems.add(file, where, "needs", "must be a non-empty list")
            ok = False
            raw_needs = []
        for j, need in enumerate(raw_needs):
            nwhere = _where(need, f"categories[{i}].needs[{j}]")
            if not isinstance(need, dict):
                problems.add(file, nwhere, None, "must be a mapping with label and kind")
                ok = False
                continue
            for key in set(need) - {"label", "kind", "pwk"}:
                problems.add(file, nwhere, key, "unknown field")
                ok = False
            nlabel = str(need.get("label") or "").strip()
            if not nlabel:
                problems.add(file, nwhere, "label", "missing")
                ok = False
            kind = need.get("kind")
            if kind not in NEED_KINDS:
                problems.add(file, nwhere, "kind", f"{kind!r} is not one of {', '.join(NEED_KINDS)}")
                ok = False
            pwk = need.get("pwk") or []
            if not isinstance(pwk, list) or not all(isinstance(p, str) and _PWK.match(p) for p in pwk):
                problems.add(file, nwhere, "pwk", f"{pwk!r} must be a list of two-character PWK01 codes")
                ok = False
                pwk = []
            needs.append(Need(label=nlabel, kind=str(kind), pwk=tuple(pwk)))
        if ok:
            out.append(
                Category(
                    id=cid,
                    label=label,
                    needs=tuple(needs),
                    source=str(entry["source"]).strip(),
                    confidence=entry["confidence"],
                    collect=str(entry.get("collect") or "").strip(),
                    join_days=join_days,
                )
            )
    if not out and not problems.items:
        problems.add(file, "", "categories", "no categories defined")
    return tuple(out)
