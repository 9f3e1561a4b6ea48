"""Django settings for Support First, read from the environment (see sample.env).

Two ways to run:
- demo mode (SUPPORTFIRST_DEMO=1, set by `supportfirst serve --demo`): SQLite in the data folder,
  a random secret key kept there, plain HTTP on 127.0.0.1;
- production: SECRET_KEY and ALLOWED_HOSTS are required, DATABASE_URL chooses PostgreSQL,
  HTTPS everywhere behind a proxy. There is no default secret.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from supportfirst import config

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir()
DEMO = config.demo_mode()
TESTING = config.env_bool("SUPPORTFIRST_TESTING", False)
DEBUG = config.env_bool("SUPPORTFIRST_DEBUG", False)

if DEMO or TESTING:
    SECRET_KEY = os.environ.get("SECRET_KEY") or config.demo_secret_key(DATA_DIR)
    AUDIT_KEY = os.environ.get("SUPPORTFIRST_AUDIT_KEY") or config.demo_secret_key(
        DATA_DIR, "demo-audit-key"
    )
    ALLOWED_HOSTS = config.env_list("ALLOWED_HOSTS") or ["127.0.0.1", "localhost", "[::1]"]
else:
    _problems = config.production_problems()
    if _problems:
        raise ImproperlyConfigured(" ".join(p.message for p in _problems))
    SECRET_KEY = os.environ["SECRET_KEY"]
    AUDIT_KEY = os.environ["SUPPORTFIRST_AUDIT_KEY"]
    ALLOWED_HOSTS = config.env_list("ALLOWED_HOSTS")

# The access log's heads are written here (outside the database) on every verify, and compared
# with the log at the next verify. Keep it where the database's administrators cannot write.
AUDIT_WITNESS_FILE = Path(
    os.environ.get("SUPPORTFIRST_AUDIT_WITNESS") or DATA_DIR / "access-log-witness.json"
)

CSRF_TRUSTED_ORIGINS = config.env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    "django_tasks",
    "django_tasks_db",
    "supportfirst.kernel",
    "supportfirst.councils",
    "supportfirst.accounts",
    "supportfirst.families",
    "supportfirst.audit",
    "supportfirst.pathway",
    "supportfirst.assessments",
    "supportfirst.api",
    "supportfirst.vocabulary",
    "supportfirst.wording",
    "supportfirst.eligibility",
    "supportfirst.plans",
    "supportfirst.letters",
    "supportfirst.asking",
    "supportfirst.corrections",
    "supportfirst.complaints",
    "supportfirst.notifications",
    "supportfirst.subject_access",
    "supportfirst.feedback",
    "supportfirst.transition",
    "supportfirst.pages",
    "supportfirst.protocols",
    "supportfirst.localprotocol",
    "supportfirst.training",
    "supportfirst.figures",
    "supportfirst.returns",
    "supportfirst.retention",
]

MIDDLEWARE = [
    # First, so its time covers everything else (see kernel/timing.py; on only when asked).
    "supportfirst.kernel.timing.RequestTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every error answer under /api/ is problem details, whatever gave it (api/middleware.py).
    "supportfirst.api.middleware.ApiProblemMiddleware",
    "supportfirst.audit.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, so it knows who is signed in; its answer is added last but for those
    # above it.
    "supportfirst.accounts.middleware.NoStoreMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The second wall (PostgreSQL): the request's database role and council, once sign-in is known.
    "supportfirst.councils.middleware.CouncilWallMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "supportfirst.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside the CSP middleware: the page it renders needs the page's nonce.
    "supportfirst.pages.middleware.MethodNotAllowedPageMiddleware",
    "supportfirst.pages.middleware.NoNulInPagesMiddleware",
    "supportfirst.pages.middleware.IdsInRangeMiddleware",
    "supportfirst.pages.middleware.RateLimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "supportfirst.urls"
WSGI_APPLICATION = "supportfirst.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "supportfirst.councils.context_processors.council",
                "csp.context_processors.nonce",
            ],
            "builtins": ["supportfirst.kernel.wordtags"],
        },
    },
]

_default_db = f"sqlite:///{DATA_DIR / 'supportfirst.sqlite3'}"
# Demo mode always uses the embedded database, so demo settings never touch a real one.
_database_url = _default_db if DEMO else (os.environ.get("DATABASE_URL") or _default_db)
DATABASES = {
    "default": dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
else:
    # PostgreSQL's just-in-time compiler pays off for long reports, not for a page's short
    # queries: the council wall's policies raise the planner's cost estimates above its
    # threshold, and compiling then took longer than the query (My work at 10,000 families:
    # 250 ms of 270). Off for the service's connections; see docs/operations.md.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = (
        DATABASES["default"]["OPTIONS"].get("options", "") + " -c jit=off"
    ).strip()

# The second wall between councils (PostgreSQL row-level security, see docs/security.md): the role
# every request runs as. Empty when the service connects directly as a restricted login instead.
COUNCIL_WALL_ROLE = os.environ.get("SUPPORTFIRST_COUNCIL_WALL_ROLE", "supportfirst_app")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "supportfirst.accounts.backends.SignedInBackend",
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "accounts:signed_out"

# Lockout after repeated failed sign-ins (django-axes).
AXES_FAILURE_LIMIT = config.env_int("SIGN_IN_ATTEMPTS_BEFORE_LOCKOUT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=config.env_int("SIGN_IN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# The client's address, as the rate limits read it (counting SUPPORTFIRST_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "supportfirst.kernel.ratelimit.client_address"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Support First"

# How many proxies in front of the service add the client's address to X-Forwarded-For (nginx
# alone: 1). 0 trusts no header: the connection's own address is the client's. PROXY_COUNT is
# the older name of the same setting.
TRUSTED_PROXIES = config.env_int("SUPPORTFIRST_TRUSTED_PROXIES", config.env_int("PROXY_COUNT", 0))

# Use the proxy's X-Request-ID as the request id: only for a proxy that always replaces what the
# client sent (see docs/operations.md). Otherwise the service makes every request id itself.
REQUEST_ID_FROM_PROXY = config.env_bool("SUPPORTFIRST_REQUEST_ID_FROM_PROXY", False)

# A Server-Timing header and one log line a request (time, database queries): on with DEBUG, in
# `supportfirst serve --demo` and in the load test; off by default in production.
REQUEST_TIMING = config.env_bool("SUPPORTFIRST_REQUEST_TIMING", False)

# Rate limits, each "count/seconds" (see docs/security.md#rate-limits). Counted per client
# address, and per target (the email address a message would go to, or the API token).
_RATE_LIMIT_DEFAULTS = {
    "sign_in_address": "30/900",  # failed sign-ins from one address, across usernames
    "password_reset_address": "10/3600",
    "password_reset_target": "3/3600",  # reset emails to one address
    "email_link_address": "10/3600",  # "email me a link" on the public form
    "email_link_target": "5/3600",  # a draft sends at most 5 links itself
    "ask_address": "10/3600",  # requests for help sent from one address
    "ask_target": "3/86400",  # requests for help giving one email address or phone number
    "protocol_audit_address": "20/3600",  # uploads to the public protocol audit
    "api_address": "300/60",
    "api_token": "600/60",
}
RATE_LIMITS = {
    name: os.environ.get(f"RATE_LIMIT_{name.upper()}", default)
    for name, default in _RATE_LIMIT_DEFAULTS.items()
}

# The rate limits' counts are shared by every worker process through the database cache (its
# table is made by a migration); the test suite uses local memory.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        if TESTING
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "supportfirst_cache",
        }
    )
}

# Sessions end after a period without activity.
SESSION_COOKIE_AGE = config.env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_FAILURE_VIEW = "supportfirst.pages.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): only this service's own files, plus the two small
# scripts in base.html, which carry a fresh nonce on every page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if DEMO or TESTING:
    # Demo mode serves plain HTTP on the loopback address only.
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    SECURE_SSL_REDIRECT = False
else:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = config.env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = config.env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = config.env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = config.env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = TESTING

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email: the console by default, a folder of files, SMTP, or GOV.UK Notify (see sample.env).
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "notify": "supportfirst.notify.NotifyEmailBackend",
}
_email_choice = os.environ.get("EMAIL_BACKEND", "console")
if _email_choice not in _EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND must be one of {', '.join(_EMAIL_BACKENDS)}; it is {_email_choice!r}."
    )
EMAIL_BACKEND = _EMAIL_BACKENDS[_email_choice]
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or str(DATA_DIR / "sent-emails")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = config.env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = config.env_bool("EMAIL_USE_TLS", True)
# Seconds to wait for the mail server or GOV.UK Notify before a message is recorded as failed.
# Messages are sent after the save they belong to, so a slow server never holds a page for long.
EMAIL_TIMEOUT = config.env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Support First <no-reply@localhost>")
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
if _email_choice == "notify" and not (NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID):
    raise ImproperlyConfigured(
        "EMAIL_BACKEND=notify needs NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID "
        "(a Notify email template whose subject is ((subject)) and body is ((body)))."
    )

# Background work (messages, reminders, retention) runs as tasks on Django's Tasks API, kept in
# the database and run by worker processes (`supportfirst worker`; `serve --demo` starts one).
# TASKS_BACKEND=immediate runs each task at once in the process that asked (no worker needed).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_choice = os.environ.get("TASKS_BACKEND", "database")
if _task_choice not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}; it is {_task_choice!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_choice]}}
# Seconds to wait before each new try of a message that could not be sent: 1, 5 and 30 minutes.
# After the last, the message is recorded as not delivered.
MESSAGE_RETRY_DELAYS = (60, 300, 1800)
# Daily work the worker enqueues at a set local time: (HH:MM, the task's dotted path).
DAILY_TASKS = (
    ("01:00", "supportfirst.localprotocol.tasks.protocols_in_force"),
    ("02:00", "supportfirst.asking.tasks.clear_old_drafts"),
    ("03:00", "supportfirst.retention.tasks.apply_retention"),
    ("07:00", "supportfirst.complaints.tasks.complaint_reminders"),
)

# Text messages to families: the console by default, or GOV.UK Notify (see sample.env).
_SMS_BACKENDS = {
    "console": "supportfirst.notifications.sms.ConsoleSMSBackend",
    "memory": "supportfirst.notifications.sms.LocmemSMSBackend",
    "notify": "supportfirst.notifications.sms.NotifySMSBackend",
}
_sms_choice = os.environ.get("SMS_BACKEND", "console")
if _sms_choice not in _SMS_BACKENDS:
    raise ImproperlyConfigured(
        f"SMS_BACKEND must be one of {', '.join(_SMS_BACKENDS)}; it is {_sms_choice!r}."
    )
SMS_BACKEND = _SMS_BACKENDS[_sms_choice]
NOTIFY_SMS_TEMPLATE_ID = os.environ.get("NOTIFY_SMS_TEMPLATE_ID", "")
if _sms_choice == "notify" and not (NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID):
    raise ImproperlyConfigured(
        "SMS_BACKEND=notify needs NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID "
        "(a Notify text message template whose body is ((body)))."
    )

SERVICE_NAME = "Support First"
SERVICE_PHASE = os.environ.get("SERVICE_PHASE", "Alpha")
FEEDBACK_EMAIL = os.environ.get("FEEDBACK_EMAIL", "feedback@supportfirst.invalid")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL") or "WARNING"},
    # One line a request when REQUEST_TIMING is on (kernel/timing.py).
    "loggers": {
        "supportfirst.requests": {"handlers": ["console"], "level": "INFO", "propagate": False}
    },
}
