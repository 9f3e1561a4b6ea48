"""The shell kernel: small Django-aware pieces every app stands on (the workflow engine, form
helpers, due items and clocks). It imports the rules and Django, never an app."""
