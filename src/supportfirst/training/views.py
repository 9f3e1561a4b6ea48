"""The training page: managers (and the council administrator) record who completed the
council's co-produced training, see who is in date, and set the council's rule on who can be
allocated. Thin: parse, call one service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor
from supportfirst.councils.access import role_required
from supportfirst.councils.models import MANAGER_ROLES, Role
from supportfirst.kernel.formsupport import form_status, submitted, version_claimed, versioned
from supportfirst.training import selectors, services
from supportfirst.training.forms import RuleForm, TrainingForm
from supportfirst.training.models import TrainingRule

TRAINING_ROLES = frozenset({*MANAGER_ROLES, Role.COUNCIL_ADMIN})
training_required = role_required(TRAINING_ROLES)


def _page(request: HttpRequest, *, form: TrainingForm, rule_form: RuleForm) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    status = max(form_status(form), form_status(rule_form))
    return render(
        request,
        "training/training.html",
        {
            "form": form,
            "rule_form": rule_form,
            "rule": selectors.rule_of(scope.council_id),
            "people": selectors.who_is_trained(scope=scope, today=timezone.localdate()),
            "records": selectors.records(scope=scope),
        },
        status=status,
    )


def _rule_saved(rule: TrainingRule | None) -> dict[str, Any]:
    return {"trained_only": "yes" if rule and rule.trained_only else "no"}


@training_required
@require_http_methods(["GET", "POST"])
def training(request: HttpRequest) -> HttpResponse:
    actor = Actor.of(request)
    people = list(selectors.people_to_train(scope=actor.scope))
    is_rule = "rule" in request.POST
    sent = None if is_rule else submitted(request)
    form = TrainingForm(sent, people=people)
    rule = selectors.rule_of(actor.scope.council_id)
    rule_sent = submitted(request) if is_rule else None
    rule_form = RuleForm(rule_sent, initial=_rule_saved(rule))
    if rule is not None:
        versioned(rule_form, rule, saved=_rule_saved)
    if form.is_bound and form.is_valid():
        record = services.record_training(
            actor=actor,
            person=form.chosen,
            course=form.cleaned_data["course"],
            completed_on=form.cleaned_data["completed_on"],
            renew_by=form.cleaned_data["renew_by"],
            delivered_by=form.cleaned_data["delivered_by"],
            parent_carers=form.cleaned_data["parent_carers"],
        )
        messages.success(
            request, f"{record.person}'s training is recorded: {record.get_course_display()}."
        )
        return redirect("training:training")
    if rule_form.is_bound and rule_form.is_valid():
        with version_claimed(rule_form, request.user) as go_ahead:
            on = (
                services.set_rule(actor=actor, trained_only=rule_form.cleaned_data["trained_only"])
                if go_ahead
                else None
            )
        if on is None:
            return _page(request, form=form, rule_form=rule_form)
        messages.success(
            request,
            "Only practitioners whose training is in date can now be a family's worker."
            if on.trained_only
            else "Any practitioner or manager can now be a family's worker.",
        )
        return redirect("training:training")
    return _page(request, form=form, rule_form=rule_form)
