"""The rules, in plain Python with no Django: working days and statutory clocks, eligibility
criteria, the respectful-language and plain-English checker, the evidence rule and the intrusion
rule.

Nothing here imports Django or any other part of Support First outside this package (an
import-linter contract in `.ci/run` keeps it so). The Django apps import these; the command line
uses them without starting Django.
"""
