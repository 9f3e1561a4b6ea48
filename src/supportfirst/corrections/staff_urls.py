from django.urls import URLPattern

app_name = "corrections"

urlpatterns: list[URLPattern] = []
