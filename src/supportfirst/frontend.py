"""Where the built GOV.UK Frontend assets live, and a clear message when they are missing."""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
REQUIRED = (
    "supportfirst/supportfirst.css",
    "govuk-frontend/govuk-frontend.min.js",
    "govuk-frontend/assets/images/govuk-crest.svg",
)

MISSING_MESSAGE = (
    "The GOV.UK Frontend files are missing ({missing}). They are fetched from npm when "
    "Support First is installed: install Node.js and npm, then run `pip install .` "
    "(or `pip install -e .`) again in the project folder."
)


def missing_assets() -> list[str]:
    return [name for name in REQUIRED if not (STATIC / name).exists()]
