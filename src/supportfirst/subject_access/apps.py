from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "supportfirst.subject_access"
    verbose_name = "A family's download of everything held about them"
