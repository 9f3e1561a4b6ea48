from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "supportfirst.notifications"
    verbose_name = "Messages to families about their request"
