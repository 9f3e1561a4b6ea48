"""The forms of criteria drafted in the browser: a criterion (with its gate questions), a
service (the law chosen from the laws services are provided under), a worked example, a
comment and an answer, and the publishing date. Each turns into, and is filled from, the part
of the criteria file it stands for, so nobody writes YAML by hand."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Div, Field, Fieldset, Size
from django import forms

from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.rules.criteria import areas, law

YES_NO = [("yes", "Yes"), ("no", "No")]
PERSON_CHOICES = [
    (areas.CHILD, "The disabled child"),
    (areas.PARENT_CARER, "A parent carer"),
    (areas.YOUNG_CARER, "A young carer (a brother or sister who helps care)"),
]
FLAG_CHOICES = [
    (areas.CANNOT_WITHOUT_HELP, "It cannot be managed without help"),
    (
        areas.PAIN_DISTRESS_OR_ANXIETY,
        "It can only be managed with a lot of pain, distress or anxiety",
    ),
    (areas.DANGER, "It can only be managed with danger to someone"),
    (areas.MUCH_LONGER, "It takes much longer than usual"),
]
_WHOSE = {
    areas.CHILD: "child",
    areas.PARENT_CARER: "parent carer",
    areas.YOUNG_CARER: "young carer",
}
AREA_CHOICES = [(code, f"{name} ({_WHOSE[whose]})") for code, (name, whose) in areas.AREAS.items()]
HOW_OFTEN_CHOICES = [(code, words.capitalize()) for code, words in areas.HOW_OFTEN.items()]
DUTY_CHOICES = [
    ("duty", "A duty: the council must arrange it once it is satisfied it is needed"),
    ("general", "A general duty: a range of this help in the area"),
    ("power", "A power: the council may provide it"),
]
MET_CHOICES = [("met", "Met"), ("not met", "Not met")]


def _yes_no(label: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": f"Answer “{label}”"},
    )


def _ticks(
    label: str, choices: list[tuple[str, str]], help_text: str = "", **kwargs: Any
) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


def _yes(value: bool) -> str:
    return "yes" if value else "no"


class CriterionForm(forms.Form):
    id = forms.CharField(
        label="Short name for the criterion",
        help_text="Lower-case letters, digits and hyphens, for example short-breaks-teenagers. "
        "It cannot be changed later.",
        max_length=80,
        error_messages={"required": "Enter a short name for the criterion"},
    )
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title"}
    )
    plain_english = forms.CharField(
        label="What the criterion says, in plain English",
        help_text="Families read these words. Every thing they say must be tested by a worked "
        "example.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": "Write what the criterion says"},
    )
    for_whom = forms.ChoiceField(
        label="Whose needs it is about",
        choices=PERSON_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whose needs it is about"},
    )
    areas = _ticks(
        "Areas of life it counts",
        AREA_CHOICES,
        "Leave them all unticked to count every area of that person's life.",
        required=False,
    )
    counts = _ticks(
        "A need counts when",
        FLAG_CHOICES,
        error_messages={"required": "Tick at least one way a need counts"},
    )
    at_least = forms.ChoiceField(
        label="How often help must be needed, at least",
        choices=HOW_OFTEN_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often help must be needed"},
    )
    outcomes_needed = forms.IntegerField(
        label="How many different areas of life must have a need that counts",
        min_value=1,
        max_value=30,
        error_messages={"required": "Enter how many areas of life", "invalid": "Enter a number"},
    )
    one_area_enough_when = _ticks("One area is enough when a need", FLAG_CHOICES, required=False)
    one_area_enough_in = _ticks("One area is enough in", AREA_CHOICES, required=False)
    needs_impairment_or_illness = _yes_no(
        "Must the needs come from a disability or illness (for a carer, from caring)?"
    )
    needs_significant_impact = _yes_no(
        "Must there be, or be likely to be, a big effect on wellbeing?"
    )
    compare_with_same_age = _yes_no(
        "Does a child's need count only when it is more than other children of the same age need?",
        "Only for a child's criterion.",
    )
    min_age = forms.IntegerField(
        label="Youngest age (optional)", required=False, min_value=0, max_value=25
    )
    max_age = forms.IntegerField(
        label="Oldest age (optional)", required=False, min_value=0, max_value=25
    )

    def __init__(self, *args: Any, adding: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not adding:
            del self.fields["id"]
        parts: list[Any] = [] if not adding else [Field.text("id")]
        parts += [
            Field.text("title"),
            Field.textarea("plain_english", rows=6),
            Field.radios("for_whom", legend_size=Size.SMALL),
            Fieldset(
                Field.checkboxes("counts", legend_size=Size.SMALL, small=True),
                Field.radios("at_least", legend_size=Size.SMALL),
                Field.text("outcomes_needed", field_width=2),
                Field.checkboxes("areas", legend_size=Size.SMALL, small=True),
                Field.checkboxes("one_area_enough_when", legend_size=Size.SMALL, small=True),
                Field.checkboxes("one_area_enough_in", legend_size=Size.SMALL, small=True),
                legend="The rule",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("needs_impairment_or_illness", legend_size=Size.SMALL, inline=True),
                Field.radios("needs_significant_impact", legend_size=Size.SMALL, inline=True),
                Field.radios("compare_with_same_age", legend_size=Size.SMALL, inline=True),
                Field.text("min_age", field_width=2),
                Field.text("max_age", field_width=2),
                legend="Gate questions",
                legend_size=Size.MEDIUM,
            ),
        ]
        self.helper = gds_helper(*parts, button="Save the criterion")

    @staticmethod
    def initial_from(part: dict[str, Any]) -> dict[str, Any]:
        return {
            "title": part.get("title", ""),
            "plain_english": " ".join(str(part.get("plain_english", "")).split()),
            "for_whom": part.get("for_whom", areas.CHILD),
            "areas": part.get("areas") or [],
            "counts": part.get("counts") or list(areas.FLAGS),
            "at_least": part.get("at_least", "less_often"),
            "outcomes_needed": part.get("outcomes_needed", 2),
            "one_area_enough_when": part.get("one_area_enough_when") or [],
            "one_area_enough_in": part.get("one_area_enough_in") or [],
            "needs_impairment_or_illness": _yes(part.get("needs_impairment_or_illness", True)),
            "needs_significant_impact": _yes(part.get("needs_significant_impact", True)),
            "compare_with_same_age": _yes(part.get("compare_with_same_age", True)),
            "min_age": part.get("min_age"),
            "max_age": part.get("max_age"),
        }

    def part(self, existing_id: str = "") -> dict[str, Any]:
        """The criterion as the file writes it, in the file's order."""
        data = self.cleaned_data
        part: dict[str, Any] = {
            "id": data.get("id") or existing_id,
            "title": data["title"].strip(),
            "for_whom": data["for_whom"],
            "plain_english": " ".join(data["plain_english"].split()),
        }
        if data["areas"]:
            part["areas"] = list(data["areas"])
        part["counts"] = list(data["counts"])
        part["at_least"] = data["at_least"]
        part["outcomes_needed"] = data["outcomes_needed"]
        if data["one_area_enough_when"]:
            part["one_area_enough_when"] = list(data["one_area_enough_when"])
        if data["one_area_enough_in"]:
            part["one_area_enough_in"] = list(data["one_area_enough_in"])
        part["needs_impairment_or_illness"] = data["needs_impairment_or_illness"]
        part["needs_significant_impact"] = data["needs_significant_impact"]
        if data["for_whom"] == areas.CHILD:
            part["compare_with_same_age"] = data["compare_with_same_age"]
        for age in ("min_age", "max_age"):
            if data[age] is not None:
                part[age] = data[age]
        return part


def law_choices() -> list[tuple[str, str]]:
    return [(entry.key, law.citation(entry.act, entry.section)) for entry in law.service_laws()]


class ServiceForm(forms.Form):
    code = forms.CharField(
        label="Short name for the service",
        help_text="Lower-case letters, digits and hyphens, for example holiday-clubs. It cannot "
        "be changed later.",
        max_length=80,
        error_messages={"required": "Enter a short name for the service"},
    )
    name = forms.CharField(
        label="Name", max_length=200, error_messages={"required": "Enter the name"}
    )
    plain_english = forms.CharField(
        label="What it is, in plain English",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        error_messages={"required": "Write what the service is"},
    )
    for_whom = forms.ChoiceField(
        label="Who it is for",
        choices=PERSON_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who it is for"},
    )
    criterion = forms.ChoiceField(
        label="The criterion it is decided by",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the criterion it is decided by"},
    )
    areas = _ticks(
        "Needs it helps with",
        AREA_CHOICES,
        "Leave them all unticked for any eligible need under its criterion.",
        required=False,
    )
    legal_basis = _ticks(
        "The law it is provided under",
        [],
        error_messages={"required": "Tick the law it is provided under"},
    )
    duty_or_power = forms.ChoiceField(
        label="What the law gives",
        choices=DUTY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the law gives"},
    )

    def __init__(
        self, *args: Any, adding: bool, criteria: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["criterion"]).choices = criteria
        cast(forms.ChoiceField, self.fields["legal_basis"]).choices = law_choices()
        if not adding:
            del self.fields["code"]
        parts: list[Any] = [] if not adding else [Field.text("code")]
        parts += [
            Field.text("name"),
            Field.textarea("plain_english", rows=5),
            Field.radios("for_whom", legend_size=Size.SMALL),
            Field.radios("criterion", legend_size=Size.SMALL),
            Field.checkboxes("areas", legend_size=Size.SMALL, small=True),
            Field.checkboxes("legal_basis", legend_size=Size.SMALL, small=True),
            Field.radios("duty_or_power", legend_size=Size.SMALL),
        ]
        self.helper = gds_helper(*parts, button="Save the service")

    @staticmethod
    def initial_from(part: dict[str, Any]) -> dict[str, Any]:
        keys = []
        for basis in part.get("legal_basis") or []:
            known = law.find(str(basis.get("act", "")), str(basis.get("section", "")))
            if known is not None:
                keys.append(known.key)
        return {
            "name": part.get("name", ""),
            "plain_english": " ".join(str(part.get("plain_english", "")).split()),
            "for_whom": part.get("for_whom", areas.CHILD),
            "criterion": part.get("criterion", ""),
            "areas": part.get("areas") or [],
            "legal_basis": keys,
            "duty_or_power": part.get("duty_or_power", ""),
        }

    def part(self, existing_code: str = "") -> dict[str, Any]:
        data = self.cleaned_data
        part: dict[str, Any] = {
            "code": data.get("code") or existing_code,
            "name": data["name"].strip(),
            "for_whom": data["for_whom"],
            "plain_english": " ".join(data["plain_english"].split()),
            "legal_basis": [
                {"act": entry.act, "section": entry.section}
                for key in data["legal_basis"]
                for entry in [law.by_key(key)]
            ],
            "duty_or_power": data["duty_or_power"],
            "criterion": data["criterion"],
        }
        if data["areas"]:
            part["areas"] = list(data["areas"])
        return part


class DetailsForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title"}
    )
    summary = forms.CharField(
        label="Summary",
        help_text="What families read first: what the criteria are for, in plain English.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": "Write the summary"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("title"), Field.textarea("summary", rows=6), button="Save"
        )


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment",
        help_text="What should change, and why. The council answers every comment before the "
        "criteria can be published.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Write your comment"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=5), button="Add the comment")


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="The council's answer",
        help_text="What you changed because of the comment, or why you did not.",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        error_messages={"required": "Write the council's answer"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("answer", rows=5), button="Save the answer")


class PublishForm(forms.Form):
    in_force_from = RealDateField(
        label="Date it comes into force",
        help_text="Today or later, for example 1 4 2027. Eligibility decisions use these "
        "criteria from this date.",
    )
    equality_impact_summary = forms.CharField(
        label="How the council considered the equality impact",
        help_text="Publishing also records that the council adopts these criteria for its "
        "decisions, signed off as above (Equality Act 2010, section 149).",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
        error_messages={"required": "Say how the council considered the equality impact"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("in_force_from"),
            Field.textarea("equality_impact_summary", rows=4),
            button="Publish the criteria",
        )


NEEDS_IN_AN_EXAMPLE = 3
SAME_AGE_CHOICES = [("", "Not recorded"), ("yes", "Yes"), ("no", "No")]
CHILD_AREA_CHOICES = [("", "No need")] + [
    (code, name) for code, (name, whose) in areas.AREAS.items() if whose == areas.CHILD
]


class ExampleForm(forms.Form):
    """A worked example about a child: the case, in fields. Its expected decision is the one
    the draft's criteria give it now, shown on the draft's page to check."""

    name = forms.CharField(
        label="Name of the example",
        help_text="For example: Two areas of life, help every week.",
        max_length=200,
        error_messages={"required": "Enter a name for the example"},
    )
    description = forms.CharField(
        label="What it shows (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )
    child_age = forms.IntegerField(
        label="The child's age in years (optional)", required=False, min_value=0, max_value=25
    )
    arises = _yes_no("Do the needs come from a disability or illness?")
    impact = _yes_no("Is there, or is there likely to be, a big effect on the child's wellbeing?")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parts: list[Any] = [
            Field.text("name"),
            Field.textarea("description", rows=3),
            Field.text("child_age", field_width=2),
            Field.radios("arises", legend_size=Size.SMALL, inline=True),
            Field.radios("impact", legend_size=Size.SMALL, inline=True),
        ]
        for number in range(1, NEEDS_IN_AN_EXAMPLE + 1):
            prefix = f"need_{number}"
            self.fields[f"{prefix}_area"] = forms.ChoiceField(
                label="Area of life", choices=CHILD_AREA_CHOICES, required=False
            )
            self.fields[f"{prefix}_description"] = forms.CharField(
                label="What is hard", max_length=300, required=False
            )
            self.fields[f"{prefix}_flags"] = _ticks("It", FLAG_CHOICES, required=False)
            self.fields[f"{prefix}_fluctuates"] = forms.BooleanField(
                label="Some days are much harder than others",
                help_text="What it ticks is then how it is on the hard days.",
                required=False,
            )
            # Asked instead of how often help is needed, when some days are much harder.
            self.fields[f"{prefix}_hard_days_how_often"] = forms.ChoiceField(
                label="How often do the hard days come?",
                choices=HOW_OFTEN_CHOICES,
                required=False,
            )
            self.fields[f"{prefix}_how_often"] = forms.ChoiceField(
                label="How often help is needed",
                help_text="Not needed when some days are much harder: you said how often the "
                "hard days come.",
                choices=HOW_OFTEN_CHOICES,
                required=False,
            )
            self.fields[f"{prefix}_same_age"] = forms.ChoiceField(
                label="More than other children of the same age need?",
                choices=SAME_AGE_CHOICES,
                required=False,
            )
            parts.append(
                Fieldset(
                    Field.select(f"{prefix}_area"),
                    Field.text(f"{prefix}_description"),
                    Field.checkboxes(f"{prefix}_flags", legend_size=Size.SMALL, small=True),
                    Div(
                        Field.checkbox(
                            f"{prefix}_fluctuates",
                            small=True,
                            data_aria_controls=f"{prefix}-hard-days",
                        ),
                        Div(
                            Field.select(f"{prefix}_hard_days_how_often"),
                            css_id=f"{prefix}-hard-days",
                            css_class="govuk-checkboxes__conditional "
                            "govuk-checkboxes__conditional--hidden",
                        ),
                        data_module="govuk-checkboxes",
                    ),
                    Field.select(f"{prefix}_how_often"),
                    Field.select(f"{prefix}_same_age"),
                    legend=f"Need {number}",
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper = gds_helper(*parts, button="Save the example")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"need_{n}_area") for n in range(1, NEEDS_IN_AN_EXAMPLE + 1)):
            self.add_error("need_1_area", "Choose the area of life of at least one need")
        return data

    def case(self) -> dict[str, Any]:
        data = self.cleaned_data
        needs = []
        for number in range(1, NEEDS_IN_AN_EXAMPLE + 1):
            prefix = f"need_{number}"
            area = data.get(f"{prefix}_area")
            if not area:
                continue
            need: dict[str, Any] = {
                "id": f"need-{number}",
                "person": areas.CHILD,
                "area": area,
                "description": data.get(f"{prefix}_description", "").strip(),
                "how_often": data.get(f"{prefix}_how_often") or "every_day",
            }
            for flag in data.get(f"{prefix}_flags") or []:
                need[flag] = True
            if data.get(f"{prefix}_fluctuates"):
                # Judged at the level of its hard days, as often as they come.
                need["fluctuates"] = True
                # With no answer about the hard days, the answer given for help stands.
                need["how_often"] = data.get(f"{prefix}_hard_days_how_often") or need["how_often"]
            same = data.get(f"{prefix}_same_age")
            if same:
                need["more_than_same_age"] = same == "yes"
            needs.append(need)
        case: dict[str, Any] = {
            "arises_from_impairment_or_illness": data["arises"],
            "significant_impact_on_wellbeing": data["impact"],
        }
        if data.get("child_age") is not None:
            case["child_age"] = data["child_age"]
        case["needs"] = needs
        return case
