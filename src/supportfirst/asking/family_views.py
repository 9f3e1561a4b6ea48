"""A young person's own page: do their parents see what they told us themselves?"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from supportfirst.asking import selectors, services
from supportfirst.asking.account_forms import SharingForm
from supportfirst.audit.services import Actor
from supportfirst.councils.access import role_required
from supportfirst.councils.models import Role
from supportfirst.families import selectors as family_selectors
from supportfirst.kernel.formsupport import form_page, submitted

young_person_required = role_required({Role.YOUNG_PERSON})


@young_person_required
@require_http_methods(["GET", "POST"])
def my_views(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    sharing = selectors.sharing_for(actor=actor)
    initial = {}
    if sharing is not None and sharing.chosen_at is not None:
        initial["share"] = "yes" if sharing.share_own_views_with_parents else "no"
    form = SharingForm(submitted(request), initial=initial)

    def choose() -> bool:
        child_id = actor.scope.child_id
        assert child_id is not None  # a young person's membership always names their record
        child = family_selectors.child_read(request=request, scope=actor.scope, child_id=child_id)
        share = form.cleaned_data["share"] == "yes"
        services.sharing_set(actor=actor, child=child, share=share)
        return share

    return form_page(
        request,
        form,
        "asking/family/my_views.html",
        {"sharing": sharing},
        on_valid=choose,
        success=lambda share: (
            "Saved. Your parents can now see your own views."
            if share
            else "Saved. Your own views are kept to you and the council.",
            reverse("family_asking:my_views"),
        ),
    )
