from django.urls import path

from supportfirst.notifications import views

app_name = "notifications"

urlpatterns = [
    path("families/<int:family_id>/notifications/", views.family_messages, name="family"),
]
