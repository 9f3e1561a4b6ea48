"""Protocol versions in the states the tests need: a draft, and a published version in force."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from supportfirst.councils.models import Council, Role
from supportfirst.localprotocol import services
from supportfirst.localprotocol.demo import DEMO_SECTIONS
from supportfirst.localprotocol.models import ProtocolVersion
from tests.accounts.factories import staff_user


def manager_of(council: Council):
    from supportfirst.councils.models import Membership

    found = Membership.objects.filter(council=council, role=Role.TEAM_MANAGER).first()
    return found.user if found else staff_user(council, Role.TEAM_MANAGER)


def forum_member_of(council: Council):
    from supportfirst.councils.models import Membership

    found = Membership.objects.filter(council=council, role=Role.FORUM_MEMBER).first()
    return found.user if found else staff_user(council, Role.FORUM_MEMBER)


def written_draft(council: Council, words: dict[str, str] | None = None) -> ProtocolVersion:
    manager = manager_of(council)
    draft = services.protocol_draft_start(actor=manager, council_id=council.pk)
    for section in draft.sections.all():
        text = (words or DEMO_SECTIONS).get(section.key, DEMO_SECTIONS[section.key])
        services.section_save(actor=manager, section=section, text=text)
    return draft


def signed_off(draft: ProtocolVersion, on: date | None = None) -> ProtocolVersion:
    on = on or timezone.localdate()
    services.sign_off(
        actor=forum_member_of(draft.council),
        version=draft,
        side=services.FORUM,
        name="Ruth Okafor",
        role="Chair of the parent carer forum",
        on=on,
    )
    return services.sign_off(
        actor=manager_of(draft.council),
        version=draft,
        side=services.COUNCIL,
        name="Sam Hale",
        role="Head of service",
        on=on,
    )


def published(
    council: Council, words: dict[str, str] | None = None, *, targets: dict[str, int] | None = None
) -> ProtocolVersion:
    draft = written_draft(council, words)
    if targets:
        services.targets_save(actor=manager_of(council), version=draft, targets=targets)
    signed_off(draft)
    return services.protocol_publish(
        actor=manager_of(council), version=draft, in_force_from=timezone.localdate()
    )


def matrix_version_id(family) -> int:
    found = ProtocolVersion.objects.filter(council=family.council).order_by("pk").first()
    return (found or written_draft(family.council)).pk


def matrix_section_id(family) -> int:
    version = ProtocolVersion.objects.get(pk=matrix_version_id(family))
    return version.sections.order_by("position").first().pk


def matrix_comment_id(family) -> int:
    from supportfirst.localprotocol.models import SectionComment

    found = SectionComment.objects.filter(section__version__council=family.council).first()
    if found is None:
        version = ProtocolVersion.objects.get(pk=matrix_version_id(family))
        found = services.comment_add(
            actor=forum_member_of(family.council),
            section=version.sections.first(),
            text="Please say who decides.",
        )
    return found.pk
