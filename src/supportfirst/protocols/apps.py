from django.apps import AppConfig


class ProtocolsConfig(AppConfig):
    name = "supportfirst.protocols"
    verbose_name = "Protocol audit"
