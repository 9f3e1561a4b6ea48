from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "supportfirst.assessments"
    verbose_name = "Needs assessments"

    def ready(self) -> None:
        # The due dates stored when a clock starts follow the council's target when it changes.
        from django.db.models.signals import post_save

        from supportfirst.assessments.due import refresh_decision_due
        from supportfirst.kernel.due import when_target_changes

        post_save.connect(
            when_target_changes("decision_working_days", refresh_decision_due),
            sender="councils.Council",
            weak=False,
            dispatch_uid="assessments_due_dates",
        )
        # Apps are loaded by now; the pathway runs this when a request goes on the support
        # pathway (pathway.hooks), so the pathway does not import the assessments app.
        from supportfirst.assessments.services import offer_assessments
        from supportfirst.pathway.hooks import declare_when_support_is_chosen

        declare_when_support_is_chosen(offer_assessments)
