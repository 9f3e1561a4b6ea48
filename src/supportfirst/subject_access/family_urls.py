from django.urls import path

from supportfirst.subject_access import views

app_name = "family_subject_access"

urlpatterns = [
    path("download/", views.family_download, name="download"),
]
