"""The medical-necessity narrative: drafted, complete (no placeholders left), signed."""
from __future__ import annotations

import re
from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.findings import Finding

PLACEHOLDER = re.compile(r"\[MISSING:\s*([^\]]*)\]")


def check_narrative(ctx: CheckContext) -> Iterator[Finding]:
    """narrative-placeholder (error) and narrative-unsigned (warning; info while there is no narrative)."""
    narrative = ctx.narrative
    if narrative is None:
        yield Finding("narrative-unsigned", "info", "No medical-necessity narrative has been drafted yet.",
                      "Draft the narrative, complete it and have the dentist sign it.")
        return
    evidence = [{"kind": "narrative", "id": narrative.id, "status": narrative.status}]
    labels = [p.get("label") or p.get("field", "") for p in narrative.placeholders or [] if isinstance(p, dict)]
    labels += [label.strip() for label in PLACEHOLDER.findall(narrative.body or "")]
    labels = list(dict.fromkeys(label for label in labels if label))
    if labels:
        yield Finding("narrative-placeholder", "error",
                      f"The narrative still has {len(labels)} missing value(s): {', '.join(labels)}.",
                      "Fill in each [MISSING: ...] from the chart or the documents, then sign.",
                      evidence=evidence + [{"kind": "narrative", "id": narrative.id, "placeholder": label} for label in labels])
    if narrative.status != "signed":
        yield Finding("narrative-unsigned", "warning", "The narrative is drafted but not signed by the dentist.",
                      "Have the treating dentist review and sign the narrative.", evidence=evidence)


RULES = (check_narrative,)
