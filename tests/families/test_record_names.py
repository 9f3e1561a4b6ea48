"""The access log names every kind of record in plain words, even ones added later."""

from supportfirst.families.selectors import record_name


def test_named_records_use_their_plain_name():
    assert record_name("pathway.contact") == "a record of a contact with you"


def test_other_records_use_the_model_name():
    assert record_name("asking.onlinerequest") == "the online request"


def test_unknown_records_are_a_record():
    assert record_name("nowhere.nothing") == "a record"
    assert record_name("not a model name") == "a record"


def test_young_person_sharing_reads_as_a_sentence():
    from supportfirst.audit.models import AccessEvent
    from supportfirst.families.selectors import AccessLogLine

    event = AccessEvent(record_type="asking.youngpersonsharing", action="change")
    line = AccessLogLine(event=event, who="", role="")
    assert line.what == "Changed whether a young person's own views are shared"
