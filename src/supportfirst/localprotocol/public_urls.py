from django.urls import path

from supportfirst.localprotocol import public_views as views

app_name = "public_protocol"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:council_slug>/", views.council, name="council"),
    path("<slug:council_slug>/version-<int:protocol_version>/", views.version, name="version"),
]
