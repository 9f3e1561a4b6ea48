from django.urls import path

from supportfirst.protocols import views

app_name = "protocol_audit"

urlpatterns = [
    path("", views.audit_page, name="audit"),
]
