from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "supportfirst.eligibility"
    verbose_name = "Published eligibility criteria and eligibility decisions"
