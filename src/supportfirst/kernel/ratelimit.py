"""Rate limits: how many times one client address, or one target (an email address, an API
token), may do something in a window of time.

Counts are kept in Django's cache (the database cache in production, so every worker process
shares them; local memory in tests), in fixed windows: the first attempt in a window starts its
count, and the count is forgotten when the window ends. The limits are settings
(`RATE_LIMITS`, each `RATE_LIMIT_<NAME>` in the environment, as "count/seconds").

The client address is read as a proxy in front of the service sees it: with
`SUPPORTFIRST_TRUSTED_PROXIES` set to the number of proxies that add to `X-Forwarded-For`, the
address the outermost trusted proxy saw; with 0 (the default), the connection's own address and
never the header, which anyone can send.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Limit:
        """ "10/3600": 10 times in an hour."""
        count, _, seconds = text.partition("/")
        limit = cls(int(count), int(seconds))
        if limit.count < 1 or limit.seconds < 1:
            raise ValueError(f"A rate limit needs a count and a number of seconds: {text!r}")
        return limit


@dataclass(frozen=True)
class Refusal:
    """Too many attempts: what was limited and how many seconds until it may be tried again."""

    rule: str
    retry_after: int


def client_address(request: HttpRequest) -> str:
    """The client's address, counting `SUPPORTFIRST_TRUSTED_PROXIES` proxies from the server."""
    remote = str(request.META.get("REMOTE_ADDR") or "")
    proxies = int(getattr(settings, "TRUSTED_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        # Fewer entries than trusted proxies: the request did not come through them all.
        return remote
    return forwarded[-proxies]


def limit_for(rule: str) -> Limit:
    return Limit.parse(settings.RATE_LIMITS[rule])


def _key(rule: str, value: str, window: int) -> str:
    digest = hashlib.sha256(value.strip().lower().encode("utf-8")).hexdigest()[:32]
    return f"ratelimit:{rule}:{window}:{digest}"


def hit(rule: str, value: str) -> Refusal | None:
    """Count one attempt at `rule` by `value`; a Refusal once the limit is passed. An empty
    value (no address, no email given) is not counted."""
    if not value:
        return None
    limit = limit_for(rule)
    now = time.time()
    window = int(now // limit.seconds)
    key = _key(rule, value, window)
    # add() is atomic: only the first attempt of a window starts the count.
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.add(key, 1, timeout=limit.seconds + 1)
        count = 1
    if count <= limit.count:
        return None
    retry_after = max(1, math.ceil((window + 1) * limit.seconds - now))
    return Refusal(rule=rule, retry_after=retry_after)


def over(rule: str, value: str) -> Refusal | None:
    """Whether `value` has already used up `rule` in this window, without counting an attempt
    (for limits that count only failures, such as signing in)."""
    if not value:
        return None
    limit = limit_for(rule)
    now = time.time()
    window = int(now // limit.seconds)
    if int(cache.get(_key(rule, value, window), 0)) < limit.count:
        return None
    return Refusal(rule=rule, retry_after=max(1, math.ceil((window + 1) * limit.seconds - now)))


def hit_all(attempts: list[tuple[str, str]]) -> Refusal | None:
    """Count each (rule, value) attempt; the first refusal, if any. Every rule is counted even
    after one refuses, so the address and the target are each held to their own limit."""
    refusals = [r for r in (hit(rule, value) for rule, value in attempts) if r is not None]
    return max(refusals, key=lambda r: r.retry_after) if refusals else None


def too_many_page(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    """The GOV.UK "too many attempts" page (429), saying when to try again."""
    minutes = max(1, math.ceil(refusal.retry_after / 60))
    wait = "1 minute" if minutes == 1 else f"{minutes} minutes"
    if minutes >= 120:
        hours = math.ceil(minutes / 60)
        wait = f"{hours} hours"
    response = render(request, "errors/429.html", {"wait": wait}, status=429)
    response["Retry-After"] = str(refusal.retry_after)
    return response
