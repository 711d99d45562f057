"""Medical-necessity narratives: a letter per case category, filled only from the records, signed by a dentist."""
from docservice.narratives.claim_note import NOTE_LIMIT, build_claim_note
from docservice.narratives.context import build_context
from docservice.narratives.pdf import PdfFontError, render_pdf
from docservice.narratives.rendering import render_body, template_folders
from docservice.narratives.values import Missing, Sourced
from docservice.narratives.workflow import (
    NarrativeRefused,
    body_digest,
    draft_narrative,
    edit_narrative,
    sign_narrative,
)

__all__ = [
    "NOTE_LIMIT",
    "Missing",
    "NarrativeRefused",
    "PdfFontError",
    "Sourced",
    "body_digest",
    "build_claim_note",
    "build_context",
    "draft_narrative",
    "edit_narrative",
    "render_body",
    "render_pdf",
    "sign_narrative",
    "template_folders",
]
