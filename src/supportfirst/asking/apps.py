from django.apps import AppConfig


class AskingConfig(AppConfig):
    name = "supportfirst.asking"
    verbose_name = "Asking for help online, and family accounts"
