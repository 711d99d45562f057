"""Editing a copied crosswalk data directory and reading the problems the loader reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from crosswalks import CrosswalkError, load_crosswalk


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(data: Path, **kwargs) -> list[str]:
    with pytest.raises(CrosswalkError) as info:
        load_crosswalk(data, **kwargs)
    return info.value.problems


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())
