from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    name = "supportfirst.vocabulary"
    verbose_name = "A council's own words to check"
