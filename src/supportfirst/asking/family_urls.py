from django.urls import path

from supportfirst.asking import family_views

app_name = "family_asking"

urlpatterns = [
    path("my-views/", family_views.my_views, name="my_views"),
]
