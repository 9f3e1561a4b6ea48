from django.urls import path

from supportfirst.training import views

app_name = "training"

urlpatterns = [
    path("training/", views.training, name="training"),
]
