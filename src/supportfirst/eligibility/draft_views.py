"""The staff pages of criteria drafted in the browser: managers start a draft from the criteria
in force, change its criteria, services and worked examples in forms (the loader's own checks
shown as GOV.UK errors), run its worked examples, answer comments and publish; parent carer
forum members comment on each criterion and service and sign off for the forum. Thin: parse,
call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from supportfirst.audit.services import log_list_view
from supportfirst.councils.access import manager_required, role_required
from supportfirst.councils.models import MANAGER_ROLES, Council, Role
from supportfirst.eligibility import drafting, selectors
from supportfirst.eligibility.draft_forms import (
    AnswerForm,
    CommentForm,
    CriterionForm,
    DetailsForm,
    ExampleForm,
    PublishForm,
    ServiceForm,
)
from supportfirst.eligibility.draft_selectors import (
    comment_for,
    draft_for,
    drafts_of,
    open_draft,
    part_comments,
    unanswered_count,
)
from supportfirst.eligibility.drafting import PartRefused, field_of
from supportfirst.eligibility.impact import draft_impact
from supportfirst.eligibility.models import CriteriaDraft
from supportfirst.kernel.formsupport import (
    button_move,
    conflict,
    form_page,
    form_status,
    submitted,
    version_claimed,
    versioned,
)
from supportfirst.kernel.signoff import SignOffForm
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.rules.criteria.changes import set_changes

DRAFT_ROLES = frozenset({*MANAGER_ROLES, Role.FORUM_MEMBER})
draft_required = role_required(DRAFT_ROLES)
PART_FIELDS = {"criteria": "criterion", "services": "service"}


def _is_manager(request: HttpRequest) -> bool:
    return request.scope.holds_any(MANAGER_ROLES)  # type: ignore[attr-defined]


def _draft_url(draft_id: int, anchor: str = "") -> str:
    url = reverse("eligibility:criteria_draft", kwargs={"draft_id": draft_id})
    return f"{url}#{anchor}" if anchor else url


@draft_required
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    return render(
        request,
        "eligibility/drafts/overview.html",
        {
            "council": Council.objects.get(pk=council_id),
            "draft": open_draft(council_id),
            "drafts": drafts_of(council_id),
            "start_from": drafting._start_from(Council.objects.get(pk=council_id)),
            "is_manager": _is_manager(request),
            "to_adopt": (
                selectors.adoptable_criteria(scope=request.scope)  # type: ignore[attr-defined]
                if _is_manager(request)
                else []
            ),
        },
    )


@manager_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    return button_move(
        request,
        lambda: drafting.criteria_draft_start(
            actor=request.user,
            council_id=request.scope.council_id,  # type: ignore[attr-defined]
        ),
        success=lambda draft: (
            f"Version {draft.version} of the criteria is a draft: change it, then ask the "
            "parent carer forum to comment and sign it off.",
            _draft_url(draft.pk),
        ),
        refused=lambda problems: redirect("eligibility:criteria_drafts"),
    )


@draft_required
@require_safe
def draft_page(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    checked = drafting.draft_check(draft)
    before = draft.based_on.criteria_set if draft.based_on is not None else None
    after = drafting.draft_set(draft)
    comments = part_comments(draft)
    results = {result.example.name: result for result in checked.results}
    return render(
        request,
        "eligibility/drafts/draft.html",
        {
            "draft": draft,
            "version": draft,
            "council": draft.council,
            "check": checked,
            "changes": set_changes(before, after) if after is not None else [],
            "criteria": [
                (i, c, comments.get(("criterion", str(c.get("id", ""))), []))
                for i, c in enumerate(draft.data.get("criteria") or [])
            ],
            "services": [
                (i, s, comments.get(("service", str(s.get("code", ""))), []))
                for i, s in enumerate(draft.data.get("services") or [])
            ],
            "examples": [
                (i, e, results.get(str(e.get("name", ""))))
                for i, e in enumerate(draft.data.get("examples") or [])
            ],
            "unanswered": unanswered_count(draft),
            "is_manager": _is_manager(request),
        },
    )


@draft_required
@require_safe
def impact(request: HttpRequest, draft_id: int) -> HttpResponse:
    """What would change: the draft tried against every decision the council has made. A
    manager's examples name the child and link to the decision (a look at a list of families,
    logged as one); the parent carer forum's are anonymised and read no names."""
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    if not draft.is_draft:
        messages.info(request, f"Version {draft.version} is published: there is nothing to try.")
        return redirect(_draft_url(draft.pk))
    named = _is_manager(request)
    found = draft_impact(scope=request.scope, draft=draft, named=named)  # type: ignore[attr-defined]
    if named:
        log_list_view(request, list_name=f"criteria impact {draft.pk}")
    return render(
        request,
        "eligibility/drafts/impact.html",
        {"draft": draft, "council": draft.council, "page": found, "is_manager": named},
    )


def _part(draft: CriteriaDraft, part: str, index: int | None) -> dict[str, Any]:
    if index is None:
        return {}
    items = draft.data.get(part) or []
    if not 0 <= index < len(items):
        raise Http404("That part is not in the draft.")
    return dict(items[index])


def _refused_on_form(form: forms.Form, prefix: str, error: MoveRefused) -> None:
    """The loader's problems beside the fields they are about (else at the top)."""
    if not isinstance(error, PartRefused):
        for message in error.messages:
            form.add_error(None, message)
        return
    for problem in error.problems:
        name = field_of(problem, prefix) if drafting._inside(problem, prefix) else ""
        form.add_error(name if name in form.fields else None, problem.message)


def _edit_part(
    request: HttpRequest,
    draft_id: int,
    part: str,
    index: int | None,
    make_form: Callable[[CriteriaDraft, dict[str, Any]], forms.Form],
    key_field: str,
) -> HttpResponse:
    """A criterion or a service: managers change it (or add one), everyone reads it and its
    comments, forum members comment on it."""
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    current = _part(draft, part, index)
    key = str(current.get(key_field, ""))
    what = PART_FIELDS[part]
    anchor = f"{what}-{key}" if key else part
    context: dict[str, Any] = {
        "draft": draft,
        "part": current,
        "what": what,
        "index": index,
        "comments": [c for c in part_comments(draft).get((what, key), [])],
        "is_manager": _is_manager(request),
    }
    back = _draft_url(draft.pk, anchor)
    if not _is_manager(request):
        if index is None:
            raise Http404("Only a manager adds to the draft.")
        comment = CommentForm(submitted(request))
        return form_page(
            request,
            comment,
            "eligibility/drafts/part.html",
            context,
            on_valid=lambda: drafting.comment_add(
                actor=request.user,
                draft=draft,
                part=what,
                key=key,
                text=comment.cleaned_data["text"],
            ),
            success=lambda _: ("Your comment is added. The council will answer it.", request.path),
            back_url=back,
            back_text="Go back to the draft",
        )
    form = make_form(draft, current)
    if index is not None:
        versioned(form, draft, saved=lambda now: _saved_part(form, now, part, index))
    if request.method == "POST" and form.is_valid():
        prefix = f"{part}[{len(draft.data.get(part) or []) if index is None else index}]"
        value = form.part(key) if hasattr(form, "part") else {}
        try:
            with version_claimed(form, request.user) as go_ahead:
                cleared = go_ahead and drafting.part_save(
                    actor=request.user, draft=draft, part=part, index=index, value=value
                )
        except IllegalMove as error:
            return conflict(request, str(error), back_url=back, back_text="Go back to the draft")
        except MoveRefused as error:
            _refused_on_form(form, prefix, error)
        else:
            if go_ahead:
                messages.success(
                    request,
                    f"The {what} is saved."
                    + (
                        " It had been signed off: both sides now sign off again." if cleared else ""
                    ),
                )
                return redirect(_draft_url(draft.pk, f"{what}-{value.get(key_field, '')}"))
    return render(
        request, "eligibility/drafts/part.html", {**context, "form": form}, status=form_status(form)
    )


def _saved_part(form: forms.Form, now: CriteriaDraft, part: str, index: int) -> dict[str, Any]:
    """The criterion or service as saved now, under the form's field names."""
    items = now.data.get(part) or []
    if not 0 <= index < len(items):
        return {}
    initial_from = getattr(form, "initial_from", None)
    return dict(initial_from(items[index])) if initial_from else {}


def _criterion_form(request: HttpRequest) -> Callable[[CriteriaDraft, dict[str, Any]], forms.Form]:
    def make(draft: CriteriaDraft, current: dict[str, Any]) -> forms.Form:
        initial = CriterionForm.initial_from(current) if current else {"outcomes_needed": 2}
        return CriterionForm(submitted(request), initial=initial, adding=not current)

    return make


def _service_form(request: HttpRequest) -> Callable[[CriteriaDraft, dict[str, Any]], forms.Form]:
    def make(draft: CriteriaDraft, current: dict[str, Any]) -> forms.Form:
        criteria = [
            (str(c.get("id", "")), str(c.get("title", "")))
            for c in draft.data.get("criteria") or []
        ]
        initial = ServiceForm.initial_from(current) if current else {}
        return ServiceForm(
            submitted(request), initial=initial, adding=not current, criteria=criteria
        )

    return make


@draft_required
@require_http_methods(["GET", "POST"])
def criterion(request: HttpRequest, draft_id: int, criterion_index: int) -> HttpResponse:
    return _edit_part(
        request, draft_id, "criteria", criterion_index, _criterion_form(request), "id"
    )


@manager_required
@require_http_methods(["GET", "POST"])
def criterion_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    return _edit_part(request, draft_id, "criteria", None, _criterion_form(request), "id")


@draft_required
@require_http_methods(["GET", "POST"])
def service(request: HttpRequest, draft_id: int, service_index: int) -> HttpResponse:
    return _edit_part(request, draft_id, "services", service_index, _service_form(request), "code")


@manager_required
@require_http_methods(["GET", "POST"])
def service_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    return _edit_part(request, draft_id, "services", None, _service_form(request), "code")


def _remove(request: HttpRequest, draft_id: int, part: str, index: int) -> HttpResponse:
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    _part(draft, part, index)
    back = _draft_url(draft.pk, part)

    def refused(problems: list[str]) -> HttpResponse:
        messages.error(request, "Not taken out: " + " ".join(problems))
        return redirect(back)

    return button_move(
        request,
        lambda: drafting.part_remove(actor=request.user, draft=draft, part=part, index=index),
        success=lambda _: ("It is taken out of the draft.", back),
        refused=refused,
        back_url=back,
        back_text="Go back to the draft",
    )


@manager_required
@require_POST
def criterion_remove(request: HttpRequest, draft_id: int, criterion_index: int) -> HttpResponse:
    return _remove(request, draft_id, "criteria", criterion_index)


@manager_required
@require_POST
def service_remove(request: HttpRequest, draft_id: int, service_index: int) -> HttpResponse:
    return _remove(request, draft_id, "services", service_index)


@manager_required
@require_POST
def example_remove(request: HttpRequest, draft_id: int, example_index: int) -> HttpResponse:
    return _remove(request, draft_id, "examples", example_index)


def _details_initial(draft: CriteriaDraft) -> dict[str, Any]:
    return {
        "title": draft.data.get("title", ""),
        "summary": " ".join(str(draft.data.get("summary", "")).split()),
    }


@manager_required
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    form = versioned(
        DetailsForm(submitted(request), initial=_details_initial(draft)),
        draft,
        saved=_details_initial,
    )
    back = _draft_url(draft.pk)
    return form_page(
        request,
        form,
        "eligibility/drafts/details.html",
        {"draft": draft},
        on_valid=lambda: drafting.details_save(
            actor=request.user,
            draft=draft,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
        ),
        success=lambda cleared: (
            "The title and summary are saved."
            + (" It had been signed off: both sides now sign off again." if cleared else ""),
            back,
        ),
        back_url=back,
        back_text="Go back to the draft",
    )


@manager_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, criteria_comment_id: int) -> HttpResponse:
    comment = comment_for(request.scope, criteria_comment_id)  # type: ignore[attr-defined]
    form = versioned(AnswerForm(submitted(request), initial={"answer": comment.answer}), comment)
    back = _draft_url(comment.draft_id, f"{comment.part}-{comment.key}")
    return form_page(
        request,
        form,
        "eligibility/drafts/answer.html",
        {"comment": comment, "draft": comment.draft},
        on_valid=lambda: drafting.comment_answer(
            actor=request.user, comment=comment, answer=form.cleaned_data["answer"]
        ),
        success=lambda _: ("The answer is saved.", back),
        back_url=back,
        back_text="Go back to the draft",
    )


@draft_required
@require_http_methods(["GET", "POST"])
def sign_off(request: HttpRequest, draft_id: int) -> HttpResponse:
    """Sign the draft off: a manager for the council, a forum member for the forum."""
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    side = drafting.COUNCIL if _is_manager(request) else drafting.FORUM
    person = request.user
    initial = {
        "name": getattr(person, "full_name", "") or str(person),
        "role": getattr(getattr(person, "membership", None), "job_title", "")
        or request.scope.role_label,  # type: ignore[attr-defined]
        "on": timezone.localdate(),
    }
    form = SignOffForm(submitted(request), initial=initial)
    back = _draft_url(draft.pk)
    return form_page(
        request,
        form,
        "eligibility/drafts/sign_off.html",
        {"draft": draft, "side": side, "unanswered": unanswered_count(draft)},
        on_valid=lambda: drafting.sign_off(
            actor=request.user,
            draft=draft,
            side=side,
            name=form.cleaned_data["name"],
            role=form.cleaned_data["role"],
            on=form.cleaned_data["on"],
        ),
        success=lambda _: (
            f"Version {draft.version} of the criteria is signed off for "
            + ("the council." if side == drafting.COUNCIL else "the parent carer forum."),
            back,
        ),
        back_url=back,
        back_text="Go back to the draft",
    )


@manager_required
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, draft_id: int) -> HttpResponse:
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    form = PublishForm(submitted(request))
    public = reverse(
        "public_eligibility:version",
        kwargs={"criteria_slug": draft.council.slug, "criteria_version": draft.version},
    )
    return form_page(
        request,
        form,
        "eligibility/drafts/publish.html",
        {"draft": draft, "version": draft, "unanswered": unanswered_count(draft)},
        on_valid=lambda: drafting.criteria_draft_publish(
            actor=request.user,
            draft=draft,
            in_force_from=form.cleaned_data["in_force_from"],
            equality_impact_summary=form.cleaned_data["equality_impact_summary"],
        ),
        success=lambda done: (
            f"Version {done.version} of the criteria is published. It comes into force on "
            f"{done.in_force_from:%-d %B %Y}.",
            public,
        ),
        back_url=_draft_url(draft.pk),
        back_text="Go back to the draft",
    )


@manager_required
@require_http_methods(["GET", "POST"])
def example_add(request: HttpRequest, draft_id: int) -> HttpResponse:
    """A worked example about a child, in fields; its expected decision is the one the
    draft's criteria give it now."""
    draft = draft_for(request.scope, draft_id)  # type: ignore[attr-defined]
    form = ExampleForm(submitted(request))
    back = _draft_url(draft.pk, "examples")
    return form_page(
        request,
        form,
        "eligibility/drafts/example.html",
        {"draft": draft},
        on_valid=lambda: drafting.example_add(
            actor=request.user,
            draft=draft,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            case=form.case(),
        ),
        success=lambda _: (
            "The example is added, with the decision the criteria give it now. Check it below.",
            back,
        ),
        back_url=back,
        back_text="Go back to the draft",
    )
