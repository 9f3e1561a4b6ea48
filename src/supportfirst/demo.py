"""Demo data that tells a story: two invented councils, their disabled children's teams, a
parent carer forum member, a council administrator each, and a dozen families at different
stages of the support pathway. Every name is invented.

Loaded by `supportfirst serve --demo` on first start only; run again, it keeps what is there.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from supportfirst.accounts.models import User
from supportfirst.councils.models import Council, Membership, Role, Team
from supportfirst.families.models import Child, ContactMethod, Family, ParentCarer, Sibling, Stage

DEMO_PASSWORD = "demo-password-not-for-real-use"


class NotADemoAccount(Exception):
    pass


@dataclass(frozen=True)
class StaffPerson:
    username: str
    full_name: str
    role: Role
    job_title: str


@dataclass(frozen=True)
class DemoChild:
    first_name: str
    born: date
    codes: tuple[str, ...]
    about: str
    communicates: str


@dataclass(frozen=True)
class DemoFamily:
    surname: str
    stage: Stage
    worker: str
    carers: tuple[tuple[str, str], ...]
    children: tuple[DemoChild, ...]
    siblings: tuple[tuple[str, date, bool], ...] = ()
    contact: ContactMethod = ContactMethod.EMAIL
    communication_needs: str = ""
    interpreter: str = ""
    account: str = ""
    asked_days_ago: int | None = None  # when not the usual for the stage (ASKED_DAYS_AGO)


@dataclass(frozen=True)
class DemoCouncil:
    name: str
    la_code: str
    slug: str
    email: str
    phone: str
    staff: tuple[StaffPerson, ...]
    families: tuple[DemoFamily, ...]


COUNCILS = [
    DemoCouncil(
        name="Ashvale Borough Council",
        la_code="957",
        slug="ashvale",
        email="disabled.children@ashvale.example",
        phone="01632 960 101",
        staff=(
            StaffPerson("priya.practitioner", "Priya Raman", Role.PRACTITIONER, "Social worker"),
            StaffPerson(
                "tom.practitioner", "Tom Whitfield", Role.PRACTITIONER, "Family support worker"
            ),
            StaffPerson("grace.manager", "Grace Adeyemi", Role.TEAM_MANAGER, "Team manager"),
            StaffPerson(
                "helen.forum", "Helen Marsh", Role.FORUM_MEMBER, "Parent carer forum chair"
            ),
            StaffPerson("sam.admin", "Sam Okoro", Role.COUNCIL_ADMIN, "Systems administrator"),
        ),
        families=(
            DemoFamily(
                "Hughes",
                Stage.REQUEST_RECEIVED,
                "priya.practitioner",
                (("Claire Hughes", "Mum"), ("Dan Hughes", "Dad")),
                (
                    DemoChild(
                        "Alfie",
                        date(2017, 3, 14),
                        ("AUT", "COMM"),
                        "Alfie is autistic. He does not sleep more than 4 hours a night and "
                        "needs someone with him all the time when he is awake.",
                        "Alfie uses some words, pictures and a tablet with symbols.",
                    ),
                ),
                (("Ruby", date(2012, 6, 2), True),),
                account="claire.hughes",
            ),
            DemoFamily(
                "Begum",
                Stage.NEXT_STEP_DECIDED,
                "priya.practitioner",
                (("Nasreen Begum", "Mum"),),
                (
                    DemoChild(
                        "Zara",
                        date(2014, 9, 30),
                        ("MOB", "PC"),
                        "Zara has cerebral palsy and uses a wheelchair. She needs help to "
                        "wash, dress and move.",
                        "Zara speaks and likes to be asked directly.",
                    ),
                ),
                contact=ContactMethod.PHONE,
                interpreter="Bengali",
            ),
            DemoFamily(
                "Kowalski",
                Stage.ASSESSMENT,
                "tom.practitioner",
                (("Marta Kowalski", "Mum"), ("Piotr Kowalski", "Dad")),
                (
                    DemoChild(
                        "Oskar",
                        date(2019, 1, 8),
                        ("LD", "HEAR"),
                        "Oskar has a learning disability and is deaf.",
                        "Oskar uses British Sign Language signs and pictures.",
                    ),
                ),
                (("Lena", date(2015, 4, 19), False),),
                communication_needs="Marta prefers emails to phone calls.",
            ),
            DemoFamily(
                "Thompson",
                Stage.FAMILY_READING,
                "tom.practitioner",
                (("Joanne Thompson", "Grandmother"),),
                (
                    DemoChild(
                        "Leo",
                        date(2010, 11, 22),
                        ("BEH", "LD"),
                        "Leo has a rare genetic condition. He becomes very distressed by "
                        "noise and changes to his routine.",
                        "Leo speaks in short sentences.",
                    ),
                ),
                contact=ContactMethod.LETTER,
                communication_needs="Large print letters, please.",
            ),
            DemoFamily(
                "Osei",
                Stage.PLANNING,
                "priya.practitioner",
                (("Abena Osei", "Mum"), ("Kwame Osei", "Dad")),
                (
                    DemoChild(
                        "Ama",
                        date(2016, 7, 5),
                        ("CON", "MOB"),
                        "Ama has epilepsy with several seizures most days and needs "
                        "medicine given quickly.",
                        "Ama speaks English and Twi.",
                    ),
                ),
            ),
            DemoFamily(
                "Fletcher",
                Stage.SUPPORT_IN_PLACE,
                "tom.practitioner",
                (("Sophie Fletcher", "Mum"),),
                (
                    DemoChild(
                        "Jasmine",
                        date(2009, 2, 17),
                        ("VIS", "DDA"),
                        "Jasmine is blind and has type 1 diabetes.",
                        "Jasmine speaks and uses a screen reader.",
                    ),
                ),
                (("Noah", date(2013, 8, 11), True),),
                account="jasmine.fletcher",
            ),
            DemoFamily(
                "Ahmed",
                Stage.REVIEW,
                "priya.practitioner",
                (("Yusuf Ahmed", "Dad"),),
                (
                    DemoChild(
                        "Ibrahim",
                        date(2012, 12, 1),
                        ("AUT",),
                        "Ibrahim is autistic and finds crowds and new places very hard.",
                        "Ibrahim speaks and prefers written plans.",
                    ),
                ),
            ),
            DemoFamily(
                "Walsh",
                Stage.INFORMATION_GIVEN,
                "tom.practitioner",
                (("Niamh Walsh", "Mum"),),
                (
                    DemoChild(
                        "Finn",
                        date(2020, 5, 28),
                        ("COMM",),
                        "Finn has a speech and language disorder.",
                        "Finn uses a few words and Makaton signs.",
                    ),
                ),
                contact=ContactMethod.LETTER,
            ),
        ),
    ),
    DemoCouncil(
        name="Northmoor City Council",
        la_code="958",
        slug="northmoor",
        email="childrens.disability@northmoor.example",
        phone="01632 960 202",
        staff=(
            StaffPerson("ola.practitioner", "Ola Bankole", Role.PRACTITIONER, "Social worker"),
            StaffPerson(
                "megan.practitioner", "Megan Price", Role.PRACTITIONER, "Occupational therapist"
            ),
            StaffPerson("david.manager", "David Lindqvist", Role.TEAM_MANAGER, "Team manager"),
            StaffPerson(
                "rosa.forum", "Rosa Delgado", Role.FORUM_MEMBER, "Parent carer forum member"
            ),
            StaffPerson("lee.admin", "Lee Chapman", Role.COUNCIL_ADMIN, "Systems administrator"),
        ),
        families=(
            DemoFamily(
                "Patel",
                Stage.REQUEST_RECEIVED,
                "ola.practitioner",
                (("Anjali Patel", "Mum"), ("Raj Patel", "Dad")),
                (
                    DemoChild(
                        "Dev",
                        date(2018, 10, 3),
                        ("PC", "INC", "LD"),
                        "Dev has a learning disability and needs help with all personal care.",
                        "Dev uses sounds, gestures and objects of reference.",
                    ),
                ),
                (("Priya", date(2011, 1, 20), True),),
                account="anjali.patel",
                asked_days_ago=6,
            ),
            DemoFamily(
                "Novak",
                Stage.ASSESSMENT,
                "megan.practitioner",
                (("Eva Novak", "Mum"),),
                (
                    DemoChild(
                        "Mila",
                        date(2015, 3, 9),
                        ("MOB", "HAND"),
                        "Mila has muscular dystrophy. Her home needs changes for her wheelchair.",
                        "Mila speaks and uses a tablet.",
                    ),
                ),
            ),
            DemoFamily(
                "Campbell",
                Stage.PLANNING,
                "ola.practitioner",
                (("Fiona Campbell", "Foster carer"),),
                (
                    DemoChild(
                        "Callum",
                        date(2011, 6, 16),
                        ("BEH", "AUT"),
                        "Callum is autistic and has ADHD.",
                        "Callum speaks.",
                    ),
                ),
            ),
            DemoFamily(
                "Mensah",
                Stage.SUPPORT_IN_PLACE,
                "megan.practitioner",
                (("Grace Mensah", "Mum"),),
                (
                    DemoChild(
                        "Kofi",
                        date(2013, 9, 25),
                        ("HEAR", "COMM"),
                        "Kofi is deaf and has a cochlear implant.",
                        "Kofi uses British Sign Language and speech.",
                    ),
                ),
                contact=ContactMethod.TEXT,
            ),
        ),
    ),
]


def sign_in_help() -> str:
    lines = [
        f"Demo sign-ins (password for every account: {DEMO_PASSWORD}):",
    ]
    for council in COUNCILS:
        lines.append(f"  {council.name}:")
        for person in council.staff:
            lines.append(f"    {person.username:<20} {person.role.label}")
        for family in council.families:
            if family.account:
                role = "Young person" if _is_young_person(family) else "Family member"
                lines.append(f"    {family.account:<20} {role} ({family.surname} family)")
    lines.append(
        "Staff accounts need a code from an authenticator app. For a demo account, "
        "get the current code with: supportfirst demo code USERNAME"
    )
    return "\n".join(lines)


def current_code(username: str) -> str:
    """The current TOTP code of a demo account. Refuses for any account not made by the loader."""
    user = User.objects.filter(username=username, is_demo_account=True).first()
    if user is None:
        raise NotADemoAccount(
            f"{username} is not a demo account: codes are only shown for demo accounts."
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise NotADemoAccount(f"{username} is a demo account with no authenticator (not staff).")
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _is_young_person(fam: DemoFamily) -> bool:
    """A family's demo account named after its first child belongs to that young person."""
    return fam.account.split(".")[0] == fam.children[0].first_name.lower()


def _user(username: str, full_name: str) -> User:
    user = User(username=username, full_name=full_name, is_demo_account=True)
    user.email = f"{username}@demo.example"
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def load_if_empty() -> bool:
    """Load the demo data unless the database already has councils. True if it loaded."""
    if Council.objects.exists():
        return False
    load()
    return True


def load() -> None:
    """Load the demo councils and families. The families are invented: nobody is emailed."""
    from supportfirst.notifications.services import not_telling_families

    with not_telling_families(), transaction.atomic():
        _load()


def _load() -> None:
    for number, spec in enumerate(COUNCILS, start=1):
        council = Council.objects.create(
            name=spec.name,
            la_code=spec.la_code,
            slug=spec.slug,
            contact_email=spec.email,
            contact_phone=spec.phone,
            is_demo=True,
        )
        team = Team.objects.create(council=council, name="Disabled Children's Team")
        staff: dict[str, User] = {}
        for person in spec.staff:
            user = _user(person.username, person.full_name)
            Membership.objects.create(
                user=user,
                council=council,
                role=person.role,
                team=team if person.role in (Role.PRACTITIONER, Role.TEAM_MANAGER) else None,
                job_title=person.job_title,
            )
            TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
            staff[person.username] = user
        manager = staff[next(p.username for p in spec.staff if p.role == Role.TEAM_MANAGER)]
        for index, fam in enumerate(spec.families, start=1):
            family = _family(council, number, index, fam, staff)
            _pathway_story(family, fam, staff[fam.worker], manager)
    _load_app_stories()


def _load_app_stories() -> None:
    """Each app may add its own part of the demo story in `<app>/demo.py`: a function
    `load_demo()` that works on the demo councils and families already loaded, and an
    integer `DEMO_ORDER` (lower runs first; eligibility decisions come before plans)."""
    steps = []
    for config in apps.get_app_configs():
        if not config.name.startswith("supportfirst."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        steps.append((getattr(module, "DEMO_ORDER", 100), config.name, module.load_demo))
    for _order, _name, load_demo in sorted(steps, key=lambda step: step[:2]):
        load_demo()


def _family(
    council: Council, number: int, index: int, fam: DemoFamily, staff: dict[str, User]
) -> Family:
    family = Family.objects.create(
        council=council,
        reference=f"SF-{council.la_code}-{index:04d}",
        name=f"{fam.surname} family",
        allocated_worker=staff[fam.worker],
        stage=fam.stage,
        preferred_contact=fam.contact,
        communication_needs=fam.communication_needs,
        interpreter_language=fam.interpreter,
    )
    for full_name, relationship in fam.carers:
        first = full_name.split()[0].lower()
        ParentCarer.objects.create(
            family=family,
            full_name=full_name,
            relationship=relationship,
            email=f"{first}.{fam.surname.lower()}@family.example",
        )
    children = [
        Child.objects.create(
            family=family,
            first_name=c.first_name,
            last_name=fam.surname,
            date_of_birth=c.born,
            disability_codes=list(c.codes),
            about=c.about,
            how_they_communicate=c.communicates,
        )
        for c in fam.children
    ]
    for first_name, born, helps in fam.siblings:
        Sibling.objects.create(
            family=family, first_name=first_name, date_of_birth=born, helps_to_care=helps
        )
    if fam.account:
        young_person = _is_young_person(fam)
        holder = children[0].first_name if young_person else fam.carers[0][0].split()[0]
        user = _user(fam.account, f"{holder} {fam.surname}")
        Membership.objects.create(
            user=user,
            council=council,
            role=Role.YOUNG_PERSON if young_person else Role.FAMILY_MEMBER,
            family=family,
            child=children[0] if young_person else None,
        )
    return family


# How long ago each family asked for help (calendar days), by where they are now.
ASKED_DAYS_AGO = {
    Stage.REQUEST_RECEIVED: 0,
    Stage.NEXT_STEP_DECIDED: 3,
    Stage.ASSESSMENT: 20,
    Stage.FAMILY_READING: 45,
    Stage.PLANNING: 75,
    Stage.SUPPORT_IN_PLACE: 150,
    Stage.REVIEW: 200,
    Stage.INFORMATION_GIVEN: 10,
}


def _pathway_story(family: Family, fam: DemoFamily, worker: User, manager: User) -> None:
    """Walk the family's request along the pathway with the same services the pages use."""
    from supportfirst.assessments import services as assessment_services
    from supportfirst.assessments.models import Assessment, Kind
    from supportfirst.audit.services import Actor
    from supportfirst.councils.scoping import scope_for
    from supportfirst.pathway import services

    as_worker = Actor(worker, scope_for(worker), "demo-loader")
    as_manager = Actor(manager, scope_for(manager), "demo-loader")
    child = family.children.order_by("pk").first()
    assert child is not None
    carer_name, relationship = fam.carers[0]
    days_ago = fam.asked_days_ago if fam.asked_days_ago is not None else ASKED_DAYS_AGO[fam.stage]
    received = timezone.now() - timedelta(days=days_ago, hours=2)
    request = services.support_request_create(
        actor=as_worker,
        child=child,
        received_at=received,
        who_asked="parent",
        requester_name=carer_name,
        help_asked_for=f"{child.about} We would like a break, and help at home.",
        consent_to_contact_others=True,
        communication_needs=fam.communication_needs,
        preferred_contact=fam.contact,
    )
    if fam.stage == Stage.REQUEST_RECEIVED:
        return
    if fam.stage == Stage.INFORMATION_GIVEN:
        services.decide_information(
            actor=as_worker,
            request=request,
            information_given="Sent the list of holiday clubs with trained staff, and the "
            "parent carer forum's contact details.",
        )
        return
    services.decide_support(actor=as_worker, request=request)
    if fam.stage == Stage.NEXT_STEP_DECIDED:
        Family.objects.filter(pk=family.pk).update(stage=Stage.NEXT_STEP_DECIDED)
        return
    assessment = Assessment.objects.get(request=request, kind=Kind.CHILD)
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
    from supportfirst.assessments import services as assessment_services

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
