from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "supportfirst.feedback"
    verbose_name = "How did it feel: the anonymous survey"
