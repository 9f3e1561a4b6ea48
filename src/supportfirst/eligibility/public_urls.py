from django.urls import path

from supportfirst.eligibility import public_views as views

app_name = "public_eligibility"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:criteria_slug>/", views.criteria, name="criteria"),
    path(
        "<slug:criteria_slug>/<str:criteria_version>/",
        views.criteria_version,
        name="version",
    ),
]
