from django.urls import path

from supportfirst.plans import family_views as views

app_name = "family_plans"

urlpatterns = [
    path("plans/", views.plan_list, name="list"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan"),
    path("plans/<int:plan_id>/review/", views.ask_review, name="ask_review"),
]
