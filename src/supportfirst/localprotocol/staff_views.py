"""The staff pages of the local assessment protocol: managers draft, answer and publish; parent
carer forum members comment and sign off for the forum; both can audit a version with one click.
Thin: parse, call one service or selector, render."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from supportfirst.councils.access import manager_required, role_required
from supportfirst.councils.models import MANAGER_ROLES, Council, Role
from supportfirst.councils.settings_forms import ClockTargetsForm
from supportfirst.kernel.formsupport import button_move, form_page, submitted, versioned
from supportfirst.localprotocol import selectors, services
from supportfirst.localprotocol.auditing import audit_version, protocol_name
from supportfirst.localprotocol.forms import (
    AnswerForm,
    CommentForm,
    PublishForm,
    SectionForm,
    SignOffForm,
)
from supportfirst.localprotocol.sections import BY_KEY, TARGET_NAMES, TARGETS
from supportfirst.rules.protocol.checklist import ITEMS

PROTOCOL_ROLES = frozenset({*MANAGER_ROLES, Role.FORUM_MEMBER})
protocol_required = role_required(PROTOCOL_ROLES)


def _is_manager(request: HttpRequest) -> bool:
    return bool(request.scope.holds_any(MANAGER_ROLES))  # type: ignore[attr-defined]


def _version_url(version_id: int) -> str:
    return reverse("protocol:version", kwargs={"version_id": version_id})


@protocol_required
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    council_id = request.scope.council_id  # type: ignore[attr-defined]
    council = Council.objects.get(pk=council_id)
    return render(
        request,
        "localprotocol/staff/overview.html",
        {
            "council": council,
            "current": selectors.in_force(council_id),
            "draft": selectors.draft_of(council_id),
            "versions": selectors.versions_of(council_id),
            "is_manager": _is_manager(request),
        },
    )


@manager_required
@require_POST
def start(request: HttpRequest) -> HttpResponse:
    return button_move(
        request,
        lambda: services.protocol_draft_start(
            actor=request.user,
            council_id=request.scope.council_id,  # type: ignore[attr-defined]
        ),
        success=lambda draft: (
            f"Version {draft.number} is a draft: change its sections, then ask the parent "
            "carer forum to comment and sign it off.",
            _version_url(draft.pk),
        ),
        refused=lambda problems: redirect("protocol:overview"),
    )


@protocol_required
@require_safe
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    shown = selectors.version_for(request.scope, version_id)  # type: ignore[attr-defined]
    return render(
        request,
        "localprotocol/staff/version.html",
        {
            "version": shown,
            "council": shown.council,
            "differences": selectors.differences(shown),
            "unanswered": selectors.unanswered_count(shown),
            "targets": [(t, getattr(shown, t.name)) for t in TARGETS],
            "is_manager": _is_manager(request),
            "is_forum": not _is_manager(request),
        },
    )


@protocol_required
@require_http_methods(["GET", "POST"])
def section(request: HttpRequest, section_id: int) -> HttpResponse:
    """A section of a version: managers change its words and see the comments; forum members
    read it and comment."""
    scope = request.scope  # type: ignore[attr-defined]
    part = selectors.section_for(scope, section_id)
    about = BY_KEY[part.key]
    context = {"section": part, "about": about, "version": part.version}
    back = _version_url(part.version_id)
    if _is_manager(request):
        edit = versioned(
            SectionForm(submitted(request), initial={"text": part.text}, hint=about.hint), part
        )
        return form_page(
            request,
            edit,
            "localprotocol/staff/section.html",
            {**context, "is_manager": True},
            on_valid=lambda: services.section_save(
                actor=request.user, section=part, text=edit.cleaned_data["text"]
            ),
            success=lambda cleared: (
                "The section is saved."
                + (" It had been signed off: both sides now sign off again." if cleared else ""),
                back + f"#section-{part.key}",
            ),
            back_url=back,
            back_text="Go back to the draft",
        )
    comment = CommentForm(submitted(request))
    return form_page(
        request,
        comment,
        "localprotocol/staff/section.html",
        {**context, "is_manager": False},
        on_valid=lambda: services.comment_add(
            actor=request.user, section=part, text=comment.cleaned_data["text"]
        ),
        success=lambda _: ("Your comment is added. The council will answer it.", request.path),
        back_url=back,
        back_text="Go back to the draft",
    )


@manager_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = selectors.comment_for(request.scope, comment_id)  # type: ignore[attr-defined]
    form = versioned(AnswerForm(submitted(request), initial={"answer": comment.answer}), comment)
    back = reverse("protocol:section", kwargs={"section_id": comment.section_id})
    return form_page(
        request,
        form,
        "localprotocol/staff/answer.html",
        {"comment": comment, "section": comment.section, "version": comment.section.version},
        on_valid=lambda: services.comment_answer(
            actor=request.user, comment=comment, answer=form.cleaned_data["answer"]
        ),
        success=lambda _: ("The answer is saved.", back),
        back_url=back,
        back_text="Go back to the section",
    )


@manager_required
@require_http_methods(["GET", "POST"])
def targets(request: HttpRequest, version_id: int) -> HttpResponse:
    shown = selectors.version_for(request.scope, version_id)  # type: ignore[attr-defined]
    form = versioned(
        ClockTargetsForm(
            submitted(request), initial={name: getattr(shown, name) for name in TARGET_NAMES}
        ),
        shown,
    )
    back = _version_url(shown.pk)
    return form_page(
        request,
        form,
        "localprotocol/staff/targets.html",
        {"version": shown},
        on_valid=lambda: services.targets_save(
            actor=request.user, version=shown, targets=form.cleaned_data
        ),
        success=lambda cleared: (
            "The targets are saved."
            + (" The draft had been signed off: both sides now sign off again." if cleared else ""),
            back + "#targets",
        ),
        back_url=back,
        back_text="Go back to the draft",
    )


@protocol_required
@require_http_methods(["GET", "POST"])
def sign_off(request: HttpRequest, version_id: int) -> HttpResponse:
    """Sign the draft off: a manager for the council, a forum member for the forum."""
    shown = selectors.version_for(request.scope, version_id)  # type: ignore[attr-defined]
    side = services.COUNCIL if _is_manager(request) else services.FORUM
    person = request.user
    initial = {
        "name": getattr(person, "full_name", "") or str(person),
        "role": getattr(getattr(person, "membership", None), "job_title", "")
        or request.scope.role_label,  # type: ignore[attr-defined]
        "on": timezone.localdate(),
    }
    form = SignOffForm(submitted(request), initial=initial)
    back = _version_url(shown.pk)
    return form_page(
        request,
        form,
        "localprotocol/staff/sign_off.html",
        {"version": shown, "side": side, "unanswered": selectors.unanswered_count(shown)},
        on_valid=lambda: services.sign_off(
            actor=request.user,
            version=shown,
            side=side,
            name=form.cleaned_data["name"],
            role=form.cleaned_data["role"],
            on=form.cleaned_data["on"],
        ),
        success=lambda _: (
            f"Version {shown.number} is signed off for "
            + ("the council." if side == services.COUNCIL else "the parent carer forum."),
            back,
        ),
        back_url=back,
        back_text="Go back to the draft",
    )


@manager_required
@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, version_id: int) -> HttpResponse:
    shown = selectors.version_for(request.scope, version_id)  # type: ignore[attr-defined]
    form = PublishForm(submitted(request))
    public = reverse("public_protocol:council", kwargs={"council_slug": shown.council.slug})
    return form_page(
        request,
        form,
        "localprotocol/staff/publish.html",
        {"version": shown, "unanswered": selectors.unanswered_count(shown)},
        on_valid=lambda: services.protocol_publish(
            actor=request.user, version=shown, in_force_from=form.cleaned_data["in_force_from"]
        ),
        success=lambda done: (
            f"Version {done.number} is published. It comes into force on "
            f"{done.in_force_from:%-d %B %Y}.",
            public,
        ),
        back_url=_version_url(shown.pk),
        back_text="Go back to the draft",
    )


@protocol_required
@require_safe
def audit(request: HttpRequest, version_id: int) -> HttpResponse:
    """The one-click audit: the same checklist and report as the public protocol audit page."""
    shown = selectors.version_for(request.scope, version_id)  # type: ignore[attr-defined]
    return render(
        request,
        "localprotocol/staff/audit.html",
        {
            "version": shown,
            "run": audit_version(shown),
            "items": ITEMS,
            "name": protocol_name(shown),
        },
    )
