"""The service's extensions, created unbound and bound to each app with `init_app` (microblog style).

Each keeps its per-app state in `app.extensions`, so tests can build many apps in one process.
The flask-smorest `Api` is the exception: it holds its OpenAPI spec on itself, so
`docservice.api.init_api` makes one per app.
"""
from __future__ import annotations

from docservice.database import Database
from docservice.engine import OcrEngineExtension
from docservice.queue import JobQueue
from docservice.storage import StorageExtension

db = Database()
storage = StorageExtension()
ocr = OcrEngineExtension()
jobs = JobQueue()
