from django.urls import path

from supportfirst.pathway import allocation_views, views

app_name = "pathway"

urlpatterns = [
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
    path("requests/<int:request_id>/contacts/new/", views.contact_new, name="contact_new"),
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
