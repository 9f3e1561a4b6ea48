"""Support First: a needs-led assessment and support service for disabled children and families."""

__version__ = "0.1.0"
