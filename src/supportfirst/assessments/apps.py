from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "supportfirst.assessments"
    verbose_name = "Needs assessments"

    def ready(self) -> None:
        # Apps are loaded by now; the pathway runs this when a request goes on the support
        # pathway (pathway.hooks), so the pathway does not import the assessments app.
        from supportfirst.assessments.services import offer_assessments
        from supportfirst.pathway.hooks import declare_when_support_is_chosen

        declare_when_support_is_chosen(offer_assessments)
