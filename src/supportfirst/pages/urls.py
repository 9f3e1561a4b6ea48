from django.urls import path

from supportfirst.pages import views

app_name = "pages"

urlpatterns = [
    path("", views.start, name="start"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("home/", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
]
