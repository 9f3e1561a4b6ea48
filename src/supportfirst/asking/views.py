"""The public pages for asking for help online: no account needed. Thin: parse, call one
service, render. The answers so far live in a draft tied to this browser's session."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from supportfirst.asking import questions, services
from supportfirst.asking.forms import AddAnotherForm, ContactPreferenceForm, SaveForm, SiblingForm
from supportfirst.asking.models import OnlineRequest, OnlineRequestDraft
from supportfirst.audit.services import log_access
from supportfirst.councils.models import Council
from supportfirst.kernel import councilwall, ratelimit
from supportfirst.kernel.formsupport import form_page, form_status, submitted
from supportfirst.notifications.models import MessageStatus, Notification
from supportfirst.notifications.services import REQUEST_RECEIVED


def _draft_key(council: Council) -> str:
    return f"asking_draft_{council.pk}"


def _sent_key(council: Council) -> str:
    return f"asking_sent_{council.pk}"


def _council(slug: str) -> Council | None:
    council = Council.objects.filter(slug=slug).first()
    if council is not None:
        # The council this request is for, from its address (the second wall).
        councilwall.enter_council(council.pk)
    return council


def _draft(request: HttpRequest, council: Council) -> OnlineRequestDraft | None:
    draft_id = request.session.get(_draft_key(council))
    if draft_id is None:
        return None
    return OnlineRequestDraft.objects.filter(
        pk=draft_id, council=council, submitted_at__isnull=True
    ).first()


def _draft_or_start(request: HttpRequest, council: Council) -> OnlineRequestDraft:
    draft = _draft(request, council)
    if draft is None:
        draft = services.draft_start(council=council)
        request.session[_draft_key(council)] = draft.pk
    return draft


def _url(name: str, council: Council, change: bool = False) -> str:
    url = reverse(f"asking:{name}", kwargs={"council_slug": council.slug})
    return f"{url}?change=1" if change else url


def _context(council: Council, **extra: Any) -> dict[str, Any]:
    return {"council": council, "current_council": council, **extra}


@login_not_required
@require_safe
def councils(request: HttpRequest) -> HttpResponse:
    """Choose your council (straight to the questions when there is only one)."""
    rows = list(Council.objects.order_by("name"))
    if len(rows) == 1:
        return redirect(_url(questions.FIRST, rows[0]))
    return render(request, "asking/councils.html", {"councils": rows})


@login_not_required
@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, council_slug: str, step: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    this = questions.BY_NAME[step]
    draft = _draft(request, council)
    answers = draft.answers if draft else {}
    change = request.GET.get("change") == "1"
    extra = {"answers": answers} if this.form is ContactPreferenceForm else {}
    form = this.form(
        submitted(request),
        initial=this.form.initial_from(answers),
        child_name=questions.child_name(answers),
        **extra,
    )

    def answer() -> str:
        """The answer kept in the draft; the page to go to next."""
        saved = _draft_or_start(request, council)
        services.draft_answer(draft=saved, answers=form.to_answers())
        if request.POST.get("then") == "save":
            return _url("save", council)
        following = questions.next_after(step, saved.answers)
        if change and following not in (questions.SIBLING_ADD, questions.SIBLING_LIST):
            return _url(questions.CHECK, council)
        return _url(following, council, change)

    back = questions.CHECK if change else questions.previous_of(step, answers)
    context = _context(council, back=_url(back, council) if back else reverse("pages:start"))
    return form_page(
        request,
        form,
        "asking/question.html",
        context,
        on_valid=answer,
        success=lambda following: ("", following),
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def sibling_add(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    draft = _draft(request, council)
    answers = draft.answers if draft else {}
    change = request.GET.get("change") == "1"
    form = SiblingForm(submitted(request), child_name=questions.child_name(answers))

    def add() -> str:
        """The sibling kept in the draft; the page to go to next."""
        services.sibling_add(draft=_draft_or_start(request, council), sibling=form.to_answers())
        if request.POST.get("then") == "save":
            return _url("save", council)
        return _url(questions.SIBLING_LIST, council, change)

    back = _url(questions.previous_of(questions.SIBLING_ADD, answers) or "siblings", council)
    return form_page(
        request,
        form,
        "asking/question.html",
        _context(council, back=back),
        on_valid=add,
        success=lambda following: ("", following),
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def sibling_list(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    draft = _draft(request, council)
    change = request.GET.get("change") == "1"
    if draft is None or not draft.answers.get("sibling_list"):
        return redirect(_url(questions.SIBLING_ADD, council, change))
    if request.method == "POST" and "remove" in request.POST:
        try:
            index = int(request.POST["remove"])
        except ValueError:
            index = -1
        services.sibling_remove(draft=draft, index=index)
        return redirect(_url(questions.SIBLING_LIST, council, change))
    form = AddAnotherForm(submitted(request), child_name=questions.child_name(draft.answers))
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["add_another"] == "yes":
            return redirect(_url(questions.SIBLING_ADD, council, change))
        if request.POST.get("then") == "save":
            return redirect(_url("save", council))
        if change:
            return redirect(_url(questions.CHECK, council))
        return redirect(_url(questions.next_after(questions.SIBLING_LIST, draft.answers), council))
    context = _context(
        council,
        form=form,
        siblings=[
            {**s, "born": questions.format_date(s.get("date_of_birth"))}
            for s in draft.answers["sibling_list"]
        ],
        back=_url("siblings", council),
    )
    return render(request, "asking/sibling_list.html", context, status=form_status(form))


@login_not_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    draft = _draft(request, council)
    if draft is None:
        return redirect(_url(questions.FIRST, council))
    missing = questions.unanswered(draft.answers)
    if request.method == "POST" and not missing:
        # One email address (or phone number) may be given in only so many requests a day.
        target = draft.answers.get("email") or draft.answers.get("phone") or ""
        if (refusal := ratelimit.hit("ask_target", str(target))) is not None:
            return ratelimit.too_many_page(request, refusal)
        try:
            online = services.online_request_submit(draft=draft)
        except services.Refused:
            return redirect(_url(questions.CHECK, council))
        request.session.pop(_draft_key(council), None)
        request.session[_sent_key(council)] = online.pk
        return redirect(_url("sent", council))
    context = _context(
        council,
        rows=questions.summary(draft.answers),
        missing=[
            (questions.BY_NAME[s.name].form(child_name=questions.child_name(draft.answers)), s)
            for s in missing
        ],
        show_errors=request.method == "POST",
        back=_url(questions.previous_of(questions.CHECK, draft.answers) or "consent", council),
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "asking/check.html", context, status=status)


@login_not_required
@require_safe
def sent(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    online_id = request.session.get(_sent_key(council))
    online = (
        OnlineRequest.objects.select_related("support_request", "support_request__child")
        .filter(pk=online_id, family__council=council)
        .first()
        if online_id
        else None
    )
    if online is None:
        return redirect(_url(questions.FIRST, council))
    log_access(services.online_form_actor(council), family_id=online.family_id, record=online)
    told = (
        Notification.objects.filter(family_id=online.family_id, event=REQUEST_RECEIVED)
        .exclude(status=MessageStatus.FAILED)
        .order_by("-sent_at")
        .first()
    )
    return render(request, "asking/sent.html", _context(council, online=online, told=told))


@login_not_required
@require_http_methods(["GET", "POST"])
def save(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    draft = _draft(request, council)
    if draft is None:
        return redirect(_url(questions.FIRST, council))
    form = SaveForm(submitted(request), initial={"email": draft.answers.get("email", "")})
    # Not form_page: a refusal (too many links sent) goes on the email field.
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_email_link(
                draft=draft, email=form.cleaned_data["email"], link_for=request.build_absolute_uri
            )
        except services.Refused as refusal:
            form.add_error("email", str(refusal))
        else:
            return redirect(_url("saved", council))
    context = _context(council, form=form, back=_url(questions.CHECK, council))
    return render(request, "asking/save.html", context, status=form_status(form))


@login_not_required
@require_safe
def saved(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _council(council_slug)
    if council is None:
        return redirect("asking:councils")
    draft = _draft(request, council)
    if draft is None or not draft.link_is_live():
        return redirect(_url(questions.FIRST, council))
    return render(request, "asking/saved.html", _context(council, draft=draft))


@login_not_required
@require_safe
def resume(request: HttpRequest, draft_token: str) -> HttpResponse:
    """The emailed link: carry on with the saved answers in this browser."""
    draft = services.draft_from_token(draft_token)
    if draft is None:
        return redirect("asking:link_not_working")
    councilwall.enter_council(draft.council_id)
    request.session[_draft_key(draft.council)] = draft.pk
    return redirect(_url(questions.CHECK, draft.council))


@login_not_required
@require_safe
def link_not_working(request: HttpRequest) -> HttpResponse:
    return render(request, "asking/link_not_working.html")
