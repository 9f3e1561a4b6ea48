"""The forms a letter comes in: standard, large print and easy read."""

from django.db import models


class Variant(models.TextChoices):
    STANDARD = "standard", "Standard"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy read"
