from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "supportfirst.plans"
    verbose_name = "Support plans written with the family"

    def ready(self) -> None:
        # The manager deciding a proposed move to safeguarding sees these records beside it
        # (pathway.beside), so the pathway does not import this app.
        from supportfirst.pathway.beside import declare_beside_a_proposal
        from supportfirst.plans.selectors import beside_a_proposal

        declare_beside_a_proposal(beside_a_proposal)
