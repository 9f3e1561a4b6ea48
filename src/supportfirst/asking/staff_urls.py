from django.urls import URLPattern

app_name = "staff_asking"

urlpatterns: list[URLPattern] = []
