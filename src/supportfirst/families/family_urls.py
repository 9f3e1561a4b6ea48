from django.urls import path

from supportfirst.families import views

app_name = "family"

urlpatterns = [
    path("", views.family_home, name="home"),
    path("children/<int:child_id>/", views.family_child, name="child"),
    path("who-has-looked/", views.family_access_log, name="access_log"),
]
