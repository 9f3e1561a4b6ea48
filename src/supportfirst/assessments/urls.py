from django.urls import path

from supportfirst.assessments import staff_views as views

app_name = "assessments"

urlpatterns = [
    path(
        "requests/<int:request_id>/assessments/",
        views.request_assessments,
        name="request_assessments",
    ),
    path("assessments/<int:assessment_id>/", views.assessment_detail, name="assessment"),
    path("assessments/<int:assessment_id>/ready/", views.mark_ready, name="mark_ready"),
    path("assessments/<int:assessment_id>/reopen/", views.reopen, name="reopen"),
    path("assessments/<int:assessment_id>/authorise/", views.authorise, name="authorise"),
    path(
        "assessments/<int:carer_assessment_id>/decisions/",
        views.carer_decisions,
        name="carer_decisions",
    ),
    path("assessments/<int:assessment_id>/advocacy/", views.advocacy, name="advocacy"),
    path("assessments/areas/<int:area_id>/", views.area_detail, name="area"),
    path("assessments/areas/<int:area_id>/needs/", views.need_add, name="need_add"),
    path("assessments/needs/<int:need_id>/remove/", views.need_remove, name="need_remove"),
    path("assessments/offers/<int:offer_id>/", views.offer_answer, name="offer"),
]
