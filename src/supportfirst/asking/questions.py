"""The order of the question pages, where each leads, and what the check-your-answers page
shows. The brothers-and-sisters pages branch; every other page leads to the next one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from supportfirst.asking import forms as f
from supportfirst.asking.models import HELP_FOR_YOU, Format
from supportfirst.families.models import ContactMethod


@dataclass(frozen=True)
class Step:
    name: str  # the URL name, in the `asking` namespace
    path: str
    form: type[f.QuestionForm]


STEPS = (
    Step("about_you", "about-you", f.AboutYouForm),
    Step("contact_details", "contact-details", f.ContactDetailsForm),
    Step("child_name", "child-name", f.ChildNameForm),
    Step("child_age", "child-age", f.ChildAgeForm),
    Step("day_to_day", "day-to-day", f.DayToDayForm),
    Step("help_wanted", "help-wanted", f.HelpWantedForm),
    Step("good_week", "good-week", f.GoodWeekForm),
    Step("help_for_you", "help-for-you", f.HelpForYouForm),
    Step("siblings", "brothers-and-sisters", f.SiblingsForm),
    Step("contact_preference", "contact-preference", f.ContactPreferenceForm),
    Step("communication", "communication", f.CommunicationForm),
    Step("interpreter", "interpreter", f.InterpreterForm),
    Step("consent", "consent", f.ConsentForm),
)
BY_NAME = {step.name: step for step in STEPS}
FIRST = STEPS[0].name
SIBLING_ADD = "sibling_add"
SIBLING_LIST = "sibling_list"
CHECK = "check"


def child_name(answers: dict[str, Any]) -> str:
    return str(answers.get("first_name") or "").strip()


def next_after(name: str, answers: dict[str, Any]) -> str:
    """The page after `name` has been answered."""
    if name == "siblings":
        if answers.get("siblings_help") == "yes":
            return SIBLING_LIST if answers.get("sibling_list") else SIBLING_ADD
        return "contact_preference"
    if name in (SIBLING_ADD, SIBLING_LIST):
        return "contact_preference"
    names = [s.name for s in STEPS]
    index = names.index(name)
    return names[index + 1] if index + 1 < len(names) else CHECK


def previous_of(name: str, answers: dict[str, Any]) -> str | None:
    """Where the back link of `name` goes (None for the first question)."""
    if name in (SIBLING_ADD, SIBLING_LIST):
        return "siblings"
    if name == "contact_preference" and answers.get("siblings_help") == "yes":
        return SIBLING_LIST if answers.get("sibling_list") else SIBLING_ADD
    if name == CHECK:
        return STEPS[-1].name
    names = [s.name for s in STEPS]
    index = names.index(name)
    return names[index - 1] if index > 0 else None


def _required(step: Step) -> list[str]:
    return [n for n, field in step.form.base_fields.items() if field.required]


def _answered(step: Step, answers: dict[str, Any]) -> bool:
    if step.name == "child_age":
        return bool(answers.get("date_of_birth")) or answers.get("age") is not None
    if step.name == "contact_details":
        return bool(answers.get("email") or answers.get("phone"))
    return all(answers.get(n) not in (None, "") for n in _required(step))


def unanswered(answers: dict[str, Any]) -> list[Step]:
    """The question pages with an answer still needed, in order."""
    return [step for step in STEPS if not _answered(step, answers)]


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    change: str  # URL name
    change_what: str


def format_date(value: Any) -> str:
    try:
        return date.fromisoformat(value).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return ""


def _label(choices: Any, value: Any) -> str:
    return str(dict(choices).get(value, ""))


NOT_ANSWERED = "Not answered yet"


def summary(answers: dict[str, Any]) -> list[Row]:
    """What the check-your-answers page lists, with where to change each answer. A question
    still needing an answer says so (never a "No" it was not given)."""
    missing = {step.name for step in unanswered(answers)}
    return [
        Row(row.key, NOT_ANSWERED, row.change, row.change_what) if row.change in missing else row
        for row in _rows(answers)
    ]


def _rows(answers: dict[str, Any]) -> list[Row]:
    a = answers
    name = child_name(a) or "your child"
    born = format_date(a.get("date_of_birth"))
    age = f"{a['age']} years old" if a.get("age") is not None else ""
    siblings = "No"
    if a.get("siblings_help") == "yes":
        siblings = (
            "; ".join(
                f"{s.get('first_name')}, born {format_date(s.get('date_of_birth'))}"
                for s in a.get("sibling_list") or []
            )
            or "Yes"
        )
    formats = ", ".join(_label(Format.choices, v) for v in a.get("formats") or [])
    interpreter = "No"
    if a.get("needs_interpreter") == "yes":
        interpreter = f"Yes: {a.get('interpreter_language', '')}"
    help_for_you = _label(HELP_FOR_YOU, a.get("parent_carer_help"))
    if a.get("parent_carer_help_details"):
        help_for_you += f". {a['parent_carer_help_details']}"
    return [
        Row("Your name", a.get("full_name", ""), "about_you", "your name"),
        Row("Your relationship", a.get("relationship", ""), "about_you", "your relationship"),
        Row("Email address", a.get("email", ""), "contact_details", "your email address"),
        Row("Phone number", a.get("phone", ""), "contact_details", "your phone number"),
        Row(
            "Your child's name",
            f"{a.get('first_name', '')} {a.get('last_name', '')}".strip(),
            "child_name",
            "your child's name",
        ),
        Row(f"How old {name} is", born or age, "child_age", f"{name}'s date of birth or age"),
        Row("Day to day", a.get("day_to_day", ""), "day_to_day", "what happens day to day"),
        Row("Help you would like", a.get("help_wanted", ""), "help_wanted", "the help you want"),
        Row("A good week", a.get("good_week", ""), "good_week", "what a good week looks like"),
        Row("Help for you", help_for_you, "help_for_you", "help for you"),
        Row("Brothers and sisters who help", siblings, "siblings", "brothers and sisters"),
        Row(
            "How to contact you",
            _label(ContactMethod.choices, a.get("preferred_contact")),
            "contact_preference",
            "how to contact you",
        ),
        Row("Formats", formats or "Standard", "communication", "formats"),
        Row(
            "Communication needs",
            a.get("communication_needs", "") or "None given",
            "communication",
            "communication needs",
        ),
        Row("Interpreter", interpreter, "interpreter", "interpreter"),
        Row(
            "Contacting other people",
            _label(f.YES_NO, a.get("consent")),
            "consent",
            "whether we can contact other people",
        ),
    ]
