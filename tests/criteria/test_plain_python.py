"""The criteria package is plain Python: it never imports Django, and its copies of the
assessment's codes stay the same as the assessment's own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import supportfirst.rules.criteria
from supportfirst.assessments.areas import (
    CHILD_AREAS,
    PARENT_CARER_AREAS,
    YOUNG_CARER_AREAS,
    AreaCode,
)
from supportfirst.assessments.models import HowOften
from supportfirst.rules.criteria import areas


def test_the_package_works_with_django_made_unimportable():
    code = (
        "import sys\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'django' or name.startswith('django.'):\n"
        "            raise ImportError('Django is not allowed here')\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "import supportfirst.rules.criteria, supportfirst.rules.criteria.cli\n"
        "from supportfirst.rules.criteria import (\n"
        "    evaluate, load_file, shipped_set_paths, run_examples)\n"
        "for path in shipped_set_paths():\n"
        "    assert all(r.passed for r in run_examples(load_file(path)))\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django']\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_module_of_the_package_imports_django():
    folder = Path(supportfirst.rules.criteria.__file__).parent
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "django" for name in names), path.name


def test_the_area_codes_and_names_match_the_assessment():
    assert {code: name for code, (name, _) in areas.AREAS.items()} == {
        choice.value: choice.label for choice in AreaCode
    }
    assert areas.areas_of(areas.CHILD) == tuple(CHILD_AREAS)
    assert areas.areas_of(areas.PARENT_CARER) == tuple(PARENT_CARER_AREAS)
    assert areas.areas_of(areas.YOUNG_CARER) == tuple(YOUNG_CARER_AREAS)


def test_how_often_matches_the_assessment():
    assert tuple(areas.HOW_OFTEN) == tuple(choice.value for choice in HowOften)
