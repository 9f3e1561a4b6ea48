from django.urls import URLPattern

app_name = "family_eligibility"

urlpatterns: list[URLPattern] = []
