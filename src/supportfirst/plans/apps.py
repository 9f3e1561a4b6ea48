from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "supportfirst.plans"
    verbose_name = "Support plans written with the family"

    def ready(self) -> None:
        # The due dates stored when a clock starts follow the council's target when it changes.
        from django.db.models.signals import post_save

        from supportfirst.kernel.due import when_target_changes
        from supportfirst.plans.due import refresh_start_due

        post_save.connect(
            when_target_changes("service_start_working_days", refresh_start_due),
            sender="councils.Council",
            weak=False,
            dispatch_uid="plans_due_dates",
        )
        # The manager deciding a proposed move to safeguarding sees these records beside it
        # (pathway.beside), so the pathway does not import this app.
        from supportfirst.pathway.beside import declare_beside_a_proposal
        from supportfirst.plans.selectors import beside_a_proposal

        declare_beside_a_proposal(beside_a_proposal)
