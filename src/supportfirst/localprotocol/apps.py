from django.apps import AppConfig


class LocalProtocolConfig(AppConfig):
    name = "supportfirst.localprotocol"
    verbose_name = "The local assessment protocol, co-produced with the parent carer forum"
