"""The demo data tells a story, and loading it twice keeps what is there."""

from supportfirst import demo
from supportfirst.accounts.models import User
from supportfirst.councils.models import Council, Membership, Role
from supportfirst.families.models import Family


def test_demo_data_has_two_councils_with_teams_and_a_dozen_families(db):
    assert demo.load_if_empty() is True
    councils = Council.objects.all()
    assert [c.la_code for c in councils] == ["957", "958"]
    assert all(c.is_demo for c in councils)
    assert Family.objects.count() == 12
    assert Family.objects.values("stage").distinct().count() >= 7
    for council in councils:
        roles = set(Membership.objects.filter(council=council).values_list("role", flat=True))
        assert {
            Role.PRACTITIONER,
            Role.TEAM_MANAGER,
            Role.HEAD_OF_SERVICE,
            Role.FORUM_MEMBER,
            Role.COUNCIL_ADMIN,
        } <= roles
        assert council.families.filter(children__isnull=False).exists()


def test_every_demo_staff_account_has_an_authenticator(db):
    demo.load()
    staff = User.objects.filter(
        membership__role__in=[
            "practitioner",
            "team_manager",
            "head_of_service",
            "forum_member",
            "council_admin",
        ]
    )
    assert staff.count() == 12
    assert all(u.totpdevice_set.filter(confirmed=True).exists() for u in staff)


def test_loading_again_keeps_the_data(db):
    demo.load_if_empty()
    family = Family.objects.first()
    family.name = "Renamed by a user"
    family.save()
    assert demo.load_if_empty() is False
    assert Family.objects.count() == 12
    assert Family.objects.filter(name="Renamed by a user").exists()


def test_sign_in_help_lists_every_demo_account(db):
    text = demo.sign_in_help()
    for username in ("priya.practitioner", "grace.manager", "claire.hughes", "jasmine.fletcher"):
        assert username in text
    assert "nadia.head           Head of service" in text
    assert "owen.head            Head of service" in text
    assert demo.DEMO_PASSWORD in text


def test_demo_families_have_walked_the_pathway(db):
    from supportfirst.assessments.models import Assessment
    from supportfirst.pathway.models import SupportRequest

    demo.load()
    assert SupportRequest.objects.count() == 12
    statuses = set(SupportRequest.objects.values_list("status", flat=True))
    assert statuses == {"awaiting_decision", "support_pathway", "information_given"}
    child_assessments = set(
        Assessment.objects.filter(kind="child").values_list("status", flat=True)
    )
    assert child_assessments == {"in_progress", "ready_for_family", "authorised"}
    from supportfirst.audit.services import verify_log

    assert verify_log().ok


def test_loading_refreshes_the_database_statistics_at_the_end(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        demo.load()
    statements = [query["sql"].strip().upper() for query in captured]
    assert statements[-1] == "ANALYZE"
    assert statements.count("ANALYZE") == 1
    assert Family.objects.count() == 12


def test_refresh_statistics_asks_the_database(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from supportfirst.kernel.dbstats import refresh_statistics

    with CaptureQueriesContext(connection) as captured:
        assert refresh_statistics() is True
    assert [query["sql"] for query in captured] == ["ANALYZE"]


def test_each_demo_council_has_a_second_approver_for_its_team_managers_proposals(db):
    """A council with one team manager names a head of service, so the manager's own proposal
    (a move to safeguarding, say) can be decided by someone else."""
    demo.load()
    for council in Council.objects.all():
        heads = Membership.objects.filter(council=council, role=Role.HEAD_OF_SERVICE)
        assert heads.count() == 1
        head = heads.get().user
        assert head.totpdevice_set.filter(confirmed=True).exists()
        assert head.membership.holds_any({Role.HEAD_OF_SERVICE})
        assert demo.current_code(head.username).isdigit()
