from django.urls import path

from supportfirst.transition import staff_views

app_name = "transition"

urlpatterns = [
    path("children/<int:child_id>/growing-up/", staff_views.growing_up, name="growing_up"),
    path("children/<int:child_id>/growing-up/start/", staff_views.start, name="start"),
    path(
        "plans-for-adult-life/<int:transition_id>/assessment/",
        staff_views.assessment,
        name="assessment",
    ),
    path(
        "plans-for-adult-life/<int:transition_id>/own-words/",
        staff_views.own_words,
        name="own_words",
    ),
    path(
        "plans-for-adult-life/<int:transition_id>/referral/",
        staff_views.referral,
        name="referral",
    ),
    path("plans-for-adult-life/<int:transition_id>/end/", staff_views.ending, name="ending"),
    path("children/<int:child_id>/ehc-plan/", staff_views.ehc, name="ehc"),
    path("children/<int:child_id>/ehc-plan/advice/", staff_views.advice_new, name="advice_new"),
    path("ehc-advice/<int:advice_id>/", staff_views.advice, name="advice"),
    path(
        "children/<int:child_id>/ehc-plan/social-care-provision/",
        staff_views.provision,
        name="provision",
    ),
    path(
        "children/<int:child_id>/ehc-plan/social-care-provision.txt",
        staff_views.provision_text,
        name="provision_text",
    ),
]
