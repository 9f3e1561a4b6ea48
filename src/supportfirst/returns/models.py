"""What the council's returns need about a child, a request and an assessment that the pathway's
own records do not hold. Each is optional for the family: the census allows "not known" for all of
it, so a missing row means "not recorded yet", never a refusal."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from supportfirst.families.models import Child, FamilyRecord
from supportfirst.families.records import FamilyFacing
from supportfirst.rules.returns import codes


def _choices(table: codes.Mapping[str, str]) -> list[tuple[str, str]]:
    return list(table.items())


class ChildCensusDetails(FamilyRecord):
    """Sex, ethnicity and why there is no unique pupil number. (The number itself and the
    disability codes are on the child's record.)"""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="census_details")
    sex = models.CharField(max_length=1, choices=_choices(codes.SEX), default="U")
    ethnicity = models.CharField(
        max_length=4, choices=_choices(codes.ETHNICITY), default=codes.ETHNICITY_NOT_KNOWN
    )
    upn_unknown = models.CharField(
        "Why there is no unique pupil number",
        max_length=3,
        choices=_choices(codes.UPN_UNKNOWN),
        blank=True,
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    family_facing = FamilyFacing(
        one="a child's details for the council's returns",
        many="Details for the council's returns",
        order=41,
    )

    class Meta:
        verbose_name_plural = "children's census details"


class RequestCensusDetails(FamilyRecord):
    """Who made the request, the main reason for support, and how the episode closed."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    request = models.OneToOneField(
        "pathway.SupportRequest", on_delete=models.CASCADE, related_name="census_details"
    )
    referral_source = models.CharField(
        max_length=2, choices=_choices(codes.REFERRAL_SOURCE), blank=True
    )
    primary_need = models.CharField(
        max_length=2, choices=_choices(codes.PRIMARY_NEED), default=codes.PRIMARY_NEED_DEFAULT
    )
    primary_need_reason = models.TextField(
        blank=True, help_text="Why the main reason is not the child's disability or illness."
    )
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(
        max_length=3, choices=_choices(codes.CLOSURE_REASON), blank=True
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    family_facing = FamilyFacing(
        one="a request's details for the council's returns",
        many="Requests' details for the council's returns",
        order=42,
    )

    class Meta:
        verbose_name_plural = "requests' census details"


class AssessmentCensusFactors(FamilyRecord):
    """The factors identified at an assessment, as the census codes them, and the days the worker
    met the child during it (Ofsted's Annex A asks whether the child was seen, and when last)."""

    family = models.ForeignKey("families.Family", on_delete=models.CASCADE, related_name="+")
    assessment = models.OneToOneField(
        "assessments.Assessment", on_delete=models.CASCADE, related_name="census_factors"
    )
    factors = models.JSONField(default=list)
    #: ISO dates ("2026-03-27"), earliest first. Meeting the child is part of hearing what they
    #: want; it never means seeing them alone.
    child_seen_on = models.JSONField(
        "Days the worker met the child during the assessment", default=list, blank=True
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    family_facing = FamilyFacing(
        one="what an assessment found and the days the worker met the child, for the council's "
        "returns",
        many="Assessments: what they found and the days the worker met the child, for the "
        "council's returns",
        order=111,
    )

    class Meta:
        verbose_name_plural = "assessments' census factors"

    @property
    def seen_days(self) -> list[dt.date]:
        """The days as dates (anything stored that is not a date is left out)."""
        return seen_days(self.child_seen_on)

    @property
    def child_seen_on_labels(self) -> list[str]:
        """The days as the family's download writes them: "27 March 2026"."""
        return [f"{day.day} {day:%B %Y}" for day in self.seen_days]


def seen_days(stored: object) -> list[dt.date]:
    """Stored ISO dates as dates, earliest first; anything that is not one is left out."""
    days = []
    for text in stored if isinstance(stored, list) else []:
        try:
            days.append(dt.date.fromisoformat(str(text)))
        except ValueError:
            continue
    return sorted(days)
