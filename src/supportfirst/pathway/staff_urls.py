from django.urls import path

from supportfirst.pathway import allocation_views, views

app_name = "pathway"

urlpatterns = [
    path(
        "people/<int:person_id>/families/",
        allocation_views.worker_families,
        name="worker_families",
    ),
    path("requests/new/", views.request_new, name="request_new"),
    path(
        "families/<int:family_id>/requests/new/",
        views.request_new_for_family,
        name="request_new_for_family",
    ),
    path("requests/<int:request_id>/", views.request_detail, name="request"),
    path("requests/<int:request_id>/decision/", views.request_decide, name="decide"),
    path(
        "requests/<int:request_id>/safeguarding/",
        views.safeguarding_propose,
        name="safeguarding_propose",
    ),
    path(
        "requests/<int:request_id>/immediate-danger/",
        views.immediate_danger,
        name="immediate_danger",
    ),
    path(
        "requests/<int:request_id>/not-assessing/",
        views.not_assessing_confirm,
        name="not_assessing_confirm",
    ),
    path("requests/<int:request_id>/contacts/new/", views.contact_new, name="contact_new"),
    path("requests/<int:request_id>/contacts/plan/", views.contact_plan, name="contact_plan"),
    path("contacts/<int:contact_id>/", views.contact_detail, name="contact"),
    path("contacts/<int:contact_id>/view/", views.contact_family_view, name="contact_view"),
    path("contacts/<int:contact_id>/approve/", views.contact_approve, name="contact_approve"),
    path("contacts/<int:contact_id>/cancel/", views.contact_cancel, name="contact_cancel"),
    path("contacts/<int:contact_id>/done/", views.contact_done, name="contact_done"),
    path("requests/<int:request_id>/worker/", allocation_views.allocate, name="allocate"),
    path("requests/<int:request_id>/take/", allocation_views.take, name="take"),
    path("requests/<int:request_id>/timeline/", views.request_timeline, name="timeline"),
    path("safeguarding/<int:move_id>/", views.safeguarding_decide, name="safeguarding_decide"),
    path(
        "safeguarding/<int:move_id>/outcome/",
        views.enquiry_outcome,
        name="enquiry_outcome",
    ),
]
