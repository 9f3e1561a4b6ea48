from django.urls import path

from supportfirst.families import family_record_views, views

app_name = "family"

urlpatterns = [
    path("", views.family_home, name="home"),
    path("children/<int:child_id>/", views.family_child, name="child"),
    path("who-has-looked/", views.family_access_log, name="access_log"),
    path("requests/", family_record_views.request_list, name="requests"),
    path("requests/<int:request_id>/", family_record_views.request_detail, name="request"),
]
