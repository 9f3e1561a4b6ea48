from django.urls import path

from supportfirst.eligibility import adopt_views, statement_views
from supportfirst.eligibility import draft_views as drafts
from supportfirst.eligibility import staff_views as views

app_name = "eligibility"

urlpatterns = [
    path("eligibility/", views.decision_list, name="list"),
    path(
        "short-breaks-statement/",
        statement_views.edit_statement,
        name="short_breaks_statement",
    ),
    path("assessments/<int:assessment_id>/eligibility/", views.decide, name="decide"),
    path("eligibility/<int:decision_id>/", views.decision_detail, name="decision"),
    path("eligibility/<int:decision_id>/confirm/", views.confirm, name="confirm"),
    path("eligibility/<int:decision_id>/return/", views.return_decision, name="return"),
    path("criteria/", drafts.overview, name="criteria_drafts"),
    path("criteria/start/", drafts.start, name="criteria_start"),
    path(
        "criteria/published/<int:criteria_id>/adopt/",
        adopt_views.adopt,
        name="criteria_adopt",
    ),
    path("criteria/<int:draft_id>/", drafts.draft_page, name="criteria_draft"),
    path("criteria/<int:draft_id>/what-would-change/", drafts.impact, name="criteria_impact"),
    path("criteria/<int:draft_id>/details/", drafts.details, name="criteria_details"),
    path(
        "criteria/<int:draft_id>/criterion/<int:criterion_index>/",
        drafts.criterion,
        name="criteria_criterion",
    ),
    path(
        "criteria/<int:draft_id>/criterion/<int:criterion_index>/remove/",
        drafts.criterion_remove,
        name="criteria_criterion_remove",
    ),
    path(
        "criteria/<int:draft_id>/criterion/new/",
        drafts.criterion_add,
        name="criteria_criterion_add",
    ),
    path(
        "criteria/<int:draft_id>/service/<int:service_index>/",
        drafts.service,
        name="criteria_service",
    ),
    path(
        "criteria/<int:draft_id>/service/<int:service_index>/remove/",
        drafts.service_remove,
        name="criteria_service_remove",
    ),
    path("criteria/<int:draft_id>/service/new/", drafts.service_add, name="criteria_service_add"),
    path(
        "criteria/<int:draft_id>/example/<int:example_index>/remove/",
        drafts.example_remove,
        name="criteria_example_remove",
    ),
    path("criteria/<int:draft_id>/example/new/", drafts.example_add, name="criteria_example_add"),
    path("criteria/<int:draft_id>/sign-off/", drafts.sign_off, name="criteria_sign_off"),
    path("criteria/<int:draft_id>/publish/", drafts.publish, name="criteria_publish"),
    path(
        "criteria/comment/<int:criteria_comment_id>/answer/",
        drafts.answer,
        name="criteria_answer",
    ),
]
