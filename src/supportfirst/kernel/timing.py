"""One request's work made visible: how long it took and how many database queries it made.

When `settings.DEBUG` or `REQUEST_TIMING` (environment `SUPPORTFIRST_REQUEST_TIMING`) is on,
every response gets a `Server-Timing` header, which a browser's developer tools show beside
the request:

    Server-Timing: total;dur=48.2, db;dur=6.1;desc="14 queries"

and the logger `supportfirst.requests` writes one line a request:

    GET /staff/my-work 200 48.2 ms 14 queries 6.1 ms db

The path is written without its query string (a search or a family's name never reaches the
log), and a token in it (the link to resume a saved request, an invitation) as its name.
Queries are counted with `connection.execute_wrapper` on every database connection, so the
count does not need DEBUG (which would keep every query's text in memory). It is on in
`supportfirst serve --demo` and in the load test (loadtest/run), and off by default in
production: the header tells anyone who can load a page how long the database took.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("supportfirst.requests")


def timing_on() -> bool:
    return bool(settings.DEBUG or getattr(settings, "REQUEST_TIMING", False))


class _QueryCounter:
    """An execute wrapper that counts queries and the time they take."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.count += 1


def loggable_path(request: HttpRequest) -> str:
    """The path, with any token the URL carries replaced by the token's name."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    for name, value in match.kwargs.items() if match is not None else ():
        if "token" in name and isinstance(value, str) and value:
            path = path.replace(value, f"<{name}>")
    return path


class RequestTimingMiddleware:
    """First in MIDDLEWARE, so its time covers every other middleware and the view."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not timing_on():
            return self.get_response(request)
        counter = _QueryCounter()
        started = time.perf_counter()
        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        total_ms = (time.perf_counter() - started) * 1000
        db_ms = counter.seconds * 1000
        response["Server-Timing"] = (
            f'total;dur={total_ms:.1f}, db;dur={db_ms:.1f};desc="{counter.count} queries"'
        )
        logger.info(
            "%s %s %s %.1f ms %d queries %.1f ms db",
            request.method,
            loggable_path(request),
            response.status_code,
            total_ms,
            counter.count,
            db_ms,
        )
        return response
