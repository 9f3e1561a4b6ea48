"""The check-as-you-type endpoint for staff text boxes (progressive enhancement)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from supportfirst.councils.access import staff_required
from supportfirst.wording.services import findings_json

MAX_CHARACTERS = 100_000


@staff_required
@require_POST
def check_text(request: HttpRequest) -> HttpResponse:
    text = request.POST.get("text", "")
    if len(text) > MAX_CHARACTERS:
        return JsonResponse(
            {"title": "Too much text", "detail": f"Check at most {MAX_CHARACTERS} characters."},
            status=413,
        )
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    context = request.POST.get("context") or None
    return JsonResponse({"findings": findings_json(text, council_id=council_id, context=context)})
