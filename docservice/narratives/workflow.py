"""Drafting, editing and signing a case's narrative: the rules of its life, apart from HTTP.

A draft is rendered from the saved claim (or a freshly built, unsaved one). An edit recomputes
the placeholders from the `[MISSING: …]` markers still in the body. Only a body without
placeholders can be signed; the signature records who, when, and the SHA-256 of the signed text.

A signature never disappears silently. Changing a signed narrative (an edit or a redraft)
removes the signature, so it is refused unless the request says `replace_signed`; this holds for
the signer too, because the signed text may already be in a packet and the new text is not what
they attested to until they sign again. With the flag the narrative returns to draft and the
caller is told whose signature went (`Signature`), to answer it and record it in the audit log.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import object_session

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
class Signature:
    """A signature as the narrative records it; `role` is the signer's, while their user exists."""

    name: str
    role: str
    user_id: int | None
    signed_at: datetime

    def describe(self) -> str:
        """e.g. "the dentist's sign-off (Robin Testdentist, DDS, 2027-01-04)"."""
        whose = f"the {self.role}'s sign-off" if self.role else "the sign-off"
        day = f"{self.signed_at:%Y-%m-%d}"
        return f"{whose} ({self.name}, {day})" if self.name else f"{whose} of {day}"


@dataclass(frozen=True)
class Drafted:
    narrative: Narrative
    created: bool
    removed: Signature | None = None  # the signature this redraft removed


def signature_of(narrative: Narrative) -> Signature | None:
    """The narrative's signature, None while it is a draft."""
    if narrative.status != "signed":
        return None
    session = object_session(narrative)
    signer = session.get(User, narrative.signed_by_id) if session and narrative.signed_by_id else None
    return Signature(name=narrative.signed_name, role=signer.role if signer else "", user_id=narrative.signed_by_id,
                     signed_at=narrative.signed_at)


def guard_signature(narrative: Narrative | None, *, user: User | None, replace_signed: bool,
                    change: str) -> Signature | None:
    """The signature a change would remove (None when unsigned), once the request has said it may.

    Raises:
        NarrativeRefused: the narrative is signed and `replace_signed` is not set; the message
            names whose signature it is and how to proceed.
    """
    signature = signature_of(narrative) if narrative is not None else None
    if signature is None or replace_signed:
        return signature
    if user is not None and signature.user_id == user.id:
        message = (f"You signed this narrative on {signature.signed_at:%Y-%m-%d}; {change} would remove your "
                   "signature. Send \"replace_signed\": true with the change to remove it, then sign the new "
                   "text again.")
    else:
        message = (f"The narrative is signed: {change} would remove {signature.describe()}. To go ahead, send "
                   "\"replace_signed\": true with it; the signature is then removed (this is recorded) and the "
                   "narrative must be signed again.")
    raise NarrativeRefused(message, code="narrative_signed")


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
    removed = guard_signature(narrative, user=user, replace_signed=replace_signed, change="a new draft")
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
    return Drafted(narrative=narrative, created=created, removed=removed)


def edit_narrative(narrative: Narrative, body: str, *, user: User, replace_signed: bool = False) -> Signature | None:
    """Replace the body; returns the signature this removed (None when the narrative was a draft).

    Raises:
        NarrativeRefused: the narrative is signed and `replace_signed` is not set.
    """
    removed = guard_signature(narrative, user=user, replace_signed=replace_signed, change="this edit")
    known = {item["label"]: item["field"] for item in narrative.placeholders or []}
    if removed is not None:
        body = blank_attestation(body)
        clear_signature(narrative)
    narrative.body = body
    narrative.placeholders = placeholders_in(body, known)
    narrative.edited_at = utcnow()
    narrative.edited_by_id = user.id
    return removed


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
