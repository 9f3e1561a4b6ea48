from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "supportfirst.plans"
    verbose_name = "Support plans written with the family"
