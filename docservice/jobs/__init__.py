"""Background jobs: what the queue (`docservice.queue`) runs, and the worker that runs it.

Modules: `tasks` (a page's OCR, a finished document's assembly), `sweeper` (work the queue lost,
given back), `registry` (both registered on a Huey instance) and `worker` (the process that runs them).
"""
from docservice.queue import create_huey  # noqa: F401  (tests import the queue URL reading from here)
