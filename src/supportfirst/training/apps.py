from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "supportfirst.training"
    verbose_name = "Assessors trained on the council's co-produced training"
