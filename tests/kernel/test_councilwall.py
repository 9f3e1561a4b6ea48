"""The second wall between councils: PostgreSQL row-level security (kernel/councilwall.py).

Each test removes the first wall (the scoping layer) and shows the database still keeps one
council's rows from another.
"""

from __future__ import annotations

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.urls import reverse

from supportfirst.councils.models import Role
from supportfirst.councils.scoping import ScopedQuerySet
from supportfirst.families.models import Child, Family
from supportfirst.kernel import councilwall
from supportfirst.pathway.models import SupportRequest
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.families.factories import family_with_everyone
from tests.pathway.factories import SupportRequestFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row-level security is PostgreSQL's; on SQLite the scoping layer is the only wall",
)


@pytest.fixture
def two_families(council, other_council):
    mine = family_with_everyone(council, name="Hughes family")
    theirs = family_with_everyone(other_council, name="Okafor family")
    SupportRequestFactory(child=mine.children.get())
    SupportRequestFactory(child=theirs.children.get())
    return mine, theirs


def _current_user() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        return str(cursor.fetchone()[0])


def test_with_a_council_set_an_unscoped_query_returns_only_that_councils_rows(two_families):
    mine = two_families[0]

    with councilwall.acting_for(mine.council_id):
        families = list(Family.objects.all())
        requests = list(SupportRequest.objects.values_list("family_id", flat=True))

    assert families == [mine]
    assert requests == [mine.pk]


def test_with_no_council_set_an_unscoped_query_returns_no_rows(two_families):
    with councilwall.acting_for(None):
        assert _current_user() == "supportfirst_app"
        assert Family.objects.count() == 0
        assert SupportRequest.objects.count() == 0


def test_the_command_line_sees_every_council_and_a_request_ends_back_there(two_families):
    with councilwall.acting_for(two_families[0].council_id):
        pass

    assert _current_user() != "supportfirst_app"
    assert Family.objects.filter(pk__in=[f.pk for f in two_families]).count() == 2


def test_a_row_for_another_council_cannot_be_written(two_families):
    mine, theirs = two_families

    with councilwall.acting_for(mine.council_id):
        with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic():
            Family.objects.create(council_id=theirs.council_id, name="Planted family")
        changed = Family.objects.filter(pk=theirs.pk).update(name="Changed")

    assert changed == 0
    theirs.refresh_from_db()
    assert theirs.name == "Okafor family"


def test_a_page_cannot_show_another_councils_family_even_with_the_scoping_removed(
    two_families, monkeypatch
):
    mine, theirs = two_families
    monkeypatch.setattr(ScopedQuerySet, "visible_to", lambda self, scope: self)
    client = signed_in_client(staff_user(mine.council, Role.PRACTITIONER))

    own = client.get(reverse("staff:family", args=[mine.pk]))
    other = client.get(reverse("staff:family", args=[theirs.pk]))

    assert own.status_code == 200
    assert "Hughes family" in own.content.decode()
    assert other.status_code == 404
    assert "Okafor family" not in other.content.decode()
    # The same unscoped query outside the wall does find the other council's family.
    assert Family.objects.filter(pk=theirs.pk).exists()


def test_the_application_role_cannot_bypass_the_wall_and_owns_nothing(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s",
            [councilwall.app_role()],
        )
        assert cursor.fetchone() == (False, False)
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE tableowner = %s", [councilwall.app_role()]
        )
        assert cursor.fetchone() == (0,)


def _tables_with_council_data() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name IN ('council_id', 'family_id')"
        )
        return {row[0] for row in cursor.fetchall()}


def _tables_with_the_policy() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid "
            "WHERE c.relrowsecurity AND p.polname = 'council_wall'"
        )
        return {row[0] for row in cursor.fetchall()}


def test_every_table_with_a_councils_or_a_familys_rows_has_the_policy_or_a_reason(db):
    covered = _tables_with_the_policy()
    missing = _tables_with_council_data() - covered - set(councilwall.EXEMPT)

    assert "families_family" in covered
    assert missing == set()


def test_every_table_the_wall_says_it_covers_has_the_policy(db):
    expected = {cover.table for cover in councilwall.covered_tables()}

    assert {"families_family", "pathway_supportrequest", "audit_accessevent"} <= expected
    assert expected - _tables_with_the_policy() == set()


# Children and requests for help keep their family's council in a column of their own, so the
# wall's check on them is a plain comparison (families/council_column.py). These show the
# column cannot be used to put a record in another council's family, even by the command line.


def _checked_now(write) -> None:
    """Run a write and its foreign-key checks at once (they wait for the commit otherwise)."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        write()


@pytest.mark.parametrize("model", [Child, SupportRequest], ids=["child", "request"])
def test_a_record_cannot_keep_a_council_that_is_not_its_familys(two_families, model):
    mine, theirs = two_families
    record = model.objects.get(family=mine)

    with councilwall.acting_for(mine.council_id):
        # Moved into the other council's family, keeping this council: refused.
        with pytest.raises(IntegrityError, match="family_council_fk"):
            _checked_now(lambda: model.objects.filter(pk=record.pk).update(family_id=theirs.pk))
        # Given the other council: refused by the wall (the row would leave this council).
        with pytest.raises(DatabaseError, match="row-level security"):
            _checked_now(
                lambda: model.objects.filter(pk=record.pk).update(council_id=theirs.council_id)
            )
    # The command line sees every council, and is still refused.
    with pytest.raises(IntegrityError, match="family_council_fk"):
        _checked_now(
            lambda: model.objects.filter(pk=record.pk).update(council_id=theirs.council_id)
        )

    record.refresh_from_db()
    assert (record.family_id, record.council_id) == (mine.pk, mine.council_id)


def test_a_child_made_in_bulk_for_another_councils_family_is_refused(two_families):
    mine, theirs = two_families
    planted = Child(
        family_id=theirs.pk,
        council_id=mine.council_id,
        first_name="Planted",
        last_name="Child",
        date_of_birth="2015-01-01",
    )

    with (
        councilwall.acting_for(mine.council_id),
        pytest.raises(IntegrityError, match="family_council_fk"),
    ):
        _checked_now(lambda: Child.objects.bulk_create([planted]))

    assert not Child.objects.filter(first_name="Planted").exists()


def test_children_and_requests_are_walled_by_their_own_council_column(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, qual FROM pg_policies WHERE policyname = 'council_wall' "
            "AND tablename IN ('families_child', 'pathway_supportrequest')"
        )
        policies = dict(cursor.fetchall())

    assert set(policies) == {"families_child", "pathway_supportrequest"}
    for qual in policies.values():
        assert "council_id = ( SELECT supportfirst_council()" in qual
        assert "families_family" not in qual


def test_a_table_without_its_council_column_in_the_database_is_walled_through_its_family():
    # A database migrated back to before children had the column (a rollback): the policy
    # made after that migrate must still work, through the family.
    in_database = {
        cover.table for cover in councilwall.covered_tables() if "council_id =" in cover.condition
    } - {"families_child"}

    covers = {cover.table: cover for cover in councilwall.covered_tables(in_database)}

    assert covers["families_child"].condition.startswith('EXISTS (SELECT 1 FROM "families_family"')
    assert "council_id = (" in covers["pathway_supportrequest"].condition
