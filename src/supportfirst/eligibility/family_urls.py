from django.urls import path

from supportfirst.eligibility import family_views as views

app_name = "family_eligibility"

urlpatterns = [
    path("eligibility/", views.decision_list, name="list"),
    path("eligibility/<int:decision_id>/", views.decision_detail, name="decision"),
]
