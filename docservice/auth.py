"""API tokens and roles: who may call what.

A token is `mlt_<token id>_<secret>` with 256 bits of secret. Only its sha256 is stored; the
token id finds the user's row and the hashes are compared in constant time. Every API call but
the health check sends `Authorization: Bearer <token>`.

| role | cases | documents | claim | narrative | users, audit log |
|---|---|---|---|---|---|
| admin | read, write, review | read, write | edit, export | write | yes (and settings) |
| dentist | read, write, review | read, write | edit | write, sign | no |
| assistant | read, write, review | read, write | edit | write | no |
| biller | read (and mark submitted or closed) | read | edit, export | no | no |
| service (the flagger) | write only (POST, PUT) | no | no | no | no |

"write" is posting or replacing a whole case (what the flagger does); "review" is changing
a case's status, category, evidence or needs (PATCH), which only staff do. "claim edit" is
building the proposed claim and changing any of its values; reading facts, claim and checks
needs only "cases read". Exporting a case's packet and claim (and batches of them) is for
billers and admins; the practice settings are for admins. Only a dentist signs a medical-necessity narrative: the signature
attests to the clinical content.
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from collections.abc import Callable
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
DOCUMENTS_READ = "documents:read"
DOCUMENTS_WRITE = "documents:write"
USERS_ADMIN = "users:admin"
CLAIMS_EDIT = "claims:edit"
NARRATIVES_WRITE = "narratives:write"
NARRATIVES_SIGN = "narratives:sign"
CLAIMS_EXPORT = "claims:export"
SETTINGS_ADMIN = "settings:admin"

_STAFF = frozenset({CASES_READ, CASES_WRITE, CASES_REVIEW, DOCUMENTS_READ, DOCUMENTS_WRITE, CLAIMS_EDIT, NARRATIVES_WRITE})
PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": _STAFF | {USERS_ADMIN, SETTINGS_ADMIN, CLAIMS_EXPORT},
    "dentist": _STAFF | {NARRATIVES_SIGN},
    "assistant": _STAFF,
    "biller": frozenset({CASES_READ, DOCUMENTS_READ, CLAIMS_EDIT, CLAIMS_EXPORT}),
    "service": frozenset({CASES_WRITE}),
}
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
            if permission not in PERMISSIONS.get(user.role, ()):
                abort(403, message=f"The {user.role} role may not do this ({permission}).")
            g.user = user
            return view(*args, **kwargs)

        return wrapper

    return decorator
