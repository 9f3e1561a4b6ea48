"""The assessment part of the demo story: for each demo family whose request went to the
support pathway, the child's needs assessment is filled in, made ready for the family and
authorised by the team manager, as far as the family's stage says, with the same services the
pages use."""

from __future__ import annotations

from typing import Any

from supportfirst.assessments import services as assessment_services
from supportfirst.assessments.models import Assessment, Kind
from supportfirst.audit.services import Actor
from supportfirst.councils.scoping import scope_for
from supportfirst.families.advocacy import AdvocacyAnswer, AdvocacyInput
from supportfirst.families.demo import DemoFamily, demo_families, team_manager
from supportfirst.families.models import Child, Family, Stage

DEMO_ORDER = 2

# Families at these stages have no assessment in the story.
NO_ASSESSMENT = frozenset(
    {Stage.REQUEST_RECEIVED, Stage.INFORMATION_GIVEN, Stage.NEXT_STEP_DECIDED}
)


def load_demo() -> None:
    for family, story in demo_families():
        if story.stage not in NO_ASSESSMENT:
            _assessment_story(family, story)


def _assessment_story(family: Family, fam: DemoFamily) -> None:
    """Fill in the child's assessment, make it ready and authorise it, as far as the stage."""
    worker = family.allocated_worker
    assert worker is not None
    manager = team_manager(family.council_id)
    as_worker = Actor(worker, scope_for(worker), "demo-loader")
    as_manager = Actor(manager, scope_for(manager), "demo-loader")
    child = family.children.order_by("pk").first()
    assert child is not None
    carer_name, relationship = fam.carers[0]
    assessment = Assessment.objects.get(request__child=child, kind=Kind.CHILD)
    areas = list(assessment.areas.order_by("pk"))
    _fill_areas(
        as_worker,
        child,
        carer_name,
        relationship,
        areas[:3] if fam.stage == Stage.ASSESSMENT else areas,
    )
    if fam.stage == Stage.ASSESSMENT:
        return
    assessment_services.advocacy_save(
        actor=as_worker,
        assessment=assessment,
        given=AdvocacyInput(
            answer=AdvocacyAnswer.ACCEPTED,
            on=assessment.started_on,
            organisation="Young Voices Advocacy",
        ),
    )
    assessment_services.mark_ready(actor=as_worker, assessment=assessment)
    if fam.stage == Stage.FAMILY_READING:
        return
    assessment_services.authorise(
        actor=as_manager,
        assessment=assessment,
        late_reason="The family asked to meet after the school holidays.",
    )
    Family.objects.filter(pk=family.pk).update(stage=fam.stage)


def _fill_areas(
    actor: Any, child: Child, carer_name: str, relationship: str, areas: list[Any]
) -> None:
    for number, area in enumerate(areas):
        first = number == 0
        assessment_services.area_save(
            actor=actor,
            area=area,
            given=assessment_services.AreaInput(
                family_account=(
                    f"{child.about} {child.first_name} needs one of us with them all day."
                    if first
                    else "Nothing more to add here at the moment."
                ),
                family_account_by=f"{carer_name} ({relationship})",
                child_view=f"{child.first_name} showed us what they enjoy." if first else "",
                child_view_how=("pictures",) if first else (),
                child_view_through_whom=carer_name if first else "",
                practitioner_analysis=(
                    f"{child.first_name}'s needs come from their impairment; the barrier is "
                    "that no one else at home can give this care safely."
                    if first
                    else ""
                ),
                nothing_to_add=not first,
                completed=True,
            ),
        )
        if first:
            assessment_services.need_add(
                actor=actor,
                area=area,
                given=assessment_services.NeedInput(
                    description=f"{child.first_name} cannot be left alone safely for any time.",
                    how_often="every_day",
                    cannot_without_help=True,
                    only_with_danger=True,
                ),
            )
