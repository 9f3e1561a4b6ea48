"""The demo children's details for the council's returns, as a worker would record them with each
family: sex and ethnic group as the family gave them (one family preferred not to say), a unique
pupil number from the child's school for the school-age children, and the factors each
authorised assessment found. Every name and number is invented; the numbers carry a correct check
letter so the demo census passes the Department's checks."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from supportfirst.assessments.areas import Kind
from supportfirst.assessments.models import Assessment
from supportfirst.assessments.models.assessment import AssessmentStatus
from supportfirst.audit.services import Actor
from supportfirst.councils.models import CASEWORK_ROLES, Council, Membership
from supportfirst.councils.scoping import scope_for
from supportfirst.families.models import Child
from supportfirst.pathway.models import SupportRequest
from supportfirst.returns import services
from supportfirst.returns.models import ChildCensusDetails
from supportfirst.rules.returns import codes

DEMO_ORDER = 90

#: As each demo family told their worker.
FAMILY_SAID = {
    "Alfie": ("M", "WBRI"),
    "Zara": ("F", "ABAN"),
    "Oskar": ("M", "WOTH"),
    "Leo": ("M", "WBRI"),
    "Ama": ("F", "BAFR"),
    "Jasmine": ("F", "REFU"),
    "Ibrahim": ("M", "APKN"),
    "Finn": ("M", "WIRI"),
    "Callum": ("M", "WBRI"),
    "Dev": ("M", "AIND"),
    "Kofi": ("M", "BAFR"),
    "Mila": ("F", "WOTH"),
}
LEARNING = {"LD", "AUT", "COMM", "BEH"}
#: The demo councils' own codes are invented, so the demo numbers use one of the Department's
#: "pseudo" local authority codes that a number may carry.
DEMO_UPN_LA = "002"


def demo_upn(child_id: int) -> str:
    """An invented number with a correct check letter."""
    # Always 12 digits, whatever the child's id (ids are large on a database used before).
    rest = f"{DEMO_UPN_LA}{2000 + child_id % 8000:04d}10{child_id % 1000:03d}"
    return codes.check_letter(rest) + rest


def load_demo() -> None:
    for council in Council.objects.filter(is_demo=True):
        worker = (
            Membership.objects.filter(council=council, role__in=list(CASEWORK_ROLES))
            .select_related("user")
            .order_by("pk")
            .first()
        )
        if worker is None:
            continue
        actor = Actor(worker.user, scope_for(worker.user))
        children = Child.objects.filter(family__council=council).exclude(
            pk__in=ChildCensusDetails.objects.values("child_id")
        )
        for child in children.order_by("pk"):
            _child(actor, council, child)


def _child(actor: Actor, council: Council, child: Child) -> None:
    sex, ethnicity = FAMILY_SAID.get(child.first_name, ("U", codes.ETHNICITY_NOT_KNOWN))
    school_age = child.age_on(timezone.localdate()) >= 5
    services.save_child(
        actor=actor,
        child=child,
        answers=services.ChildAnswers(
            sex=sex,
            ethnicity=ethnicity,
            upn=demo_upn(child.pk) if school_age else "",
            upn_unknown="" if school_age else "UN6",
            disability_codes=list(child.disability_codes),
        ),
        version=0,
    )
    factor = "5A" if LEARNING & set(child.disability_codes) else "6A"
    for request in SupportRequest.objects.filter(child=child):
        authorised = Assessment.objects.filter(
            request=request, kind=Kind.CHILD, status=AssessmentStatus.AUTHORISED
        )
        services.save_request(
            actor=actor,
            request=request,
            answers=services.RequestAnswers(
                referral_source=services.default_referral_source(request) or "10",
                primary_need=codes.PRIMARY_NEED_DEFAULT,
                primary_need_reason="",
                closed_on=None,
                closure_reason="",
            ),
            version=0,
            factors={a.pk: [factor] for a in authorised},
            seen_on={a.pk: [_first_visit(a)] for a in authorised},
        )


def _first_visit(assessment: Assessment) -> dt.date:
    """The demo worker met the child two days into the assessment (never after it was authorised,
    nor after today)."""
    days = [assessment.started_on + dt.timedelta(days=2), timezone.localdate()]
    if assessment.authorised_at is not None:
        days.append(timezone.localdate(assessment.authorised_at))
    return max(assessment.started_on, min(days))
