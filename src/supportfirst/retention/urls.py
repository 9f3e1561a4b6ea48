from django.urls import path

from supportfirst.retention import views

app_name = "retention"

urlpatterns = [
    path("retention/", views.periods, name="periods"),
]
