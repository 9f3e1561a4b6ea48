from django.urls import path

from supportfirst.notifications import views

app_name = "family_notifications"

urlpatterns = [
    path("notifications/", views.preferences, name="preferences"),
]
