from django.urls import path

from supportfirst.eligibility import staff_views as views
from supportfirst.eligibility import statement_views

app_name = "eligibility"

urlpatterns = [
    path("eligibility/", views.decision_list, name="list"),
    path(
        "short-breaks-statement/",
        statement_views.edit_statement,
        name="short_breaks_statement",
    ),
    path("assessments/<int:assessment_id>/eligibility/", views.decide, name="decide"),
    path("eligibility/<int:decision_id>/", views.decision_detail, name="decision"),
    path("eligibility/<int:decision_id>/confirm/", views.confirm, name="confirm"),
    path("eligibility/<int:decision_id>/return/", views.return_decision, name="return"),
]
