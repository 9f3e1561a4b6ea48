from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "supportfirst.accounts"
    verbose_name = "Accounts and sign-in"
