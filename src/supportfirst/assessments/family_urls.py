from django.urls import path

from supportfirst.assessments import family_views

app_name = "family_assessments"

urlpatterns = [
    path("assessments/", family_views.assessment_list, name="list"),
    path("assessments/<int:assessment_id>/", family_views.assessment_detail, name="assessment"),
    path("assessments/<int:assessment_id>/comment/", family_views.comment, name="comment"),
    path(
        "assessments/areas/<int:area_id>/comment/",
        family_views.area_comment,
        name="area_comment",
    ),
]
