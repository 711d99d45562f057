"""MedLane's crosswalk data (CDT, ICD-10-CM, note wording -> categories and what a case needs)."""
from crosswalks.loader import (
    Category,
    Crosswalk,
    CrosswalkError,
    NegationTerms,
    Need,
    NoteExclusion,
    NoteTerm,
    ProblemRule,
    ProcedureRule,
    Requirement,
    clear_cache,
    load_crosswalk,
)

__all__ = [
    "Category",
    "Crosswalk",
    "CrosswalkError",
    "NegationTerms",
    "Need",
    "NoteExclusion",
    "NoteTerm",
    "ProblemRule",
    "ProcedureRule",
    "Requirement",
    "clear_cache",
    "load_crosswalk",
]
