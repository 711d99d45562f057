"""Small helpers that turn crosswalk labels into sentences (article, subject of a rule)."""
from __future__ import annotations

from docservice.checks.context import CheckContext


def with_article(label: str) -> str:
    """"a sleep study report", "an order": labels are stored bare."""
    text = (label or "").strip()
    if not text:
        return "a document"
    text = text[0].lower() + text[1:]
    return ("an " if text[0] in "aeiou" else "a ") + text


def subject_of(ctx: CheckContext, codes, categories) -> tuple[str, int | None, list]:
    """Who a rule speaks for: the first billed line it names, else the case's category.

    Returns the subject phrase, the 1-based line (or None) and that line for evidence.
    """
    found = ctx.line_of(codes) if codes else None
    if found:
        position, line = found
        code = line.code if line.code in codes else line.cdt
        label = ctx.billing.label(code)
        return (f"{label} ({code}) on line {position}" if label else f"{code} on line {position}"), position, [line]
    category = next((c for c in categories if c in ctx.categories), "")
    return (f"A {category.replace('_', ' ')} case" if category else "This case"), None, []
