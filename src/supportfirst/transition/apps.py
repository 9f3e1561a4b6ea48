from django.apps import AppConfig


class TransitionConfig(AppConfig):
    name = "supportfirst.transition"
    verbose_name = "Growing up: moving to adult services, and the EHC plan link"
