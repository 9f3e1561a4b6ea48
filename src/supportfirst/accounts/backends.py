"""Signing in with a username and password, and loading the signed-in person on each request.

Every page needs the person, their role in a council and the council itself (the header names
the council; the scoping layer reads the role). Django's own backend would load each of those
with a query of its own; this one loads them together, in one query per request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class SignedInBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("membership__council").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
