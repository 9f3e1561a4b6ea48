from django.urls import URLPattern

app_name = "family_asking"

urlpatterns: list[URLPattern] = []
