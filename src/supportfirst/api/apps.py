from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "supportfirst.api"
    verbose_name = "JSON API for other council systems"
