from django.urls import URLPattern

app_name = "family_notifications"

urlpatterns: list[URLPattern] = []
