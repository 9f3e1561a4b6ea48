"""What every form page shares (kernel.formsupport): the date input with plain English for a
date that does not exist, the GOV.UK layout, and the form-and-move shape."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory

from supportfirst.kernel.formsupport import (
    FREE_TEXT_MAX,
    ONE_LINE_MAX,
    IllegalMove,
    MoveRefused,
    RealDateField,
    TooLong,
    button_move,
    form_page,
    gds_helper,
    limit_text,
    submitted,
)

PAGE = "move_page.html"


class NameForm(forms.Form):
    name = forms.CharField(error_messages={"required": "Enter a name"})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("name", button="Save the name")


@pytest.fixture
def page_template(settings):
    engine = settings.TEMPLATES[0]
    options = {key: value for key, value in engine["OPTIONS"].items() if key != "loaders"}
    options["loaders"] = [
        (
            "django.template.loaders.locmem.Loader",
            {PAGE: '{% include "includes/error_summary.html" %}<p>{{ where }}</p>'},
        ),
        "django.template.loaders.filesystem.Loader",
        "django.template.loaders.app_directories.Loader",
    ]
    settings.TEMPLATES = [{**engine, "APP_DIRS": False, "OPTIONS": options}]


def _request(method: str, data: dict[str, str] | None = None):
    factory = RequestFactory()
    request = factory.post("/move", data or {}) if method == "POST" else factory.get("/move")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


class Service:
    """A stand-in service that records its calls and does what it is told."""

    def __init__(self, raises: Exception | None = None) -> None:
        self.calls: list[str] = []
        self.raises = raises

    def __call__(self, name: str) -> str:
        self.calls.append(name)
        if self.raises is not None:
            raise self.raises
        return name.upper()


def _page(request, service: Service):
    form = NameForm(submitted(request))
    return form_page(
        request,
        form,
        PAGE,
        {"where": "The move page"},
        on_valid=lambda: service(form.cleaned_data["name"]),
        success=lambda result: (f"Saved {result}.", "/done"),
        back_url="/back",
        back_text="Go back to the record",
    )


@pytest.mark.django_db
def test_a_valid_form_calls_the_service_and_redirects_with_its_message(page_template):
    request = _request("POST", {"name": "ada"})
    service = Service()
    response = _page(request, service)
    assert service.calls == ["ada"]
    assert response.status_code == 302
    assert response["Location"] == "/done"
    assert [str(m) for m in get_messages(request)] == ["Saved ADA."]


@pytest.mark.django_db
def test_a_move_that_cannot_be_made_now_is_the_409_page(page_template):
    request = _request("POST", {"name": "ada"})
    response = _page(request, Service(raises=IllegalMove("Someone else changed it.")))
    assert response.status_code == 409
    content = response.content.decode()
    assert "Someone else changed it." in content
    assert 'href="/back"' in content
    assert "Go back to the record" in content
    assert list(get_messages(request)) == []


@pytest.mark.django_db
def test_a_refused_move_is_a_400_with_its_reason_in_the_error_summary(page_template):
    request = _request("POST", {"name": "ada"})
    response = _page(request, Service(raises=MoveRefused(["The plan has no outcomes yet."])))
    assert response.status_code == 400
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "The plan has no outcomes yet." in content
    assert "The move page" in content
    assert list(get_messages(request)) == []


@pytest.mark.django_db
def test_a_form_with_errors_is_a_400_and_nothing_is_called(page_template):
    request = _request("POST", {"name": ""})
    service = Service()
    response = _page(request, service)
    assert response.status_code == 400
    assert service.calls == []
    assert "Enter a name" in response.content.decode()


@pytest.mark.django_db
def test_a_form_not_yet_sent_is_shown_with_200_and_nothing_is_called(page_template):
    service = Service()
    response = _page(_request("GET"), service)
    assert response.status_code == 200
    assert service.calls == []
    assert "govuk-error-summary" not in response.content.decode()


@pytest.mark.django_db
def test_a_refused_button_shows_the_page_the_view_chooses_with_the_reasons(page_template):
    request = _request("POST")
    response = button_move(
        request,
        lambda: Service(raises=MoveRefused(["Add a service first."]))("plan"),
        success=lambda result: ("Done.", "/done"),
        refused=lambda reasons: _refused_page(reasons),
    )
    assert response.status_code == 400
    assert response.content.decode() == "Add a service first."


def _refused_page(reasons: list[str]) -> HttpResponse:
    return HttpResponse(" ".join(reasons), status=400)


def test_the_gds_layout_ends_with_one_button_that_cannot_be_pressed_twice():
    helper = gds_helper("name", button="Save the name", name="save")
    assert helper.form_tag is False
    assert helper.disable_csrf is True
    *fields, button = helper.layout.fields
    assert fields == ["name"]
    assert button.name == "save"
    assert button.value == "Save the name"
    assert 'data-prevent-double-click="true"' in button.flat_attrs


def test_the_gds_layout_without_fields_or_button_draws_every_field():
    assert gds_helper().layout is None


class OneDate(forms.Form):
    when = RealDateField(label="When")


def _errors(day: str, month: str, year: str) -> list[str]:
    form = OneDate({"when_0": day, "when_1": month, "when_2": year})
    assert not form.is_valid()
    return form.errors["when"]


@pytest.mark.parametrize(("day", "month"), [("31", "11"), ("30", "2"), ("0", "5"), ("1", "13")])
def test_a_date_that_does_not_exist_gets_a_plain_message(day, month):
    errors = _errors(day, month, "2026")
    assert errors == ["Enter a date that exists, like 27 3 2026 (the day, the month, the year)"]
    assert "out of range" not in " ".join(errors)


def test_a_short_year_is_explained():
    assert _errors("1", "2", "26") == ["Enter the year as 4 numbers, like 2026"]


def test_letters_instead_of_numbers_are_explained():
    assert "The month must be a number" in _errors("1", "May", "2026")


def test_a_real_date_is_a_date():
    form = OneDate({"when_0": "29", "when_1": "2", "when_2": "2028"})
    assert form.is_valid()
    assert form.cleaned_data["when"] == date(2028, 2, 29)


# Long input: every text field has a maximum, shown with the GOV.UK character count and
# enforced with a clear message that keeps what was typed.


class StoryForm(forms.Form):
    """A box of free text and a one-line answer, neither with a maximum of its own."""

    name = forms.CharField(label="Name")
    story = forms.CharField(label="Your story", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("name", "story", button="Save")


def _draw(form) -> str:
    from crispy_forms.utils import render_crispy_form

    return render_crispy_form(form, form.helper)


def test_every_text_field_of_every_form_in_the_service_has_a_maximum():
    from supportfirst.kernel.apps import service_form_classes

    classes = service_form_classes()
    assert len(classes) > 40
    missing = [
        f"{c.__module__}.{c.__qualname__}.{name}"
        for c in classes
        for name, field in c.base_fields.items()
        if isinstance(field, forms.CharField)
        and not isinstance(field.widget, forms.PasswordInput | forms.HiddenInput)
        and not any(isinstance(v, TooLong) for v in field.validators)
    ]
    assert not missing, missing


def test_a_box_of_text_is_drawn_as_a_character_count():
    form = StoryForm()
    limit_text(form.fields)
    page = _draw(form)
    assert 'data-module="govuk-character-count"' in page
    assert f'data-maxlength="{FREE_TEXT_MAX}"' in page
    assert 'aria-describedby="id_story-info"' in page
    assert page.count("govuk-character-count__message") == 1


def test_a_box_without_a_hint_named_in_a_field_object_is_counted_without_a_key_error():
    """crispy-forms-gds raised KeyError for a counted box with no hint (the enquiry outcome)."""
    from supportfirst.pathway.enquiry_forms import OUTCOME_REASON_MAX, EnquiryOutcomeForm

    page = _draw(EnquiryOutcomeForm())
    assert f'data-maxlength="{OUTCOME_REASON_MAX}"' in page
    assert "id_outcome_reason-info" in page


def test_text_longer_than_the_maximum_is_refused_with_a_message_keeping_what_was_typed():
    typed = "x" * (FREE_TEXT_MAX + 1)
    form = StoryForm(data={"name": "Claire", "story": typed})
    limit_text(form.fields)
    assert not form.is_valid()
    assert form.errors["story"] == [
        f"Your story must be {FREE_TEXT_MAX:,} characters or fewer. You have typed "
        f"{FREE_TEXT_MAX + 1:,}: make it shorter and try again."
    ]
    assert typed in _draw(form)


def test_a_long_name_is_refused_at_the_one_line_maximum():
    form = StoryForm(data={"name": "n" * (ONE_LINE_MAX + 1), "story": "Hello"})
    limit_text(form.fields)
    assert not form.is_valid()
    assert "Name must be 200 characters or fewer" in form.errors["name"][0]
    ok = StoryForm(data={"name": "n" * ONE_LINE_MAX, "story": "s" * FREE_TEXT_MAX})
    limit_text(ok.fields)
    assert ok.is_valid()


def test_a_forms_own_maximum_and_message_are_kept():
    from supportfirst.pathway.enquiry_forms import OUTCOME_REASON_MAX, EnquiryOutcomeForm

    form = EnquiryOutcomeForm(
        data={"outcome": "no_cause", "outcome_reason": "y" * (OUTCOME_REASON_MAX + 1)}
    )
    assert not form.is_valid()
    assert form.errors["outcome_reason"] == [
        f"Write what the enquiries found in {OUTCOME_REASON_MAX:,} characters or fewer"
    ]
