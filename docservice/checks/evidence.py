"""Evidence items of a finding: where the problem was seen (fact, document, line, crosswalk rule...)."""
from __future__ import annotations

from crosswalks.clinical.context import DENYING_CONTEXTS
from docservice.evidence import context_of
from docservice.models import ClaimLine, Document, Procedure


def fact_evidence(fact) -> dict:
    """The reading (a Fact, or a person's confirmation), with the document, page and words it was read from."""
    item = {"kind": "fact", "id": fact.id, "name": fact.name, "value": fact.value, "display": fact.display,
            "document_id": fact.document_id, "page": fact.page, "snippet": fact.snippet}
    context = context_of(fact)
    if context in DENYING_CONTEXTS:
        item["negated"] = True
    elif context in ("historical", "resolved"):
        item["historical"] = True
    if context != "present":
        item["context"] = context
    if fact.source == "person" and getattr(fact, "action", ""):
        item.update(source="person", action=fact.action, by=fact.user_name)
    return item


def document_evidence(document: Document) -> dict:
    return {"kind": "document", "id": document.id, "document_kind": document.kind, "status": document.status,
            "filename": document.filename}


def line_evidence(line: ClaimLine, position: int) -> dict:
    return {"kind": "line", "id": line.id, "line": position, "code": line.code, "cdt": line.cdt,
            "modifiers": list(line.modifiers or []), "units": line.units, "tooth": line.tooth,
            "pointers": list(line.pointers or [])}


def diagnosis_evidence(diagnosis: dict, position: int) -> dict:
    return {"kind": "diagnosis", "id": position, "position": position, "code": diagnosis.get("code", ""),
            "source": diagnosis.get("source", "")}


def crosswalk_evidence(row, **extra) -> dict:
    """A crosswalk row (any of the billing dataclasses with `id`, `source`, `confidence`)."""
    item = {"kind": "crosswalk", "id": getattr(row, "id", ""), "source": getattr(row, "source", ""),
            "confidence": getattr(row, "confidence", "")}
    item.update(extra)
    return item


def procedure_evidence(procedure: Procedure) -> dict:
    return {"kind": "procedure", "id": procedure.id, "code": procedure.code, "tooth": procedure.tooth,
            "descript": procedure.descript}


def field_evidence(name: str, value) -> dict:
    """A claim-level field (member id, a provider...)."""
    return {"kind": "claim_field", "id": name, "value": value}
