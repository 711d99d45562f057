"""Reading a case and its newest export from the document service, over HTTP only.

    GET {docservice}/cases/{id}           apt_num, pat_num, procedures[].proc_num
    GET {docservice}/cases/{id}/exports   a list, newest first: acn, frequency_code, claim{...}

Reading cases takes a biller's (or admin's) token: the flagger's service token may only post.
"""
from __future__ import annotations

from dataclasses import dataclass

import requests

from plugin.config import DocServiceSettings
from plugin.errors import ConfigError, DocServiceError

TIMEOUT = (5, 30)


@dataclass(frozen=True)
class CaseExport:
    """What od-claim needs from the document service about one case."""

    case_id: int
    apt_num: int
    pat_num: int
    proc_nums: tuple[int, ...]  # the Open Dental ProcNums of the case's procedures
    export: dict  # the newest export, as GET /cases/{id}/exports lists it

    @property
    def acn(self) -> str:
        return str(self.export.get("acn") or "")

    @property
    def claim(self) -> dict:
        return self.export.get("claim") or {}


def read_case_export(
    settings: DocServiceSettings, case_id: int, *, session: requests.Session | None = None
) -> CaseExport:
    """The case and its newest export.

    :raise ConfigError: no document service is configured.
    :raise DocServiceError: it cannot be reached, refuses the token, has no such case, or the
        case has not been exported yet.
    """
    if not settings.enabled:
        raise ConfigError(
            "No document service: pass --docservice-url and --docservice-token "
            "or set MEDLANE_DOCSERVICE_URL and MEDLANE_DOCSERVICE_TOKEN."
        )
    http = session or requests.Session()
    http.headers.update({"Authorization": f"Bearer {settings.token}"})
    base = settings.url.rstrip("/")
    case = _get(http, f"{base}/cases/{case_id}", what=f"case {case_id}")
    exports = _get(http, f"{base}/cases/{case_id}/exports", what=f"the exports of case {case_id}")
    if not isinstance(case, dict) or not isinstance(exports, list):
        raise DocServiceError(f"The document service answered for case {case_id} in an unexpected shape.")
    if not exports:
        raise DocServiceError(
            f"Case {case_id} has not been exported yet: export it in MedLane first, then run this again."
        )
    newest = exports[0]
    if not isinstance(newest, dict) or not newest.get("acn") or not isinstance(newest.get("claim"), dict):
        raise DocServiceError(f"The newest export of case {case_id} has no ACN or claim summary.")
    proc_nums = tuple(
        p["proc_num"]
        for p in case.get("procedures") or ()
        if isinstance(p, dict) and isinstance(p.get("proc_num"), int) and p["proc_num"] > 0
    )
    if not proc_nums:
        raise DocServiceError(
            f"Case {case_id} names no Open Dental procedures (ProcNums), so its claim cannot be found."
        )
    return CaseExport(
        case_id=case_id,
        apt_num=int(case.get("apt_num") or 0),
        pat_num=int(case.get("pat_num") or 0),
        proc_nums=proc_nums,
        export=newest,
    )


def _get(http: requests.Session, url: str, *, what: str) -> object:
    try:
        response = http.get(url, timeout=TIMEOUT)
    except requests.RequestException as exc:
        raise DocServiceError(f"Cannot reach the document service at {url}: {type(exc).__name__}.") from None
    if response.status_code == 404:
        raise DocServiceError(f"The document service has no {what} (404).")
    if response.status_code in (401, 403):
        raise DocServiceError(
            f"The document service refused to show {what} ({response.status_code}): use a biller's token "
            "(--docservice-token or MEDLANE_DOCSERVICE_TOKEN); the flagger's service token may not read cases."
        )
    if response.status_code != 200:
        raise DocServiceError(f"The document service could not show {what} ({response.status_code}){_said(response)}")
    try:
        return response.json()
    except ValueError:
        raise DocServiceError(f"The document service answered {what} with something that is not JSON.") from None


def _said(response: requests.Response) -> str:
    try:
        message = response.json().get("message", "")
    except (ValueError, AttributeError):
        message = ""
    return f": {message}" if message else "."
