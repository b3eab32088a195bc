"""The one policy for hidden and direction-changing characters in names (workbook/journal/fields.py)."""

import pytest

from workbook import Journal
from workbook.errors import JournalValueError
from workbook.journal import fields

HIDDEN = [
    ("Nadia \u202eredoc\u202c Karim", "Nadia redoc Karim",
     ["U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C POP DIRECTIONAL FORMATTING"]),
    ("J\u200bohn", "John", ["U+200B ZERO WIDTH SPACE"]),
    ("\ufeffAna", "Ana", ["U+FEFF ZERO WIDTH NO-BREAK SPACE"]),
    ("Ana\u00adRuiz", "AnaRuiz", ["U+00AD SOFT HYPHEN"]),
    ("Bo\u2060b", "Bob", ["U+2060 WORD JOINER"]),
    ("\u2067Sam\u2069", "Sam", ["U+2067 RIGHT-TO-LEFT ISOLATE", "U+2069 POP DIRECTIONAL ISOLATE"]),
    ("Li\u200fWei", "LiWei", ["U+200F RIGHT-TO-LEFT MARK"]),
    ("\u3164", "", ["U+3164 HANGUL FILLER"]),
    ("A\u200dB", "AB", ["U+200D ZERO WIDTH JOINER"]),
    ("Kim\U000e0041", "Kim", ["U+E0041 TAG LATIN CAPITAL LETTER A"]),
]

KEPT = [
    "Zoë Ñúñez-Okafor",
    "李伟 (Li Wei)",
    "فاطمة السيد",
    "\u0645\u0647\u0631\u200c\u0622\u0633\u0627",  # Persian: the non-joiner is part of the spelling
    "\u0915\u094d\u200d\u0937",  # Devanagari with a joiner between letters and marks
    "\U0001f469\u200d\U0001f4bb Ana",  # an emoji sequence
    "O'Brien & Söhne <b>GmbH</b>",
]


@pytest.mark.parametrize("typed, shown, removed", HIDDEN)
def test_hidden_characters_are_found_removed_and_named(typed, shown, removed):
    assert fields.visible_text(typed) == (shown, removed)
    assert len(fields.hidden_characters(typed)) == len(removed)


@pytest.mark.parametrize("name", KEPT)
def test_characters_that_show_or_spell_are_kept(name):
    assert fields.hidden_characters(name) == []
    assert fields.visible_text(name) == (name, [])
    assert fields.text("name", name) == name


def test_the_refusal_says_which_character_and_where():
    with pytest.raises(JournalValueError) as caught:
        fields.text("name", "Nadia \u202eredoc\u202c Karim")
    assert caught.value.field == "name"
    assert caught.value.problem == (
        "contains 2 invisible or direction-changing character(s) (U+202C POP DIRECTIONAL FORMATTING, "
        "U+202E RIGHT-TO-LEFT OVERRIDE), the first after \u201cNadia \u201d; a name may hold only characters that show")
    with pytest.raises(JournalValueError, match="the first at the start"):
        fields.text("name", "\u200bAna")


def test_long_text_keeps_its_own_rules():
    # Notes are prose: a right-to-left mark may be right there, and tabs and newlines are allowed.
    assert fields.text("notes", "line\n\u200fשלום\tend", long=True) == "line\n\u200fשלום\tend"


@pytest.mark.parametrize("field", ["name", "organization", "occupation", "field", "email", "phone"])
def test_every_name_field_of_a_contact_refuses_them(tmp_path, field):
    journal = Journal(tmp_path / "journal.json")
    values = {"name": "Ana", "category": "work", field: "a\u200b@example.org" if field == "email" else "X\u202eY"}
    with pytest.raises(JournalValueError, match=f"^{field}: contains 1 invisible"):
        journal.add_contact(**values)
    assert not journal.exists


def test_the_student_name_and_interview_names_refuse_them(tmp_path):
    journal = Journal(tmp_path / "journal.json")
    with pytest.raises(JournalValueError, match="^student name: contains 1 invisible"):
        journal.set_student_name("Alex\u200b Rivera")
    for key in ("name", "occupation", "organization", "next_contact"):
        with pytest.raises(JournalValueError, match=f"^interviews.{key}: contains 1 invisible"):
            journal.save_record("interviews", {key: "Dr.\u202e Okafor"})
    # The answers are prose, under the long-text rules.
    saved = journal.save_record("interviews", {"name": "Ana", "answers": {"advice": "\u200fשלום"}})
    assert saved["answers"]["advice"] == "\u200fשלום"


def test_a_lookalike_is_a_duplicate_once_cleaned(tmp_path):
    journal = Journal(tmp_path / "journal.json")
    journal.add_contact(name="John", category="work")
    cleaned, removed = fields.visible_text("J\u200bohn")
    assert removed == ["U+200B ZERO WIDTH SPACE"]
    with pytest.raises(JournalValueError, match="John is already in your journal"):
        journal.add_contact(name=cleaned, category="work")
