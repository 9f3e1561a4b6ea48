"""Build hook: fetch GOV.UK Frontend from npm and compile the service's stylesheet.

GOV.UK Frontend is not on PyPI, so `pip install .` (and `pip install -e .`) run this
hook, which uses the machine's npm to install the versions pinned in package-lock.json,
compiles `frontend/supportfirst.scss` with Sass and copies GOV.UK Frontend's JavaScript
and images into `src/supportfirst/static/`. Nothing from npm is committed to the repo.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

STATIC = Path("src/supportfirst/static")
BUILT = [
    STATIC / "supportfirst" / "supportfirst.css",
    STATIC / "govuk-frontend" / "govuk-frontend.min.js",
    STATIC / "govuk-frontend" / "assets",
]


def build_frontend(root: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "Support First needs npm (Node.js) at install time to fetch GOV.UK Frontend. "
            "Install Node.js and npm, then run the install again."
        )
    install = "ci" if (root / "package-lock.json").exists() else "install"
    subprocess.run(
        [npm, install, "--no-audit", "--no-fund", "--ignore-scripts"], cwd=root, check=True
    )
    target = root / STATIC / "supportfirst"
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run([npm, "run", "--silent", "build"], cwd=root, check=True)
    govuk = root / "node_modules" / "govuk-frontend" / "dist" / "govuk"
    out = root / STATIC / "govuk-frontend"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy2(govuk / "govuk-frontend.min.js", out / "govuk-frontend.min.js")
    # Only the images: the GDS Transport typeface is licensed for GOV.UK alone, and the
    # stylesheet is compiled to use Arial, so its font files are never copied.
    shutil.copytree(govuk / "assets" / "images", out / "assets" / "images")


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if (root / "package.json").exists():
            build_frontend(root)
        elif not all((root / p).exists() for p in BUILT):
            raise RuntimeError("GOV.UK Frontend assets are missing and package.json is absent.")
        build_data["artifacts"].extend(str(p) for p in BUILT)
