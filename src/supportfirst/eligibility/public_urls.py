from django.urls import URLPattern

app_name = "public_eligibility"

urlpatterns: list[URLPattern] = []
