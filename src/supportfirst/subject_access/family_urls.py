from django.urls import URLPattern

app_name = "family_subject_access"

urlpatterns: list[URLPattern] = []
