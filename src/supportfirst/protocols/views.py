"""The public protocol audit page: anyone uploads protocols and reads the checklist and the
similarity table in the answer. Nothing uploaded is kept: the files are read in memory (or
Django's temporary files, removed when the request ends), audited, and let go."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from supportfirst.protocols.forms import MAX_FILE_BYTES, MAX_FILES, MAX_UPLOAD_BYTES, AuditForm
from supportfirst.rules.protocol.audit import audit, bytes_source
from supportfirst.rules.protocol.checklist import ITEMS

TEMPLATE = "protocols/audit.html"


def _context(form: AuditForm, **extra: object) -> dict[str, object]:
    return {
        "form": form,
        "items": ITEMS,
        "max_files": MAX_FILES,
        "max_megabytes": MAX_FILE_BYTES // (1024 * 1024),
        **extra,
    }


@login_not_required
@require_http_methods(["GET", "POST"])
def audit_page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, TEMPLATE, _context(AuditForm()))
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES:
        too_big = "These files are too big to check together: choose fewer or smaller files"
        return render(request, TEMPLATE, _context(AuditForm(), too_big=too_big), status=413)
    form = AuditForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, TEMPLATE, _context(form), status=400)
    sources = [
        bytes_source(upload.name or f"document {number}", upload.read(), max_bytes=MAX_FILE_BYTES)
        for number, upload in enumerate(form.cleaned_data["documents"], start=1)
    ]
    run = audit(sources)
    if not run.documents:
        for unreadable in run.unreadable:
            form.add_error("documents", unreadable.message)
        return render(request, TEMPLATE, _context(form), status=400)
    return render(request, TEMPLATE, _context(AuditForm(), run=run))
