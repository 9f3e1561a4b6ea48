from django.urls import path

from supportfirst.figures import views

app_name = "figures"

urlpatterns = [
    path("forum-figures/", views.figures_page, name="page"),
    path("forum-figures/download/", views.download, name="download"),
]
