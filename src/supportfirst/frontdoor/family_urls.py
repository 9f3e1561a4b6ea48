from django.urls import path

from supportfirst.frontdoor import family

app_name = "family"

urlpatterns = [
    path("", family.family_home, name="home"),
    path("children/<int:child_id>/", family.family_child, name="child"),
    path("who-has-looked/", family.family_access_log, name="access_log"),
    path("requests/", family.request_list, name="requests"),
    path("requests/<int:request_id>/", family.request_detail, name="request"),
    path("contacts/<int:contact_id>/your-view/", family.contact_view, name="contact_view"),
]
