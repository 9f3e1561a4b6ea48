"""The family's download: complete, only theirs, safe to serve, recorded in the access log."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from supportfirst.councils.models import Role
from supportfirst.families.models import Family
from supportfirst.subject_access.kinds import family_record_models
from supportfirst.subject_access.models import Download
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.subject_access.conftest import download, every_text
from tests.subject_access.factories import family_with_records


def _rows_of(model, family):
    if model is Family:
        return list(Family.objects.filter(pk=family.pk))
    return list(model._default_manager.filter(family=family))


def test_every_kind_of_record_with_rows_is_in_the_json(alpha, alpha_parent):
    _, archive = download(alpha_parent)
    names = set(archive.namelist())
    family = alpha.family
    kinds_with_rows = 0
    for model in family_record_models():
        rows = _rows_of(model, family)
        if not rows:
            continue
        kinds_with_rows += 1
        path = f"data/{model._meta.label_lower}.json"
        assert path in names, f"{model._meta.label_lower} has rows but is not in the download"
        data = json.loads(archive.read(path))
        assert {r["id"] for r in data["records"]} == {row.pk for row in rows}
        for record in data["records"]:
            concrete = {f.name for f in model._meta.concrete_fields}
            assert set(record["fields"]) == concrete
    # The family has many kinds of record, from several apps.
    assert kinds_with_rows >= 15
    index = archive.read("index.html").decode()
    assert "Requests for help" in index
    assert "Needs assessments" in index
    assert "Nothing was held back" in index
    assert "access-log.html" in names


def test_values_are_readable(alpha, alpha_parent):
    _, archive = download(alpha_parent)
    decisions = json.loads(archive.read("data/pathway.nextstepdecision.json"))["records"]
    fields = decisions[0]["fields"]
    assert fields["pathway"] == "Support pathway: assess needs with the family"
    assert fields["decided_by"]["label"] == "Worker Alphonse"
    assert isinstance(fields["decided_by"]["id"], int)
    contacts = json.loads(archive.read("data/pathway.contact.json"))["records"]
    assert contacts[0]["fields"]["intrusions"] == ["Visiting the family at home"]
    page = archive.read("records/pathway-contact.html").decode()
    assert "Visiting the family at home" in page
    assert "Alphonse house" in page


def test_nothing_about_another_family(alpha, bravo, alpha_parent, council, other_council):
    elsewhere = family_with_records(other_council, "Cassiopeia")
    _, archive = download(alpha_parent)
    text = every_text(archive)
    for name in alpha.names:
        assert name in text, f"{name} should be in the family's own download"
    for other in (bravo, elsewhere):
        for name in other.names:
            assert name not in text, f"{name} belongs to another family"


def test_the_download_is_an_attachment_with_a_safe_name(alpha, alpha_parent):
    response, archive = download(alpha_parent)
    assert response["Content-Type"] == "application/zip"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="support-first-SF-Alphonse-')
    assert disposition.endswith('.zip"')
    for name in archive.namelist():
        assert ".." not in name
        assert not name.startswith("/")


def test_each_download_is_recorded_and_in_the_access_log(alpha, alpha_parent, council):
    download(alpha_parent)
    made = Download.objects.get(family=alpha.family)
    assert made.made_by == alpha_parent
    assert made.records > 20
    assert made.size_bytes > 1000
    # The next download's own copy of the access log has the first download in it.
    _, archive = download(alpha_parent)
    assert "Downloaded a copy of everything we hold" in archive.read("access-log.html").decode()
    log = signed_in_client(alpha_parent).get("/family/who-has-looked/")
    assert "Downloaded a copy of everything we hold" in log.content.decode()
    worker = staff_user(council, Role.PRACTITIONER)
    listed = signed_in_client(worker).get("/staff/downloads/")
    assert listed.status_code == 200
    assert "Alphonse family" in listed.content.decode()


def test_staff_of_another_council_do_not_see_the_download(alpha, alpha_parent, other_council):
    download(alpha_parent)
    stranger = staff_user(other_council, Role.PRACTITIONER)
    listed = signed_in_client(stranger).get("/staff/downloads/")
    assert "Alphonse family" not in listed.content.decode()


def test_the_download_page_explains_and_offers_the_file(alpha_parent):
    page = signed_in_client(alpha_parent).get("/family/download/")
    assert page.status_code == 200
    assert "Download everything (ZIP file)" in page.content.decode()


def test_a_young_person_cannot_download_the_whole_familys_record(alpha):
    family = alpha.family
    young = family_user(family, child=family.children.get())
    assert signed_in_client(young).post("/family/download/").status_code == 403


def test_staff_cannot_use_the_family_download(council, alpha):
    worker = staff_user(council, Role.PRACTITIONER)
    assert signed_in_client(worker).post("/family/download/").status_code == 403


def _queries(user, shows: str) -> int:
    """The queries the download costs; it answers 200 and its files show `shows`."""
    with CaptureQueriesContext(connection) as captured:
        _, archive = download(user)
    assert shows in every_text(archive)
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_records(council, django_assert_max_num_queries):
    small = family_with_records(council, "Smallfamily")
    small_parent = family_user(small.family)
    first = _queries(small_parent, "Smallfamily")
    # Three times the records: more requests, contacts and assessments for the same family.
    from supportfirst.audit.services import Actor
    from supportfirst.councils.scoping import scope_for
    from supportfirst.pathway import services as pathway
    from tests.pathway.factories import SupportRequestFactory

    worker = staff_user(council, Role.PRACTITIONER)
    actor = Actor(worker, scope_for(worker))
    for n in range(3):
        request = SupportRequestFactory(child=small.family.children.get())
        pathway.decide_support(actor=actor, request=request, notes=f"More {n}")
    second = _queries(small_parent, "More 2")
    assert second == first
    with django_assert_max_num_queries(first):
        download(small_parent)


def test_files_a_record_gives_are_in_the_download_with_safe_names(alpha, alpha_parent, monkeypatch):
    from supportfirst.pathway.models import Contact

    def sar_files(self):
        return [("../../Letter to you.pdf", b"%PDF-1.7 letter for " + str(self.pk).encode())]

    monkeypatch.setattr(Contact, "sar_files", sar_files, raising=False)
    contact = Contact.objects.get(family=alpha.family)
    _, archive = download(alpha_parent)
    name = f"files/pathway-contact-{contact.pk}-Letter-to-you.pdf"
    assert name in archive.namelist()
    assert archive.read(name) == f"%PDF-1.7 letter for {contact.pk}".encode()
    assert name in archive.read("index.html").decode()
    assert Download.objects.get().files == 1


def test_a_held_back_record_gives_no_files(alpha, alpha_parent, monkeypatch):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from supportfirst.pathway.models import Contact
    from supportfirst.subject_access.models import Withholding

    monkeypatch.setattr(Contact, "sar_files", lambda self: [("letter.pdf", b"%PDF")], raising=False)
    contact = Contact.objects.get(family=alpha.family)
    Withholding.objects.create(
        family=alpha.family,
        content_type=ContentType.objects.get_for_model(Contact),
        object_id=contact.pk,
        reason="About someone else.",
        marked_by=staff_user(alpha.family.council, Role.PRACTITIONER),
        marked_at=timezone.now(),
    )
    _, archive = download(alpha_parent)
    assert not [n for n in archive.namelist() if n.startswith("files/")]


def test_the_home_page_offers_the_download_to_family_members_only(alpha, alpha_parent):
    home = signed_in_client(alpha_parent).get("/family/").content.decode()
    assert "Download a copy of everything we hold about your family" in home
    young = family_user(alpha.family, child=alpha.family.children.get())
    assert "Download a copy" not in signed_in_client(young).get("/family/").content.decode()


def test_the_familys_accounts_are_in_the_download(alpha, alpha_parent, bravo):
    family_user(bravo.family, full_name="Brunhilde Accountholder")
    _, archive = download(alpha_parent)
    accounts = json.loads(archive.read("data/accounts.account.json"))["records"]
    assert [a["title"] for a in accounts] == ["Alphonse Parentaccount"]
    assert accounts[0]["fields"]["username"] == alpha_parent.username
    assert accounts[0]["fields"]["role"] == "Family member"
    assert "password" not in json.dumps(accounts)


def test_the_downloads_list_takes_the_same_queries_however_many(
    council, django_assert_max_num_queries
):
    from django.utils import timezone

    from tests.families.factories import family_with_everyone

    worker = staff_user(council, Role.PRACTITIONER)
    client = signed_in_client(worker)

    def made(n):
        for _ in range(n):
            family = family_with_everyone(council)
            Download.objects.create(
                family=family, made_by=family_user(family), made_at=timezone.now()
            )

    made(1)
    with CaptureQueriesContext(connection) as one:
        page = client.get("/staff/downloads/")
    assert page.status_code == 200
    first = Download.objects.get().family.name
    assert first in page.content.decode()
    made(20)
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get("/staff/downloads/")
    assert page.status_code == 200
    assert page.content.decode().count('<tr class="govuk-table__row">') == 22
    assert first in page.content.decode()
