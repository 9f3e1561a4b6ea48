"""Reads of the local assessment protocol. Staff pages read only their own council's versions
(another council's is a 404); the public reads published versions only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from supportfirst.councils.models import Council
from supportfirst.councils.scoping import Scope
from supportfirst.localprotocol.models import (
    ProtocolSection,
    ProtocolStatus,
    ProtocolVersion,
    SectionComment,
)
from supportfirst.localprotocol.sections import TARGETS
from supportfirst.rules.protocol.versions import ParagraphChange, paragraph_changes, summary

PUBLISHED = Q(status=ProtocolStatus.PUBLISHED)


def draft_of(council_id: int) -> ProtocolVersion | None:
    return ProtocolVersion.objects.filter(
        council_id=council_id, status=ProtocolStatus.DRAFT
    ).first()


def latest_published(council_id: int) -> ProtocolVersion | None:
    return (
        ProtocolVersion.objects.filter(PUBLISHED, council_id=council_id).order_by("-number").first()
    )


def in_force(council_id: int, today: date | None = None) -> ProtocolVersion | None:
    """The version in force: the published one most recently come into force (by its date,
    then the later version)."""
    today = today or timezone.localdate()
    return (
        ProtocolVersion.objects.filter(PUBLISHED, council_id=council_id, in_force_from__lte=today)
        .order_by("-in_force_from", "-number")
        .first()
    )


def versions_of(council_id: int, *, published_only: bool = False) -> list[ProtocolVersion]:
    rows = ProtocolVersion.objects.filter(council_id=council_id)
    if published_only:
        rows = rows.filter(PUBLISHED)
    return list(rows.order_by("-number"))


def _with_sections() -> Prefetch:
    return Prefetch(
        "sections",
        queryset=ProtocolSection.objects.order_by("position").prefetch_related(
            Prefetch(
                "comments",
                queryset=SectionComment.objects.select_related("written_by", "answered_by"),
            )
        ),
    )


def version_for(scope: Scope, version_id: int) -> ProtocolVersion:
    """One of the council's own versions, with its sections and their comments; else 404."""
    version = (
        ProtocolVersion.objects.filter(pk=version_id, council_id=scope.council_id)
        .select_related("council")
        .prefetch_related(_with_sections())
        .first()
    )
    if version is None:
        raise Http404("No such version of your council's protocol.")
    return version


def section_for(scope: Scope, section_id: int) -> ProtocolSection:
    section = (
        ProtocolSection.objects.filter(pk=section_id, version__council_id=scope.council_id)
        .select_related("version", "version__council")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=SectionComment.objects.select_related("written_by", "answered_by"),
            )
        )
        .first()
    )
    if section is None:
        raise Http404("No such section of your council's protocol.")
    return section


def comment_for(scope: Scope, comment_id: int) -> SectionComment:
    comment = (
        SectionComment.objects.filter(pk=comment_id, section__version__council_id=scope.council_id)
        .select_related("section", "section__version", "written_by")
        .first()
    )
    if comment is None:
        raise Http404("No such comment on your council's protocol.")
    return comment


def unanswered_count(version: ProtocolVersion) -> int:
    return SectionComment.objects.filter(section__version=version, answered_at__isnull=True).count()


@dataclass(frozen=True)
class SectionDifference:
    title: str
    changes: list[ParagraphChange]

    @property
    def summary(self) -> str:
        return summary(self.changes)


@dataclass(frozen=True)
class TargetDifference:
    words: str
    before: int | None
    after: int | None


@dataclass(frozen=True)
class Differences:
    previous: ProtocolVersion | None
    sections: list[SectionDifference]
    targets: list[TargetDifference]

    @property
    def any(self) -> bool:
        return bool(self.targets) or any(s.changes for s in self.sections)


def previous_of(version: ProtocolVersion) -> ProtocolVersion | None:
    """The version this one is compared with: for a draft, the one it was started from; for a
    published version, the published version before it."""
    if version.is_draft:
        return version.based_on
    return (
        ProtocolVersion.objects.filter(
            PUBLISHED, council_id=version.council_id, number__lt=version.number
        )
        .order_by("-number")
        .first()
    )


def differences(version: ProtocolVersion) -> Differences:
    """What changed in each section, and in the targets, from the previous version."""
    previous = previous_of(version)
    before = {s.key: s.text for s in previous.sections.all()} if previous is not None else {}
    sections = [
        SectionDifference(s.get_key_display(), paragraph_changes(before.get(s.key, ""), s.text))
        for s in version.sections.all()
    ]
    old_targets = previous.targets() if previous is not None else {}
    targets = [
        TargetDifference(t.words, old_targets.get(t.name), getattr(version, t.name))
        for t in TARGETS
        if previous is not None and old_targets.get(t.name) != getattr(version, t.name)
    ]
    return Differences(previous, sections, targets)


@dataclass(frozen=True)
class PublicPage:
    council: Council
    shown: ProtocolVersion | None
    current: ProtocolVersion | None
    versions: list[ProtocolVersion]
    differences: Differences | None
    today: date


def council_by_slug(slug: str) -> Council | None:
    return Council.objects.filter(slug=slug).first()


def public_page(
    council: Council, number: int | None = None, today: date | None = None
) -> PublicPage:
    """A council's protocol as the public reads it: the version in force (or the one asked
    for), every published version, and what changed from the version before."""
    today = today or timezone.localdate()
    versions = versions_of(council.pk, published_only=True)
    current = in_force(council.pk, today)
    shown = current
    if number is not None:
        shown = next((v for v in versions if v.number == number), None)
        if shown is None:
            raise Http404("There is no such published version of this protocol.")
    elif shown is None and versions:
        shown = versions[-1]  # published, but not yet in force: show the first one coming
    if shown is not None:
        shown = (
            ProtocolVersion.objects.filter(pk=shown.pk)
            .select_related("council")
            .prefetch_related(_with_sections())
            .get()
        )
    found = differences(shown) if shown is not None else None
    return PublicPage(council, shown, current, versions, found, today)


def councils_with_protocols() -> list[tuple[Council, int]]:
    """Every council with a published protocol, and how many versions it has published."""
    rows = (
        Council.objects.annotate(
            published=Count("protocol_versions", filter=Q(protocol_versions__status="published"))
        )
        .filter(published__gt=0)
        .order_by("name")
    )
    return [(council, council.published) for council in rows]
