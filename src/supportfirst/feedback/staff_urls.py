from django.urls import path

from supportfirst.feedback import views

app_name = "feedback"

urlpatterns = [
    path("feedback/", views.results, name="results"),
]
