"""The family's survey page, and the anonymous figures for forum members and managers."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportfirst.councils.access import family_required, role_required
from supportfirst.councils.models import Role
from supportfirst.feedback import figures, selectors, services
from supportfirst.feedback.forms import SurveyForm
from supportfirst.kernel.formsupport import form_status, submitted


@family_required
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, feedback_stage: str) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    invitation = selectors.family_invitation(scope=scope, stage=feedback_stage)
    context = {"invitation": invitation, "smallest": figures.SMALLEST_FIGURE}
    if invitation.answered_in is not None:
        status = services.AlreadyAnswered.status_code if request.method == "POST" else 200
        return render(request, "feedback/family/answered.html", context, status=status)
    form = SurveyForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(invitation=invitation, answers=form.cleaned_data)
        except services.AlreadyAnswered:
            return render(
                request,
                "feedback/family/answered.html",
                context,
                status=services.AlreadyAnswered.status_code,
            )
        messages.success(request, "Thank you. Your answers are saved, without your name.")
        return redirect("family:home")
    return render(
        request, "feedback/family/survey.html", {**context, "form": form}, status=form_status(form)
    )


@role_required({Role.FORUM_MEMBER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.COUNCIL_ADMIN})
def results(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    stages = selectors.council_figures(scope=scope)
    return render(
        request,
        "feedback/staff/results.html",
        {"stages": stages, "smallest": figures.SMALLEST_FIGURE, "suppressed": figures.SUPPRESSED},
    )
