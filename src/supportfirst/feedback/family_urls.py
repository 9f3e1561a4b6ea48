from django.urls import path

from supportfirst.feedback import views

app_name = "family_feedback"

urlpatterns = [
    path("feedback/<slug:feedback_stage>/", views.survey, name="survey"),
]
