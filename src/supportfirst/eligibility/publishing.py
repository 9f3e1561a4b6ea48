"""Publishing criteria sets: a file's text is checked by the plain-Python loader, its worked
examples must all come out as the file says, and it is stored as
one `PublishedCriteria` row per set and version. Loading the same file again changes nothing;
a changed file with a version already published is refused (publish a new version instead)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db import IntegrityError, transaction

from supportfirst.eligibility.models import PublishedCriteria
from supportfirst.rules.criteria import (
    CriteriaFileError,
    CriteriaSet,
    load_text,
    run_examples,
    shipped_set_paths,
)

log = logging.getLogger(__name__)


class CriteriaRefused(Exception):
    """The file cannot be published; `messages` say why, in plain words."""

    def __init__(self, messages: list[str]) -> None:
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass(frozen=True)
class Published:
    row: PublishedCriteria
    created: bool


def _sign_off(criteria_set: CriteriaSet) -> list[dict[str, str]]:
    return [
        {
            "name": s.name,
            "organisation": s.organisation,
            "kind": s.kind,
            "on": s.on.isoformat(),
        }
        for s in criteria_set.sign_off
    ]


@lru_cache(maxsize=32)
def _checked(text: str, source: str) -> CriteriaSet:
    """A file's text loaded and its worked examples run, once per process for the same text
    (loading compiles the set, and the shipped sets are published again at every migrate).
    A refused text is not remembered: it is checked again each time."""
    try:
        criteria_set = load_text(text, source)
    except CriteriaFileError as error:
        raise CriteriaRefused([str(problem) for problem in error.problems]) from error
    failed = [result for result in run_examples(criteria_set) if not result.passed]
    if failed:
        raise CriteriaRefused(
            [
                f"{source}: the worked example “{result.example.name}” does not come out as the "
                f"file says ({'; '.join(result.differences)})."
                for result in failed
            ]
        )
    return criteria_set


def criteria_publish_text(text: str, source: str = "<text>") -> Published:
    """Check and store one criteria file's text. Idempotent for the same text; refuses a
    different text under a set id and version already stored."""
    criteria_set = _checked(text, source)
    existing = PublishedCriteria.objects.filter(
        set_id=criteria_set.id, version=criteria_set.version
    ).first()
    if existing is not None:
        if existing.digest != criteria_set.digest:
            raise CriteriaRefused(
                [
                    f"{source}: version {criteria_set.version} of “{criteria_set.id}” is already "
                    "published with different text. Published criteria never change: give "
                    "the changed file a new version number and an effective date."
                ]
            )
        return Published(existing, created=False)
    try:
        with transaction.atomic():
            row = PublishedCriteria.objects.create(
                set_id=criteria_set.id,
                owner=criteria_set.owner,
                version=criteria_set.version,
                effective_from=criteria_set.effective_from,
                status=criteria_set.status,
                title=criteria_set.title,
                summary=criteria_set.summary,
                sign_off=_sign_off(criteria_set),
                text=criteria_set.text,
                digest=criteria_set.digest,
                source=Path(source).name[:300],
            )
    except IntegrityError:  # published by someone else at the same moment
        return criteria_publish_text(text, source)
    return Published(row, created=True)


def criteria_publish_file(path: str | Path) -> Published:
    """Check and store a council's own criteria file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CriteriaRefused([f"{file}: the file cannot be read ({error})."]) from error
    return criteria_publish_text(text, str(file))


def criteria_publish_shipped(*, strict: bool = True) -> list[Published]:
    """Store every criteria set shipped with Support First (the national model and the demo
    councils' sets). Idempotent. With strict=False a refused file is logged and skipped, so
    that `migrate` never stops on one."""
    done = []
    for path in shipped_set_paths():
        try:
            done.append(criteria_publish_file(path))
        except CriteriaRefused as error:
            if strict:
                raise
            log.warning("Shipped criteria not published: %s", error)
    return done
