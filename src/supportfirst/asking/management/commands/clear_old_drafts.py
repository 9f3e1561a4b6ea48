"""Delete online request drafts nobody can come back to (28 days, no live link)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from supportfirst.asking.services import drafts_delete_expired


class Command(BaseCommand):
    help = "Delete online request drafts untouched for 28 days with no live link. Run daily."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = drafts_delete_expired()
        self.stdout.write(f"Deleted {deleted} old drafts.")
