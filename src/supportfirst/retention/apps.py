from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "supportfirst.retention"
    verbose_name = "Retention"
