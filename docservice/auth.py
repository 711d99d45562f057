"""API tokens and roles: who may call what.

A token is `mlt_<token id>_<secret>` with 256 bits of secret. Only its sha256 is stored; the
token id finds the user's row and the hashes are compared in constant time. Every API call but
the health check sends `Authorization: Bearer <token>`.

Every role rule lives in `PERMISSIONS` below (a table of which role may do what); views ask
`require(...)` or `role_may(...)`, never a role's name. In words:

| role | cases | documents | claim | narrative | users, audit log |
|---|---|---|---|---|---|
| admin | read, write, review, submit, close, override, confirm evidence | read, write, correct kind | edit, export | draft, write | yes |
| dentist | read, write, review, close, confirm evidence | read, write, correct kind | edit | draft, write, sign | no |
| assistant | read, write, review, close | read, write, correct kind | edit | draft, write | no |
| biller | read, submit, close, confirm evidence | read, correct kind | edit, export | draft | no |
| service (the flagger) | write only (POST, PUT) | no | no | no | no |

Admins also edit the practice settings; "override" is letting a case past check errors with a reason.

"write" is posting or replacing a whole case (what the flagger does); "review" is changing
a case's category, evidence, needs or status (PATCH), which only staff do. Two statuses have
their own rule (`STATUS_PERMISSIONS`): `submitted` (the claim went to the payer) is set by those
who send claims, billers and admins, and never while the checks have errors unless an admin
overrides with a reason; `closed` by staff and billers. "claim edit" is building the proposed
claim and changing any of its values; reading facts, claim and checks needs only "cases read".
Exporting is for billers and admins; the practice settings are for admins. Billers draft the
narrative from the records (they need the letter to send the claim) but only clinical staff
write its text, and only a dentist signs it: the signature attests to the clinical content.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from flask import g, request
from flask_smorest import abort
from sqlalchemy import select
from sqlalchemy.orm import Session

from docservice.errors import UserError
from docservice.extensions import db
from docservice.models import ROLES, User

TOKEN_PREFIX = "mlt"

CASES_READ = "cases:read"
CASES_WRITE = "cases:write"
CASES_REVIEW = "cases:review"
CASES_SUBMIT = "cases:submit"  # mark a case's claim as sent to the payer
CASES_CLOSE = "cases:close"  # close a case (paid, or nothing more to do)
CHECKS_OVERRIDE = "checks:override"  # let a case past standing check errors, with a reason
EVIDENCE_CONFIRM = "evidence:confirm"  # confirm the evidence a case's claim rests on
FACTS_EXTRACT = "facts:extract"  # read a case's documents again for facts
DOCUMENTS_READ = "documents:read"
DOCUMENTS_WRITE = "documents:write"
DOCUMENTS_CLASSIFY = "documents:classify"  # correct a document's kind
USERS_ADMIN = "users:admin"
CLAIMS_EDIT = "claims:edit"
NARRATIVES_DRAFT = "narratives:draft"  # render the letter from the records (POST)
NARRATIVES_WRITE = "narratives:write"  # write the letter's text (PATCH)
NARRATIVES_SIGN = "narratives:sign"
CLAIMS_EXPORT = "claims:export"
SETTINGS_ADMIN = "settings:admin"

_STAFF = frozenset({
    CASES_READ, CASES_WRITE, CASES_REVIEW, CASES_CLOSE, FACTS_EXTRACT, DOCUMENTS_READ,
    DOCUMENTS_WRITE, DOCUMENTS_CLASSIFY, CLAIMS_EDIT, NARRATIVES_DRAFT, NARRATIVES_WRITE,
})
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": _STAFF | {USERS_ADMIN, SETTINGS_ADMIN, CLAIMS_EXPORT, CASES_SUBMIT, CHECKS_OVERRIDE, EVIDENCE_CONFIRM},
    # The values a claim rests on are vouched for by the dentist who treated and the biller who sends.
    "dentist": _STAFF | {NARRATIVES_SIGN, EVIDENCE_CONFIRM},
    "assistant": _STAFF,
    "biller": frozenset({
        CASES_READ, CASES_SUBMIT, CASES_CLOSE, EVIDENCE_CONFIRM, FACTS_EXTRACT, DOCUMENTS_READ,
        DOCUMENTS_CLASSIFY, CLAIMS_EDIT, CLAIMS_EXPORT, NARRATIVES_DRAFT,
    }),
    "service": frozenset({CASES_WRITE}),
}
# The case statuses with a rule of their own; setting any other status is reviewing (CASES_REVIEW).
STATUS_PERMISSIONS: dict[str, str] = {"submitted": CASES_SUBMIT, "closed": CASES_CLOSE}
assert set(PERMISSIONS) == set(ROLES)


@dataclass(frozen=True)
class IssuedToken:
    """A new token: `token` is shown once; `token_id` and `token_hash` are stored."""

    token: str
    token_id: str
    token_hash: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token() -> IssuedToken:
    token_id = secrets.token_hex(6)
    token = f"{TOKEN_PREFIX}_{token_id}_{secrets.token_urlsafe(32)}"
    return IssuedToken(token=token, token_id=token_id, token_hash=hash_token(token))


def find_user(session: Session, token: str) -> User | None:
    """The active user holding `token`, or None."""
    prefix, _, rest = token.partition("_")
    token_id, _, secret = rest.partition("_")
    if prefix != TOKEN_PREFIX or not token_id or not secret:
        return None
    user = session.scalars(select(User).where(User.token_id == token_id)).one_or_none()
    if user is None or not user.active:
        return None
    if not hmac.compare_digest(user.token_hash, hash_token(token)):
        return None
    return user


def create_user(session: Session, name: str, role: str) -> tuple[User, str]:
    """Add a user and return it with its new token (the only time the token exists in clear).

    Raises:
        UserError: unknown role, empty name, or the name is taken.
    """
    name = name.strip()
    if role not in ROLES:
        raise UserError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    if not name or len(name) > 80:
        raise UserError("A user name must have 1 to 80 characters.")
    if session.scalars(select(User).where(User.name == name)).first() is not None:
        raise UserError(f"A user named {name!r} already exists; use `medlane users token {name}` for a new token.")
    issued = issue_token()
    user = User(name=name, role=role, token_id=issued.token_id, token_hash=issued.token_hash, active=True)
    session.add(user)
    session.flush()
    return user, issued.token


def rotate_token(user: User) -> str:
    """Give `user` a new token; the old one stops working."""
    issued = issue_token()
    user.token_id = issued.token_id
    user.token_hash = issued.token_hash
    return issued.token


def current_user() -> User:
    return g.user


def authenticate() -> User:
    """The user of this request's bearer token; aborts with 401 when there is none or it is wrong."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        abort(401, headers={"WWW-Authenticate": 'Bearer realm="medlane"'})
    user = find_user(db.session, token)
    # End the lookup's transaction before the body is read (an upload can take a while): on
    # SQLite an open transaction holds the write lock. The user stays loaded.
    db.session.commit()
    if user is None:
        abort(
            401,
            message="The API token is not valid (mistyped, replaced or disabled).",
            headers={"WWW-Authenticate": 'Bearer realm="medlane", error="invalid_token"'},
        )
    return user


def require(permission: str) -> Callable:
    """Decorate a view: the caller must present a token whose role grants `permission` (else 401/403)."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            user = authenticate()
            if not role_may(user.role, permission):
                abort(403, message=f"The {user.role} role may not do this ({permission}).")
            g.user = user
            return view(*args, **kwargs)

        return wrapper

    return decorator


def role_may(role: str, permission: str) -> bool:
    """Whether `role` is granted `permission` in the table above."""
    return permission in PERMISSIONS.get(role, frozenset())


def case_change_permissions(changes: Mapping) -> set[str]:
    """The permissions a PATCH of these case fields needs: a status with a rule of its own needs that
    rule (`STATUS_PERMISSIONS`); every other change is reviewing the case."""
    needed = set()
    for key, value in changes.items():
        needed.add(STATUS_PERMISSIONS.get(value, CASES_REVIEW) if key == "status" else CASES_REVIEW)
    return needed


def may_override(user: User | None) -> bool:
    """Whether `user` may let a case past standing check errors with a reason.

    None is the command line, run by whoever runs the server (and so may do anything it can).
    """
    return user is None or role_may(user.role, CHECKS_OVERRIDE)
