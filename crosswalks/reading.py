"""Reading and validating crosswalk files: what every table's loader shares.

`_read_csv` and `_read_yaml` read a file and remember lines for messages, `_Problems` collects every
finding and raises them as one `CrosswalkError`, and the `_check_*` helpers judge the columns every
row has. `loader`, `categories`, `billing`, `evidence` and `wording` build on this module alone, so
none of them imports another to reach a helper.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any, Iterator

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

CONFIDENCES = ("H", "M", "L")
LABEL_MAX = 80  # our own short labels; a long label is probably a pasted (licensed) descriptor

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_CDT = re.compile(r"^D\d{4}$")
_PWK = re.compile(r"^[0-9A-Z]{2}$")


class CrosswalkError(ValueError):
    """The crosswalk data is invalid. `problems` lists every finding, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        head = f"{len(self.problems)} problem(s) in the crosswalk data:"
        super().__init__("\n".join([head, *("  " + p for p in self.problems)]))


class _Problems:
    """Collects validation findings; raises them all at the end."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, where: str, column: str | None, message: str) -> None:
        col = f", column '{column}'" if column else ""
        self.items.append(f"{file} {where}{col}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise CrosswalkError(self.items)


def _read_csv(
    path: Path, columns: tuple[str, ...], problems: _Problems, optional: tuple[str, ...] = ()
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV as dicts with (line number). Lines whose first cell starts with '#' are comments.

    `optional` columns may be absent from the header, and a row may leave out optional columns
    that end the header (read as ""), so a file written before such a column was added still reads.
    """
    name = path.name
    if not path.is_file():
        problems.add(name, "", None, "file is missing")
        return
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header: list[str] | None = None
        for row in reader:
            line = reader.line_num
            if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [c.strip() for c in row]
                missing = [c for c in columns if c not in header]
                unknown = [c for c in header if c not in columns and c not in optional]
                if missing:
                    problems.add(name, f"line {line}", None, f"header lacks column(s) {', '.join(missing)}")
                if unknown:
                    problems.add(name, f"line {line}", None, f"unknown column(s) {', '.join(unknown)}")
                if missing or unknown:
                    return
                continue
            if len(row) < len(header) and all(c in optional for c in header[len(row):]):
                row = row + [""] * (len(header) - len(row))
            if len(row) != len(header):
                problems.add(name, f"line {line}", None, f"has {len(row)} cells, the header has {len(header)}")
                continue
            cells = {k: v.strip() for k, v in zip(header, row)}
            yield line, {**{c: "" for c in optional}, **cells}
    if header is None:
        problems.add(name, "", None, "file has no header row")


class _LineDict(dict):
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    data = _LineDict(loader.construct_mapping(node, deep=True))
    data.line = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, problems: _Problems) -> Any:
    if not path.is_file():
        problems.add(path.name, "", None, "file is missing")
        return None
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        problems.add(path.name, where, None, f"not valid YAML: {getattr(exc, 'problem', exc)}")
        return None


def _where(obj: Any, path: str) -> str:
    line = getattr(obj, "line", 0)
    return f"line {line} ({path})" if line else f"({path})"


def _check_common(
    problems: _Problems, file: str, where: str, row: dict, categories: set[str], ids: dict[str, str]
) -> bool:
    """Checks id, category, source, confidence. Returns False when the row is unusable."""
    ok = True
    rid = str(row.get("id") or "").strip()
    category = str(row.get("category") or "").strip()
    if category not in categories:
        problems.add(file, where, "category", f"unknown category {category!r} (known: {', '.join(sorted(categories))})")
        ok = False
    if not rid:
        problems.add(file, where, "id", "missing")
        ok = False
    elif not _ID.match(rid):
        problems.add(file, where, "id", f"{rid!r} must be lower-case letters, digits, - and _")
        ok = False
    elif category in categories and not rid.startswith(category + "-"):
        problems.add(file, where, "id", f"{rid!r} must start with its category, '{category}-'")
        ok = False
    elif rid in ids:
        problems.add(file, where, "id", f"{rid!r} is already used ({ids[rid]})")
        ok = False
    else:
        ids[rid] = f"{file} {where}"
    if not str(row.get("source") or "").strip():
        problems.add(file, where, "source", "missing (say where the row comes from)")
        ok = False
    confidence = str(row.get("confidence") or "").strip()
    if confidence not in CONFIDENCES:
        problems.add(file, where, "confidence", f"{confidence!r} is not one of H, M, L")
        ok = False
    return ok


def _check_label(problems: _Problems, file: str, where: str, label: str) -> bool:
    if not label:
        problems.add(file, where, "label", "missing")
        return False
    if len(label) > LABEL_MAX:
        problems.add(file, where, "label", f"longer than {LABEL_MAX} characters; use our own short label")
        return False
    return True
