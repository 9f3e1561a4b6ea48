"""Browser tests: Debian's Chromium driven by Playwright, axe-core on every page visited.

Every page a test lands on must be checked with `visitor.check()`: axe-core (WCAG 2.2 A and
AA rules, and axe's best-practice rules) must find no violation, the page-quality check must
pass on the live DOM, and, with SUPPORTFIRST_SCREENSHOTS=1, a screenshot is saved under
artefacts/screenshots/ (for the guides; a full-page screenshot of every page checked costs about a
fifth of the browser tests' time, so the suite does not take them by default). A page visited
but never checked fails.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.page_quality import assert_page_quality

# Playwright's sync API runs an event loop in the test thread; the ORM work the tests do
# beside it is ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTEFACTS = Path(__file__).resolve().parents[2] / "artefacts" / "screenshots"
SCREENSHOTS = os.environ.get("SUPPORTFIRST_SCREENSHOTS", "") not in ("", "0")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# axe's best-practice rules too (every page in a landmark, one main, headings in order...).
AXE_TAGS = [*WCAG_TAGS, "best-practice"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Debian's Chromium is not installed at {CHROMIUM}: run `apt-get install chromium` "
            "(./scripts/test and .ci/run do this)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class Visitor:
    """A person in the browser. Call check() on every page you land on."""

    def __init__(self, page: Page, base_url: str, test_name: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.test_name = re.sub(r"[^A-Za-z0-9_-]+", "-", test_name)
        self.visited: list[str] = []
        self.checked: set[str] = set()
        self.shots = 0
        self.axe = Axe()
        self.console_errors: list[str] = []
        page.on("framenavigated", self._navigated)
        page.on("console", self._console)

    def _console(self, message) -> None:
        if message.type != "error":
            return
        # An error page's own status (a 404 page answering 404) is not a script error.
        if message.text.startswith("Failed to load resource") and (
            message.location.get("url") == self.page.url
        ):
            return
        self.console_errors.append(message.text)

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame:
            self.visited.append(frame.url)

    def goto(self, path: str, *, status: int = 200) -> Page:
        """Open the page, check it answered with `status` (200 unless the caller says), and
        check the page."""
        response = self.page.goto(self.base_url + path)
        assert response is not None, f"{path}: no response"
        assert response.status == status, f"{path} answered {response.status}, not {status}"
        self.check()
        return self.page

    def check(self) -> None:
        page = self.page
        page.wait_for_load_state("load")
        results = self.axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": AXE_TAGS},
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
        assert_page_quality(page.content(), where=page.url)
        # GOV.UK Frontend's scripts ran (the Content Security Policy let them), with no errors.
        assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
        assert not self.console_errors, f"{page.url}: {self.console_errors}"
        # Nothing makes the whole page scroll sideways (on a phone, wide tables scroll in a box).
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{page.url} is {overflow}px wider than the window"
        self.checked.add(page.url)
        self.shots += 1
        if not SCREENSHOTS:
            return
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9]+", "-", page.url.removeprefix(self.base_url)).strip("-")
        page.screenshot(
            path=str(ARTEFACTS / f"{self.test_name}--{self.shots:02d}-{name or 'start'}.png"),
            full_page=True,
        )

    def unchecked(self) -> list[str]:
        return [url for url in self.visited if url not in self.checked and url != "about:blank"]


def _visitor(browser: Browser, live_server, request, viewport) -> Iterator[Visitor]:
    context = browser.new_context(viewport=viewport, base_url=live_server.url)
    page = context.new_page()
    visitor = Visitor(page, live_server.url, request.node.name)
    yield visitor
    context.close()
    assert not visitor.unchecked(), f"pages visited but never checked: {visitor.unchecked()}"


@pytest.fixture
def visitor(browser, live_server, request) -> Iterator[Visitor]:
    """A desktop-sized browser window."""
    yield from _visitor(browser, live_server, request, {"width": 1280, "height": 900})


@pytest.fixture
def phone_visitor(browser, live_server, request) -> Iterator[Visitor]:
    """A phone-sized browser window."""
    yield from _visitor(browser, live_server, request, {"width": 375, "height": 740})


#: The parameter values that mean a desktop window and a phone, whatever a test calls them.
SIZE_OF = {"desktop": "desktop", "visitor": "desktop", "phone": "phone", "phone_visitor": "phone"}


def pytest_collection_modifyitems(config, items):
    """SUPPORTFIRST_BROWSER_SIZE=desktop (or phone) runs the tests made for both sizes at that
    size only; the others run as usual. CI runs the suite once on each database, one size on
    each, so every journey runs on both databases and at both sizes."""
    wanted = os.environ.get("SUPPORTFIRST_BROWSER_SIZE", "")
    if not wanted:
        return
    if wanted not in ("desktop", "phone"):
        raise pytest.UsageError("SUPPORTFIRST_BROWSER_SIZE must be desktop or phone")
    kept, dropped = [], []
    here = Path(__file__).resolve().parent
    for item in items:
        callspec = getattr(item, "callspec", None) if here in item.path.parents else None
        sizes = {
            SIZE_OF[value]
            for value in (callspec.params.values() if callspec else ())
            if isinstance(value, str) and value in SIZE_OF
        }
        (dropped if sizes and wanted not in sizes else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
