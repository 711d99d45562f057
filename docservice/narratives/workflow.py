"""Drafting, editing and signing a case's narrative: the rules of its life, apart from HTTP.

A draft is rendered from the saved claim (or a freshly built, unsaved one). An edit recomputes
the placeholders from the `[MISSING: …]` markers still in the body; editing a signed narrative
returns it to draft. Only a body without placeholders can be signed; the signature records who,
when, and the SHA-256 of the signed text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from docservice.models import Case, Claim, Narrative, User, utcnow
from docservice.narratives.claim_note import build_claim_note
from docservice.narratives.context import build_context
from docservice.narratives.rendering import current_vocabulary, placeholders_in, render_body, template_folders

# The attestation lines of the templates, blank until signing fills them.
ATTESTATION_LINES = {
    "signature": re.compile(r"^Signature:.*$", re.MULTILINE),
    "name": re.compile(r"^Name and credentials:.*$", re.MULTILINE),
    "date": re.compile(r"^Date signed:.*$", re.MULTILINE),
}
BLANK_ATTESTATION = {
    "signature": "Signature: ______________________________",
    "name": "Name and credentials: ____________________",
    "date": "Date signed: _____________________________",
}


class NarrativeRefused(Exception):
    """The narrative is not in a state that allows this (answered 409). The message names what to do."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Drafted:
    narrative: Narrative
    created: bool


def case_claim(case: Case, facts: list, crosswalk) -> Claim | None:
    """The saved claim, else one built now and not saved; None while the claim builder is absent."""
    if case.claim is not None:
        return case.claim
    try:
        from docservice.claims import build_claim
    except ImportError:
        return None
    return build_claim(case, facts, crosswalk)


def draft_narrative(case: Case, *, user: User | None, crosswalk, replace_signed: bool = False) -> Drafted:
    """Render (or re-render) the case's narrative. The caller adds it to the session and commits.

    Raises:
        NarrativeRefused: the narrative is signed and `replace_signed` is not set.
    """
    narrative = case.narrative
    if narrative is not None and narrative.status == "signed" and not replace_signed:
        raise NarrativeRefused(
            "The narrative is signed; send {\"replace_signed\": true} to replace it with a new draft "
            "(the signature is then cleared).",
            code="narrative_signed",
        )
    facts = list(case.facts)
    claim = case_claim(case, facts, crosswalk)
    folders = template_folders()
    vocabulary = current_vocabulary(folders)
    context = build_context(case, facts, claim, crosswalk, vocabulary=vocabulary)
    rendered = render_body(context, category=case.category, folders=folders)
    created = narrative is None
    if created:
        narrative = Narrative(case=case)
    narrative.template = rendered.template
    narrative.body = rendered.body
    narrative.placeholders = rendered.placeholders
    narrative.claim_note = build_claim_note(case, facts, claim, vocabulary=vocabulary)
    narrative.drafted_at = utcnow()
    narrative.drafted_by_id = user.id if user else None
    narrative.edited_at = None
    narrative.edited_by_id = None
    clear_signature(narrative)
    return Drafted(narrative=narrative, created=created)


def edit_narrative(narrative: Narrative, body: str, *, user: User) -> bool:
    """Replace the body; returns True when this unsigned a signed narrative."""
    was_signed = narrative.status == "signed"
    known = {item["label"]: item["field"] for item in narrative.placeholders or []}
    if was_signed:
        body = blank_attestation(body)
        clear_signature(narrative)
    narrative.body = body
    narrative.placeholders = placeholders_in(body, known)
    narrative.edited_at = utcnow()
    narrative.edited_by_id = user.id
    return was_signed


def sign_narrative(narrative: Narrative, *, user: User, name: str = "", credentials: str = "",
                   now: datetime | None = None) -> None:
    """Sign as `user`, printing `name, credentials` (default: the user's name).

    Raises:
        NarrativeRefused: placeholders remain, the body is empty, or it is signed already.
    """
    if narrative.status == "signed":
        raise NarrativeRefused("The narrative is already signed.", code="narrative_signed")
    if narrative.placeholders:
        missing = "; ".join(item["label"] for item in narrative.placeholders)
        raise NarrativeRefused(
            f"The narrative cannot be signed while values are missing: {missing}. "
            "Add them to the records and redraft, or write them into the text.",
            code="narrative_incomplete",
        )
    if not narrative.body.strip():
        raise NarrativeRefused("The narrative is empty; draft it first.", code="narrative_empty")
    now = now or utcnow()
    printed = ", ".join(part for part in (name.strip() or user.name, credentials.strip()) if part)
    narrative.body = fill_attestation(narrative.body, printed=printed, when=now)
    narrative.status = "signed"
    narrative.signed_at = now
    narrative.signed_by_id = user.id
    narrative.signed_name = printed[:120]
    narrative.body_sha256 = body_digest(narrative.body)


def clear_signature(narrative: Narrative) -> None:
    narrative.status = "draft"
    narrative.signed_at = None
    narrative.signed_by_id = None
    narrative.signed_name = ""
    narrative.body_sha256 = ""


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def fill_attestation(body: str, *, printed: str, when: datetime) -> str:
    filled = {
        "signature": f"Signature: signed electronically by {printed}",
        "name": f"Name and credentials: {printed}",
        "date": f"Date signed: {when:%Y-%m-%d}",
    }
    for key, pattern in ATTESTATION_LINES.items():
        body = pattern.sub(lambda _match, text=filled[key]: text, body, count=1)
    return body


def blank_attestation(body: str) -> str:
    for key, pattern in ATTESTATION_LINES.items():
        body = pattern.sub(lambda _match, text=BLANK_ATTESTATION[key]: text, body, count=1)
    return body
