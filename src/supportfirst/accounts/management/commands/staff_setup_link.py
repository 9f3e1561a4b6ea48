"""Print a set-up link for a member of staff, for when email is not working yet: they set their
password from it and then, in the same browser, set up their authenticator app. The link works
once, for as long as a password reset link does (PASSWORD_RESET_TIMEOUT)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


class Command(BaseCommand):
    help = "Print a one-time set-up link (password, then authenticator app) for a staff account."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "--site", default="", help="the service's address, e.g. https://support.example.gov.uk"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"There is no account called {options['username']}.")
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        self.stdout.write(f"{options['site'].rstrip('/')}{path}")
        self.stdout.write(
            "Give this link to the person safely. It works once; open it, set a password, then "
            "sign in in the same browser to set up the authenticator app."
        )
