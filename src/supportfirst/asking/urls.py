from django.urls import URLPattern

app_name = "asking"

urlpatterns: list[URLPattern] = []
