"""The demo councils' local assessment protocol: version 1, drafted by a manager, commented on
and signed off by the forum, published and in force. Every name and word is invented for the
demo; a real council writes its own with its forum."""

from __future__ import annotations

from django.utils import timezone

from supportfirst.councils.models import MANAGER_ROLES, Council, Membership, Role
from supportfirst.localprotocol import selectors, services

DEMO_ORDER = 60

DEMO_SECTIONS = {
    "distinct_pathway": (
        "A request for help for a disabled child is a request for support. We assess it under "
        "section 17 of the Children Act 1989, on a support pathway for disabled children that "
        "is separate from child protection. Where there is no evidence of harm, the child and "
        "family stay on this needs-led pathway from start to finish."
    ),
    "safeguarding": (
        "We move to safeguarding only when there is reasonable cause to suspect that a child is "
        "suffering, or is likely to suffer, significant harm (section 47 of the Children Act "
        "1989). A practitioner proposes the move with the reason, and a team manager decides.\n\n"
        "We tell the family what we are worried about and why, unless telling them would put "
        "the child at risk. When the enquiries find no cause for concern, the child comes back "
        "to the support pathway and the family is told."
    ),
    "intrusion": (
        "We do not visit the home, look at the child's bedroom or see the child alone as a "
        "matter of routine. We meet where and how the family chooses.\n\n"
        "If we think a home visit, seeing a room or speaking with the child on their own is "
        "needed, we write down why, what less intrusive way we tried first, and what the family "
        "thinks, before it happens. The family can read that record."
    ),
    "parents_and_child": (
        "Parents are the experts on their child. The assessment starts from what the family "
        "tells us, and we do not judge parenting capacity when a family asks for support.\n\n"
        "We find out the child's wishes and feelings in the way that suits them: pictures, "
        "signing, a trusted adult or their own words."
    ),
    "carers": (
        "Every parent carer is offered a parent carer's needs assessment (section 17ZD of the "
        "Children Act 1989), and we do one on request. Brothers and sisters who help to care "
        "are offered a young carer's assessment (section 17ZA), and we do one on request."
    ),
    "timescales": (
        "We decide the next step within 1 working day of a request, and finish the assessment "
        "within 45 working days. The times we set ourselves after the assessment are below. "
        "If we miss a time, the family's page says so and the family can complain."
    ),
    "eligibility": (
        "We decide which needs we will meet using our published eligibility criteria, written "
        "with the parent carer forum. Every decision gives the reasons for each need."
    ),
    "short_breaks": (
        "We offer a range of short breaks: clubs, play schemes, support at home and overnight "
        "breaks. Our short breaks services statement describes them and who can use them."
    ),
    "direct_payments": (
        "For every service we agree to arrange, we offer a direct payment instead, so the "
        "family can arrange the support themselves. We can make one when the family agrees, "
        "we are satisfied it will meet the need and keep the child safe and well, and the other "
        "conditions the law sets are met (Children Act 1989, section 17A)."
    ),
    "advocacy": (
        "A child or young person who makes, or wants to make, a complaint is offered an "
        "independent advocate to help them (Children Act 1989, section 26A). We also offer "
        "one to help a child say what they want in their assessment. Parents can ask the parent "
        "carer forum for support."
    ),
    "complaints": (
        "A family can complain about anything we do, normally within a year of it. The "
        "complaints procedure has three stages: local "
        "resolution, an investigation with an independent person, and a review panel. After "
        "that the family can go to the Local Government and Social Care Ombudsman."
    ),
    "training": (
        "Everyone who assesses is trained on this protocol before they assess, and again every "
        "two years. Parent carers from the forum plan and deliver the training with us."
    ),
}


def load_demo() -> None:
    for council in Council.objects.filter(is_demo=True):
        if selectors.latest_published(council.pk) is not None:
            continue
        manager = (
            Membership.objects.filter(council=council, role__in=sorted(MANAGER_ROLES))
            .select_related("user")
            .first()
        )
        forum = (
            Membership.objects.filter(council=council, role=Role.FORUM_MEMBER)
            .select_related("user")
            .first()
        )
        if manager is None or forum is None:
            continue
        today = timezone.localdate()
        draft = services.protocol_draft_start(actor=manager.user, council_id=council.pk)
        for section in draft.sections.all():
            services.section_save(
                actor=manager.user, section=section, text=DEMO_SECTIONS[section.key]
            )
        services.sign_off(
            actor=forum.user,
            version=draft,
            side=services.FORUM,
            name=str(forum.user),
            role="Chair of the parent carer forum",
            on=today,
        )
        services.sign_off(
            actor=manager.user,
            version=draft,
            side=services.COUNCIL,
            name=str(manager.user),
            role=manager.get_role_display(),
            on=today,
        )
        services.protocol_publish(actor=manager.user, version=draft, in_force_from=today)
