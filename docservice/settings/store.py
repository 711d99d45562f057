"""Reading and changing the stored settings: one row, validated whole on every change.

On first use the row is seeded from the environment (MEDLANE_BILLING_NAME, MEDLANE_BILLING_NPI,
MEDLANE_RENDERING_NPI as before, and MEDLANE_SETTINGS_FILE, a TOML file in the settings' shape),
so an install configured by environment keeps working; after that the database is the record.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import json_merge_patch
from flask import current_app, has_app_context
from sqlalchemy import select
from sqlalchemy.orm import Session

from docservice.models import PracticeSettings
from docservice.settings.schema import SettingsInvalid, validate_settings

ROW_ID = 1


def load_settings(session: Session) -> dict:
    """The practice's settings, validated, with defaults for what was never set."""
    row = session.get(PracticeSettings, ROW_ID)
    if row is None:
        return validate_settings(seed_from_config(_app_config()))
    return validate_settings(row.data or {})


def update_settings(session: Session, patch: Mapping, *, actor: str) -> dict:
    """Apply a JSON merge patch (RFC 7386: objects merge, null removes, lists replace) and store it.

    Nothing is stored unless the whole result is valid. The caller commits.

    Raises:
        SettingsInvalid: naming every bad field of the result.
    """
    if not isinstance(patch, Mapping):
        raise SettingsInvalid({"_schema": ["Send the settings as one JSON object."]})
    row = session.get(PracticeSettings, ROW_ID)
    current = (row.data if row is not None else seed_from_config(_app_config())) or {}
    merged = json_merge_patch.merge(_copy(current), _copy(dict(patch)))
    validated = validate_settings(merged)
    if row is None:
        row = PracticeSettings(id=ROW_ID, data={}, version=0)
        session.add(row)
    row.data = validated
    row.version = (row.version or 0) + 1
    row.updated_by = actor[:80]
    session.flush()
    return validated


def read_settings_file(path: Path) -> dict:
    """A TOML file in the settings' shape (`medlane settings import`).

    Raises:
        SettingsInvalid: the file cannot be read or is not TOML.
    """
    try:
        with Path(path).open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise SettingsInvalid({"file": [f"Cannot read {path}: {error.strerror or error}."]}) from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsInvalid({"file": [f"{path} is not valid TOML: {error}."]}) from None


def seed_from_config(config: Mapping) -> dict:
    """The first settings, from the environment as the app read it (docservice.config)."""
    seeded: dict = {}
    settings_file = str(config.get("SETTINGS_FILE") or "")
    if settings_file:
        seeded = read_settings_file(Path(settings_file))
    billing = dict(seeded.get("billing_provider") or {})
    if config.get("BILLING_NAME") and not billing.get("name"):
        billing["name"] = str(config["BILLING_NAME"])
    if config.get("BILLING_NPI") and not billing.get("npi"):
        billing["npi"] = str(config["BILLING_NPI"])
    if billing:
        seeded["billing_provider"] = billing
    if config.get("RENDERING_NPI") and not seeded.get("rendering_providers"):
        seeded["rendering_providers"] = [{"npi": str(config["RENDERING_NPI"])}]
    return seeded


def payer_profile(settings: Mapping, carrier: str, *, payer_id: str = "") -> dict | None:
    """The payer profile of a plan: the one with the carrier's electronic payer id, else the one whose
    name or an alias is the carrier's name (case and punctuation aside)."""
    payers = settings.get("payers", [])
    if payer_id:
        by_id = next((payer for payer in payers if payer.get("payer_id", "").upper() == payer_id.upper()), None)
        if by_id is not None:
            return by_id
    wanted = _comparable(carrier)
    if not wanted:
        return None
    for payer in payers:
        names = [payer.get("name", ""), *payer.get("aliases", [])]
        if any(_comparable(name) == wanted for name in names):
            return payer
    return None


def rendering_provider(settings: Mapping, appointment_provider: str) -> dict | None:
    """The rendering provider of an appointment: the one whose abbreviation or name matches, else
    the only one configured."""
    providers = settings.get("rendering_providers", [])
    wanted = _comparable(appointment_provider)
    for provider in providers:
        if wanted and wanted in (_comparable(provider.get("abbr", "")), _comparable(provider.get("name", ""))):
            return provider
    return providers[0] if len(providers) == 1 else None


def practice_of(settings: Mapping, case) -> "Practice":
    """Who renders and who bills the case's claim, for the claim builder and the checks."""
    from docservice.claims import Practice

    billing = settings.get("billing_provider") or {}
    rendering = rendering_provider(settings, case.apt_provider) or {}
    return Practice(rendering_npi=str(rendering.get("npi") or ""), billing_npi=str(billing.get("npi") or ""),
                    billing_name=str(billing.get("name") or ""), rendering_name=str(rendering.get("name") or ""))


def _comparable(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(name or "").lower()).strip()


def _copy(value):
    """A deep copy of JSON data, so a merge never edits the stored object in place."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _app_config() -> Mapping:
    return current_app.config if has_app_context() else {}
