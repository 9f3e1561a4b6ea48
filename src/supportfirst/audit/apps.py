from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "supportfirst.audit"
    verbose_name = "Access log"
