"""The family's pages for needs assessments: read the draft once it is ready for them, and add
comments that are kept apart from the staff text. Never the staff views reused."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportfirst.asking.selectors import (
    authors_keeping_words_private,
    children_keeping_views_private,
    private_words_note,
)
from supportfirst.assessments import selectors, services
from supportfirst.assessments.forms import FamilyCommentForm
from supportfirst.assessments.models import Assessment, AssessmentArea
from supportfirst.audit.services import Actor
from supportfirst.councils.access import family_required
from supportfirst.kernel.formsupport import conflict, submitted
from supportfirst.kernel.workflow import IllegalMove, MoveRefused


@family_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    assessments = selectors.family_assessments(scope=scope)
    return render(request, "assessments/family/list.html", {"assessments": assessments})


def _child_view_private(request: HttpRequest, assessment: Assessment) -> bool:
    """A parent does not see a young person's own views unless the young person chose to
    share them (asking.YoungPersonSharing; nothing changes before they have an account)."""
    scope = request.scope  # type: ignore[attr-defined]
    return assessment.child_id in children_keeping_views_private(scope=scope)


@family_required
def assessment_detail(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = selectors.family_assessment_read(
        actor=Actor.of(request), assessment_id=assessment_id
    )
    scope = request.scope  # type: ignore[attr-defined]
    context = {
        "assessment": assessment,
        "child_view_private": _child_view_private(request, assessment),
        "private_authors": authors_keeping_words_private(scope=scope),
        "private_words_note": private_words_note(scope=scope),
    }
    return render(request, "assessments/family/assessment.html", context)


def _comment(
    request: HttpRequest, actor: Actor, assessment: Assessment, area: AssessmentArea | None
) -> HttpResponse:
    form = FamilyCommentForm(submitted(request))
    # Not form_page: a refusal's reasons go on the comment field itself, not the summary.
    if request.method == "POST" and form.is_valid():
        try:
            services.family_comment_add(
                actor=actor, assessment=assessment, area=area, text=form.cleaned_data["text"]
            )
        except IllegalMove as error:
            return conflict(request, str(error))
        except MoveRefused as error:
            for message in error.messages:
                form.add_error("text", message)
        else:
            messages.success(request, "Thank you. Your comments are saved with the assessment.")
            return redirect("family_assessments:assessment", assessment_id=assessment.pk)
    return render(
        request,
        "assessments/family/comment.html",
        {
            "form": form,
            "assessment": assessment,
            "area": area,
            "child_view_private": _child_view_private(request, assessment),
        },
        status=400 if form.errors else 200,
    )


@family_required
@require_http_methods(["GET", "POST"])
def comment(request: HttpRequest, assessment_id: int) -> HttpResponse:
    """A comment on the whole assessment."""
    actor = Actor.of(request)
    assessment = selectors.family_assessment_read(actor=actor, assessment_id=assessment_id)
    return _comment(request, actor, assessment, None)


@family_required
@require_http_methods(["GET", "POST"])
def area_comment(request: HttpRequest, area_id: int) -> HttpResponse:
    """A comment on one area of the assessment."""
    actor = Actor.of(request)
    area = selectors.family_area_read(actor=actor, area_id=area_id)
    return _comment(request, actor, area.assessment, area)
