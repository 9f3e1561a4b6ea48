"""The local assessment protocol: drafting, comments and answers, sign-offs, publishing,
versions and their differences, the public page, the targets the product takes from it, and
the one-click audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from supportfirst.councils.models import Council, Role
from supportfirst.kernel.workflow import MoveRefused
from supportfirst.localprotocol import selectors, services
from supportfirst.localprotocol.demo import DEMO_SECTIONS
from supportfirst.localprotocol.models import ProtocolStatus
from tests.accounts.factories import staff_user
from tests.conftest import signed_in_client
from tests.councils.factories import CouncilFactory
from tests.localprotocol.factories import (
    forum_member_of,
    manager_of,
    published,
    signed_off,
    written_draft,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _publish(draft, on=None):
    return services.protocol_publish(
        actor=manager_of(draft.council), version=draft, in_force_from=on or TODAY()
    )


def test_publishing_is_refused_without_both_sign_offs():
    draft = written_draft(CouncilFactory())
    with pytest.raises(MoveRefused) as refused:
        _publish(draft)
    assert "Someone must sign the draft off for the council before it is published." in (
        refused.value.messages
    )
    assert (
        "Someone must sign the draft off for the parent carer forum before it is published."
        in refused.value.messages
    )
    services.sign_off(
        actor=forum_member_of(draft.council),
        version=draft,
        side=services.FORUM,
        name="Ruth Okafor",
        role="Forum chair",
        on=TODAY(),
    )
    with pytest.raises(MoveRefused) as refused:
        _publish(draft)
    assert refused.value.messages == [
        "Someone must sign the draft off for the council before it is published."
    ]
    draft.refresh_from_db()
    assert draft.status == ProtocolStatus.DRAFT


def test_publishing_is_refused_with_an_unanswered_comment_or_a_past_date():
    draft = written_draft(CouncilFactory())
    comment = services.comment_add(
        actor=forum_member_of(draft.council),
        section=draft.sections.get(key="intrusion"),
        text="Say who reads the record of why a visit is needed.",
    )
    signed_off(draft)
    with pytest.raises(MoveRefused) as refused:
        _publish(draft, TODAY() - timedelta(days=1))
    assert refused.value.messages == [
        "Answer every comment from the parent carer forum before publishing.",
        "The date it comes into force must be today or later.",
    ]
    services.comment_answer(
        actor=manager_of(draft.council), comment=comment, answer="The family reads it."
    )
    done = _publish(draft)
    assert done.status == ProtocolStatus.PUBLISHED
    assert [e.move for e in done.events.all()] == [
        "start",
        "sign_off_forum",
        "sign_off_council",
        "publish",
    ]


def test_a_change_after_sign_off_means_both_sides_sign_again():
    draft = signed_off(written_draft(CouncilFactory()))
    assert draft.council_signed
    assert draft.forum_signed
    cleared = services.section_save(
        actor=manager_of(draft.council),
        section=draft.sections.get(key="advocacy"),
        text="Every child can have an independent advocate.",
    )
    draft.refresh_from_db()
    assert cleared is True
    assert not draft.council_signed
    assert not draft.forum_signed


def test_only_managers_draft_and_only_the_forum_comments():
    council = CouncilFactory()
    draft = written_draft(council)
    practitioner = staff_user(council, Role.PRACTITIONER)
    with pytest.raises(MoveRefused):
        services.protocol_draft_start(actor=practitioner, council_id=council.pk)
    with pytest.raises(MoveRefused):
        services.comment_add(actor=manager_of(council), section=draft.sections.first(), text="Mine")
    with pytest.raises(MoveRefused):
        services.section_save(
            actor=forum_member_of(council), section=draft.sections.first(), text="Ours"
        )


def test_a_new_version_starts_from_the_current_one_and_shows_what_changed():
    council = CouncilFactory()
    first = published(council)
    second = services.protocol_draft_start(actor=manager_of(council), council_id=council.pk)
    assert second.number == 2
    assert second.based_on == first
    intrusion = second.sections.get(key="intrusion")
    assert intrusion.text == DEMO_SECTIONS["intrusion"]
    old_first, old_second = DEMO_SECTIONS["intrusion"].split("\n\n")
    services.section_save(
        actor=manager_of(council),
        section=intrusion,
        text=f"{old_first}\n\nWe never ask to see a bedroom.\n\nThe family can say no.",
    )
    found = selectors.differences(second)
    by_title = {s.title: s for s in found.sections}
    changes = by_title["No routine home visits, room inspections or seeing the child alone"]
    assert [(c.kind, c.before, c.after) for c in changes.changes] == [
        ("changed", " ".join(old_second.split()), "We never ask to see a bedroom."),
        ("added", "", "The family can say no."),
    ]
    assert changes.summary == "1 paragraph added, 1 changed"
    assert by_title["Advocacy"].changes == []


def test_the_public_page_shows_the_version_in_force_its_versions_and_differences(client):
    council = CouncilFactory(slug="northdale")
    published(council)
    second = written_draft(
        council, {"advocacy": "Every child can have an independent advocate, free of charge."}
    )
    signed_off(second)
    _publish(second)
    response = client.get("/protocol/northdale/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"{council.name}: local assessment protocol, version 2</h1>" in page
    assert "Every child can have an independent advocate, free of charge." in page
    assert "What changed from version 1" in page
    assert "Advocacy: 1 paragraph changed" in page
    assert 'href="/protocol/northdale/version-1/"' in page
    assert f'href="{reverse("public_eligibility:criteria", args=["northdale"])}"' in page
    assert "Ruth Okafor, Chair of the parent carer forum" in page
    old = client.get("/protocol/northdale/version-1/")
    assert old.status_code == 200
    assert "This is an old version." in old.content.decode()
    assert client.get("/protocol/northdale/version-9/").status_code == 404
    index = client.get("/protocol/")
    assert index.status_code == 200
    assert f'href="/protocol/northdale/">{council.name}</a> (2 versions)' in index.content.decode()


def test_a_draft_is_never_on_the_public_page(client):
    council = CouncilFactory(slug="eastmoor")
    written_draft(council)
    response = client.get("/protocol/eastmoor/")
    assert response.status_code == 200
    assert "has not published its local assessment protocol" in response.content.decode()
    assert client.get("/protocol/eastmoor/version-1/").status_code == 404


def test_the_council_targets_come_from_the_published_protocol():
    council = CouncilFactory(decision_working_days=10, plan_working_days=20)
    published(
        council,
        targets={
            "decision_working_days": 8,
            "plan_working_days": 15,
            "service_start_working_days": 12,
        },
    )
    council.refresh_from_db()
    assert (
        council.decision_working_days,
        council.plan_working_days,
        council.service_start_working_days,
    ) == (8, 15, 12)


def test_targets_of_a_version_coming_into_force_later_wait_for_their_date():
    council = CouncilFactory(decision_working_days=10)
    published(council)
    draft = services.protocol_draft_start(actor=manager_of(council), council_id=council.pk)
    services.targets_save(
        actor=manager_of(council),
        version=draft,
        targets={
            "decision_working_days": 6,
            "plan_working_days": 20,
            "service_start_working_days": 20,
        },
    )
    signed_off(draft)
    later = TODAY() + timedelta(days=7)
    _publish(draft, later)
    council.refresh_from_db()
    assert council.decision_working_days == 10
    assert services.protocol_targets_bring_into_force(today=later) == [council.name]
    council.refresh_from_db()
    assert council.decision_working_days == 6
    assert services.protocol_targets_bring_into_force(today=later) == []


def test_the_council_settings_page_says_the_protocol_sets_the_targets():
    council = CouncilFactory()
    published(
        council,
        targets={
            "decision_working_days": 7,
            "plan_working_days": 15,
            "service_start_working_days": 12,
        },
    )
    admin = signed_in_client(staff_user(council, Role.COUNCIL_ADMIN))
    response = admin.get(reverse("staff:council_settings"))
    assert response.status_code == 200
    assert "set by version 1 of the local assessment protocol" in response.content.decode()
    refused = admin.post(
        reverse("staff:council_settings"),
        {"decision_working_days": 30, "plan_working_days": 30, "service_start_working_days": 30},
    )
    assert refused.status_code == 400
    assert Council.objects.get(pk=council.pk).decision_working_days == 7


def test_the_journey_through_the_pages():
    council = CouncilFactory()
    manager = signed_in_client(manager_of(council))
    forum = signed_in_client(forum_member_of(council))
    started = manager.post(reverse("protocol:start"))
    assert started.status_code == 302
    draft = selectors.draft_of(council.pk)
    section = draft.sections.get(key="training")
    url = reverse("protocol:section", kwargs={"section_id": section.pk})
    empty = manager.post(url, {"text": ""})
    assert empty.status_code == 400
    assert "Write this section of the protocol" in empty.content.decode()
    too_long = manager.post(url, {"text": "word " * 2001})
    assert too_long.status_code == 400
    assert "must be 10,000 characters or fewer" in too_long.content.decode()
    assert manager.post(url, {"text": "Parent carers deliver the training."}).status_code == 302
    assert forum.post(url, {"text": "Say how often it is renewed."}).status_code == 302
    comment = section.comments.get()
    answer_url = reverse("protocol:answer", kwargs={"comment_id": comment.pk})
    assert forum.get(answer_url).status_code == 403
    assert manager.post(answer_url, {"answer": "Every two years: added."}).status_code == 302
    publish_url = reverse("protocol:publish", kwargs={"version_id": draft.pk})
    today = TODAY()
    when = {
        "in_force_from_0": today.day,
        "in_force_from_1": today.month,
        "in_force_from_2": today.year,
    }
    refused = manager.post(publish_url, when)
    assert refused.status_code == 400
    assert "Write every section of the protocol before publishing." in refused.content.decode()
    page = forum.get(reverse("protocol:section", kwargs={"section_id": section.pk}))
    assert page.status_code == 200
    assert "Every two years: added." in page.content.decode()


def test_one_click_audit_of_a_draft_and_the_published_version():
    council = CouncilFactory()
    version = published(council)
    for role in (Role.TEAM_MANAGER, Role.FORUM_MEMBER):
        client = signed_in_client(staff_user(council, role))
        response = client.get(reverse("protocol:audit", kwargs={"version_id": version.pk}))
        assert response.status_code == 200
        page = response.content.decode()
        assert "Audit of version 1 of the local assessment protocol" in page
        assert page.count('<strong class="govuk-tag govuk-tag--green">Met</strong>') == 14
        assert "We do not visit the home, look at the child&#x27;s bedroom" in page
    draft = services.protocol_draft_start(actor=manager_of(council), council_id=council.pk)
    services.section_save(
        actor=manager_of(council),
        section=draft.sections.get(key="intrusion"),
        text="The child's bedroom must be seen at every assessment.",
    )
    client = signed_in_client(manager_of(council))
    response = client.get(reverse("protocol:audit", kwargs={"version_id": draft.pk}))
    assert response.status_code == 200
    assert "(draft)" in response.content.decode()
    assert "“The child&#x27;s bedroom must be seen at every assessment.”" in (
        response.content.decode()
    )


def test_another_councils_version_is_not_found():
    version = written_draft(CouncilFactory())
    other = signed_in_client(staff_user(CouncilFactory(), Role.TEAM_MANAGER))
    assert (
        other.get(reverse("protocol:version", kwargs={"version_id": version.pk})).status_code == 404
    )


def test_every_letter_links_to_the_published_protocol():
    from supportfirst.letters import rendering
    from supportfirst.letters import services as letter_services
    from supportfirst.letters.models import LetterKind, Variant
    from tests.letters.factories import actor_for
    from tests.letters.world import make_world

    world = make_world()
    published(world.family.council)
    letter = letter_services.letter_prepare(
        actor=actor_for(world.worker),
        family=world.family,
        kind=LetterKind.REQUEST_ACKNOWLEDGEMENT,
        source=world.source(LetterKind.REQUEST_ACKNOWLEDGEMENT),
        variant=Variant.STANDARD,
        personal_paragraph="",
    )
    html = rendering.render_letter(letter)
    address = f"/protocol/{world.family.council.slug}/"
    assert f'<a class="govuk-link" href="{address}">read the local assessment protocol</a>' in html


def test_the_start_page_links_to_the_protocols(client):
    response = client.get("/")
    assert response.status_code == 200
    assert 'href="/protocol/">read the councils\' local assessment protocols</a>' in (
        response.content.decode()
    )


def test_the_daily_command_brings_targets_into_force():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("protocol_in_force", stdout=out)
    assert out.getvalue() == "No council's targets changed.\n"


def test_the_demo_protocol_says_the_law_as_law_md_has_it():
    """Direct payments are made when the law's conditions are met, not for every service
    unconditionally (s17A); the advocacy duty is for a child who complains (s26A); complaints
    are normally made within a year (the 2006 regulations), not "at any time"."""
    assert (
        "conditions the law sets are met (Children Act 1989, section 17A)"
        in (DEMO_SECTIONS["direct_payments"])
    )
    assert "complaint is offered an independent advocate" in DEMO_SECTIONS["advocacy"]
    assert "section 26A" in DEMO_SECTIONS["advocacy"]
    assert "at any time" not in DEMO_SECTIONS["complaints"]
    assert "within a year" in DEMO_SECTIONS["complaints"]


def test_the_audit_gives_the_advocacy_duty_as_the_law_has_it():
    from supportfirst.rules.protocol.checklist import item

    why = item("advocacy").why
    assert "makes, or wants to make, a complaint must be offered" in why
    assert "section 26A" in why
