"""Held-out test set: synthetic cases written without reading MedLane's rules.

These cases measure how well fact extraction, document classification, claim building and the
checks generalise to wording they were never tuned on. They were written by a helper who did not
open the crosswalk data, the extraction patterns, the OCR classifier, the checks, the claim
builder, the narrative templates or the golden case texts.

Do NOT copy any text from this package into rules (patterns, crosswalks, classifier keywords,
templates) or into tuned tests, and do not change an expectation to match what the software does:
once a wording here has been used for tuning, the set no longer measures generalisation.
"""
