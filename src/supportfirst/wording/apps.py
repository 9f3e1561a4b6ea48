from django.apps import AppConfig


class WordingConfig(AppConfig):
    name = "supportfirst.wording"
    verbose_name = "Respectful wording in staff records"
