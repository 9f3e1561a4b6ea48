from django.urls import path

from supportfirst.subject_access import views

app_name = "subject_access"

urlpatterns = [
    path("families/<int:family_id>/withholding/", views.withholding, name="withholding"),
    path("downloads/", views.downloads, name="downloads"),
]
