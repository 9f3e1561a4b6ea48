"""The records a family may ask to correct: the allow-list of kinds, how to find one record of
each kind that the signed-in person may see, how to name it, and the page it is shown on.

A family member finds only records of their own family that they can read in the service (an
assessment only once it is ready for them; a young person only what is about them). Staff find
any record of their council.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404
from django.urls import reverse

from supportfirst.corrections.models import RecordKind, ShownOn
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import Scope, get_visible_or_404


def _date(value: Any) -> str:
    return f"{value:%-d %B %Y}"


@dataclass(frozen=True)
class Kind:
    kind: RecordKind
    queryset: Callable[[Scope], QuerySet[Any]]
    label: Callable[[Any], str]
    shown_on: Callable[[Any], tuple[ShownOn, int]]


def _young_person(scope: Scope) -> bool:
    return scope.role == Role.YOUNG_PERSON


def _requests(scope: Scope) -> QuerySet[Any]:
    from supportfirst.pathway.models import SupportRequest

    rows = SupportRequest.objects.select_related("child")
    return rows.filter(child_id=scope.child_id) if _young_person(scope) else rows


def _decisions(scope: Scope) -> QuerySet[Any]:
    from supportfirst.pathway.models import NextStepDecision

    rows = NextStepDecision.objects.select_related("request")
    return rows.filter(request__child_id=scope.child_id) if _young_person(scope) else rows


def _contacts(scope: Scope) -> QuerySet[Any]:
    from supportfirst.pathway.models import Contact

    rows = Contact.objects.all()
    return rows.filter(request__child_id=scope.child_id) if _young_person(scope) else rows


def _intrusions(scope: Scope) -> QuerySet[Any]:
    from supportfirst.pathway.models import IntrusionRecord

    rows = IntrusionRecord.objects.select_related("contact")
    return rows.filter(contact__request__child_id=scope.child_id) if _young_person(scope) else rows


def _readable_assessments(scope: Scope) -> QuerySet[Any]:
    from supportfirst.assessments.models import Assessment
    from supportfirst.assessments.selectors import family_visible

    return family_visible(scope) if scope.is_family else Assessment.objects.all()


def _carer_decisions(scope: Scope) -> QuerySet[Any]:
    from supportfirst.assessments.models import CarerDecisions

    rows = CarerDecisions.objects.select_related("assessment", "assessment__parent_carer")
    if scope.is_family:
        rows = rows.filter(assessment__in=_readable_assessments(scope).values("pk"))
    return rows


def _assessments(scope: Scope) -> QuerySet[Any]:
    return _readable_assessments(scope).select_related(
        "child", "parent_carer", "sibling", "request"
    )


def _areas(scope: Scope) -> QuerySet[Any]:
    from supportfirst.assessments.models import AssessmentArea

    return AssessmentArea.objects.filter(
        assessment__in=_readable_assessments(scope).values("pk")
    ).select_related("assessment", "assessment__child", "assessment__parent_carer")


def _needs(scope: Scope) -> QuerySet[Any]:
    from supportfirst.assessments.models import Need

    return Need.objects.filter(
        area__assessment__in=_readable_assessments(scope).values("pk")
    ).select_related("area", "area__assessment", "area__assessment__child")


def _families(scope: Scope) -> QuerySet[Any]:
    from supportfirst.families.models import Family

    return Family.objects.none() if _young_person(scope) else Family.objects.all()


def _children(scope: Scope) -> QuerySet[Any]:
    from supportfirst.families.models import Child

    rows = Child.objects.all()
    return rows.filter(pk=scope.child_id) if _young_person(scope) else rows


def _carers(scope: Scope) -> QuerySet[Any]:
    from supportfirst.families.models import ParentCarer

    return ParentCarer.objects.none() if _young_person(scope) else ParentCarer.objects.all()


def _siblings(scope: Scope) -> QuerySet[Any]:
    from supportfirst.families.models import Sibling

    return Sibling.objects.none() if _young_person(scope) else Sibling.objects.all()


def _contact_label(contact: Any) -> str:
    return f"{contact.get_kind_display()} on {_date(contact.happened_at)}"


KINDS: dict[str, Kind] = {
    k.kind.value: k
    for k in (
        Kind(
            RecordKind.REQUEST,
            _requests,
            lambda r: f"Request for help {r.reference} for {r.child.first_name}",
            lambda r: (ShownOn.REQUEST, r.pk),
        ),
        Kind(
            RecordKind.DECISION,
            _decisions,
            lambda d: f"Next-step decision on request {d.request.reference}",
            lambda d: (ShownOn.REQUEST, d.request_id),
        ),
        Kind(
            RecordKind.CONTACT,
            _contacts,
            _contact_label,
            lambda c: (ShownOn.REQUEST, c.request_id),
        ),
        Kind(
            RecordKind.INTRUSION,
            _intrusions,
            lambda i: f"Intrusion record for the {_contact_label(i.contact).lower()}",
            lambda i: (ShownOn.REQUEST, i.contact.request_id),
        ),
        Kind(
            RecordKind.CARER_DECISIONS,
            _carer_decisions,
            lambda d: f"The decisions in {d.assessment.title}",
            lambda d: (ShownOn.REQUEST, d.assessment.request_id),
        ),
        Kind(
            RecordKind.ASSESSMENT,
            _assessments,
            lambda a: a.title,
            lambda a: (ShownOn.ASSESSMENT, a.pk),
        ),
        Kind(
            RecordKind.AREA,
            _areas,
            lambda a: f"{a.label} in {a.assessment.title}",
            lambda a: (ShownOn.ASSESSMENT, a.assessment_id),
        ),
        Kind(
            RecordKind.NEED,
            _needs,
            lambda n: f"A need in {n.area.label} in {n.area.assessment.title}",
            lambda n: (ShownOn.ASSESSMENT, n.area.assessment_id),
        ),
        Kind(
            RecordKind.FAMILY,
            _families,
            lambda f: f"{f.name}: your family's details",
            lambda f: (ShownOn.FAMILY, f.pk),
        ),
        Kind(
            RecordKind.CHILD,
            _children,
            lambda c: f"{c.first_name} {c.last_name}'s details",
            lambda c: (ShownOn.CHILD, c.pk),
        ),
        Kind(
            RecordKind.PARENT_CARER,
            _carers,
            lambda p: f"{p.full_name}'s details",
            lambda p: (ShownOn.FAMILY, p.family_id),
        ),
        Kind(
            RecordKind.SIBLING,
            _siblings,
            lambda s: f"{s.first_name}'s details",
            lambda s: (ShownOn.FAMILY, s.family_id),
        ),
    )
}


@dataclass(frozen=True)
class FoundRecord:
    kind: Kind
    record: Model

    @property
    def key(self) -> str:
        return f"{self.kind.kind.value}:{self.record.pk}"

    @property
    def label(self) -> str:
        return self.kind.label(self.record)

    @property
    def family_id(self) -> int:
        if self.kind.kind == RecordKind.FAMILY:
            return int(self.record.pk)
        record: Any = self.record
        return int(record.family_id)


def parse_key(key: str) -> tuple[Kind, int]:
    """'contact:12' -> the kind and the id; Http404 for anything not on the allow-list."""
    kind_name, _, record_id = (key or "").partition(":")
    kind = KINDS.get(kind_name)
    if kind is None or not record_id.isdigit():
        raise Http404("No such record.")
    return kind, int(record_id)


def find_record(*, scope: Scope, key: str) -> FoundRecord:
    """The record named by `key` that this person may see, or 404."""
    kind, record_id = parse_key(key)
    record = get_visible_or_404(kind.queryset(scope), scope, pk=record_id)
    return FoundRecord(kind, record)


def record_key(kind: str, record: Model) -> str:
    return f"{kind}:{record.pk}"


_FAMILY_PAGES = {
    ShownOn.REQUEST: ("family:request", "request_id"),
    ShownOn.ASSESSMENT: ("family_assessments:assessment", "assessment_id"),
    ShownOn.FAMILY: ("family:home", None),
    ShownOn.CHILD: ("family:child", "child_id"),
}
_STAFF_PAGES = {
    ShownOn.REQUEST: ("pathway:request", "request_id"),
    ShownOn.ASSESSMENT: ("assessments:assessment", "assessment_id"),
    ShownOn.FAMILY: ("staff:family", "family_id"),
    ShownOn.CHILD: ("staff:child", "child_id"),
}


def page_url(shown_on: str, shown_on_id: int, *, for_family: bool) -> str:
    """Where the record is shown, on the family's side or the staff side."""
    name, kwarg = (_FAMILY_PAGES if for_family else _STAFF_PAGES)[ShownOn(shown_on)]
    return reverse(name, kwargs={kwarg: shown_on_id} if kwarg else {})
