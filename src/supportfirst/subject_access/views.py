"""The family's download of everything, and the staff pages that mark what is withheld and list
the downloads made. Separate views per audience."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from supportfirst.audit.services import Actor
from supportfirst.councils.access import casework_required, role_required
from supportfirst.councils.models import Role
from supportfirst.kernel.formsupport import form_status, is_id, submitted
from supportfirst.subject_access import records, selectors, services
from supportfirst.subject_access.forms import ChooseRecordForm, WithholdForm

PAGE_SIZE = 50


@role_required({Role.FAMILY_MEMBER})
@require_http_methods(["GET", "POST"])
def family_download(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    if request.method == "POST":
        made = services.download_make(actor=Actor.of(request))
        response = HttpResponse(made.content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{made.filename}"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        return response
    downloads = list(selectors.downloads_for_family(scope=scope, family_id=scope.family_id)[:10])
    return render(request, "subject_access/family/download.html", {"downloads": downloads})


def _parts(model: Any) -> list[tuple[str, str]]:
    return [(f.name, records.field_label(f)) for f in model._meta.concrete_fields if f.name != "id"]


@casework_required
@require_http_methods(["GET", "POST"])
def withholding(request: HttpRequest, family_id: int) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    family = selectors.family_for_withholding(request=request, scope=scope, family_id=family_id)
    remove = request.POST.get("remove", "")
    if remove:
        removed = is_id(remove) and services.withholding_remove(
            actor=Actor.of(request), family=family, mark_id=int(remove)
        )
        if removed:
            messages.success(request, "It is no longer held back from the family's download.")
        return redirect("subject_access:withholding", family_id=family.pk)
    chosen = request.POST.get("record") or request.GET.get("record")
    context: dict[str, Any] = {
        "family": family,
        "marks": selectors.marks_for_family(scope=scope, family=family),
        "downloads": list(selectors.downloads_for_family(scope=scope, family_id=family.pk)[:20]),
    }
    found = records.find_record(scope, family, chosen) if chosen else None
    if found is None:
        choose = ChooseRecordForm(
            {"record": chosen} if chosen is not None else None,
            choices=records.record_choices(scope, family),
        )
        status = 400 if chosen is not None and not choose.is_valid() else 200
        if chosen is not None and choose.is_valid():
            choose.add_error("record", "Choose one of this family's records")
            status = 400
        context["choose"] = choose
        return render(request, "subject_access/staff/withholding.html", context, status=status)
    model, row = found
    form = WithholdForm(submitted(request), initial={"record": chosen}, parts=_parts(model))
    # Not form_page: a part the record does not have is an error on the field_name field.
    if request.method == "POST" and form.is_valid():
        try:
            services.withholding_add(
                actor=Actor.of(request),
                family=family,
                value=form.cleaned_data["record"],
                field_name=form.cleaned_data["field_name"],
                reason=form.cleaned_data["reason"],
            )
        except LookupError as error:
            form.add_error("field_name", str(error))
        else:
            messages.success(request, "Saved. It will be held back from the family's download.")
            return redirect("subject_access:withholding", family_id=family.pk)
    context.update({"form": form, "record_title": str(row), "kind": str(model._meta.verbose_name)})
    return render(
        request, "subject_access/staff/withholding.html", context, status=form_status(form)
    )


@casework_required
def downloads(request: HttpRequest) -> HttpResponse:
    scope = request.scope  # type: ignore[attr-defined]
    page = Paginator(selectors.downloads_in_council(scope=scope), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "subject_access/staff/downloads.html", {"page": page})
