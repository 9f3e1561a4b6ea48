from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "supportfirst.subject_access"
    verbose_name = "A family's download of everything held about them"

    def ready(self) -> None:
        from supportfirst.families.selectors import RECORD_NAMES

        # How these records are named to the family in their access log.
        RECORD_NAMES.setdefault("subject_access.download", "a copy of everything we hold")
        RECORD_NAMES.setdefault("subject_access.withholding", "what is held back from a download")
