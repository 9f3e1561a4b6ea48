from django.urls import path

from supportfirst.api import admin_views

app_name = "api_tokens"

urlpatterns = [
    path("api-tokens/", admin_views.token_list, name="list"),
    path("api-tokens/new/", admin_views.token_new, name="new"),
    path("api-tokens/<int:token_id>/revoke/", admin_views.token_revoke, name="revoke"),
]
