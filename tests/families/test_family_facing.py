"""The one registry of family records: every kind of family record says, next to its model, how
it is named to the family; the access log, the download and the correction allow-list read it."""

from __future__ import annotations

from django.apps import apps

from supportfirst.corrections.models import RecordKind
from supportfirst.corrections.records import correctable_kinds
from supportfirst.families.models import Family, FamilyRecord
from supportfirst.families.records import FamilyFacing, declared_models, facing_of
from supportfirst.families.selectors import record_name
from supportfirst.subject_access.kinds import family_record_models, kind_for


def _family_records() -> list[type]:
    return [
        m
        for m in apps.get_models()
        if issubclass(m, FamilyRecord) and not m._meta.abstract and not m._meta.proxy
    ]


def test_every_family_record_declares_how_it_faces_the_family():
    models = [Family, *_family_records()]
    assert len(models) > 30
    missing = [
        m._meta.label_lower
        for m in models
        if not isinstance(m.__dict__.get("family_facing"), FamilyFacing)
    ]
    assert missing == []
    for model in models:
        facing = facing_of(model)
        assert facing is not None
        assert facing.one, model
        assert facing.one == facing.one.strip(), model
        assert facing.many[:1].isupper(), model


def test_the_access_log_and_the_download_read_the_declarations():
    for model in declared_models():
        facing = facing_of(model)
        assert facing is not None
        assert record_name(model._meta.label_lower) == facing.one
        assert kind_for(model).name == facing.many


def test_the_download_lists_kinds_in_their_declared_order():
    ordered = [m for m in family_record_models() if facing_of(m).order is not None]
    orders = [facing_of(m).order for m in ordered]
    assert orders == sorted(orders)
    assert [m._meta.label_lower for m in ordered[:5]] == [
        "families.family",
        "families.child",
        "families.parentcarer",
        "families.sibling",
        "pathway.supportrequest",
    ]
    labels = [m._meta.label_lower for m in family_record_models()]
    assert "subject_access.withholding" not in labels
    assert "subject_access.download" not in labels


def test_the_correction_allow_list_is_every_declared_correctable_kind():
    kinds = correctable_kinds()
    assert sorted(kinds) == sorted(RecordKind.values)
    assert kinds["request"].kind == RecordKind.REQUEST
