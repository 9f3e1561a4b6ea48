"""Forms for support plan pages, in the GOV.UK style (crispy-forms-gds). Labels use the child's
name, never "the child"."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from crispy_forms_gds.layout import Field, Fixed, Fluid, Size
from django import forms

from supportfirst.kernel.formsupport import RealDateField, gds_helper
from supportfirst.plans.catalogue import OTHER, NotMet, ServiceChoice
from supportfirst.plans.models import (
    Arrangement,
    Charging,
    CostPeriod,
    DirectPaymentChoice,
    DirectPaymentConditions,
    DirectPaymentWish,
)
from supportfirst.plans.services import DetailsInput, ReviewInput, ServiceInput
from supportfirst.rules import shortbreaks


class DetailsForm(forms.Form):
    starts_on = RealDateField(label="When does the plan start?")
    review_due_on = RealDateField(
        label="When will the plan be reviewed?",
        help_text="We suggest a date from the council's usual time between reviews.",
    )
    direct_payment_choice = forms.ChoiceField(
        label="What did the family choose?",
        choices=[c for c in DirectPaymentChoice.choices if c[0]],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the family chose about direct payments"},
    )
    direct_payment_words = forms.CharField(
        label="What the family said about it, in their words (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    charging = forms.ChoiceField(
        label="Who pays for the support?",
        help_text="Most families pay nothing. A charge needs a decision under the Children Act "
        "1989, section 29, and a family on certain means-tested benefits cannot be charged.",
        choices=Charging.choices,
        initial=Charging.NO_CHARGE,
        widget=forms.RadioSelect,
        error_messages={"required": "Select who pays for the support"},
    )
    charge_amount = forms.DecimalField(
        label="The charge in pounds (if charged)",
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        required=False,
        error_messages={"invalid": "Enter the charge as a number, for example 10.00"},
    )
    charge_period = forms.ChoiceField(
        label="The charge is for (if charged)",
        choices=[
            ("", "Choose a period"),
            *[(v, f"Per {v}") for v in ("week", "month", "year")],
            ("once", "Once only"),
        ],
        required=False,
    )
    charge_reason = forms.CharField(
        label="The charging decision (if charged)",
        help_text="Why the family is charged and how the amount was worked out. The family "
        "will read this.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("starts_on"),
            Field("review_due_on"),
            Field.radios("direct_payment_choice", legend_size=Size.SMALL),
            Field.textarea("direct_payment_words"),
            Field.radios("charging", legend_size=Size.SMALL),
            Field.text("charge_amount", field_width=Fixed.TEN),
            Field.select("charge_period"),
            Field.textarea("charge_reason", rows=4),
            button="Save",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, review = data.get("starts_on"), data.get("review_due_on")
        if start and review and review <= start:
            self.add_error(
                "review_due_on", "The review date must be after the date the plan starts"
            )
        if data.get("charging") == Charging.CHARGED:
            amount = data.get("charge_amount")
            if amount is None or amount <= 0:
                self.add_error("charge_amount", "Enter the charge in pounds, more than £0")
            if not data.get("charge_period"):
                self.add_error("charge_period", "Select what period the charge is for")
            if not str(data.get("charge_reason", "")).strip():
                self.add_error("charge_reason", "Write the charging decision")
        return data

    def to_input(self) -> DetailsInput:
        data = self.cleaned_data
        return DetailsInput(
            starts_on=data["starts_on"],
            review_due_on=data["review_due_on"],
            direct_payment_choice=data["direct_payment_choice"],
            direct_payment_words=data.get("direct_payment_words", ""),
            charging=data.get("charging") or Charging.NO_CHARGE,
            charge_amount=data.get("charge_amount"),
            charge_period=data.get("charge_period", ""),
            charge_reason=data.get("charge_reason", ""),
        )


class OutcomeForm(forms.Form):
    text = forms.CharField(
        label="The outcome, in the family's own words",
        help_text="Write it as they said it, for example “We want Sam to go swimming with "
        "friends on Saturdays”.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": "Enter the outcome in the family's own words"},
    )
    said_by = forms.CharField(
        label="Who said it",
        help_text="Their name and who they are, for example “Claire Hughes (Mum)”.",
        max_length=200,
        error_messages={"required": "Enter who said it"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("text"),
            Field.text("said_by", field_width=Fluid.TWO_THIRDS),
            button="Add the outcome",
        )


class ServiceForm(forms.Form):
    code = forms.ChoiceField(
        label="What type of service?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of service"},
    )
    other_name = forms.CharField(label="Name of the service", max_length=200, required=False)
    other_legal_basis = forms.CharField(
        label="The law it is given under",
        help_text="For example “Children Act 1989, section 17(1)”.",
        max_length=500,
        required=False,
    )
    provider = forms.CharField(
        label="Who provides it",
        max_length=200,
        widget=forms.TextInput(attrs={"data-wording-check": ""}),
        error_messages={"required": "Enter who provides it"},
    )
    amount = forms.CharField(
        label="How much",
        help_text="For example “6 hours” or “1 overnight stay”.",
        max_length=120,
        error_messages={"required": "Enter how much"},
    )
    frequency = forms.CharField(
        label="How often",
        help_text="For example “every week” or “once a month”.",
        max_length=120,
        error_messages={"required": "Enter how often"},
    )
    start_on = RealDateField(label="When it starts")
    cost = forms.DecimalField(
        label="Cost in pounds",
        help_text="For example 120.50",
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        error_messages={
            "required": "Enter the cost in pounds, for example 120.50",
            "invalid": "Enter the cost as a number, for example 120.50",
            "min_value": "The cost cannot be less than £0",
            "max_decimal_places": "Enter the cost in pounds and pence, for example 120.50",
            "max_digits": "Enter a cost less than £10,000,000",
        },
    )
    cost_period = forms.ChoiceField(
        label="The cost is for",
        choices=[
            (v, f"{v.capitalize()}" if v == "once" else f"Per {v}") for v in CostPeriod.values
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what period the cost is for"},
    )
    route = forms.ChoiceField(
        label="If it is a short break for the child: its legal route",
        help_text="A short break is given under one route. An overnight stay under section "
        "20(4) makes the child looked after during each stay: the family will be told.",
        choices=[
            ("", "Not a short break"),
            *[(r.code, r.label) for r in shortbreaks.ROUTES.values()],
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    dp_wish = forms.ChoiceField(
        label="Direct payment: what did the family say? (offer it for every service)",
        choices=[(v, label) for v, label in DirectPaymentWish.choices if v],
        widget=forms.RadioSelect,
        required=False,
    )
    dp_conditions = forms.ChoiceField(
        label="If they want one: are the conditions met?",
        help_text="The family consents; the council is satisfied the need can be met this way "
        "and the child's welfare will be safeguarded and promoted; nothing in the Direct "
        "Payments Regulations 2009 rules it out.",
        choices=[(v, label) for v, label in DirectPaymentConditions.choices if v],
        widget=forms.RadioSelect,
        required=False,
    )
    dp_reason = forms.CharField(
        label="If the conditions are not met: why",
        help_text="The family will read this.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    dp_amount = forms.DecimalField(
        label="The direct payment in pounds, for the same period as the cost (if different)",
        help_text="Leave empty when it is the same as the cost.",
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        required=False,
        error_messages={
            "invalid": "Enter the direct payment as a number, for example 90.00",
            "min_value": "The direct payment cannot be less than £0",
        },
    )
    arrangement = forms.ChoiceField(
        label="How is it arranged?",
        choices=Arrangement.choices,
        initial=Arrangement.COUNCIL,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how it is arranged"},
    )
    not_met_reason = forms.CharField(
        label="If the decision said this service is not met: your professional reason for "
        "adding it",
        help_text="Only for a service the eligibility decision said no to. The family and "
        "other staff will read this.",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 3}),
        max_length=2000,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        choices: list[ServiceChoice],
        not_met: NotMet | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.service_choices = choices
        self.not_met = not_met or NotMet()
        code = cast(forms.ChoiceField, self.fields["code"])
        code.choices = [(c.code, c.label) for c in choices] + [
            (OTHER, "Another service (write in its name and the law)")
        ]
        cast(forms.ChoiceField, self.fields["cost_period"]).choices = [
            ("week", "Per week"),
            ("month", "Per month"),
            ("year", "Per year"),
            ("once", "Once only"),
        ]
        self.helper = gds_helper(
            Field.radios("code", legend_size=Size.SMALL),
            Field.text("other_name", field_width=Fluid.TWO_THIRDS),
            Field.text("other_legal_basis", field_width=Fluid.TWO_THIRDS),
            Field.text("provider", field_width=Fluid.TWO_THIRDS),
            Field.text("amount", field_width=Fixed.TWENTY),
            Field.text("frequency", field_width=Fixed.TWENTY),
            Field("start_on"),
            Field.text("cost", field_width=Fixed.TEN),
            Field.radios("cost_period", legend_size=Size.SMALL, inline=True),
            Field.radios("route", legend_size=Size.SMALL),
            Field.radios("dp_wish", legend_size=Size.SMALL),
            Field.radios("dp_conditions", legend_size=Size.SMALL),
            Field.textarea("dp_reason", rows=3),
            Field.text("dp_amount", field_width=Fixed.TEN),
            Field.radios("arrangement", legend_size=Size.SMALL),
            Field.textarea("not_met_reason"),
            button="Add the service",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("code") == OTHER:
            if not data.get("other_name", "").strip():
                self.add_error("other_name", "Enter the name of the service")
            if not data.get("other_legal_basis", "").strip():
                self.add_error("other_legal_basis", "Enter the law the service is given under")
        code = data.get("code", "")
        if code == OTHER:
            name = data.get("other_name", "")
            code = ""
        else:
            name = next((c.name for c in self.service_choices if c.code == code), "")
        if (
            name
            and self.not_met.covers(code=code, name=name)
            and not data.get("not_met_reason", "").strip()
        ):
            self.add_error(
                "not_met_reason",
                f"The decision said “{name}” is not met. Enter your professional reason for "
                "adding it",
            )
        self._check_route(data, code)
        self._check_direct_payment(data)
        return data

    def _check_route(self, data: dict[str, Any], code: str) -> None:
        if data.get("route") or data.get("code") is None:
            return
        if data.get("code") == OTHER:
            basis, for_carer = data.get("other_legal_basis", ""), False
        else:
            found = next((c for c in self.service_choices if c.code == code), None)
            if found is None:
                return
            basis, for_carer = found.legal_basis, found.for_carer
        if shortbreaks.needs_route(basis, for_carer=for_carer):
            self.add_error("route", "This is a short break: choose its legal route")

    def _check_direct_payment(self, data: dict[str, Any]) -> None:
        wants = data.get("dp_wish") == DirectPaymentWish.WANTS
        conditions = data.get("dp_conditions", "")
        if wants and not conditions:
            self.add_error(
                "dp_conditions", "Select whether the conditions for a direct payment are met"
            )
        if (
            wants
            and conditions == DirectPaymentConditions.NOT_MET
            and not str(data.get("dp_reason", "")).strip()
        ):
            self.add_error("dp_reason", "Write why a direct payment cannot be made")
        direct = data.get("arrangement") == Arrangement.DIRECT_PAYMENT
        ready = wants and conditions == DirectPaymentConditions.MET
        if direct and not ready:
            self.add_error(
                "arrangement",
                "Choose “Paid for by direct payment” only when the family wants one and the "
                "conditions are met",
            )
        if ready and data.get("arrangement") == Arrangement.COUNCIL:
            self.add_error(
                "arrangement",
                "The family wants a direct payment and the conditions are met: choose “Paid "
                "for by direct payment”",
            )

    def to_input(self) -> ServiceInput:
        data = self.cleaned_data
        return ServiceInput(
            code=data["code"],
            provider=data["provider"],
            amount=data["amount"],
            frequency=data["frequency"],
            start_on=data["start_on"],
            cost=data["cost"],
            cost_period=data["cost_period"],
            arrangement=data["arrangement"],
            other_name=data.get("other_name", ""),
            other_legal_basis=data.get("other_legal_basis", ""),
            not_met_reason=data.get("not_met_reason", ""),
            route=data.get("route", ""),
            dp_wish=data.get("dp_wish", ""),
            dp_conditions=data.get("dp_conditions", ""),
            dp_reason=data.get("dp_reason", ""),
            dp_amount=data.get("dp_amount"),
        )


class RemoveForm(forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)


class ReviewForm(forms.Form):
    reviewed_on = RealDateField(label="Date of the review")
    what_changed = forms.CharField(
        label="What has changed",
        widget=forms.Textarea(attrs={"data-wording-check": "", "rows": 5}),
        max_length=10000,
        error_messages={"required": "Enter what has changed"},
    )
    family_view = forms.CharField(
        label="The family's view, in their words",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        error_messages={"required": "Enter the family's view, in their words"},
    )
    next_review_on = RealDateField(label="Date of the next review")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field("reviewed_on"),
            Field.textarea("what_changed"),
            Field.textarea("family_view"),
            Field("next_review_on"),
            button="Save the review",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        done, nxt = data.get("reviewed_on"), data.get("next_review_on")
        if done and nxt and nxt <= done:
            self.add_error(
                "next_review_on", "The next review date must be after the date of this review"
            )
        return data

    def to_input(self) -> ReviewInput:
        data = self.cleaned_data
        return ReviewInput(
            reviewed_on=data["reviewed_on"],
            what_changed=data["what_changed"],
            family_view=data["family_view"],
            next_review_on=data["next_review_on"],
        )


class RespondForm(forms.Form):
    """The family's answer to a shared plan."""

    answer = forms.ChoiceField(
        label="Do you agree with this plan?",
        choices=[("agree", "Yes, I agree with the plan"), ("disagree", "No, I disagree")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you agree with the plan"},
    )
    words = forms.CharField(
        label="Tell us why, in your own words",
        help_text="If you disagree, tell us what you disagree with and what you would like "
        "instead. If you agree, you can add anything you want us to know.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=10000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("answer", legend_size=Size.MEDIUM),
            Field.textarea("words"),
            button="Send your answer",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == "disagree" and not data.get("words", "").strip():
            self.add_error("words", "Tell us what you disagree with, in your own words")
        return data


class AskReviewForm(forms.Form):
    what_changed = forms.CharField(
        label="What has changed?",
        help_text="Tell us in your own words what is different now and what you need.",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": "Tell us what has changed"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("what_changed"), button="Ask for a review")


class ServiceStartedForm(forms.Form):
    """When a service in an agreed plan actually started."""

    service = forms.TypedChoiceField(
        label="Which service started?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the service that started",
            "invalid_choice": "Select a service from this plan",
        },
    )
    started_on = RealDateField(
        label="Support started on", help_text="For example, 27 3 2027. Not a date in the future."
    )

    def __init__(self, *args: Any, services: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["service"]).choices = [
            (s.pk, f"{s.name}, {s.provider}") for s in services
        ]
        self.helper = gds_helper(
            Field.radios("service", legend_size=Size.MEDIUM),
            Field("started_on"),
            button="Save when it started",
        )
