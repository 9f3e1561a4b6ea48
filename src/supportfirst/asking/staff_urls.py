from django.urls import path

from supportfirst.asking import staff_views

app_name = "staff_asking"

urlpatterns = [
    path("online-requests/", staff_views.online_requests, name="online_requests"),
    path(
        "online-requests/<int:online_request_id>/",
        staff_views.online_request,
        name="online_request",
    ),
    path(
        "online-requests/<int:online_request_id>/accept/",
        staff_views.online_request_accept,
        name="online_request_accept",
    ),
    path("families/<int:family_id>/invite/", staff_views.invite, name="invite"),
]
