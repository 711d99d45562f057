"""MedLane's document service: cases, document intake, OCR jobs, behind a REST API under /api/v1.

`create_app` is the application factory (flaskr, microblog): settings come from the
environment (`docservice.config`) and `config`, extensions are bound with `init_app`, and the
database is created or migrated on first use, so no separate init step exists.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app.

    Args:
        config: settings that win over the environment (tests pass MEDLANE_HOME,
            DATABASE_URL, QUEUE_URL="immediate:", an OcrEngine as OCR_ENGINE, ...).

    Raises:
        docservice.errors.ConfigError: a setting is malformed.
        docservice.errors.DatabaseError: the database cannot be reached or migrated.
    """
    # Imported here, not at the top: `import docservice` (every `medlane` command's registration)
    # stays light, while the app pulls in every area of the service.
    from docservice.config import load_config

    settings = load_config(config)
    settings["MEDLANE_HOME"].mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(settings["MEDLANE_HOME"]))
    app.config.from_mapping(settings)

    from docservice.extensions import db, jobs, ocr, storage
    from docservice.jobs.registry import register_tasks

    db.init_app(app)
    storage.init_app(app)
    ocr.init_app(app)
    jobs.init_app(app, register_tasks)

    from docservice.api import init_api

    init_api(app)
    return app
