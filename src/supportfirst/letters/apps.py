from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "supportfirst.letters"
    verbose_name = "Letters to families, as web pages and accessible PDFs"

    def ready(self) -> None:
        # The pathway runs this when a team manager confirms a decision not to assess
        # (pathway.hooks), so the pathway does not import the letters app.
        from supportfirst.letters.services import prepare_not_assessing_letter
        from supportfirst.pathway.hooks import declare_when_not_assessing_is_confirmed

        declare_when_not_assessing_is_confirmed(prepare_not_assessing_letter)
