"""Public pages (start, accessibility statement, privacy notice), the home redirect and errors."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.http import require_safe

from supportfirst.councils.models import Council


@login_not_required
@require_safe
def start(request: HttpRequest) -> HttpResponse:
    councils = Council.objects.order_by("name")
    return render(request, "pages/start.html", {"councils": councils})


@login_not_required
@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


@login_not_required
@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    councils = Council.objects.order_by("name")
    return render(request, "pages/privacy.html", {"councils": councils})


@login_not_required
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Send a signed-in person to the home page of their role."""
    membership = getattr(request.user, "membership", None)
    if membership is None:
        return render(request, "pages/no_role.html", status=403)
    if membership.is_family_role:
        return redirect("family:home")
    return redirect("staff:home")


def _error(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "errors/400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "errors/403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, "errors/404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context here: the page must render even when the database is down.
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(request, "errors/csrf.html", 403)
