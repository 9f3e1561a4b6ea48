from django.urls import path

from supportfirst.plans import staff_views as views

app_name = "plans"

urlpatterns = [
    path("plans/", views.plan_list, name="list"),
    path("requests/<int:request_id>/plans/", views.request_plans, name="request_plans"),
    path("requests/<int:request_id>/plans/start/", views.plan_start, name="start"),
    path("plans/<int:plan_id>/", views.plan_detail, name="plan"),
    path("plans/<int:plan_id>/details/", views.plan_details, name="details"),
    path("plans/<int:plan_id>/advocacy/", views.advocacy, name="advocacy"),
    path("plans/<int:plan_id>/outcomes/", views.outcome_add, name="outcome_add"),
    path("plans/<int:plan_id>/outcomes/remove/", views.outcome_remove, name="outcome_remove"),
    path("plans/<int:plan_id>/services/", views.service_add, name="service_add"),
    path("plans/<int:plan_id>/services/remove/", views.service_remove, name="service_remove"),
    path("plans/<int:plan_id>/started/", views.service_started, name="service_started"),
    path("plans/<int:plan_id>/share/", views.plan_share, name="share"),
    path("plans/<int:plan_id>/reopen/", views.plan_reopen, name="reopen"),
    path("plans/<int:plan_id>/reviews/new/", views.review_new, name="review_new"),
    path("plans/reviews/<int:review_id>/", views.review_detail, name="review"),
]
