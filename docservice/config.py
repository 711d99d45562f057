"""Settings of the document service, read from the environment (microblog's `Config`, as a mapping).

| variable | default | meaning |
|---|---|---|
| `MEDLANE_HOME` | `./instance` | database, queue, original files and OCR output live here |
| `MEDLANE_DATABASE_URL` | SQLite file `docservice.db` under home | `postgresql://…` to scale out |
| `MEDLANE_QUEUE_URL` | SQLite file `queue.db` under home | `redis://host:6379/0` for workers on several machines |
| `MEDLANE_QUEUE_NAME` | `medlane-docservice` | keeps several installs sharing one Redis apart |
| `MEDLANE_MAX_UPLOAD_MB` | 50 | bigger uploads get 413 |
| `MEDLANE_OCR_ENGINE` | `tesseract` | or `module:attribute` naming an `OcrEngine` class |
| `MEDLANE_OCR_TIMEOUT` | 180 | seconds one page may take before it is left for review |
| `MEDLANE_WORKERS` | number of cores | OCR tasks run at once by one worker (one page each) |
| `MEDLANE_WORKER_TYPE` | `process` | `process` isolates crashes; `thread` uses less memory |
| `MEDLANE_BILLING_NPI`, `MEDLANE_BILLING_NAME` | empty | billing provider on proposed claims (box 33) |
| `MEDLANE_RENDERING_NPI` | empty | rendering provider's NPI on proposed claims (box 24J) |
| `MEDLANE_NARRATIVE_TEMPLATES` | empty | a practice's own narrative templates, tried before `templates/narratives/` |
| `MEDLANE_SETTINGS_FILE` | empty | a TOML file that seeds the practice settings on first run (`medlane settings import`) |

The billing settings (`MEDLANE_BILLING_*`, `MEDLANE_RENDERING_NPI`, `MEDLANE_SETTINGS_FILE`) only seed the
stored practice settings the first time; after that `medlane settings` and `/api/v1/settings` change them.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docservice.errors import ConfigError

DEFAULT_PORT = 8750
# Multipart framing around the file itself; the file's own size is checked exactly while it is stored.
MULTIPART_OVERHEAD = 64 * 1024

DEFAULTS: dict[str, Any] = {
    "MEDLANE_HOME": "instance",
    "DATABASE_URL": None,  # derived from MEDLANE_HOME
    "QUEUE_URL": None,  # derived from MEDLANE_HOME
    "QUEUE_NAME": "medlane-docservice",
    "MAX_UPLOAD_MB": 50,
    "OCR_ENGINE": "tesseract",
    "OCR_TIMEOUT": 180.0,
    "OCR_MAX_ATTEMPTS": 3,
    "WORKERS": None,  # derived: os.cpu_count()
    "WORKER_TYPE": "process",
    "SWEEP_GRACE_SECONDS": 30.0,
    "AUTO_MIGRATE": True,
    "BILLING_NPI": "",
    "BILLING_NAME": "",
    "RENDERING_NPI": "",
    "NARRATIVE_TEMPLATES": "",
    "SETTINGS_FILE": "",
    # flask-smorest: the OpenAPI document is served at /api/v1/openapi.json, no UI (no CDN assets).
    "API_TITLE": "MedLane document service",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
    "API_SPEC_OPTIONS": {"security": [{"bearerAuth": []}]},
}

# environment variable -> (config key, parser)
ENVIRONMENT: dict[str, tuple[str, type]] = {
    "MEDLANE_HOME": ("MEDLANE_HOME", str),
    "MEDLANE_DATABASE_URL": ("DATABASE_URL", str),
    "MEDLANE_QUEUE_URL": ("QUEUE_URL", str),
    "MEDLANE_QUEUE_NAME": ("QUEUE_NAME", str),
    "MEDLANE_MAX_UPLOAD_MB": ("MAX_UPLOAD_MB", float),
    "MEDLANE_OCR_ENGINE": ("OCR_ENGINE", str),
    "MEDLANE_OCR_TIMEOUT": ("OCR_TIMEOUT", float),
    "MEDLANE_WORKERS": ("WORKERS", int),
    "MEDLANE_WORKER_TYPE": ("WORKER_TYPE", str),
    "MEDLANE_BILLING_NPI": ("BILLING_NPI", str),
    "MEDLANE_BILLING_NAME": ("BILLING_NAME", str),
    "MEDLANE_RENDERING_NPI": ("RENDERING_NPI", str),
    "MEDLANE_NARRATIVE_TEMPLATES": ("NARRATIVE_TEMPLATES", str),
    "MEDLANE_SETTINGS_FILE": ("SETTINGS_FILE", str),
}


def from_environ(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Return the settings the environment sets, parsed; unset or empty variables are left out."""
    env = os.environ if environ is None else environ
    settings: dict[str, Any] = {}
    for variable, (key, parse) in ENVIRONMENT.items():
        raw = env.get(variable, "").strip()
        if not raw:
            continue
        try:
            settings[key] = parse(raw)
        except ValueError:
            raise ConfigError(f"{variable} must be a number, got {raw!r}.") from None
    return settings


def load_config(overrides: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None) -> dict:
    """Defaults, then the environment, then `overrides`; derived values filled in and checked."""
    config = {**DEFAULTS, **from_environ(environ), **(overrides or {})}
    home = Path(config["MEDLANE_HOME"]).expanduser().resolve()
    config["MEDLANE_HOME"] = home
    config["DATABASE_URL"] = normalize_database_url(config["DATABASE_URL"] or f"sqlite:///{home / 'docservice.db'}")
    config["QUEUE_URL"] = config["QUEUE_URL"] or f"sqlite:///{home / 'queue.db'}"
    if config["QUEUE_URL"].split(":", 1)[0] not in ("sqlite", "redis", "rediss", "unix", "immediate"):
        raise ConfigError(
            f"MEDLANE_QUEUE_URL must start with redis:// or sqlite:///, got {_redact(config['QUEUE_URL'])!r}."
        )
    if float(config["MAX_UPLOAD_MB"]) <= 0:
        raise ConfigError("MEDLANE_MAX_UPLOAD_MB must be more than 0.")
    config["MAX_UPLOAD_BYTES"] = int(float(config["MAX_UPLOAD_MB"]) * 1024 * 1024)
    config["MAX_CONTENT_LENGTH"] = config["MAX_UPLOAD_BYTES"] + MULTIPART_OVERHEAD
    config["WORKERS"] = int(config["WORKERS"] or os.cpu_count() or 1)
    if config["WORKERS"] < 1:
        raise ConfigError("MEDLANE_WORKERS must be at least 1.")
    if config["WORKER_TYPE"] not in ("process", "thread"):
        raise ConfigError(f"MEDLANE_WORKER_TYPE must be process or thread, got {config['WORKER_TYPE']!r}.")
    if float(config["OCR_TIMEOUT"]) <= 0:
        raise ConfigError("MEDLANE_OCR_TIMEOUT must be more than 0 seconds.")
    return config


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever spelling was given (as microblog does for `postgres://`)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if not url.startswith(("sqlite:", "postgresql+")):
        raise ConfigError(f"MEDLANE_DATABASE_URL must be a sqlite:/// or postgresql:// URL, got {_redact(url)!r}.")
    return url


def _redact(url: str) -> str:
    """The URL without a password, fit for a message."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        credentials, _, host = rest.rpartition("@")
        rest = f"{credentials.split(':', 1)[0]}:***@{host}"
    return f"{scheme}{sep}{rest}"
