from django.apps import AppConfig


class PathwayConfig(AppConfig):
    name = "supportfirst.pathway"
    verbose_name = "The support pathway"
