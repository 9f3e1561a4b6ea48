from django.urls import URLPattern

app_name = "family_letters"

urlpatterns: list[URLPattern] = []
