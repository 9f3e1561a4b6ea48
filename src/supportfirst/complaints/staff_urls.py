from django.urls import path

from supportfirst.complaints import staff_views

app_name = "complaints"

urlpatterns = [
    path("complaints/", staff_views.complaint_list, name="list"),
    path("complaints/<int:complaint_id>/", staff_views.complaint_detail, name="complaint"),
    path("complaints/<int:complaint_id>/acknowledge/", staff_views.acknowledge, name="acknowledge"),
    path("complaints/<int:complaint_id>/letter/", staff_views.prepare_letter, name="letter"),
    path("complaints/<int:complaint_id>/advocacy/", staff_views.advocacy, name="advocacy"),
    path("complaints/<int:complaint_id>/extend/", staff_views.extend, name="extend"),
    path("complaints/<int:complaint_id>/appoint/", staff_views.appoint, name="appoint"),
    path("complaints/<int:complaint_id>/meeting/", staff_views.meeting, name="meeting"),
    path("complaints/<int:complaint_id>/report/", staff_views.report, name="report"),
    path("complaints/<int:complaint_id>/respond/", staff_views.respond, name="respond"),
    path("complaints/<int:complaint_id>/time-limit/", staff_views.time_limit, name="time_limit"),
    path("complaints/<int:complaint_id>/statement/", staff_views.statement, name="statement"),
    path("complaints/<int:complaint_id>/worker/", staff_views.worker, name="worker"),
]
