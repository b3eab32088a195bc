"""Synthetic journals: deterministic, valid by the journal's own rules, and shaped like a real term."""

import datetime as dt
import random

import pytest

from workbook.demo.synthetic import MAX_CONTACTS, synthetic_journal, write_class
from workbook.journal import entries
from workbook.journal.model import Journal
from workbook.journal.schema import check_structure, empty_document
from workbook.journal.vocabulary import CATEGORIES
from workbook.plots.growth import THANK_YOU_DAYS, referral_edges

START = dt.date(2026, 9, 7)
WEEKS = 12


@pytest.fixture(scope="module")
def journals():
    rng = random.Random(5)
    return [synthetic_journal(rng, START, WEEKS, contacts=60) for _ in range(30)]


def test_every_contact_and_interaction_passes_the_journals_entry_validation(journals):
    for doc in journals:
        check_structure(doc, "synthetic")
        rebuilt = empty_document()
        for contact in doc["contacts"]:
            cleaned = entries.clean_contact(dict(contact), rebuilt, contact_id=contact["id"])
            assert cleaned == contact
            rebuilt["contacts"].append(cleaned)
        for interaction in doc["interactions"]:
            values = {k: v for k, v in interaction.items() if k != "id"}
            assert entries.clean_interaction(values, rebuilt, interaction_id=interaction["id"]) == interaction


def test_the_term_has_the_requested_size_and_a_realistic_shape(journals):
    assert all(len(doc["contacts"]) == 60 for doc in journals)
    contacts = [c for doc in journals for c in doc["contacts"]]
    interactions = [i for doc in journals for i in doc["interactions"]]
    added = [dt.date.fromisoformat(c["added"]) for c in contacts]
    term_end = START + dt.timedelta(weeks=WEEKS, days=-1)
    assert min(added) >= START - dt.timedelta(days=28) and max(added) <= term_end
    before = sum(day < START for day in added) / len(added)
    assert 0.2 < before < 0.5  # some of the network is already there when the term starts
    assert {c["category"] for c in contacts} == set(CATEGORIES)
    assert all(max(i["date"] for i in doc["interactions"]) <= term_end.isoformat()
               for doc in journals if doc["interactions"])
    assert sum(len(referral_edges(doc)) for doc in journals) > 100  # referral chains exist
    assert len({doc["student"]["name"] for doc in journals}) > 20
    kinds = {i["kind"] for i in interactions}
    assert kinds == {"request_email", "informational_interview", "thank_you"}


def test_thank_yous_come_both_on_time_and_late_after_real_interviews(journals):
    on_time = late = 0
    for doc in journals:
        held = {i["contact_id"]: dt.date.fromisoformat(i["date"])
                for i in doc["interactions"] if i["kind"] == "informational_interview"}
        by_id = {c["id"]: c for c in doc["contacts"]}
        for note in (i for i in doc["interactions"] if i["kind"] == "thank_you"):
            gap = (dt.date.fromisoformat(note["date"]) - held[note["contact_id"]]).days
            assert gap >= 0
            on_time += gap <= THANK_YOU_DAYS
            late += gap > THANK_YOU_DAYS
            assert by_id[note["contact_id"]]["status"] == "thanked"
        for contact_id in held:
            assert by_id[contact_id]["status"] in ("interviewed", "thanked")
    assert on_time > 2 * late > 0


def test_same_seed_same_bytes_different_seed_different_class(tmp_path):
    first = write_class(tmp_path / "a", 5, seed=3, contacts=20)
    second = write_class(tmp_path / "b", 5, seed=3, contacts=20)
    other = write_class(tmp_path / "c", 5, seed=4, contacts=20)
    assert [p.name for p in first] == [f"student-000{n}.json" for n in range(1, 6)]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert [p.read_bytes() for p in first] != [p.read_bytes() for p in other]
    sizes = [len(Journal(p).contacts()) for p in first]
    assert all(10 <= n <= 30 for n in sizes) and len(set(sizes)) > 1


def test_a_synthetic_journal_opens_and_takes_new_entries_like_a_real_one(tmp_path):
    path = write_class(tmp_path, 1, seed=9, contacts=15)[0]
    journal = Journal(path)
    before = journal.contacts()
    added = journal.add_contact(name="New Person", category="online", introduced_by=before[0]["id"])
    journal.log_interaction(added["id"], "request_email")
    assert journal.contacts() == [*before, {**added, "status": "requested"}]


def test_contact_counts_outside_what_the_name_lists_allow_are_refused():
    rng = random.Random(0)
    assert synthetic_journal(rng, START, WEEKS, contacts=0)["contacts"] == []
    assert len(synthetic_journal(rng, START, 1, contacts=MAX_CONTACTS)["contacts"]) == MAX_CONTACTS
    for bad in (-1, MAX_CONTACTS + 1):
        with pytest.raises(ValueError, match="contacts must be from 0 to"):
            synthetic_journal(rng, START, WEEKS, contacts=bad)
