from django.urls import path

from supportfirst.transition import family_views

app_name = "family_transition"

urlpatterns = [
    path("children/<int:child_id>/growing-up/", family_views.growing_up, name="growing_up"),
]
