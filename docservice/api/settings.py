"""/api/v1/settings: the practice's billing settings (admins only).

`GET` answers the whole settings object; `PUT` takes a partial object as a JSON merge patch
(RFC 7386: objects merge, `null` removes a value, lists replace) and answers the result, or 422
naming each bad field by its dotted path. Nothing is stored unless the whole result is valid.
"""
from __future__ import annotations

import marshmallow as ma
from flask.views import MethodView

from docservice import audit
from docservice.api.core import ServiceBlueprint
from docservice.auth import SETTINGS_ADMIN, current_user
from docservice.extensions import db
from docservice.settings import load_settings, update_settings
from docservice.settings.schema import SettingsSchema

blp = ServiceBlueprint("settings", __name__, url_prefix="/api/v1",
                       description="The practice's billing settings: providers, submitter, payers, printing.")


class SettingsPatchSchema(ma.Schema):
    """Any part of the settings object; validated after merging (see SettingsSchema for the shape)."""

    class Meta:
        unknown = ma.INCLUDE


@blp.route("/settings")
class Settings(MethodView):
    @blp.requires(SETTINGS_ADMIN)
    @blp.response(200, SettingsSchema)
    def get(self):
        """Read the settings, defaults filled in."""
        settings = load_settings(db.session)
        audit.record_read("settings.read", "settings")
        return settings

    @blp.requires(SETTINGS_ADMIN)
    @blp.arguments(SettingsPatchSchema)
    @blp.response(200, SettingsSchema)
    @blp.errors(422)
    def put(self, patch):
        """Change settings with a JSON merge patch; answers the whole result."""
        settings = update_settings(db.session, patch, actor=current_user().name)
        audit.record("settings.update", "settings", detail={"keys": sorted(patch)})
        db.session.commit()
        return settings
