from django.urls import path

from supportfirst.eligibility import public_views as views
from supportfirst.eligibility import statement_views

app_name = "public_eligibility"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:criteria_slug>/", views.criteria, name="criteria"),
    path(
        "<slug:criteria_slug>/short-breaks/",
        statement_views.public_statement,
        name="short_breaks",
    ),
    path(
        "<slug:criteria_slug>/<str:criteria_version>/",
        views.criteria_version,
        name="version",
    ),
]
