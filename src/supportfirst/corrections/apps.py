from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "supportfirst.corrections"
    verbose_name = "A family's requests to correct their records"
