from django.apps import AppConfig


class FamiliesConfig(AppConfig):
    name = "supportfirst.families"
    verbose_name = "Families and children"
