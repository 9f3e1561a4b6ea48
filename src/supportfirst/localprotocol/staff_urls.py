from django.urls import path

from supportfirst.localprotocol import staff_views as views

app_name = "protocol"

urlpatterns = [
    path("protocol/", views.overview, name="overview"),
    path("protocol/start/", views.start, name="start"),
    path("protocol/<int:version_id>/", views.version, name="version"),
    path("protocol/<int:version_id>/targets/", views.targets, name="targets"),
    path("protocol/<int:version_id>/sign-off/", views.sign_off, name="sign_off"),
    path("protocol/<int:version_id>/publish/", views.publish, name="publish"),
    path("protocol/<int:version_id>/audit/", views.audit, name="audit"),
    path("protocol/section/<int:section_id>/", views.section, name="section"),
    path("protocol/comment/<int:comment_id>/answer/", views.answer, name="answer"),
]
