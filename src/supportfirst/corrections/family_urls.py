from django.urls import URLPattern

app_name = "family_corrections"

urlpatterns: list[URLPattern] = []
