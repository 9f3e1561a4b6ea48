from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    name = "supportfirst.corrections"
    verbose_name = "A family's requests to correct their records"

    def ready(self) -> None:
        # The manager deciding a proposed move to safeguarding sees these records beside it
        # (pathway.beside), so the pathway does not import this app.
        from supportfirst.corrections.selectors import beside_a_proposal
        from supportfirst.pathway.beside import declare_beside_a_proposal

        declare_beside_a_proposal(beside_a_proposal)
