"""The scheduling-time flagger: decides whether an appointment may be billable to medical insurance.

    from plugin.flagger import Flagger, format_reasons
    flagger = Flagger.from_crosswalks()
    decision = flagger.decide(ctx)          # ctx: plugin.flagger.model.AppointmentContext
    print("\\n".join(format_reasons(decision)))
"""
from plugin.flagger.engine import Flagger, format_reasons

__all__ = ["Flagger", "format_reasons"]
