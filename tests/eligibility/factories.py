"""Eligibility decisions for tests, made through the services the pages use."""

from __future__ import annotations

from supportfirst.assessments.models import Assessment, HowOften, Kind
from supportfirst.audit.services import Actor
from supportfirst.councils.models import Role
from supportfirst.councils.scoping import scope_for
from supportfirst.eligibility.models import CriteriaAdoption, EligibilityDecision
from supportfirst.eligibility.publishing import criteria_publish_shipped
from supportfirst.eligibility.services import (
    Answers,
    Departures,
    eligibility_confirm,
    eligibility_decide,
)
from supportfirst.families.models import Family
from tests.accounts.factories import staff_user
from tests.assessments.factories import AuthorisedAssessmentFactory, NeedFactory
from tests.pathway.factories import SupportPathwayRequestFactory

YES = Answers(True, True, "Without help at night the family does not sleep, and Sam misses school.")


def actor_for(user) -> Actor:
    return Actor(user, scope_for(user))


def authorised_assessment(family: Family, *, needs: tuple[str, ...] = ("personal_care", "sleep")):
    """An authorised child's assessment with one daily need in each of the given areas."""
    request = SupportPathwayRequestFactory(child=family.children.order_by("pk").first())
    assessment = AuthorisedAssessmentFactory(request=request)
    for code in needs:
        area = assessment.areas.get(code=code)
        NeedFactory(
            area=area,
            description=f"Needs an adult to help every day ({code}).",
            cannot_without_help=True,
            how_often=HowOften.EVERY_DAY,
        )
    return assessment


def adopt_current(council) -> None:
    """The council adopts its current published criteria (shipped sets published first), as a
    council administrator would with `criteria_adopt`: a decision needs adopted criteria."""
    from supportfirst.eligibility.adoption import criteria_adopt
    from supportfirst.eligibility.selectors import current_criteria

    criteria_publish_shipped()
    criteria = current_criteria(council.la_code)
    if criteria is None:
        # A test council with its own LA code publishes its own copy of Ashvale's criteria
        # (the model criteria are never used for a decision).
        from supportfirst.eligibility.publishing import criteria_publish_text
        from supportfirst.rules.criteria import shipped_set_paths

        path = next(p for p in shipped_set_paths() if p.name == "957-ashvale.yaml")
        text = (
            path.read_text(encoding="utf-8")
            .replace('owner: "957"', f'owner: "{council.la_code}"')
            .replace("id: 957-ashvale", f"id: {council.la_code}-own")
        )
        criteria = criteria_publish_text(text, f"{council.la_code}-own.yaml").row
    if CriteriaAdoption.objects.filter(criteria=criteria).exists():
        return
    criteria_adopt(
        council=council,
        criteria=criteria,
        council_signatory="Morgan Ellis, Director of Children's Services",
        forum_signatory="Helen Marsh, chair of the parent carer forum",
        adopted_on=criteria.effective_from,
        equality_impact_summary="Considered with the forum: needs-led, no diagnosis excluded.",
    )


def decision_for(
    family: Family,
    *,
    confirm: bool = False,
    practitioner=None,
    departures: Departures | None = None,
) -> EligibilityDecision:
    adopt_current(family.council)
    practitioner = practitioner or staff_user(family.council, Role.PRACTITIONER)
    assessment = authorised_assessment(family)
    decision = eligibility_decide(
        actor=actor_for(practitioner),
        assessment=assessment,
        answers=YES,
        departures=departures or Departures(),
    )
    if confirm:
        manager = staff_user(family.council, Role.TEAM_MANAGER)
        eligibility_confirm(actor=actor_for(manager), decision=decision)
        decision.refresh_from_db()
    return decision


def matrix_decision_id(family: Family) -> int:
    """A confirmed decision of the family's, made once (families may read confirmed ones)."""
    found = EligibilityDecision.objects.filter(family=family).order_by("pk").first()
    if found is None:
        found = decision_for(family, confirm=True)
    return found.pk


def authorised_child_assessment(family: Family) -> Assessment:
    found = (
        Assessment.objects.filter(family=family, kind=Kind.CHILD, status="authorised")
        .order_by("pk")
        .first()
    )
    return found or authorised_assessment(family)


def own_published_criteria(council):
    """The council's own published copy of Ashvale's criteria (signed off for the council and
    the parent carer forum), not adopted yet; made once."""
    from supportfirst.eligibility.models import PublishedCriteria
    from supportfirst.eligibility.publishing import criteria_publish_text
    from supportfirst.rules.criteria import shipped_set_paths

    found = PublishedCriteria.objects.filter(set_id=f"{council.la_code}-own").first()
    if found is not None:
        return found
    path = next(p for p in shipped_set_paths() if p.name == "957-ashvale.yaml")
    text = (
        path.read_text(encoding="utf-8")
        .replace('owner: "957"', f'owner: "{council.la_code}"')
        .replace("id: 957-ashvale", f"id: {council.la_code}-own")
    )
    return criteria_publish_text(text, f"{council.la_code}-own.yaml").row


def matrix_criteria_id(family: Family) -> int:
    return int(own_published_criteria(family.council).pk)
