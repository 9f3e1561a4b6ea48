"""Families, their disabled children, parent carers and brothers and sisters.

A Family belongs to exactly one council; every other record here belongs to a family,
and so to that council. All of them are read through the scoping layer
(`Model.objects.visible_to(scope)`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models

from supportfirst.councils.scoping import ScopedQuerySet
from supportfirst.families.records import Correctable, FamilyFacing


class Stage(models.TextChoices):
    """Where a family is on the support pathway (the pathway's own records will drive this)."""

    REQUEST_RECEIVED = "request_received", "Request for help received"
    NEXT_STEP_DECIDED = "next_step_decided", "Next step decided"
    ASSESSMENT = "assessment", "Needs assessment under way"
    FAMILY_READING = "family_reading", "Family reading the draft assessment"
    PLANNING = "planning", "Support plan being written"
    SUPPORT_IN_PLACE = "support_in_place", "Support in place"
    REVIEW = "review", "Support plan review"
    INFORMATION_GIVEN = "information_given", "Information and advice given"


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    LETTER = "letter", "Letter"


class DisabilityCode(models.TextChoices):
    """Children in Need census disability codes."""

    MOB = "MOB", "Mobility"
    HAND = "HAND", "Hand function"
    PC = "PC", "Personal care"
    INC = "INC", "Incontinence"
    COMM = "COMM", "Communication"
    LD = "LD", "Learning"
    HEAR = "HEAR", "Hearing"
    VIS = "VIS", "Vision"
    BEH = "BEH", "Behaviour"
    CON = "CON", "Consciousness"
    AUT = "AUT", "Autism or Asperger syndrome"
    DDA = "DDA", "Other disability under the Equality Act 2010"


class Family(models.Model):
    council_lookup = "council"
    family_lookup = "pk"

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="families"
    )
    reference = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200, help_text="How the family likes to be named.")
    allocated_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="allocated_families",
    )
    stage = models.CharField(max_length=30, choices=Stage.choices, default=Stage.REQUEST_RECEIVED)
    preferred_contact = models.CharField(
        max_length=10, choices=ContactMethod.choices, default=ContactMethod.EMAIL
    )
    communication_needs = models.TextField(blank=True)
    interpreter_language = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="the family record",
        many="Your family",
        order=0,
        correction=Correctable(
            kind="family",
            label=lambda f: f"{f.name}: your family's details",
            shown_on=lambda f: ("family", f.pk),
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "families"
        indexes = [models.Index(fields=["council", "name"])]
        constraints = [
            # What the records that keep their family's council point at, on PostgreSQL
            # (`FamilyRecordWithCouncil`): a family and its council, together.
            models.UniqueConstraint(fields=["id", "council"], name="family_with_its_council"),
        ]

    def __str__(self) -> str:
        return self.name


class FamilyRecord(models.Model):
    """A record that belongs to one family, and so to that family's council."""

    council_lookup = "family__council"
    family_lookup = "family"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class FamilyRecordWithCouncil(FamilyRecord):
    """A family record that also keeps its family's council in a column of its own: the
    busiest tables (children, requests for help), so that the council wall's check on them
    is a plain comparison, as on a family, rather than a look-up of the family for each row
    (docs/performance.md).

    The column is always the family's council. The model sets it on every save that writes
    the family; on PostgreSQL a foreign key on the pair (family, council) to the family's
    own pair refuses any other value, whoever writes it (migrations: `with_family_council`).
    Nothing reads it to decide what a person may open: the scoping layer still goes through
    the family (`council_lookup`). Counts of a council's requests (the dashboard, the forum's
    figures) filter on it, so as not to look up each request's family."""

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="+", editable=False
    )
    # Each model declares its own `family`.
    family: Family
    family_id: int
    # The family whose council the council column holds (None: not known).
    _council_taken_from: int | None = None

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        if fields is not None:
            fields = kwargs["update_fields"] = set(fields)
        deferred = self.get_deferred_fields()  # read once: nothing below loads a deferred field
        if fields is None:  # a family not loaded cannot have been changed
            writes_family = "family_id" not in deferred
        else:
            writes_family = bool({"family", "family_id"} & fields)
        if writes_family and (
            "council_id" in deferred
            or self.council_id is None
            or self.family_id != self._council_taken_from
            or type(self).family.is_cached(self)  # type: ignore[attr-defined]
        ):
            # The family in hand (no query), or read once when only its id is known.
            self.council_id = self.family.council_id
            if fields is not None:
                fields.add("council")
        super().save(*args, **kwargs)
        if writes_family:
            self._council_taken_from = self.family_id

    def refresh_from_db(
        self, using: str | None = None, fields: Any = None, from_queryset: Any = None
    ) -> None:
        # Also how Django loads a deferred field (`fields=[name]`). The family is never read
        # again for the council's sake (that would undo a move not yet saved); the council is
        # read with the family, so the two are as the database holds them.
        if fields is not None:
            fields = set(fields)
            if {"family", "family_id"} & fields:
                fields.add("council")
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or {"family", "family_id"} & fields:
            self._council_taken_from = self.__dict__.get("family_id")
        elif {"council", "council_id"} & fields:
            self._council_taken_from = None  # the council of which family: not known here

    @classmethod
    def from_db(cls, db: str | None, field_names: Any, values: Any) -> Any:
        record = super().from_db(db, field_names, values)
        if "council_id" in record.__dict__:  # as stored: the council of the family stored
            record._council_taken_from = record.__dict__.get("family_id")
        return record


class Child(FamilyRecordWithCouncil):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    disability_codes = models.JSONField(
        default=list, blank=True, help_text="Children in Need census disability codes."
    )
    about = models.TextField(
        blank=True, help_text="What their disability or condition means day to day."
    )
    how_they_communicate = models.TextField(blank=True)
    upn = models.CharField("Unique pupil number", max_length=13, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a child's record",
        many="Children",
        order=10,
        correction=Correctable(
            kind="child",
            label=lambda c: f"{c.first_name} {c.last_name}'s details",
            shown_on=lambda c: ("child", c.pk),
            young_person="pk",
        ),
    )

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name_plural = "children"
        # Who is growing up (14 to 17, on My work), without reading every child.
        indexes = [models.Index(fields=["date_of_birth"], name="child_date_of_birth")]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def age_on(self, day: date) -> int:
        had_birthday = (day.month, day.day) >= (self.date_of_birth.month, self.date_of_birth.day)
        return day.year - self.date_of_birth.year - (0 if had_birthday else 1)

    @property
    def disability_labels(self) -> list[str]:
        return [str(DisabilityCode(code).label) for code in self.disability_codes]


class ParentCarer(FamilyRecord):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="parent_carers")
    full_name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=60, help_text="For example mum, dad, grandparent.")
    has_parental_responsibility = models.BooleanField(default=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a parent carer's details",
        many="Parent carers",
        order=20,
        correction=Correctable(
            kind="parent_carer",
            label=lambda p: f"{p.full_name}'s details",
            shown_on=lambda p: ("family", p.family_id),
        ),
    )

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


class Sibling(FamilyRecord):
    """A brother or sister. Those who help to care are offered a young carer's assessment."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="siblings")
    first_name = models.CharField(max_length=100)
    date_of_birth = models.DateField()
    helps_to_care = models.BooleanField(default=False)

    # How it faces the family: the registry in families/records.py.
    family_facing = FamilyFacing(
        one="a brother's or sister's details",
        many="Brothers and sisters",
        order=30,
        correction=Correctable(
            kind="sibling",
            label=lambda s: f"{s.first_name}'s details",
            shown_on=lambda s: ("family", s.family_id),
        ),
    )

    class Meta:
        ordering = ["date_of_birth"]

    def __str__(self) -> str:
        return self.first_name
