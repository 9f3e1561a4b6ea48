from django.urls import path

from supportfirst.frontdoor import staff_work

app_name = "frontdoor"

urlpatterns = [
    path("my-work/", staff_work.my_work, name="my_work"),
    path("team/", staff_work.team, name="team"),
]
