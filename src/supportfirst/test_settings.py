"""Settings for the test suite: the real settings with a throwaway data folder.

DATABASE_URL still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

os.environ["SUPPORTFIRST_TESTING"] = "1"
os.environ.setdefault("SUPPORTFIRST_DATA_DIR", tempfile.mkdtemp(prefix="supportfirst-test-"))
os.environ.setdefault("EMAIL_BACKEND", "console")

from supportfirst.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "supportfirst.notifications.sms.LocmemSMSBackend"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# Tasks run at once, in the test, when they are enqueued (after the commit they wait for).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
