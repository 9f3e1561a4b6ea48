from django.urls import URLPattern

app_name = "family_feedback"

urlpatterns: list[URLPattern] = []
