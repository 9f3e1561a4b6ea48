"""Making a family's download: one ZIP file with every record about them as readable web pages
and as JSON, the files their records give (letters), and who has looked at their record.

Each download is recorded (`Download`) and written to the access log, so it appears on the
family's "who has looked at your record" page and on the staff list of downloads.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, log_access
from supportfirst.councils.scoping import get_visible_or_404
from supportfirst.families.models import Family
from supportfirst.families.selectors import access_log_for_family
from supportfirst.pathway.visibility import access_log_held_back
from supportfirst.subject_access import records
from supportfirst.subject_access.models import Download, Withholding


@dataclass(frozen=True)
class Made:
    download: Download
    content: bytes
    filename: str


def _json(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str).encode("utf-8")


def _record_data(record: records.Record) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for value in record.values:
        fields[value.name] = {"withheld": True} if value.withheld else value.data
    return {"id": record.pk, "title": record.title, "fields": fields}


def _log_rows(lines: list[Any]) -> list[dict[str, str]]:
    return [
        {
            "when": timezone.localtime(line.event.occurred_at).isoformat(),
            "who": line.who,
            "role": line.role,
            "what": line.what,
        }
        for line in lines
    ]


def build_zip(gathered: records.Gathered, log: list[Any], made_at: Any) -> tuple[bytes, int]:
    """The ZIP's bytes, and how many extra files (letters) it holds."""
    buffer = io.BytesIO()
    family = gathered.family
    files: list[tuple[str, str, bytes]] = []  # (kind label, path, content)
    for kind in gathered.kinds:
        for record in kind.records:
            for name, content in records.files_of(record):
                path = f"files/{kind.slug}-{record.pk}-{name}"
                files.append((kind.label, path, content))
    context = {
        "family": family,
        "gathered": gathered,
        "made_at": made_at,
        "made_when": records.when(made_at),
        "files": [path for _, path, _ in files],
        "log_count": len(log),
    }
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "index.html", render_to_string("subject_access/export/index.html", context)
        )
        for kind in gathered.kinds:
            page = render_to_string(
                "subject_access/export/kind.html", {**context, "kind": kind, "in_folder": True}
            )
            archive.writestr(f"records/{kind.slug}.html", page)
            archive.writestr(
                f"data/{records.safe_name(kind.label)}.json",
                _json(
                    {
                        "kind": kind.name,
                        "model": kind.label,
                        "records": [_record_data(r) for r in kind.records],
                    }
                ),
            )
        archive.writestr(
            "access-log.html",
            render_to_string("subject_access/export/access_log.html", {**context, "log": log}),
        )
        archive.writestr("data/access_log.json", _json(_log_rows(log)))
        archive.writestr(
            "data/withheld.json",
            _json(
                {
                    "whole_records_withheld": gathered.withheld_records,
                    "records_with_parts_withheld": gathered.withheld_parts,
                    "statement": [{"what": w.what, "why": w.why} for w in gathered.withheld],
                }
            ),
        )
        for _, path, content in files:
            archive.writestr(path, content)
    return buffer.getvalue(), len(files)


def download_make(*, actor: Actor) -> Made:
    """Everything about the signed-in family member's family, as one ZIP, recorded and logged.

    The file is made first, with no lock held (the access log's writers wait on its lock), and
    then the download is recorded and logged in one short transaction."""
    scope = actor.scope
    family = get_visible_or_404(Family.objects.select_related("council"), scope, pk=scope.family_id)
    made_at = timezone.now()
    gathered = records.gather(scope, family)
    log = access_log_for_family(
        scope=scope,
        family_id=family.pk,
        limit=sys.maxsize,
        held_back=access_log_held_back(family.pk),
    )
    content, file_count = build_zip(gathered, log, made_at)
    download = Download(
        family=family,
        made_by=actor.user,
        made_at=made_at,
        records=gathered.record_count,
        files=file_count,
        withheld_records=gathered.withheld_records,
        withheld_parts=gathered.withheld_parts,
        size_bytes=len(content),
    )
    with transaction.atomic():
        download.save()
        log_access(actor, family_id=family.pk, record=download, action=Action.DOWNLOAD)
    day = timezone.localdate(made_at).isoformat()
    filename = records.safe_name(f"support-first-{family.reference}-{day}") + ".zip"
    return Made(download, content, filename)


@transaction.atomic
def withholding_add(
    *, actor: Actor, family: Family, value: str, field_name: str, reason: str
) -> Withholding:
    """Mark one of the family's records, or one field of it, as not to be shared with them.
    Raises LookupError when the record is not the family's or the field is not the record's."""
    found = records.find_record(actor.scope, family, value)
    if found is None:
        raise LookupError("Choose one of this family's records.")
    model, row = found
    if field_name and field_name not in {f.name for f in model._meta.concrete_fields}:
        raise LookupError("Choose a part of this record.")
    content_type = records.content_type_for(model)
    mark = Withholding.objects.filter(
        content_type=content_type, object_id=row.pk, field_name=field_name
    ).first() or Withholding(content_type=content_type, object_id=row.pk, field_name=field_name)
    mark.family = family
    mark.reason = reason
    mark.marked_by = actor.user
    mark.marked_at = timezone.now()
    mark.save()
    log_access(actor, family_id=family.pk, record=mark, action=Action.CREATE)
    return mark


@transaction.atomic
def withholding_remove(*, actor: Actor, family: Family, mark_id: int) -> bool:
    """Stop holding something back: the mark is removed, and the removal logged. False when
    the mark is not one of this family's."""
    mark = Withholding.objects.visible_to(actor.scope).filter(family=family, pk=mark_id).first()
    if mark is None:
        return False
    log_access(actor, family_id=family.pk, record=mark, action=Action.DELETE)
    mark.delete()
    return True
