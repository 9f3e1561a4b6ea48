from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "supportfirst.pages"
    verbose_name = "Public pages"
