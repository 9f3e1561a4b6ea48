from django.urls import URLPattern

app_name = "family_plans"

urlpatterns: list[URLPattern] = []
