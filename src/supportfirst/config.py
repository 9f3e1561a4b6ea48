"""Reading the service's configuration from the environment.

Plain Python with no Django import, so the command line can explain a bad
configuration before Django starts. Every variable is documented in sample.env.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


class InsecureConfiguration(Exception):
    """The service was asked to start in a way that would not be safe. The message says why."""


def data_dir() -> Path:
    """The folder for the embedded database, the demo secret key and collected static files."""
    given = os.environ.get("SUPPORTFIRST_DATA_DIR")
    if given:
        return Path(given).expanduser().resolve()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return (base / "supportfirst").resolve()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """A whole number from the environment; empty means the default; anything else is refused."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise InsecureConfiguration(f"{name} must be a whole number; it is {raw!r}.") from None


def env_list(name: str) -> list[str]:
    raw = os.environ.get(name, "")
    return [part.strip() for part in raw.split(",") if part.strip()]


def demo_mode() -> bool:
    return env_bool("SUPPORTFIRST_DEMO", False)


def demo_secret_key(folder: Path, name: str = "demo-secret-key") -> str:
    """A random key made on first start in demo mode and kept in the data folder (never in code)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


@dataclass(frozen=True)
class Problem:
    setting: str
    message: str


def production_problems(environ: dict[str, str] | None = None) -> list[Problem]:
    """What stops the service starting outside demo mode, one problem per missing setting."""
    env = os.environ if environ is None else environ
    problems = []
    key = env.get("SECRET_KEY", "")
    if not key:
        problems.append(
            Problem(
                "SECRET_KEY",
                "Set SECRET_KEY to a long random value (at least 50 characters), for example "
                'the output of: python -c "import secrets; print(secrets.token_urlsafe(50))"',
            )
        )
    elif len(key) < 50 or len(set(key)) < 5:
        problems.append(
            Problem("SECRET_KEY", "SECRET_KEY is too short: use at least 50 random characters.")
        )
    audit_key = env.get("SUPPORTFIRST_AUDIT_KEY", "")
    if len(audit_key) < 32 or audit_key == key:
        problems.append(
            Problem(
                "SUPPORTFIRST_AUDIT_KEY",
                "Set SUPPORTFIRST_AUDIT_KEY to its own long random value (at least 32 characters, "
                "not the SECRET_KEY), kept outside the database: it keys the access log's chain.",
            )
        )
    if not [h for h in env.get("ALLOWED_HOSTS", "").split(",") if h.strip()]:
        problems.append(
            Problem(
                "ALLOWED_HOSTS",
                "Set ALLOWED_HOSTS to the host names the service answers to, separated by commas "
                "(for example support.example-council.gov.uk).",
            )
        )
    return problems
