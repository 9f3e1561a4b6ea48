from django.urls import path

from supportfirst.api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("requests/<int:request_id>", views.request_detail, name="request"),
    path("requests/<int:request_id>/moves", views.request_move, name="request_moves"),
]
