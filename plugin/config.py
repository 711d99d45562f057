"""Settings of the Open Dental side: command-line flags, then environment, then an optional TOML file.

The TOML file is `--config FILE` or `$MEDLANE_HOME/medlane.toml`:

    [opendental]
    url = "http://SERVER:30223/api/v1"
    developer_key = "..."
    customer_key = "..."
    page_size = 1000        # optional
    min_interval = 0        # optional, seconds between calls

    [docservice]
    url = "http://127.0.0.1:8750/api/v1"
    token = "..."
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from plugin.errors import ConfigError

REMOTE_API_HOST = "api.opendental.com"
# Open Dental caps a page at 100 rows for the remote API and 1000 for the local API and API Service.
REMOTE_PAGE_SIZE = 100
LOCAL_PAGE_SIZE = 1000
# A remote key holding more than ReadAll is throttled to one request per second.
REMOTE_MIN_INTERVAL = 1.0


def default_home() -> Path:
    return Path(os.environ.get("MEDLANE_HOME") or "instance")


@dataclass(frozen=True)
class PMSSettings:
    """How to reach one practice's Open Dental."""

    url: str = ""
    developer_key: str = field(default="", repr=False)
    customer_key: str = field(default="", repr=False)
    page_size: int = 0
    min_interval: float = -1.0
    connect_timeout: float = 5.0
    read_timeout: float = 70.0  # Open Dental's own limit is 60 s; a little more so we see its 504

    @property
    def is_remote(self) -> bool:
        return urlsplit(self.url).hostname == REMOTE_API_HOST

    @property
    def effective_page_size(self) -> int:
        if self.page_size > 0:
            return self.page_size
        return REMOTE_PAGE_SIZE if self.is_remote else LOCAL_PAGE_SIZE

    @property
    def effective_min_interval(self) -> float:
        if self.min_interval >= 0:
            return self.min_interval
        return REMOTE_MIN_INTERVAL if self.is_remote else 0.0

    def validated(self) -> "PMSSettings":
        """Return self, or raise ConfigError naming the first thing a person must fix."""
        if not self.url:
            raise ConfigError(
                "No Open Dental URL: pass --pms-url or set MEDLANE_PMS_URL "
                "(for example http://SERVER:30223/api/v1)."
            )
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"The Open Dental URL must start with http:// or https://, got {self.url!r}.")
        if not parts.path.rstrip("/").endswith("/api/v1"):
            raise ConfigError(
                f"The Open Dental URL must end with /api/v1 (for example http://SERVER:30223/api/v1), got {self.url!r}."
            )
        if not self.developer_key or not self.customer_key:
            raise ConfigError(
                "No Open Dental keys: pass --developer-key and --customer-key or set "
                "MEDLANE_OD_DEVELOPER_KEY and MEDLANE_OD_CUSTOMER_KEY."
            )
        if "/" in self.developer_key or "/" in self.customer_key:
            raise ConfigError("An Open Dental key cannot contain '/'.")
        return self


@dataclass(frozen=True)
class DocServiceSettings:
    """Where the flagger opens cases. Empty url means: prompt in Open Dental only."""

    url: str = ""
    token: str = field(default="", repr=False)

    @property
    def enabled(self) -> bool:
        return bool(self.url and self.token)


@dataclass(frozen=True)
class Settings:
    home: Path
    pms: PMSSettings
    docservice: DocServiceSettings
    practice: str = "default"  # names this practice's cases in a document service shared by several

    @property
    def state_path(self) -> Path:
        return self.home / "plugin.db"


def _read_file(path: Path | None, home: Path) -> dict:
    candidate = path or home / "medlane.toml"
    if not candidate.exists():
        if path is not None:
            raise ConfigError(f"Config file {path} does not exist.")
        return {}
    try:
        return tomllib.loads(candidate.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"Config file {candidate} cannot be read: {exc}") from None


def _first(*values):
    for value in values:
        if value not in (None, ""):
            return value
    return None


def _number(value, name: str, kind=float):
    if value is None:
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, got {value!r}.") from None


def load_settings(
    *,
    home: str | Path | None = None,
    config_file: str | Path | None = None,
    pms_url: str | None = None,
    developer_key: str | None = None,
    customer_key: str | None = None,
    page_size: int | None = None,
    min_interval: float | None = None,
    docservice_url: str | None = None,
    docservice_token: str | None = None,
    environ: dict | None = None,
) -> Settings:
    """Resolve settings: explicit arguments win over the environment, which wins over the file."""
    env = os.environ if environ is None else environ
    home_path = Path(_first(home, env.get("MEDLANE_HOME"), "instance"))
    data = _read_file(Path(config_file) if config_file else None, home_path)
    od = data.get("opendental", {}) if isinstance(data.get("opendental"), dict) else {}
    ds = data.get("docservice", {}) if isinstance(data.get("docservice"), dict) else {}

    size = _number(_first(page_size, env.get("MEDLANE_OD_PAGE_SIZE"), od.get("page_size")), "page size", int)
    interval = _number(
        _first(min_interval, env.get("MEDLANE_OD_MIN_INTERVAL"), od.get("min_interval")), "minimum interval"
    )
    pms = PMSSettings(
        url=str(_first(pms_url, env.get("MEDLANE_PMS_URL"), od.get("url")) or "").rstrip("/"),
        developer_key=str(_first(developer_key, env.get("MEDLANE_OD_DEVELOPER_KEY"), od.get("developer_key")) or ""),
        customer_key=str(_first(customer_key, env.get("MEDLANE_OD_CUSTOMER_KEY"), od.get("customer_key")) or ""),
        page_size=size if size is not None else 0,
        min_interval=interval if interval is not None else -1.0,
    )
    docservice = DocServiceSettings(
        url=str(_first(docservice_url, env.get("MEDLANE_DOCSERVICE_URL"), ds.get("url")) or "").rstrip("/"),
        token=str(_first(docservice_token, env.get("MEDLANE_DOCSERVICE_TOKEN"), ds.get("token")) or ""),
    )
    practice = str(_first(env.get("MEDLANE_PRACTICE"), data.get("practice")) or "default")
    return Settings(home=home_path, pms=pms, docservice=docservice, practice=practice)

