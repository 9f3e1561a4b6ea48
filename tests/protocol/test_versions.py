"""What changed between two versions of a text, paragraph by paragraph."""

from supportfirst.rules.protocol.versions import paragraph_changes, paragraphs, summary


def test_paragraphs_are_blocks_between_blank_lines():
    assert paragraphs("One\nline.\n\n\n  Two.  \n\n") == ["One line.", "Two."]


def test_added_removed_and_changed_paragraphs():
    before = "Keep.\n\nOld words.\n\nGone."
    after = "Keep.\n\nNew words.\n\nNew paragraph."
    changes = paragraph_changes(before, after)
    assert [(c.kind, c.before, c.after) for c in changes] == [
        ("changed", "Old words.", "New words."),
        ("changed", "Gone.", "New paragraph."),
    ]
    assert summary(changes) == "2 paragraphs changed"


def test_an_insertion_and_a_removal_stay_apart():
    changes = paragraph_changes("A.\n\nB.\n\nC.", "A.\n\nNew.\n\nB.")
    assert [(c.kind, c.words) for c in changes] == [
        ("added", "Added: “New.”"),
        ("removed", "Removed: “C.”"),
    ]
    assert summary(changes) == "1 paragraph added, 1 removed"


def test_the_same_text_has_no_change_and_spacing_is_no_change():
    assert paragraph_changes("A  b.\n\nC.", "A b.\n\n\nC.") == []
    assert summary([]) == "No change"
    assert [c.kind for c in paragraph_changes("", "First.")] == ["added"]
