"""The council administrator's pages for API tokens: list, make, revoke.
Thin: parse, call the service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.api import tokens
from supportfirst.api.forms import TokenForm
from supportfirst.councils.access import council_admin_required
from supportfirst.kernel.formsupport import form_status, submitted


@council_admin_required
@require_http_methods(["GET"])
def token_list(request: HttpRequest) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    return render(
        request, "api/tokens.html", {"tokens": tokens.tokens_in_council(council_id=council_id)}
    )


@council_admin_required
@require_http_methods(["GET", "POST"])
def token_new(request: HttpRequest) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    people = tokens.accounts_that_may_have_tokens(council_id=council_id)
    form = TokenForm(
        submitted(request), accounts=[(person.pk, tokens.describe(person)) for person in people]
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = people.get(pk=data["account"])
        token = tokens.token_create_for_council(
            user=user,
            name=data["name"],
            scope=data["scope"],
            days=data["days"],
            created_by=request.user,
        )
        # Shown once, on this answer to the POST (which no browser or proxy stores).
        return render(request, "api/token_made.html", {"token": token, "name": data["name"]})
    return render(request, "api/token_new.html", {"form": form}, status=form_status(form))


@council_admin_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    token = get_object_or_404(tokens.tokens_in_council(council_id=council_id), pk=token_id)
    tokens.token_revoke(token)
    messages.success(request, f"The token for {token.name} no longer works.")
    return redirect("api_tokens:list")
