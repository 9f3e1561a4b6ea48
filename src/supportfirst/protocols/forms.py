"""The upload form of the public protocol audit: one to ten documents, checked by content."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

MAX_FILES = 10
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024
"""A request bigger than this is refused before its body is read."""


class ManyFilesInput(forms.ClearableFileInput):
    allow_multiple_selected = True
    template_name = "django/forms/widgets/file.html"


class DocumentsField(forms.FileField):
    widget = ManyFilesInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            raise forms.ValidationError("Choose at least one protocol document to check")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(f"Choose {MAX_FILES} documents or fewer at a time")
        for upload in files:
            if upload.size is not None and upload.size > MAX_FILE_BYTES:
                raise forms.ValidationError(
                    f"{upload.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: "
                    "choose a smaller file"
                )
        return files


class AuditForm(forms.Form):
    documents = DocumentsField(label="Protocol documents")
