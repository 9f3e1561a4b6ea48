from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "supportfirst.assessments"
    verbose_name = "Needs assessments"
