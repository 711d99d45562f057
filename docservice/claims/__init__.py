"""The proposed medical claim (CMS-1500 / 837P) of a case: build it from the case, its facts and
the crosswalk; store it, keeping whatever a person edited; apply a person's edits.

    build_claim(case, facts, crosswalk, *, practice=None) -> Claim   # new, unsaved
    save_claim(session, case, built) -> Claim                        # first build or rebuild
"""
from docservice.claims.builder import build_claim
from docservice.claims.fields import Practice
from docservice.claims.store import save_claim

__all__ = ["Practice", "build_claim", "save_claim"]
