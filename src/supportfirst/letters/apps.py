from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "supportfirst.letters"
    verbose_name = "Letters to families, as web pages and accessible PDFs"
