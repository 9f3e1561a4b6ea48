"""Councils are the tenants of Support First.

Every record that concerns a family belongs to exactly one council, through the family.
A person's role is held through a Membership of one council. Staff roles see their council's
records; family roles see only their own family's.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models

DEFAULT_DECISION_WORKING_DAYS = 10
DEFAULT_PLAN_WORKING_DAYS = 20
DEFAULT_SERVICE_START_WORKING_DAYS = 20


class Council(models.Model):
    """A local authority in England, identified by its Department for Education LA code."""

    name = models.CharField(max_length=200, unique=True)
    la_code = models.CharField(
        "DfE local authority code",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^\d{3}$", "The LA code is three digits, like 201.")],
    )
    slug = models.SlugField(unique=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text="Made by the demo loader; its accounts may show demo codes."
    )
    plan_review_months = models.PositiveSmallIntegerField(
        "Months until a support plan is reviewed",
        default=6,
        help_text="The default review date of a new support plan, in months from its start.",
    )
    letter_reading_ease_target = models.PositiveSmallIntegerField(
        "Reading ease target for letters",
        default=60,
        help_text="Letter writers see a warning when a letter's Flesch reading ease is below this.",
    )
    # The clocks after an assessment is authorised, in working days (the council sets them;
    # no statute does). Each is shown on My work, the Team page and to the family.
    decision_working_days = models.PositiveSmallIntegerField(
        "Working days from authorising the assessment to the eligibility decision",
        default=DEFAULT_DECISION_WORKING_DAYS,
    )
    plan_working_days = models.PositiveSmallIntegerField(
        "Working days from the eligibility decision to sharing the support plan",
        default=DEFAULT_PLAN_WORKING_DAYS,
    )
    service_start_working_days = models.PositiveSmallIntegerField(
        "Working days from an agreed plan to each service starting",
        default=DEFAULT_SERVICE_START_WORKING_DAYS,
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A team in a council, such as its disabled children's team."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="team_name_unique_in_council")
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.council}"


class Role(models.TextChoices):
    FAMILY_MEMBER = "family_member", "Family member"
    YOUNG_PERSON = "young_person", "Young person"
    PRACTITIONER = "practitioner", "Practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    FORUM_MEMBER = "forum_member", "Parent carer forum member"
    COUNCIL_ADMIN = "council_admin", "Council administrator"
    COMPLAINTS_MANAGER = "complaints_manager", "Complaints manager"


FAMILY_ROLES = frozenset({Role.FAMILY_MEMBER, Role.YOUNG_PERSON})
MANAGER_ROLES = frozenset({Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE})
"""Who may decide what needs a manager (a move to safeguarding, say). A council with one team
manager names a head of service, so a team manager's own proposal can still be decided."""
CASEWORK_ROLES = frozenset({Role.PRACTITIONER, *MANAGER_ROLES})
COMPLAINTS_ROLES = frozenset({Role.COMPLAINTS_MANAGER, *MANAGER_ROLES})
"""Who runs complaints: the council's complaints manager, or a manager. They acknowledge,
appoint, extend and respond; a practitioner can read a complaint about their families' casework
but does not run it."""
COMPLAINT_READERS = frozenset({*CASEWORK_ROLES, Role.COMPLAINTS_MANAGER})
"""Who may read complaints (never the worker a complaint is about: see complaints/models.py)."""
STAFF_ROLES = frozenset(
    {*CASEWORK_ROLES, Role.FORUM_MEMBER, Role.COUNCIL_ADMIN, Role.COMPLAINTS_MANAGER}
)


class Membership(models.Model):
    """A person's role in one council. Family roles are tied to one family."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    family = models.ForeignKey(
        "families.Family",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )
    child = models.ForeignKey(
        "families.Child",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="For a young person: their own record.",
    )
    job_title = models.CharField(max_length=120, blank=True)
    work_phone = models.CharField(
        max_length=40, blank=True, help_text="The work phone number families can call."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=sorted(r.value for r in FAMILY_ROLES), family__isnull=False)
                    | models.Q(
                        role__in=sorted(r.value for r in STAFF_ROLES),
                        family__isnull=True,
                        child__isnull=True,
                    )
                ),
                name="membership_family_roles_have_a_family",
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.YOUNG_PERSON) | models.Q(child__isnull=False),
                name="membership_young_person_has_own_record",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} - {self.get_role_display()}, {self.council}"

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_casework_role(self) -> bool:
        return self.role in CASEWORK_ROLES

    @property
    def is_manager_role(self) -> bool:
        """A team manager or head of service: sees the Team page and decides proposals."""
        return self.role in MANAGER_ROLES

    @property
    def is_family_role(self) -> bool:
        return self.role in FAMILY_ROLES
