"""The one-page map in docs/architecture.md is true: its floors are the layers of the import
contract that `lint-imports` checks in .ci/run, and it names every package and module of
supportfirst."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import supportfirst

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(supportfirst.__path__[0])
NOT_CODE = {"templates", "static", "__pycache__", "__init__", "__main__"}


def _map() -> dict[str, list[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text()
    block = re.search(r"<!-- house map.*?```text\n(.*?)```", text, re.S)
    assert block, "docs/architecture.md has lost its house map"
    floors = {}
    for line in block.group(1).splitlines():
        name, modules = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        floors[name] = [m.strip() for m in modules.split(",")]
    return floors


def _contract_layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return [
        [m.strip().removeprefix("supportfirst.") for m in re.split(r"[:|]", layer)]
        for layer in layers["layers"]
    ]


def test_the_maps_floors_are_the_contracts_layers_in_order():
    floors = _map()
    assert [sorted(m) for n, m in floors.items() if n != "wiring"] == [
        sorted(layer) for layer in _contract_layers()
    ]


def test_the_map_names_every_package_and_module():
    named = {m for modules in _map().values() for m in modules}
    present = {
        p.stem
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or p.suffix == ".py"
    } - NOT_CODE
    assert present - named == set(), "add these to the map in docs/architecture.md"
    assert named - present == set(), "the map names modules that do not exist"


def test_the_topic_pages_it_links_to_exist():
    text = (ROOT / "docs" / "architecture.md").read_text()
    for link in re.findall(r"\]\(([^)#]+\.md)", text):
        assert (ROOT / "docs" / link).exists(), link
