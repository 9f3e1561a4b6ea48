from django.apps import AppConfig


class FiguresConfig(AppConfig):
    name = "supportfirst.figures"
    verbose_name = "The parent carer forum's figures, month by month"
