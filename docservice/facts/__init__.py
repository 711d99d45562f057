"""Facts read from a case's documents and appointment note, with where each was read (contract §2).

The wording lives in patterns.yaml; the fact names and value shapes in vocabulary.py.
"""
from docservice.facts.extract import ExtractedFact, extract_text_facts
from docservice.facts.store import extract_case_facts

__all__ = ["ExtractedFact", "extract_case_facts", "extract_text_facts"]
