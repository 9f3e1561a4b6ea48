"""Letters: preparing, reading ease, words to check, sending, the family's pages, the PDF."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from supportfirst.audit.models import AccessEvent, Action
from supportfirst.councils.models import Role
from supportfirst.kernel.workflow import IllegalMove, MoveRefused
from supportfirst.letters import rendering, services
from supportfirst.letters.models import Letter, LetterStatus
from tests.accounts.factories import family_user, staff_user
from tests.conftest import signed_in_client
from tests.letters.factories import actor_for
from tests.letters.world import make_world
from tests.lost_updates import second_save


@pytest.fixture
def world(db):
    return make_world()


def prepare(world, kind="support_plan", **kwargs):
    return services.letter_prepare(
        actor=actor_for(world.worker),
        family=world.family,
        kind=kind,
        source=world.source(kind),
        **kwargs,
    )


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_eligibility_letter_pdf_has_the_reasons_the_law_and_the_complaint_route(world):
    letter = prepare(world, "eligibility_decision")
    text = pdf_text(letter.pdf_bytes())
    assert "Sam cannot do this without help, every day." in text
    assert "No need for a holiday was found in the assessment." in text
    assert "Chronically Sick and Disabled Persons Act 1970, section 2(1)(a)" in text
    assert "Local Government and Social Care Ombudsman" in text
    assert "0300 061 0614" in text
    assert "make a complaint" in text


@pytest.mark.parametrize("variant", ["standard", "large_print", "easy_read"])
def test_the_pdf_is_tagged_with_its_language_and_title(world, variant):
    data = prepare(world, variant=variant).pdf_bytes()
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]).startswith("en")
    assert reader.metadata.title == "Your support plan: Sam"
    assert root["/MarkInfo"]["/Marked"]


def test_large_print_uses_bigger_type_on_the_web_and_in_the_pdf(world):
    standard = prepare(world).render_html()
    large = prepare(world, variant="large_print").render_html()
    assert "govuk-!-font-size-27" in large
    assert "govuk-!-font-size-27" not in standard
    assert ".sf-letter--large_print { font-size: 18pt; }" in rendering.PDF_CSS
    assert "sf-letter--large_print" in large


def test_easy_read_has_its_own_shorter_text(world):
    standard = rendering.plain_text(prepare(world).render_html())
    easy = rendering.plain_text(prepare(world, variant="easy_read").render_html())
    assert "This is called a direct payment." in easy
    assert "This is called a direct payment." not in standard


def test_every_decision_letter_says_how_to_ask_for_a_review_and_complain(world):
    for kind in ("next_step_decision", "eligibility_decision", "support_plan", "plan_review"):
        for variant in ("standard", "easy_read"):
            text = rendering.plain_text(prepare(world, kind, variant=variant).render_html())
            assert "Local Government and Social Care Ombudsman" in text, (kind, variant)
            assert "complaint" in text, (kind, variant)
            look_again = {
                "standard": "You can ask us to look at this decision again.",
                "easy_read": "You can ask us to look again.",
            }[variant]
            assert look_again in text, (kind, variant)


def test_a_safeguarding_decision_gets_no_letter_here(world):
    world.next_step.pathway = "safeguarding"
    with pytest.raises(MoveRefused):
        prepare(world, "next_step_decision")


def test_a_draft_plan_gets_no_letter(world):
    world.plan.status = "draft"
    with pytest.raises(MoveRefused):
        prepare(world, "support_plan")


def test_a_record_of_another_family_is_refused(world):
    other = make_world("Southshire Council", "202")
    with pytest.raises(MoveRefused):
        services.letter_prepare(
            actor=actor_for(world.worker),
            family=world.family,
            kind="support_plan",
            source=other.plan,
        )


def test_a_complaint_answer_needs_the_answer_written(world):
    letter = prepare(world, "complaint_response")
    with pytest.raises(MoveRefused, match="answer"):
        services.letter_send(actor=actor_for(world.worker), letter=letter)
    services.letter_update(actor=actor_for(world.worker), letter=letter, personal_paragraph="Yes.")
    assert services.letter_send(actor=actor_for(world.worker), letter=letter)[0].is_sent


def test_sending_freezes_the_letter_and_tells_the_family(sent_at_once, world):
    letter = prepare(world, personal_paragraph="Thank you for meeting me on Monday.")
    sent, _told = services.letter_send(actor=actor_for(world.worker), letter=letter)
    assert sent.status == LetterStatus.SENT
    assert sent.sent_at
    assert "Thank you for meeting me on Monday." in sent.html
    assert [m.subject for m in mail.outbox] == [
        "A letter from Northshire Council: Your support plan: Sam"
    ]
    world.plan.services.update(provider="Somebody else")
    assert Letter.objects.get(pk=sent.pk).render_html() == sent.html
    with pytest.raises(IllegalMove):
        services.letter_update(actor=actor_for(world.worker), letter=sent, personal_paragraph="x")
    with pytest.raises(IllegalMove):
        services.letter_send(actor=actor_for(world.worker), letter=sent)


def test_sar_files_give_the_pdf_of_a_sent_letter_only(world):
    letter = prepare(world)
    assert letter.sar_files() == []
    sent, _told = services.letter_send(actor=actor_for(world.worker), letter=letter)
    [(name, data)] = sent.sar_files()
    assert name.endswith(".pdf")
    assert data.startswith(b"%PDF")


def test_staff_see_the_reading_ease_and_a_plain_warning_below_target(world):
    client = signed_in_client(world.worker)
    letter = prepare(world)
    page = client.get(reverse("letters:letter", kwargs={"letter_id": letter.pk}))
    assert page.status_code == 200
    assert f"Reading ease {letter.reading_ease:.0f} out of 100" in page.content.decode()
    assert "The council's target is 60 or more." in page.content.decode()
    assert "harder to read than the council's target" not in page.content.decode()
    world.family.council.letter_reading_ease_target = 100
    world.family.council.save()
    page = client.get(reverse("letters:letter", kwargs={"letter_id": letter.pk}))
    assert "harder to read than the council's target" in page.content.decode()


def test_letters_meet_the_default_reading_ease_target(world):
    for kind in ("request_acknowledgement", "next_step_decision", "support_plan"):
        assert prepare(world, kind, variant="easy_read").reading_ease >= 60, kind
        assert prepare(world, kind).reading_ease >= 50, kind


def test_staff_see_words_to_check_in_the_personal_paragraph(world):
    client = signed_in_client(world.worker)
    letter = prepare(world, personal_paragraph="Mum refused to meet at the office.")
    page = client.get(reverse("letters:letter", kwargs={"letter_id": letter.pk}))
    assert "Words to check" in page.content.decode()


def test_staff_prepare_a_letter_from_its_record(world):
    client = signed_in_client(world.worker)
    url = reverse("letters:new") + f"?kind=support_plan&source={world.plan.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, {"variant": "large_print", "personal_paragraph": "Hello."})
    letter = Letter.objects.get(family=world.family)
    assert response.status_code == 302
    assert response["Location"] == reverse("letters:letter", kwargs={"letter_id": letter.pk})
    assert (letter.variant, letter.personal_paragraph, letter.status) == (
        "large_print",
        "Hello.",
        "draft",
    )
    send = reverse("letters:send", kwargs={"letter_id": letter.pk})
    assert client.post(send).status_code == 302
    assert client.post(send).status_code == 409


def test_bad_input_on_the_new_letter_page(world):
    client = signed_in_client(world.worker)
    assert client.get(reverse("letters:new")).status_code == 400
    assert client.get(reverse("letters:new") + "?kind=nonsense&source=1").status_code == 400
    assert client.get(reverse("letters:new") + "?kind=support_plan&source=x").status_code == 400
    missing = reverse("letters:new") + "?kind=support_plan&source=999999"
    assert client.get(missing).status_code == 404
    url = reverse("letters:new") + f"?kind=support_plan&source={world.plan.pk}"
    response = client.post(url, {"variant": "gigantic", "personal_paragraph": "Kept words"})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert "Kept words" in response.content.decode()
    assert not Letter.objects.exists()


def test_another_councils_record_cannot_be_written_about(world):
    other = make_world("Southshire Council", "202")
    client = signed_in_client(world.worker)
    url = reverse("letters:new") + f"?kind=support_plan&source={other.plan.pk}"
    assert client.get(url).status_code == 404


def test_the_family_reads_sent_letters_only_as_html_and_pdf(world):
    parent = family_user(world.family)
    client = signed_in_client(parent)
    draft = prepare(world)
    sent, _told = services.letter_send(actor=actor_for(world.worker), letter=prepare(world))
    listing = client.get(reverse("family_letters:list")).content.decode()
    assert reverse("family_letters:letter", kwargs={"letter_id": sent.pk}) in listing
    assert reverse("family_letters:letter", kwargs={"letter_id": draft.pk}) not in listing
    assert (
        client.get(reverse("family_letters:letter", kwargs={"letter_id": draft.pk})).status_code
        == 404
    )
    page = client.get(reverse("family_letters:letter", kwargs={"letter_id": sent.pk}))
    assert "Riverside Saturday Club" in page.content.decode()
    pdf = client.get(reverse("family_letters:pdf", kwargs={"letter_id": sent.pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("attachment; filename=")
    assert pdf.content.startswith(b"%PDF")
    assert "no-store" in pdf["Cache-Control"]  # never kept by the browser or a proxy
    assert "no-store" in page["Cache-Control"]
    actions = set(
        AccessEvent.objects.filter(
            record_type="letters.letter", record_id=str(sent.pk)
        ).values_list("action", flat=True)
    )
    assert {Action.VIEW, Action.DOWNLOAD} <= actions


def test_staff_download_the_pdf(world):
    client = signed_in_client(world.worker)
    letter = prepare(world)
    response = client.get(reverse("letters:pdf", kwargs={"letter_id": letter.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]


def test_the_letter_lists_keep_their_query_counts_flat(world, django_assert_max_num_queries):
    parent = family_user(world.family)
    for _ in range(3):
        sent, _ = services.letter_send(actor=actor_for(world.worker), letter=prepare(world))
    staff, family = signed_in_client(world.worker), signed_in_client(parent)

    def lists_show(sent) -> None:
        with django_assert_max_num_queries(12):
            staff_list = staff.get(reverse("letters:list"))
        with django_assert_max_num_queries(10):
            family_list = family.get(reverse("family_letters:list"))
        assert (staff_list.status_code, family_list.status_code) == (200, 200)
        assert f"/staff/letters/{sent.pk}/" in staff_list.content.decode()
        assert world.family.name in staff_list.content.decode()
        assert f"/family/letters/{sent.pk}/" in family_list.content.decode()

    lists_show(sent)
    for _ in range(10):
        sent, _ = services.letter_send(actor=actor_for(world.worker), letter=prepare(world))
    lists_show(sent)


def test_a_real_confirmed_decision_makes_a_letter_with_its_reasons_and_law(db):
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for
    from tests.families.factories import family_with_everyone

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family, confirm=True)
    worker = decision.made_by
    letter = services.letter_prepare(
        actor=actor_for(worker), family=family, kind="eligibility_decision", source=decision
    )
    text = pdf_text(letter.pdf_bytes())
    for line in decision.final_services():
        if not line.assessed:
            # Help for a carer whose needs were not in this decision is not listed as refused.
            assert line.name not in text
            continue
        assert line.name in text
        for citation in line.legal_basis_citations:
            assert " ".join(citation.split()) in text
    # The family is told truly about the carers instead (no carer was assessed here).
    assert "You can ask for a parent carer's assessment at any time" in " ".join(text.split())
    for need in decision.final_needs():
        assert " ".join(need.reason.split())[:60] in text
    assert "Local Government and Social Care Ombudsman" in text
    assert letter.source_type == "eligibility.eligibilitydecision"
    client = signed_in_client(worker)
    url = reverse("letters:new") + f"?kind=eligibility_decision&source={decision.pk}"
    assert client.get(url).status_code == 200


def test_an_unconfirmed_decision_gets_no_letter(db):
    from tests.councils.factories import CouncilFactory
    from tests.eligibility.factories import decision_for
    from tests.families.factories import family_with_everyone

    family = family_with_everyone(CouncilFactory(la_code="957"))
    decision = decision_for(family)
    with pytest.raises(MoveRefused, match="confirmed"):
        services.letter_prepare(
            actor=actor_for(decision.made_by),
            family=family,
            kind="eligibility_decision",
            source=decision,
        )


def test_a_complaint_answer_recorded_on_the_complaint_is_in_the_letter(world):
    from types import SimpleNamespace

    row = SimpleNamespace(
        response="We agree the plan should not have changed. It is back as it was.",
        outcome="upheld",
        get_outcome_display=lambda: "Upheld",
    )
    world.response.stages = SimpleNamespace(
        filter=lambda stage: SimpleNamespace(first=lambda: row if stage == 2 else None)
    )
    letter = prepare(world, "complaint_response")
    sent, _told = services.letter_send(actor=actor_for(world.worker), letter=letter)
    text = rendering.plain_text(sent.html)
    assert "We have decided that your complaint is upheld." in text
    assert "It is back as it was." in text
    assert "review panel (stage 3)" in text


def test_an_information_and_advice_decision_letter(world):
    world.next_step.pathway = "information"
    world.next_step.information_given = "The Riverside holiday club takes disabled children."
    for variant in ("standard", "easy_read"):
        letter = prepare(world, "next_step_decision", variant=variant)
        text = rendering.plain_text(letter.render_html())
        assert "The Riverside holiday club takes disabled children." in text
        assert "information and advice" in text.lower()
        assert "Ombudsman" in text


def test_a_complaint_letter_needs_a_complaint_that_is_there(world):
    client = signed_in_client(world.worker)
    url = reverse("letters:new") + "?kind=complaint_acknowledgement&source=999999"
    assert client.get(url).status_code == 404


def test_the_new_letter_page_says_when_the_record_is_not_ready(world):
    world.plan.status = "draft"
    world.plan.save()
    client = signed_in_client(world.worker)
    url = reverse("letters:new") + f"?kind=support_plan&source={world.plan.pk}"
    page = client.get(url).content.decode()
    assert "Share the plan with the family before writing the letter about it." in page
    response = client.post(url, {"variant": "standard"})
    assert response.status_code == 400
    assert not Letter.objects.exists()


def send_url(letter):
    return reverse("letters:send", kwargs={"letter_id": letter.pk})


def test_a_letter_with_words_to_check_is_not_sent_without_a_reason_for_each(world):
    from supportfirst.wording.models import WordingReason

    client = signed_in_client(world.worker)
    letter = prepare(
        world,
        personal_paragraph="Mum refused to meet. Mum refused again. Mum refused twice more.",
    )
    page = client.get(reverse("letters:letter", kwargs={"letter_id": letter.pk}))
    text = page.content.decode()
    assert text.count('<strong class="govuk-!-font-weight-bold">“refused”</strong>') == 1
    assert "used 3 times" in text
    answer = client.post(send_url(letter), {})
    assert answer.status_code == 400
    assert "govuk-error-summary" in answer.content.decode()
    assert "Give a reason for keeping “refused”" in answer.content.decode()
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.DRAFT
    assert mail.outbox == []
    [name] = [n for n in answer.context["send_form"].fields if n.startswith("reason_")]
    answer = client.post(send_url(letter), {name: "Quoting the parent's own words."})
    assert answer.status_code == 302
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.SENT
    [reason] = WordingReason.objects.filter(record_type="letters.letter", record_id=letter.pk)
    assert (reason.words, reason.reason) == ("refused", "Quoting the parent's own words.")
    page = client.get(reverse("letters:letter", kwargs={"letter_id": letter.pk}))
    assert "Quoting the parent&#x27;s own words." in page.content.decode()


def test_a_clean_letter_sends_with_one_click(world):
    client = signed_in_client(world.worker)
    letter = prepare(world, personal_paragraph="Thank you for meeting me on Monday.")
    page = client.get(reverse("letters:letter", kwargs={"letter_id": letter.pk}))
    assert not [n for n in page.context["send_form"].fields if n.startswith("reason_")]
    answer = client.post(send_url(letter), {})
    assert answer.status_code == 302
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.SENT


@pytest.mark.parametrize(
    ("stage", "said", "not_said"),
    [
        (1, "After that you can ask for stage 3: a review panel.", "after our answer at stage 3"),
        (2, "normally looks at a complaint after stage 3", "After that you can ask for stage 3"),
        (3, "after our answer at stage 3, you can ask the Local Government", "serious delay"),
    ],
)
def test_a_complaint_answer_names_the_next_stage_before_the_ombudsman(world, stage, said, not_said):
    # Stage 2, then stage 3, then the Ombudsman (issue 18 finding 5).
    world.response.stage = stage
    html = prepare(world, "complaint_response").render_html()
    text = " ".join(rendering.plain_text(html).split())
    assert said in text
    assert not_said not in text


def test_a_stage_3_acknowledgement_gives_the_panel_date_not_an_answer_date(world):
    # Stage 3: the date on the complaint is the panel meeting's; the council answers within 15
    # working days of the panel's report (Representations Regulations 2006; LAW.md).
    world.complaint.stage = 3
    html = prepare(world, "complaint_acknowledgement").render_html()
    text = " ".join(rendering.plain_text(html).split())
    assert "The review panel will meet by" in text
    assert "we answer within 15 working days of the report" in text
    assert "We will answer by" not in text
    assert "If we need longer" not in text


def test_a_second_save_of_the_paragraph_does_not_overwrite_the_first(world):
    letter = prepare(world)
    url = reverse("letters:letter", kwargs={"letter_id": letter.pk})
    colleague = signed_in_client(staff_user(world.family.council, Role.PRACTITIONER))
    page = second_save(
        signed_in_client(world.worker),
        colleague,
        url,
        {"personal_paragraph": "Thank you for meeting me on Monday."},
        {"personal_paragraph": "Thank you for meeting me on Tuesday."},
        post_url=reverse("letters:paragraph", kwargs={"letter_id": letter.pk}),
    )
    assert "Thank you for meeting me on Monday." in page
    assert "Thank you for meeting me on Tuesday." in page
    letter.refresh_from_db()
    assert letter.personal_paragraph == "Thank you for meeting me on Monday."
