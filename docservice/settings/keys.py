"""`medlane settings set KEY VALUE`: a dotted key and a typed-in value as a merge patch."""
from __future__ import annotations

import json

from docservice.settings.schema import SettingsInvalid


def patch_for_key(current: dict, key: str, raw: str) -> dict:
    """The merge patch that sets `key` (dotted, list items by index) to `raw`.

    The value stays text unless it is JSON for a list, an object or null: "02110" must stay a
    ZIP code, not become the number 2110. Numbers and yes/no are typed by the settings' schema.
    Lists are replaced whole by a merge patch, so a key inside a list patches its whole list.

    Raises:
        SettingsInvalid: the key does not name a place in the settings, or the JSON is malformed.
    """
    parts = [part for part in key.split(".") if part]
    if not parts:
        raise SettingsInvalid({"key": ["Name a setting, e.g. billing_provider.npi."]})
    value = _parse_value(raw, key=key)
    top = parts[0]
    if len(parts) == 1:
        return {top: value}
    container = _copy(current.get(top))
    if container is None:
        container = [] if parts[1].isdigit() else {}
    target = container
    for position, part in enumerate(parts[1:-1], start=1):
        target = _step(target, part, key=key, create_list=parts[position + 1].isdigit())
    _assign(target, parts[-1], value, key=key)
    return {top: container}


def _parse_value(raw: str, *, key: str):
    text = raw.strip()
    if text == "null" or text[:1] in "[{":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise SettingsInvalid({key: [f"The value is not valid JSON: {error.msg}."]}) from None
    return raw


def _step(target, part: str, *, key: str, create_list: bool):
    if isinstance(target, list):
        index = _index(target, part, key=key)
        return target[index]
    if isinstance(target, dict):
        if target.get(part) is None:
            target[part] = [] if create_list else {}
        return target[part]
    raise SettingsInvalid({key: [f"{part!r} is inside a value that is not a group of settings."]})


def _assign(target, part: str, value, *, key: str) -> None:
    if isinstance(target, list):
        if part.isdigit() and int(part) == len(target):
            target.append(value)
            return
        target[_index(target, part, key=key)] = value
    elif isinstance(target, dict):
        target[part] = value
    else:
        raise SettingsInvalid({key: [f"{part!r} is inside a value that is not a group of settings."]})


def _index(items: list, part: str, *, key: str) -> int:
    if not part.isdigit() or int(part) >= len(items):
        raise SettingsInvalid({key: [f"There is no item {part} (the list has {len(items)})."]})
    return int(part)


def _copy(value):
    return json.loads(json.dumps(value)) if value is not None else None
