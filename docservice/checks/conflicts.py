"""Documents that disagree on a value the claim is driven by (two AHIs, two study dates)."""
from __future__ import annotations

from collections.abc import Iterator

from docservice.checks.context import CheckContext
from docservice.checks.evidence import fact_evidence
from docservice.checks.findings import Finding


def check_conflicts(ctx: CheckContext) -> Iterator[Finding]:
    """evidence-conflict (warning): the records give another value than the one the case uses, for a value
    that drives the claim (crosswalk evidence.yaml `confirm`), and nobody has confirmed which is right."""
    for name in ctx.rules.confirm_list(sorted(ctx.categories)):
        resolved = ctx.evidence.get(name)
        if not resolved.conflicts or resolved.confirmation is not None:
            continue
        label = ctx.rules.label(name)
        others = ", ".join(dict.fromkeys(str(f.display or f.value) for f in resolved.conflicts))
        chosen = resolved.reading
        yield Finding("evidence-conflict", "warning",
                      f"The documents give more than one {label}: the claim uses {chosen.display or chosen.value} "
                      f"({resolved.why.split(';')[0]}), others say {others}.",
                      f"Confirm or correct the {label} on the case's evidence page "
                      f"(PUT /api/v1/cases/{ctx.case.id}/evidence/{name}); the claim, checks and letter follow it.",
                      evidence=[fact_evidence(chosen)] + [fact_evidence(f) for f in resolved.conflicts])


RULES = (check_conflicts,)
