from django.urls import path

from supportfirst.families import views

app_name = "staff"

urlpatterns = [
    path("", views.staff_home, name="home"),
    path("families/<int:family_id>/", views.staff_family, name="family"),
    path("children/<int:child_id>/", views.staff_child, name="child"),
]
