"""The families of the demo story: two invented councils, their staff, and a dozen families at
different stages of the support pathway, with how each family's record is made. Every name is
invented. The councils and staff are made by `supportfirst.demo`; each app's `demo.py` then
tells its part of the story for these families (`story_of` finds a family's part)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supportfirst.accounts.models import User
from supportfirst.councils.models import Council, Membership, Role
from supportfirst.families.models import Child, ContactMethod, Family, ParentCarer, Sibling, Stage

DEMO_PASSWORD = "demo-password-not-for-real-use"


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
                "nadia.head", "Nadia Karimi", Role.HEAD_OF_SERVICE, "Head of children's services"
            ),
            StaffPerson(
                "helen.forum", "Helen Marsh", Role.FORUM_MEMBER, "Parent carer forum chair"
            ),
            StaffPerson("sam.admin", "Sam Okoro", Role.COUNCIL_ADMIN, "Systems administrator"),
            StaffPerson(
                "priya.complaints", "Priya Shah", Role.COMPLAINTS_MANAGER, "Complaints manager"
            ),
            StaffPerson("omar.data", "Omar Haddad", Role.DATA_TEAM, "Performance and data analyst"),
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
                "owen.head", "Owen Fairbairn", Role.HEAD_OF_SERVICE, "Head of children's services"
            ),
            StaffPerson(
                "rosa.forum", "Rosa Delgado", Role.FORUM_MEMBER, "Parent carer forum member"
            ),
            StaffPerson("lee.admin", "Lee Chapman", Role.COUNCIL_ADMIN, "Systems administrator"),
            StaffPerson(
                "ben.complaints", "Ben Osei", Role.COMPLAINTS_MANAGER, "Complaints manager"
            ),
            StaffPerson("jo.data", "Jo Whitaker", Role.DATA_TEAM, "Performance and data analyst"),
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


def is_young_person(fam: DemoFamily) -> bool:
    """A family's demo account named after its first child belongs to that young person."""
    return fam.account.split(".")[0] == fam.children[0].first_name.lower()


def demo_user(username: str, full_name: str) -> User:
    user = User(username=username, full_name=full_name, is_demo_account=True)
    user.email = f"{username}@demo.example"
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def family_create(
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
        young_person = is_young_person(fam)
        holder = children[0].first_name if young_person else fam.carers[0][0].split()[0]
        user = demo_user(fam.account, f"{holder} {fam.surname}")
        Membership.objects.create(
            user=user,
            council=council,
            role=Role.YOUNG_PERSON if young_person else Role.FAMILY_MEMBER,
            family=family,
            child=children[0] if young_person else None,
        )
    return family


def story_of(family: Family) -> DemoFamily | None:
    """The demo story of a family made by `family_create`, or None for any other family."""
    _, la_code, index = [*family.reference.split("-"), "", "", ""][:3]
    for council in COUNCILS:
        if council.la_code == la_code and index.isdigit():
            number = int(index)
            if 1 <= number <= len(council.families):
                return council.families[number - 1]
    return None


def demo_families() -> list[tuple[Family, DemoFamily]]:
    """Every demo family with its story, in the order they were made."""
    found = []
    for family in Family.objects.filter(council__is_demo=True).order_by("pk"):
        story = story_of(family)
        if story is not None:
            found.append((family, story))
    return found


def team_manager(council_id: int) -> User:
    """The demo council's team manager, who authorises assessments in the story."""
    membership = (
        Membership.objects.filter(council_id=council_id, role=Role.TEAM_MANAGER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    assert membership is not None
    return membership.user
