from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "supportfirst.pages"
    verbose_name = "Public pages"

    def ready(self) -> None:
        from supportfirst.pages import checks  # noqa: F401  (registers the production checks)
