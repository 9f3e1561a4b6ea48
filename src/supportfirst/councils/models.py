"""Councils are the tenants of Support First.

Every record that concerns a family belongs to exactly one council, through the family.
A person's role is held through a Membership of one council. Staff roles see their council's
records; family roles see only their own family's.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property

from supportfirst.kernel.versioning import Versioned

DEFAULT_DECISION_WORKING_DAYS = 10
DEFAULT_PLAN_WORKING_DAYS = 20
DEFAULT_SERVICE_START_WORKING_DAYS = 20


class Council(Versioned):
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
    DATA_TEAM = "data_team", "Data team"


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
RETURNS_ROLES = frozenset({Role.DATA_TEAM, *MANAGER_ROLES})
"""Who reads the council's returns, registers and dashboards: its data team, and managers. The
data team sees no case record beyond what a return needs (the returns details of a child and a
request), never assessments, plans or notes."""
RETURNS_DETAILS_ROLES = frozenset({*CASEWORK_ROLES, Role.DATA_TEAM})
"""Who may read and correct the returns details of a child or a request."""
STAFF_ROLES = frozenset(
    {
        *CASEWORK_ROLES,
        Role.FORUM_MEMBER,
        Role.COUNCIL_ADMIN,
        Role.COMPLAINTS_MANAGER,
        Role.DATA_TEAM,
    }
)


ROLE_ORDER = (
    Role.HEAD_OF_SERVICE,
    Role.TEAM_MANAGER,
    Role.PRACTITIONER,
    Role.COMPLAINTS_MANAGER,
    Role.DATA_TEAM,
    Role.COUNCIL_ADMIN,
    Role.FORUM_MEMBER,
)
"""Staff roles from the one that most shapes a person's day to the least. Someone with more than
one role has the first of theirs as their main role: it chooses their home page, and the access
log records it."""


def main_role(roles: set[str] | frozenset[str]) -> str:
    """The main role of a set of staff roles (see ROLE_ORDER)."""
    for role in ROLE_ORDER:
        if role in roles:
            return str(role)
    raise ValueError("A member of staff needs at least one role.")


class Membership(Versioned):
    """A person's role in one council. Family roles are tied to one family.

    Staff may hold more than one role in their council (a practitioner who is also a team
    manager, say): `role` is their main role (see ROLE_ORDER) and each other one is an
    ExtraRole. `roles` is all of them; permission checks use it, never `role` alone.
    """

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

    @cached_property
    def roles(self) -> frozenset[str]:
        """Every role the person holds in their council: the main one and any others."""
        if self.role in FAMILY_ROLES:
            return frozenset({self.role})
        return frozenset({self.role, *(extra.role for extra in self.extra_roles.all())})

    def holds_any(self, roles: frozenset[str] | set[str]) -> bool:
        return bool(self.roles & set(roles))

    @property
    def roles_display(self) -> str:
        """The person's roles in words, main role first."""
        return ", ".join(str(r.label) for r in ROLE_ORDER if r in self.roles) or str(
            self.get_role_display()
        )

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_casework_role(self) -> bool:
        return self.holds_any(CASEWORK_ROLES)

    @property
    def is_manager_role(self) -> bool:
        """A team manager or head of service: sees the Team page and decides proposals."""
        return self.holds_any(MANAGER_ROLES)

    @property
    def is_returns_role(self) -> bool:
        """The data team or a manager: sees the returns, registers and dashboards."""
        return self.holds_any(RETURNS_ROLES)

    @property
    def is_council_admin(self) -> bool:
        return self.holds_any({Role.COUNCIL_ADMIN})

    @property
    def is_team_manager(self) -> bool:
        return self.holds_any({Role.TEAM_MANAGER})

    @property
    def is_family_role(self) -> bool:
        return self.role in FAMILY_ROLES


class ExtraRole(models.Model):
    """A staff role a person holds beside their main role (Membership.role), in the same
    council. Given and taken away only by the council's administrator (accounts/people.py)."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="extra_roles")
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["membership", "role"], name="extra_role_once"),
            models.CheckConstraint(
                condition=models.Q(role__in=sorted(r.value for r in STAFF_ROLES)),
                name="extra_role_is_a_staff_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.membership.user} - also {self.get_role_display()}"


def holding_any(roles: frozenset[str] | set[str], *, via: str = "") -> Q:
    """A filter for memberships (or, with via="membership__", users) holding any of `roles`,
    as their main role or another one. A subquery, so no row is repeated."""
    values = sorted(str(r) for r in roles)
    extra = ExtraRole.objects.filter(role__in=values).values("membership_id")
    return Q(**{f"{via}role__in": values}) | Q(**{f"{via}pk__in": extra})
