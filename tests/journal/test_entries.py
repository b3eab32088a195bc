"""Values are checked where they are entered; a refused value writes nothing."""

import datetime as dt

import pytest

from workbook.errors import JournalValueError
from workbook.journal.model import Journal, as_document


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.json")


def snapshot(journal):
    return journal.path.read_bytes() if journal.path.exists() else None


def test_a_contact_is_stored_with_every_field(journal):
    mentor = journal.add_contact(name="Prof. Rivera", category="school", added="2026-09-01")
    contact = journal.add_contact(
        name="  Kim  Lee ", category="Alumni", organization="Harbor Health", occupation="Nurse manager",
        field="Health care", how_found="Alumni directory", why="Runs the unit I want to work on",
        introduced_by=mentor["id"], added=dt.date(2026, 9, 10), email="kim@harbor.example",
        phone="+1 (555) 010-2000 ext. 12", priority="high", follow_up="2026-09-20", notes="Prefers mornings",
    )
    assert {k: v for k, v in contact.items() if k != "id"} == {
        "name": "Kim  Lee", "category": "alumni", "organization": "Harbor Health", "occupation": "Nurse manager",
        "field": "Health care", "how_found": "Alumni directory", "why": "Runs the unit I want to work on",
        "introduced_by": mentor["id"], "added": "2026-09-10", "email": "kim@harbor.example",
        "phone": "+1 (555) 010-2000 ext. 12", "status": "to_contact", "priority": "high",
        "follow_up": "2026-09-20", "notes": "Prefers mornings",
    }
    assert contact["id"].startswith("c-")
    assert journal.contact(contact["id"]) == contact


BAD_CONTACTS = [
    ({"name": "", "category": "alumni"}, "name: is empty"),
    ({"name": "   ", "category": "alumni"}, "name: is empty"),
    ({"name": None, "category": "alumni"}, "name: is empty"),
    ({"name": 42, "category": "alumni"}, "name: must be text, not int"),
    ({"name": "A", "category": "pets"}, "category: 'pets' is not a known category"),
    ({"name": "A", "category": None}, "category: None is not a known category"),
    ({"name": "A" * 100_000, "category": "alumni"}, "name: is 100,000 characters long; the limit is 200"),
    ({"name": "A", "category": "alumni", "notes": "n" * 100_000}, "notes: is 100,000 characters long; the limit is 20,000"),
    ({"name": "A\x00B", "category": "alumni"}, r"name: contains an invisible control character \(U\+0000\)"),
    ({"name": "A\ud800", "category": "alumni"}, "name: contains a broken character"),
    ({"name": "A", "category": "alumni", "added": "2026-02-30"}, "added: '2026-02-30' is not a date"),
    ({"name": "A", "category": "alumni", "added": "2026-09-10", "follow_up": "2026-09-01"},
     "follow_up: 2026-09-01 is before the contact was added .2026-09-10."),
    ({"name": "A", "category": "alumni", "introduced_by": "c-nobody"}, "introduced_by: 'c-nobody' is not a contact"),
    ({"name": "A", "category": "alumni", "email": "not-an-address"}, "email: 'not-an-address' does not look like"),
    ({"name": "A", "category": "alumni", "phone": "call me maybe"}, "phone: 'call me maybe' does not look like"),
    ({"name": "A", "category": "alumni", "status": "best friends"}, "status: 'best friends' is not a known status"),
    ({"name": "A", "category": "alumni", "priority": "urgent"}, "priority: 'urgent' is not a known priority"),
    ({"name": "A", "category": "alumni", "shoe_size": 9}, "unknown contact field.s.: shoe_size"),
]


@pytest.mark.parametrize("values, message", BAD_CONTACTS, ids=[m[:30] for _, m in BAD_CONTACTS])
def test_a_bad_contact_value_is_refused_and_nothing_is_written(journal, values, message):
    journal.add_contact(name="Existing", category="work")
    before = snapshot(journal)
    with pytest.raises(JournalValueError, match=message):
        journal.add_contact(**values)
    assert snapshot(journal) == before


def test_any_unicode_and_markup_is_kept_as_text(journal):
    names = ["Zoë Ångström", "محمد الأحمد", "李小龍", "🙂 Smile", "e\u0301cole", "<img src=x onerror=alert(1)>"]
    for name in names:
        journal.add_contact(name=name, category="online")
    stored = [c["name"] for c in journal.contacts()]
    assert stored == ["Zoë Ångström", "محمد الأحمد", "李小龍", "🙂 Smile", "\u00e9cole", "<img src=x onerror=alert(1)>"]


def test_the_same_person_twice_is_refused_but_namesakes_elsewhere_are_not(journal):
    journal.add_contact(name="Sam Ortiz", category="work", organization="Acme")
    with pytest.raises(JournalValueError, match="Sam Ortiz at Acme is already in your journal"):
        journal.add_contact(name="  sam  ORTIZ", category="alumni", organization="acme ")
    journal.add_contact(name="Sam Ortiz", category="alumni", organization="Bay College")
    assert len(journal.contacts()) == 2


def test_updates_are_validated_as_a_whole(journal):
    first = journal.add_contact(name="Ana", category="family_friends", added="2026-09-01")
    second = journal.add_contact(name="Ben", category="work", introduced_by=first["id"], added="2026-09-02")
    updated = journal.update_contact(second["id"], occupation="Designer", status="requested")
    assert (updated["occupation"], updated["status"], updated["introduced_by"]) == ("Designer", "requested", first["id"])
    before = snapshot(journal)
    with pytest.raises(JournalValueError, match="introduced_by: that would make a loop"):
        journal.update_contact(first["id"], introduced_by=second["id"])
    with pytest.raises(JournalValueError, match="a contact cannot introduce themselves"):
        journal.update_contact(first["id"], introduced_by=first["id"])
    with pytest.raises(JournalValueError, match="follow_up: 2026-08-01 is before"):
        journal.update_contact(first["id"], follow_up="2026-08-01")
    with pytest.raises(JournalValueError, match="no contact with id 'c-missing'"):
        journal.update_contact("c-missing", name="X")
    assert snapshot(journal) == before


def test_a_contact_others_refer_to_cannot_be_removed(journal):
    ana = journal.add_contact(name="Ana", category="family_friends")
    ben = journal.add_contact(name="Ben", category="work", introduced_by=ana["id"])
    with pytest.raises(JournalValueError, match="Ana introduced other contacts"):
        journal.remove_contact(ana["id"])
    journal.log_interaction(ben["id"], "call")
    with pytest.raises(JournalValueError, match="Ben has logged interactions"):
        journal.remove_contact(ben["id"])
    lone = journal.add_contact(name="Cy", category="online")
    journal.remove_contact(lone["id"])
    assert [c["name"] for c in journal.contacts()] == ["Ana", "Ben"]


def test_interactions_move_status_forward_only(journal):
    kim = journal.add_contact(name="Kim", category="alumni")
    steps = [("request_email", "requested"), ("informational_interview", "interviewed"),
             ("request_email", "interviewed"), ("thank_you", "thanked"), ("call", "thanked")]
    for kind, expected in steps:
        journal.log_interaction(kim["id"], kind, date="2026-10-01", minutes=5)
        assert journal.contact(kim["id"])["status"] == expected
    journal.update_contact(kim["id"], status="keep_in_touch")
    journal.log_interaction(kim["id"], "thank_you")
    assert journal.contact(kim["id"])["status"] == "keep_in_touch"
    assert [i["kind"] for i in journal.interactions()] == [k for k, _ in steps] + ["thank_you"]


def test_a_logged_interaction_can_be_corrected_but_not_broken(journal):
    kim = journal.add_contact(name="Kim", category="alumni")
    logged = journal.log_interaction(kim["id"], "informational_interview", date="2026-10-01", minutes=30)
    fixed = journal.update_interaction(logged["id"], date="2026-10-03", minutes=25)
    assert {k: fixed[k] for k in ("id", "date", "minutes", "kind")} == {
        "id": logged["id"], "date": "2026-10-03", "minutes": 25, "kind": "informational_interview"}
    assert journal.interactions() == [fixed]
    before = snapshot(journal)
    with pytest.raises(JournalValueError, match="minutes: 999 must be a whole number"):
        journal.update_interaction(logged["id"], minutes=999)
    with pytest.raises(JournalValueError, match="no interaction with id 'i-gone'"):
        journal.update_interaction("i-gone", minutes=1)
    assert snapshot(journal) == before


@pytest.mark.parametrize("changes, message", [
    ({"contact_id": "c-nope"}, "contact_id: 'c-nope' is not a contact"),
    ({"kind": "telepathy"}, "kind: 'telepathy' is not a known kind of interaction"),
    ({"minutes": -5}, "minutes: -5 must be a whole number of minutes from 0 to 600"),
    ({"minutes": 12.5}, "must be a whole number"),
    ({"minutes": "half an hour"}, "'half an hour' is not a number of minutes"),
    ({"minutes": True}, "must be a number of minutes, not bool"),
    ({"date": "yesterday"}, "date: 'yesterday' is not a date"),
])
def test_bad_interactions_are_refused(journal, changes, message):
    kim = journal.add_contact(name="Kim", category="alumni")
    before = snapshot(journal)
    values = {"contact_id": kim["id"], "kind": "call", "date": "2026-10-01", "minutes": 10, **changes}
    with pytest.raises(JournalValueError, match=message):
        journal.log_interaction(**values)
    assert snapshot(journal) == before


def test_records_are_upserted_by_id(journal):
    saved = journal.save_record("pitch_drafts", {"parts": {"name_studies": "I am Ana"}, "target_seconds": 30})
    assert saved["id"].startswith("p-")
    journal.save_record("pitch_drafts", {**saved, "target_seconds": 60})
    drafts = journal.records("pitch_drafts")
    assert len(drafts) == 1
    assert drafts[0]["target_seconds"] == 60
    assert journal.record("pitch_drafts", saved["id"])["parts"] == {"name_studies": "I am Ana"}


@pytest.mark.parametrize("section, record, message", [
    ("diary", {}, "'diary' is not a record section"),
    ("interviews", ["not", "a", "dict"], "must be a dict, not list"),
    ("interviews", {"answers": {"advice": "x" * 100_000}}, r"interviews.answers.advice: is 100,000 characters long"),
    ("interviews", {"answers": {1: "x"}}, "has a non-text key 1"),
    ("interviews", {"when": dt.date(2026, 1, 1)}, "interviews.when: holds a date"),
    ("interviews", {"score": float("nan")}, "is not a number .NaN."),
    ("reflections", {"went_well": "fine\x07"}, "control character"),
    ("reflections", {"notes": ["a" * 19_000] * 30}, "this record is .* characters; the limit is 400,000"),
])
def test_bad_records_are_refused(journal, section, record, message):
    with pytest.raises(JournalValueError, match=message):
        journal.save_record(section, record)
    assert not journal.path.exists()


def test_student_name_and_documents(journal, tmp_path):
    journal.set_student_name("Ana Q")
    assert journal.read()["student"] == {"name": "Ana Q"}
    assert as_document(journal)["student"]["name"] == "Ana Q"
    assert as_document(str(journal.path))["student"]["name"] == "Ana Q"
    assert as_document({"contacts": []}) == {"contacts": []}
    with pytest.raises(TypeError, match="not int"):
        as_document(3)
    with pytest.raises(KeyError, match="'diary' is not a record section"):
        journal.records("diary")


def test_pandas_views(journal):
    ana = journal.add_contact(name="Ana", category="family_friends", added="2026-09-01")
    ben = journal.add_contact(name="Ben", category="work", introduced_by=ana["id"], added="2026-09-08")
    journal.log_interaction(ben["id"], "informational_interview", date="2026-09-20", minutes=30)
    contacts = journal.contacts_frame()
    assert list(contacts["name"]) == ["Ana", "Ben"]
    assert str(contacts["added"].dtype) .startswith("datetime64")
    assert contacts.loc[ben["id"], "introduced_by"] == ana["id"]
    assert list(contacts["category"].cat.categories)[:2] == ["family_friends", "school"]
    interactions = journal.interactions_frame()
    assert interactions.iloc[0][["contact_name", "category", "kind", "minutes"]].tolist() == [
        "Ben", "work", "informational_interview", 30]
    empty = Journal(journal.path.with_name("other.json"))
    assert empty.contacts_frame().empty and empty.interactions_frame().empty
