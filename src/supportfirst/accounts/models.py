from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who signs in. Their role and council come from their Membership.

    Staff (practitioners, team managers, forum members, council administrators) must use a
    second factor (an authenticator app) every time they sign in.
    """

    full_name = models.CharField(max_length=200, blank=True)
    is_demo_account = models.BooleanField(
        default=False,
        help_text="Made by the demo loader. Only these accounts can print a demo sign-in code.",
    )

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def needs_second_factor(self) -> bool:
        membership = getattr(self, "membership", None)
        return bool(self.is_superuser or (membership is not None and membership.is_staff_role))
