"""The case's documents themselves: one that names another patient stops the claim until a person decides."""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import document_evidence
from docservice.checks.findings import Finding
from docservice.documents.identity import IdentityCheck


def check_document_patient(ctx: CheckContext) -> Iterator[Finding]:
    """document-wrong-patient: a document's stated name or date of birth is not the case's patient's.

    Its facts are already left out of the case (facts.store); the message names the document by
    id and file name, never the other patient.
    """
    for document in ctx.case.documents:
        if document.identity != "mismatch":
            continue
        mismatched = IdentityCheck(document.identity, document.identity_detail or {}).mismatched
        what = " and ".join(mismatched) or "patient details"
        verb = "do" if len(mismatched) > 1 else "does"
        named = f"Document {document.id}" + (f" ({document.filename})" if document.filename else "")
        yield Finding(
            "document-wrong-patient", "error",
            f"{named} names another patient: its {what} {verb} not match this case's patient. "
            "Its facts are not used.",
            "Open the document. If it is another patient's, move it to that patient's case (or out of this one); "
            "if it is this patient's, confirm it (PATCH the document with identity \"confirmed\").",
            evidence=[{**document_evidence(document), "identity": document.identity, "mismatched": mismatched}],
        )


RULES = (check_document_patient,)
