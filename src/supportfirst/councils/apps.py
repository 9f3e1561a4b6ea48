from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "supportfirst.councils"
    verbose_name = "Councils, teams and roles"
