"""What the family is told when something happens, in plain English.

Each function builds one message and sends it with `services.notify_family`. Other apps call
these with one added line each (see docs/notifications.md), so the wording lives in one place.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from supportfirst.kernel import timewords
from supportfirst.notifications import services
from supportfirst.notifications.models import Notification
from supportfirst.rules import workdays

if TYPE_CHECKING:
    from supportfirst.complaints.models import Complaint

SIGN_IN = "Sign in to Support First to read it."


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _sign_off(council: Any) -> str:
    """How to reach the council: these messages come from an address that takes no replies."""
    ways = [f"phone {council.contact_phone}"] if council.contact_phone else []
    if council.contact_email:
        ways.append(f"email {council.contact_email}")
    if ways:
        how = f"contact us: {' or '.join(ways)}"
    else:
        how = "contact your worker through your account on Support First"
    return (
        f"If you have any questions, {how}. Please do not reply to this message.\n\n{council.name}"
    )


def request_received(request: Any) -> list[str]:
    """A request for help was recorded (`pathway.services.support_request_create`)."""
    family, child = request.family, request.child
    subject = f"We have your request for help for {child.first_name} ({request.reference})"
    body = (
        f"Thank you for asking for help for {child.first_name}. Your reference is "
        f"{request.reference}.\n\nWe will decide the next step by {_day(request.next_step_due)} "
        f"and tell you what it is.\n\n{_sign_off(family.council)}"
    )
    return services.notify_family(
        family,
        services.REQUEST_RECEIVED,
        subject=subject,
        body=body,
        preferred_contact=request.preferred_contact,
    )


def decision_made(decision: Any, *, already_sent_to: list[str] | None = None) -> list[str]:
    """The next step was decided (`decide_support`, `decide_information`). The information and
    advice is already emailed by the pathway: pass where it went, so it is not sent twice."""
    request = decision.request
    family, child = request.family, request.child
    if decision.pathway == "support":
        subject = f"Next step for {child.first_name}: a needs assessment"
        body = (
            f"We have looked at your request {request.reference}. The next step is to assess "
            f"what {child.first_name} and your family need, with you. We will finish the "
            f"assessment by {_day(request.assessment_due)} at the latest.\n\n"
            f"{_sign_off(family.council)}"
        )
    else:
        subject = f"Information and advice about your request {request.reference}"
        body = (
            f"We have looked at your request {request.reference}. Here is the information and "
            f"advice we talked about:\n\n{decision.information_given}\n\n"
            f"{_sign_off(family.council)}"
        )
    return services.notify_family(
        family,
        services.DECISION_MADE,
        subject=subject,
        body=body,
        already_sent_to=already_sent_to,
        preferred_contact=request.preferred_contact,
    )


def enquiries_finished(move: Any, *, today: date) -> list[str]:
    """The section 47 enquiries the family was told about found no cause to continue, and the
    request is back on the support pathway (`pathway.enquiries.record_outcome`). Only for a
    family who was told about the proposal: the council never tells a family first this way."""
    request = move.request
    family, child = request.family, request.child
    subject = f"The enquiries about {child.first_name} have finished: no further action"
    when = (
        f"We will finish the assessment by {_day(request.assessment_due)} at the latest."
        if request.assessment_due >= today
        else "We will contact you to agree when the assessment will be finished."
    )
    body = (
        f"We have finished the enquiries we told you about (Children Act 1989, section 47). "
        f"We will take no further action, and the enquiries are closed.\n\n"
        f"Your request for help {request.reference} is back on the support pathway. We will "
        f"carry on looking at what {child.first_name} and your family need, with you. {when}"
        f"\n\n{_sign_off(family.council)}"
    )
    return services.notify_family(
        family,
        services.DECISION_MADE,
        subject=subject,
        body=body,
        preferred_contact=request.preferred_contact,
    )


def assessment_ready(assessment: Any) -> list[str]:
    """A draft assessment is ready for the family to read (`assessments.services.mark_ready`)."""
    family = assessment.family
    subject = f"{assessment.title} is ready for you to read"
    body = (
        f"{assessment.title} is ready for you to read. Tell us if anything is wrong or missing: "
        f"you can add your comments next to what we wrote. {SIGN_IN}\n\n"
        f"{_sign_off(family.council)}"
    )
    return services.notify_family(family, services.ASSESSMENT_READY, subject=subject, body=body)


def _tell_complainant(complaint: Complaint, event: str, subject: str, body: str) -> list[str]:
    """A young person's own complaint, when they keep their own words from their parents, is
    told to them alone; any other complaint to the family as they chose."""
    family = complaint.family
    young_person = services.private_author(getattr(complaint, "made_by", None))
    if young_person is not None:
        told = services.tell_one_person(family, young_person, event, subject=subject, body=body)
        return [] if told.failed else list(told.sent_to)
    return services.notify_family(family, event, subject=subject, body=body)


def _complaint(complaint: Complaint, subject: str, body: str) -> list[str]:
    family = complaint.family
    return _tell_complainant(
        complaint,
        services.COMPLAINT_UPDATE,
        f"Your complaint {complaint.reference}: {subject}",
        f"{body}\n\n{_sign_off(family.council)}",
    )


def complaint_received(complaint: Complaint) -> list[str]:
    return _complaint(
        complaint,
        "we have it",
        f"Thank you for telling us what went wrong. We will respond by "
        f"{_day(complaint.respond_by)}.",
    )


def _advocacy(complaint: Complaint) -> str:
    """The advocacy duty (Children Act 1989 s26A) is owed to the child or young person who
    complains; a parent is signposted. A young person's own complaint, kept from their parents,
    is told to them alone (`_tell_complainant`), so they read it as "you"."""
    if services.private_author(getattr(complaint, "made_by", None)) is not None:
        return (
            "You can have an advocate: someone independent who helps you say what you want. "
            "We must arrange one for you if you want one (Children Act 1989, section 26A)."
        )
    return (
        "If your child wants to complain, they can have an advocate, and we will arrange one "
        "(Children Act 1989, section 26A). If you would like help to complain, we can tell you "
        "about advocacy services near you."
    )


def complaint_acknowledged(complaint: Complaint) -> list[str]:
    return _complaint(
        complaint,
        f"{complaint.get_stage_display().lower()}",
        f"We are looking into your complaint ({complaint.get_stage_display().lower()}). "
        f"The next step is due by {_day(complaint.respond_by)}. {_advocacy(complaint)}",
    )


def complaint_extended(complaint: Complaint, *, reason: str) -> list[str]:
    return _complaint(
        complaint,
        "we need more time",
        f"We need more time to respond. We will now respond by {_day(complaint.respond_by)}. "
        f"This is why: {reason}",
    )


def complaint_step(complaint: Complaint, what: str) -> list[str]:
    return _complaint(
        complaint,
        what.lower(),
        f"{what}. The next step is due by {_day(complaint.respond_by)}.",
    )


def complaint_responded(complaint: Complaint) -> list[str]:
    if complaint.stage < 3:
        more = (
            "If you are not satisfied, you can ask for the next stage. Please ask within "
            "20 working days if you can."
        )
    else:
        more = (
            "If you are still not satisfied, you can ask the Local Government and Social Care "
            "Ombudsman to look at your complaint: www.lgo.org.uk, phone 0300 061 0614."
        )
    return _complaint(complaint, "our response", f"We have responded. {SIGN_IN} {more}")


def complaint_next_stage(complaint: Complaint) -> list[str]:
    return _complaint(
        complaint,
        f"{complaint.get_stage_display().lower()}",
        f"You asked for {complaint.get_stage_display().lower()}. The next step is due by "
        f"{_day(complaint.respond_by)}.",
    )


def complaint_reminder(complaint: Complaint, today: date) -> list[str]:
    """A reminder, once, that the council's next step is due soon."""
    family = complaint.family
    subject = (
        f"Your complaint {complaint.reference}: our next step is due by "
        f"{complaint.respond_by:%-d %B %Y}"
    )
    if Notification.objects.filter(
        family=family, event=services.COMPLAINT_REMINDER, subject=subject
    ).exists():
        return []
    left = workdays.describe_days_left(complaint.respond_by, today)
    body = (
        f"We are due to take the next step on your complaint by {_day(complaint.respond_by)} "
        f"({left}). If we cause serious delay, you can ask the Local Government and Social "
        f"Care Ombudsman whether it will look at your complaint now: www.lgo.org.uk, phone "
        f"0300 061 0614.\n\n{_sign_off(family.council)}"
    )
    return _tell_complainant(complaint, services.COMPLAINT_REMINDER, subject, body)


# What a planned contact involves, in words for the family (never "intrusion").
_INVOLVES = {
    "home_visit": "coming to your home",
    "rooms": "looking at particular rooms in your home",
    "child_alone": "talking with {child} without a parent there",
    "third_party": "asking someone else (such as the school or GP) about your family",
    "sharing": "sharing information about your family",
}


def _when(contact: Any) -> str:
    at = timezone.localtime(contact.happened_at)
    return f"{_day(at.date())} at {timewords.clock(at)}"


def what_it_involves(contact: Any) -> list[str]:
    child = contact.request.child.first_name
    return [_INVOLVES[i].format(child=child) for i in contact.intrusions if i in _INVOLVES]


def contact_planned(contact: Any) -> list[str]:
    """A visit, meeting or call was planned (`pathway.services.contact_plan`): what, when,
    where, why, and, when it involves more than talking with the family, why we need it, the
    other way we offered first, and that they can say no."""
    request = contact.request
    family, child = request.family, request.child
    kind = contact.get_kind_display().lower()
    lines = [
        f"We plan a {kind} about your request {request.reference} for {child.first_name}, "
        f"on {_when(contact)}{', at ' + contact.place if contact.place else ''}.",
        f"What it is for: {contact.what_for}",
    ]
    involves = what_it_involves(contact)
    record = getattr(contact, "intrusion_record", None)
    if involves and record is not None:
        lines += [
            f"It would mean {'; '.join(involves)}.",
            f"Why we need to: {record.why_necessary}",
            f"The other way we offered first: {record.less_intrusive_option}",
            f"Why we think that is not enough: {record.why_not_enough}",
            f"Notice: {record.notice_given}",
        ]
        # Quoted only when the family wrote the words themselves; otherwise labelled as the
        # worker's note of what they said (as on the request page).
        if not record.family_words.strip():
            said = ""
        elif record.words_by_family:
            said = f" You wrote: “{record.family_words}”"
        else:
            said = f" Our worker's note of what you said: {record.family_words}"
        if record.family_view == "agree":
            lines += [
                f"We have written down that you agree.{said}",
                "If that is not right, you can say no on your request page. If you say no, it "
                "will not go ahead unless a team manager decides it must, and we will tell you "
                "their reason in writing.",
            ]
        elif record.family_view == "object":
            lines += [
                f"We have written down that you said no.{said}",
                "So it will not go ahead unless a team manager decides it must, and we will "
                "tell you their reason in writing.",
            ]
        else:
            lines.append(
                "You can agree or say no. If you say no, it will not go ahead unless a team "
                "manager decides it must, and we will tell you their reason in writing."
            )
    lines += ["You can see the plan on your request page. " + SIGN_IN, _sign_off(family.council)]
    return services.notify_family(
        family,
        services.CONTACT_PLANNED,
        subject=f"We plan a {kind} on {_when(contact)} ({request.reference})",
        body="\n\n".join(lines),
        preferred_contact=request.preferred_contact,
    )


def contact_approved(contact: Any) -> list[str]:
    """A team manager decided a planned contact the family said no to must still go ahead."""
    request = contact.request
    kind = contact.get_kind_display().lower()
    body = (
        f"You told us you did not want the {kind} planned for {_when(contact)}. A team "
        f"manager has looked at it and decided it should still go ahead. Their reason:\n\n"
        f"{contact.approval_reason}\n\nIf you disagree, you can make a complaint. "
        f"{SIGN_IN}\n\n{_sign_off(request.family.council)}"
    )
    return services.notify_family(
        request.family,
        services.CONTACT_PLANNED,
        subject=f"A team manager's decision about the planned {kind} ({request.reference})",
        body=body,
        preferred_contact=request.preferred_contact,
    )


def contact_cancelled(contact: Any) -> list[str]:
    """A planned contact was cancelled, with the reason."""
    request = contact.request
    kind = contact.get_kind_display().lower()
    body = (
        f"The {kind} planned for {_when(contact)} is cancelled. The reason:\n\n"
        f"{contact.cancelled_reason}\n\n{_sign_off(request.family.council)}"
    )
    return services.notify_family(
        request.family,
        services.CONTACT_PLANNED,
        subject=f"The planned {kind} on {_when(contact)} is cancelled ({request.reference})",
        body=body,
        preferred_contact=request.preferred_contact,
    )
