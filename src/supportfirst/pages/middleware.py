"""GOV.UK pages for a link that only works as a button (405), instead of the browser's own, and
for too many attempts (429); no NUL character in a page; and no id in an address too big for the
database."""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from supportfirst.kernel import ratelimit


class MethodNotAllowedPageMiddleware:
    """Views refuse the wrong method with an empty 405; a person who opened such an address
    (a bookmarked button, say) gets a page saying what to do. API answers are left alone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.content
            and not request.path.startswith("/api/")
        ):
            page = render(request, "errors/405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


# The forms that are rate limited: on a POST to the view, each (rule, where the value comes
# from) is counted. "address" is the client's address; any other name is a field of the form
# (the target: an email address). The public ask form's target, the email address its answers
# give, is counted by its own view (asking.views.check).
RATE_LIMITED_FORMS: dict[str, tuple[tuple[str, str], ...]] = {
    "accounts:sign_in": (("sign_in_address", "address"),),
    "accounts:password_reset": (
        ("password_reset_address", "address"),
        ("password_reset_target", "email"),
    ),
    "asking:save": (("email_link_address", "address"), ("email_link_target", "email")),
    "asking:check": (("ask_address", "address"),),
    # The public protocol audit reads up to 10 documents per upload: a few seconds of work each.
    "protocol_audit:audit": (("protocol_audit_address", "address"),),
}
# Forms where only failed attempts count (a sign-in that works answers with a redirect), so a
# council office signing in from one address is never paused, and password spraying is.
FAILURES_ONLY = {"accounts:sign_in"}


class RateLimitMiddleware:
    """Too many sign-ins, password resets, emailed links or requests for help from one address,
    or for one email address, get the "Too many attempts" page (429). See kernel.ratelimit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        failures = getattr(request, "_rate_limit_failures", None)
        if failures and response.status_code != 302:
            ratelimit.hit_all(failures)
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        if request.method != "POST" or request.resolver_match is None:
            return None
        rules = RATE_LIMITED_FORMS.get(request.resolver_match.view_name)
        if not rules:
            return None
        attempts = [
            (
                rule,
                ratelimit.client_address(request)
                if source == "address"
                else str(request.POST.get(source, "")),
            )
            for rule, source in rules
        ]
        if request.resolver_match.view_name in FAILURES_ONLY:
            refusals = [r for r in (ratelimit.over(rule, v) for rule, v in attempts) if r]
            if refusals:
                return ratelimit.too_many_page(request, refusals[0])
            request._rate_limit_failures = attempts  # type: ignore[attr-defined]
            return None
        refusal = ratelimit.hit_all(attempts)
        return ratelimit.too_many_page(request, refusal) if refusal is not None else None


NUL, REPLACEMENT = b"\x00", "\ufffd".encode()


class NoNulInPagesMiddleware:
    """A page that shows back what was typed (a form with errors) may hold a NUL character, which
    HTML does not allow: it is shown as the replacement character (what a browser would show),
    so the page stays valid. The form's error says to remove it (kernel.formsupport)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and NUL in response.content
        ):
            response.content = response.content.replace(NUL, REPLACEMENT)
        return response


# The largest id any table has (a 64-bit integer); an address with a bigger one names nothing.
LARGEST_ID = 2**63 - 1


class IdsInRangeMiddleware:
    """An address whose id is too big for any table (`/staff/people/99999999999999999999/`) is
    a 404 before its view runs: some lookups (through a foreign key, say) pass a number that big
    to the database, which fails instead of finding nothing."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponse],
        view_args: tuple[object, ...],
        view_kwargs: dict[str, object],
    ) -> None:
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and not -LARGEST_ID <= value <= LARGEST_ID:
                raise Http404("No such record.")
