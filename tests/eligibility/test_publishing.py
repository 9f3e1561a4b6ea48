"""Publishing criteria: checked, idempotent, immutable, and a changed file needs a new version."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from supportfirst.eligibility.models import PublishedCriteria
from supportfirst.eligibility.publishing import (
    CriteriaRefused,
    criteria_publish_file,
    criteria_publish_shipped,
    criteria_publish_text,
)
from supportfirst.rules.criteria import load_text, shipped_set_paths
from tests.eligibility.conftest import shipped_text


def test_every_shipped_set_is_published_when_the_database_is_migrated(db):
    stored = set(PublishedCriteria.objects.values_list("set_id", "version"))
    for path in shipped_set_paths():
        loaded = load_text(path.read_text(encoding="utf-8"), str(path))
        assert (loaded.id, loaded.version) in stored


def test_publishing_the_shipped_sets_again_changes_nothing(db):
    before = list(PublishedCriteria.objects.order_by("pk").values_list("pk", "digest"))
    done = criteria_publish_shipped()
    assert done
    assert not any(item.created for item in done)
    assert list(PublishedCriteria.objects.order_by("pk").values_list("pk", "digest")) == before


def test_a_row_keeps_the_whole_text_its_digest_and_sign_off(db):
    row = PublishedCriteria.objects.get(set_id="957-ashvale", version="2.1")
    loaded = load_text(row.text)
    assert row.digest == loaded.digest
    assert row.owner == "957"
    assert row.status == "published"
    kinds = {s["kind"] for s in row.sign_off}
    assert kinds == {"council", "parent_carer_forum"}
    assert row.criteria_set.version == "2.1"


def test_a_changed_file_with_the_same_version_is_refused(db):
    text = shipped_text("957-ashvale.yaml").replace(
        "title: Help for disabled children", "title: Support for disabled children"
    )
    with pytest.raises(CriteriaRefused) as refused:
        criteria_publish_text(text, "957-ashvale.yaml")
    assert "already published with different text" in refused.value.messages[0]
    assert PublishedCriteria.objects.filter(set_id="957-ashvale", version="2.1").count() == 1


def test_a_new_version_is_a_new_row(db):
    text = shipped_text("957-ashvale.yaml").replace('version: "2.1"', 'version: "2.15"')
    published = criteria_publish_text(text, "957-ashvale-2.1.yaml")
    assert published.created
    assert published.row.version == "2.15"
    assert criteria_publish_text(text, "957-ashvale-2.1.yaml").created is False


def test_published_criteria_never_change(db):
    row = PublishedCriteria.objects.get(set_id="957-ashvale", version="2.1")
    row.title = "Changed"
    with pytest.raises(PermissionError):
        row.save()


def test_a_file_with_problems_is_refused_with_each_place(db):
    text = shipped_text("957-ashvale.yaml").replace('version: "2.1"', 'version: "2.2"')
    text = text.replace("duty_or_power: duty", "duty_or_power: maybe", 1)
    with pytest.raises(CriteriaRefused) as refused:
        criteria_publish_text(text, "broken.yaml")
    assert any("broken.yaml" in message for message in refused.value.messages)
    assert not PublishedCriteria.objects.filter(version="2.2").exists()


def test_a_file_whose_examples_fail_is_refused(db):
    text = shipped_text("957-ashvale.yaml").replace('version: "2.1"', 'version: "2.3"')
    text = text.replace("outcomes_needed: 2", "outcomes_needed: 6", 1)
    text = text.replace("one_area_enough_when: [only_with_danger]", "")
    with pytest.raises(CriteriaRefused) as refused:
        criteria_publish_text(text, "strict.yaml")
    assert any("worked example" in message for message in refused.value.messages)


def test_an_unreadable_file_is_refused(db, tmp_path):
    with pytest.raises(CriteriaRefused):
        criteria_publish_file(tmp_path / "missing.yaml")


def test_the_command_publishes_a_councils_own_file(db, tmp_path, capsys):
    file = tmp_path / "957-ashvale-3.yaml"
    file.write_text(
        shipped_text("957-ashvale.yaml").replace('version: "2.1"', 'version: "3.0"'),
        encoding="utf-8",
    )
    call_command("criteria_publish", str(file))
    assert "957-ashvale version 3.0 (published): published" in capsys.readouterr().out
    call_command("criteria_publish", str(file))
    assert "already published, unchanged" in capsys.readouterr().out


def test_the_command_refuses_a_changed_file_and_says_why(db, tmp_path):
    file = tmp_path / "957-ashvale.yaml"
    file.write_text(shipped_text("957-ashvale.yaml") + "\n# changed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="already published with different text"):
        call_command("criteria_publish", str(file))
