from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "supportfirst.complaints"
    verbose_name = "Complaints on the statutory children's social care stages"
