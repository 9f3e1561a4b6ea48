from django.urls import URLPattern

app_name = "family_complaints"

urlpatterns: list[URLPattern] = []
