"""Recording what the returns need. Each change is one transaction, logged in the access log, and
checked against the version the person read, so a second save never silently overwrites the
first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from supportfirst.assessments.models import Assessment
from supportfirst.audit.models import Action
from supportfirst.audit.services import Actor, append_event, log_access
from supportfirst.families.models import Child
from supportfirst.pathway.models import SupportRequest, WhoAsked
from supportfirst.returns.models import (
    AssessmentCensusFactors,
    ChildCensusDetails,
    RequestCensusDetails,
)
from supportfirst.rules.returns import codes

#: Who asked, as the census's referral source, where the answer is certain.
SOURCE_FROM_WHO_ASKED = {WhoAsked.PARENT: "1A", WhoAsked.YOUNG_PERSON: "1C"}


class ChangedMeanwhile(Exception):
    """Someone saved the record after the person opened it."""


@dataclass(frozen=True)
class ChildAnswers:
    sex: str
    ethnicity: str
    upn: str
    upn_unknown: str
    disability_codes: list[str]


@dataclass(frozen=True)
class RequestAnswers:
    referral_source: str
    primary_need: str
    primary_need_reason: str
    closed_on: date | None
    closure_reason: str


def default_referral_source(request: SupportRequest) -> str:
    return SOURCE_FROM_WHO_ASKED.get(request.who_asked, "")  # type: ignore[call-overload]


@transaction.atomic
def save_child(
    *, actor: Actor, child: Child, answers: ChildAnswers, version: int
) -> ChildCensusDetails:
    details = ChildCensusDetails.objects.select_for_update().filter(child=child).first()
    if details is not None and details.version != version:
        raise ChangedMeanwhile
    if details is None:
        if version != 0:
            raise ChangedMeanwhile
        details = ChildCensusDetails(family_id=child.family_id, child=child, version=0)
    details.sex = answers.sex
    details.ethnicity = answers.ethnicity
    details.upn_unknown = "" if answers.upn else answers.upn_unknown
    details.version += 1
    details.updated_at = timezone.now()
    details.updated_by = actor.user
    details.save()
    child.upn = answers.upn.upper()
    child.disability_codes = list(answers.disability_codes)
    child.save(update_fields=["upn", "disability_codes"])
    log_access(actor, family_id=child.family_id, record=details, action=Action.CHANGE)
    return details


@transaction.atomic
def save_request(
    *,
    actor: Actor,
    request: SupportRequest,
    answers: RequestAnswers,
    version: int,
    factors: dict[int, list[str]],
    seen_on: dict[int, list[date]] | None = None,
) -> RequestCensusDetails:
    details = RequestCensusDetails.objects.select_for_update().filter(request=request).first()
    if details is not None and details.version != version:
        raise ChangedMeanwhile
    if details is None:
        if version != 0:
            raise ChangedMeanwhile
        details = RequestCensusDetails(family_id=request.family_id, request=request, version=0)
    details.referral_source = answers.referral_source
    details.primary_need = answers.primary_need
    details.primary_need_reason = (
        "" if answers.primary_need == codes.PRIMARY_NEED_DEFAULT else answers.primary_need_reason
    )
    details.closed_on = answers.closed_on
    details.closure_reason = answers.closure_reason if answers.closed_on else ""
    details.version += 1
    details.updated_at = timezone.now()
    details.updated_by = actor.user
    details.save()
    now = timezone.now()
    seen_on = seen_on or {}
    for assessment in Assessment.objects.filter(
        request=request, pk__in=set(factors) | set(seen_on)
    ):
        # Only what the person answered changes: an answer not given keeps what was recorded.
        answered: dict[str, object] = {}
        if assessment.pk in factors:
            answered["factors"] = factors[assessment.pk]
        if assessment.pk in seen_on:
            answered["child_seen_on"] = [day.isoformat() for day in sorted(seen_on[assessment.pk])]
        AssessmentCensusFactors.objects.update_or_create(
            assessment=assessment,
            defaults={
                "family_id": request.family_id,
                **answered,
                "updated_at": now,
                "updated_by": actor.user,
            },
        )
    log_access(actor, family_id=request.family_id, record=details, action=Action.CHANGE)
    return details


def log_census_export(*, actor: Actor, year: int) -> None:
    """The census holds every child's details: its download is in the council's access log."""
    append_event(
        actor_id=actor.scope.user_id,
        actor_username=actor.user.get_username(),
        role=actor.scope.role,
        council_id=actor.scope.council_id,
        family_id=None,
        record_type="return",
        record_id=f"cin-census:{year}",
        action=Action.DOWNLOAD,
        request_id=actor.request_id,
    )
