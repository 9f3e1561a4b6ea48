from django.urls import path

from supportfirst.complaints import family_views

app_name = "family_complaints"

urlpatterns = [
    path("complaints/", family_views.complaint_list, name="list"),
    path("complaints/new/", family_views.complaint_new, name="new"),
    path("complaints/<int:complaint_id>/", family_views.complaint_detail, name="complaint"),
    path("complaints/<int:complaint_id>/next-stage/", family_views.next_stage, name="next_stage"),
]
