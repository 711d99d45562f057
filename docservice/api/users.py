"""/api/v1/users: the admin's view of who holds a token. Tokens are shown once, at creation."""
from __future__ import annotations

from flask.views import MethodView
from sqlalchemy import select

from docservice import audit
from docservice.api.core import ServiceBlueprint
from docservice.auth import USERS_ADMIN, create_user
from docservice.extensions import db
from docservice.models import User
from docservice.schemas import NewUserSchema, UserSchema

blp = ServiceBlueprint("users", __name__, url_prefix="/api/v1/users", description="Users and their roles (admin).")


@blp.route("")
class Users(MethodView):
    @blp.requires(USERS_ADMIN)
    @blp.response(200, UserSchema(many=True))
    def get(self):
        """List users (never their tokens)."""
        return db.session.scalars(select(User).order_by(User.id)).all()

    @blp.requires(USERS_ADMIN)
    @blp.arguments(UserSchema)
    @blp.response(201, NewUserSchema)
    @blp.errors(409)
    def post(self, data):
        """Create a user; the response carries its API token, which is not kept in clear."""
        user, token = create_user(db.session, data["name"], data["role"])
        audit.record("user.create", "user", user.id, detail={"role": user.role})
        db.session.commit()
        return {column: getattr(user, column) for column in ("id", "name", "role", "active", "created_at")} | {
            "token": token
        }
