"""The practice's billing settings: who bills, who submits, which payers, how to print.

    load_settings(session) -> dict            # validated, defaults filled in
    update_settings(session, patch, *, actor) # JSON merge patch, validated whole, stored
    payer_profile(settings, carrier, *, payer_id="") -> dict | None

Everything billing-related that is not in the crosswalk lives here, in the database, edited by
an admin through `medlane settings` or `/api/v1/settings`; nothing of it is hard-coded.
"""
from docservice.settings.schema import SettingsInvalid
from docservice.settings.store import load_settings, payer_profile, update_settings

__all__ = ["SettingsInvalid", "load_settings", "payer_profile", "update_settings"]
