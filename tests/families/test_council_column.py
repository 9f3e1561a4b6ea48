"""Children and requests for help keep their family's council (families/models.py,
`FamilyRecordWithCouncil`): set by the model whenever the family is written, on both
databases."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from supportfirst.families.models import Child
from supportfirst.pathway.models import SupportRequest
from tests.families.factories import ChildFactory, FamilyFactory
from tests.pathway.factories import SupportRequestFactory

pytestmark = pytest.mark.django_db


def _stored(child: Child) -> tuple[int, int]:
    """The child's family and council, as the database holds them."""
    return Child.objects.values_list("family_id", "council_id").get(pk=child.pk)


def test_a_new_child_and_request_take_their_familys_council(council):
    child = ChildFactory(family=FamilyFactory(council=council))
    request = SupportRequestFactory(child=child)

    assert Child.objects.get(pk=child.pk).council_id == council.pk
    assert SupportRequest.objects.get(pk=request.pk).council_id == council.pk


def test_a_child_moved_to_another_family_takes_that_familys_council(council, other_council):
    # Only the command line could do this across councils; the column must still follow.
    child = ChildFactory(family=FamilyFactory(council=council))
    other = FamilyFactory(council=other_council)

    loaded = Child.objects.get(pk=child.pk)
    loaded.family_id = other.pk
    loaded.save(update_fields=["family"])

    assert _stored(child) == (other.pk, other_council.pk)


def test_a_whole_save_of_a_moved_child_takes_the_new_familys_council(council, other_council):
    child = ChildFactory(family=FamilyFactory(council=council))
    other = FamilyFactory(council=other_council)

    loaded = Child.objects.get(pk=child.pk)
    loaded.family_id = other.pk
    loaded.save()

    assert Child.objects.get(pk=child.pk).council_id == other_council.pk


def test_saving_a_childs_own_details_reads_no_family(council):
    child = ChildFactory(family=FamilyFactory(council=council))
    loaded = Child.objects.get(pk=child.pk)
    loaded.about = "Loves trains."

    with CaptureQueriesContext(connection) as queries:
        loaded.save()

    assert [q["sql"] for q in queries if "families_family" in q["sql"]] == []
    assert Child.objects.get(pk=child.pk).about == "Loves trains."


def test_a_move_saved_later_still_takes_the_new_familys_council(council, other_council):
    # A save that leaves the family out must not make a later one think the move was stored.
    child = ChildFactory(family=FamilyFactory(council=council))
    other = FamilyFactory(council=other_council)

    loaded = Child.objects.get(pk=child.pk)
    loaded.family_id = other.pk
    loaded.save(update_fields=["about"])
    loaded.save()

    assert _stored(child) == (other.pk, other_council.pk)


def test_after_a_refresh_a_move_takes_the_new_familys_council(council, other_council):
    first, second = FamilyFactory(council=council), FamilyFactory(council=other_council)
    child = ChildFactory(family=first)

    child.family = second
    child.save(update_fields=["first_name"])  # the move is not saved
    child.refresh_from_db()
    assert (child.family_id, child.council_id) == (first.pk, council.pk)
    child.family_id = second.pk
    child.save()

    assert _stored(child) == (second.pk, other_council.pk)


def test_saving_a_child_loaded_without_its_family_reads_and_writes_no_family(council):
    child = ChildFactory(family=FamilyFactory(council=council))
    loaded = Child.objects.only("id", "about").get(pk=child.pk)
    loaded.about = "Loves trains."

    with CaptureQueriesContext(connection) as queries:
        loaded.save()

    assert len([q for q in queries if q["sql"].startswith(("SELECT", "UPDATE"))]) == 1
    assert Child.objects.values_list("about", "council_id").get(pk=child.pk) == (
        "Loves trains.",
        council.pk,
    )


@pytest.mark.parametrize(
    "load",
    [
        lambda pk: Child.objects.only("id", "about").get(pk=pk),
        lambda pk: Child.objects.defer("council").get(pk=pk),
    ],
    ids=["only", "defer the council"],
)
def test_a_move_of_a_child_loaded_in_part_is_saved_with_the_new_council(
    council, other_council, load
):
    child = ChildFactory(family=FamilyFactory(council=council))
    other = FamilyFactory(council=other_council)

    loaded = load(child.pk)
    loaded.family = other
    loaded.save()

    assert _stored(child) == (other.pk, other_council.pk)


def test_reading_the_council_after_a_move_does_not_undo_the_move(council, other_council):
    child = ChildFactory(family=FamilyFactory(council=council))
    other = FamilyFactory(council=other_council)

    loaded = Child.objects.only("id", "about").get(pk=child.pk)
    loaded.family_id = other.pk
    assert loaded.council_id == council.pk  # read from the database: the move is not saved yet
    assert loaded.family_id == other.pk
    loaded.save()

    assert _stored(child) == (other.pk, other_council.pk)


def test_update_fields_given_once_as_a_generator_still_moves_the_council(council, other_council):
    child = ChildFactory(family=FamilyFactory(council=council))
    other = FamilyFactory(council=other_council)

    loaded = Child.objects.get(pk=child.pk)
    loaded.family = other
    loaded.save(update_fields=(name for name in ["family"]))

    assert _stored(child) == (other.pk, other_council.pk)
