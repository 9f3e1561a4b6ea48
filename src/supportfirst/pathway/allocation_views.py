"""Staff pages for a family's named worker: a manager allocates or changes the worker; a
practitioner takes a request that has no worker yet. Thin: parse, call one service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from supportfirst.audit.services import Actor, log_list_view
from supportfirst.councils.access import casework_required, manager_required
from supportfirst.kernel.formsupport import (
    button_move,
    form_move,
    form_page,
    form_status,
    submitted,
)
from supportfirst.pathway import allocation, selectors
from supportfirst.pathway.allocation_forms import AllocateForm


def _request_url(request_id: int) -> str:
    return reverse("pathway:request", kwargs={"request_id": request_id})


@manager_required
@require_http_methods(["GET", "POST"])
def allocate(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)
    workers = list(allocation.workers_to_choose(scope=actor.scope, request=support_request))
    form = AllocateForm(submitted(request), workers=workers)
    return form_page(
        request,
        form,
        "pathway/allocate.html",
        {
            "req": support_request,
            "only_trained": allocation.only_trained_apply(
                council_id=actor.scope.council_id, request=support_request
            ),
            "young_carer": allocation.needs_young_carers_training(support_request),
        },
        on_valid=lambda: allocation.allocate_worker(
            actor=actor, request=support_request, worker=form.chosen
        ),
        success=lambda event: (
            f"{form.chosen} is now the {support_request.family.name}'s worker.",
            _request_url(support_request.pk),
        ),
        back_url=_request_url(support_request.pk),
        back_text="Back to the request",
    )


@casework_required
@require_POST
def take(request: HttpRequest, request_id: int) -> HttpResponse:
    actor = Actor.of(request)
    support_request = selectors.request_read(actor=actor, request_id=request_id)

    def refused(reasons: list[str]) -> HttpResponse:
        messages.error(request, " ".join(reasons))
        return redirect(_request_url(support_request.pk))

    return button_move(
        request,
        lambda: allocation.take_request(actor=actor, request=support_request),
        success=lambda event: (
            f"You are now the {support_request.family.name}'s worker.",
            _request_url(support_request.pk),
        ),
        refused=refused,
        back_url=_request_url(support_request.pk),
        back_text="Back to the request",
    )


def _reallocate(
    request: HttpRequest, actor: Actor, family: Any, latest: Any, form: AllocateForm
) -> HttpResponse | None:
    """One family's new worker, through its latest request for help (on its timeline)."""
    return form_move(
        request,
        form,
        on_valid=lambda: allocation.allocate_worker(
            actor=actor, request=latest, worker=form.chosen
        ),
        success=lambda event: (f"{form.chosen} is now the {family.name}'s worker.", request.path),
    )


@manager_required
@require_http_methods(["GET", "POST"])
def worker_families(request: HttpRequest, person_id: int) -> HttpResponse:
    """A member of staff's families (their open work), each with a choice of new worker: where
    a manager gives each family a new worker when someone's account is closed."""
    actor = Actor.of(request)
    worker = allocation.worker_in_council(scope=actor.scope, person_id=person_id)
    families = allocation.families_of_worker(scope=actor.scope, worker=worker)
    log_list_view(request, list_name=f"families of worker {worker.pk}")
    workers = [w for w in allocation.workers_to_choose(scope=actor.scope) if w.pk != worker.pk]
    sent = submitted(request)
    chosen_family = sent.get("family") if sent is not None else None
    rows = []
    status = 200
    for family, latest in families:
        bound = sent if chosen_family == str(family.pk) else None
        form = AllocateForm(bound, workers=workers, prefix=f"family-{family.pk}")
        if bound is not None and latest is not None:
            made = _reallocate(request, actor, family, latest, form)
            if made is not None:
                return made
            status = form_status(form)
        rows.append((family, latest, form))
    return render(
        request,
        "pathway/worker_families.html",
        {"worker": worker, "rows": rows},
        status=status,
    )
