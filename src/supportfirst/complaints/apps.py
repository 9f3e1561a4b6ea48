from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "supportfirst.complaints"
    verbose_name = "Complaints on the statutory children's social care stages"

    def ready(self) -> None:
        # The manager deciding a proposed move to safeguarding sees these records beside it
        # (pathway.beside), so the pathway does not import this app.
        from supportfirst.complaints.selectors import beside_a_proposal
        from supportfirst.pathway.beside import declare_beside_a_proposal

        declare_beside_a_proposal(beside_a_proposal)
