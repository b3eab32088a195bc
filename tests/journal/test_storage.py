"""The journal survives crashes mid-save, concurrent writers, and damaged files."""

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from workbook.errors import JournalBusyError, JournalFileError, JournalVersionError
from workbook.journal import storage
from workbook.journal.model import Journal


def contacts_named(path):
    return sorted(c["name"] for c in json.loads(path.read_text(encoding="utf-8"))["contacts"])


def test_a_new_journal_is_created_on_first_change(tmp_path):
    journal = Journal(tmp_path / "sub" / "journal.json")
    assert journal.read()["contacts"] == []
    assert not journal.path.exists()
    journal.add_contact(name="Ana", category="family_friends")
    on_disk = json.loads(journal.path.read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == 1
    assert [c["name"] for c in on_disk["contacts"]] == ["Ana"]


def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    journal = Journal(tmp_path / "journal.json")
    journal.add_contact(name="Ana", category="family_friends")
    before = journal.path.read_bytes()

    real_fsync = os.fsync

    def crash_after_partial_write(fd):
        raise OSError("disk pulled out")

    monkeypatch.setattr(storage.os, "fsync", crash_after_partial_write)
    with pytest.raises(OSError, match="disk pulled out"):
        journal.add_contact(name="Ben", category="alumni")
    monkeypatch.setattr(storage.os, "fsync", real_fsync)

    assert journal.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".journal.json.lock", "journal.json"]


KILLER_SCRIPT = textwrap.dedent(
    """
    import sys
    from workbook.journal.model import Journal
    journal = Journal(sys.argv[1])
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        journal.add_contact(name=f"Person {n} " + "x" * 150, category="alumni", notes="y" * 5000)
    """
)


def test_a_kill_at_any_moment_leaves_a_whole_journal(tmp_path):
    """SIGKILL a process that saves in a tight loop, many times: the file always parses."""
    path = tmp_path / "journal.json"
    seen_counts = []
    for round_number in range(12):
        proc = subprocess.Popen([sys.executable, "-c", KILLER_SCRIPT, str(path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.15 + 0.03 * round_number)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        doc = Journal(path).read()  # raises if torn
        names = [c["name"] for c in doc["contacts"]]
        assert len(names) == len(set(names))
        seen_counts.append(len(names))
    assert seen_counts == sorted(seen_counts)
    assert seen_counts[-1] > 0
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    # A temporary file may survive a SIGKILL, but it is never the journal itself and never read.
    assert all(name.startswith(".journal.json.") for name in leftovers)


def _add_many(path, prefix, count):
    journal = Journal(path)
    for n in range(count):
        journal.add_contact(name=f"{prefix} {n}", category="work")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "journal.json"
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_many, args=(path, prefix, 40)) for prefix in ("Left", "Right")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    names = contacts_named(path)
    assert len(names) == 80
    assert names == sorted([f"Left {n}" for n in range(40)] + [f"Right {n}" for n in range(40)])


def _hold_lock(path, seconds, ready):
    with storage.exclusive_lock(path):
        ready.set()
        time.sleep(seconds)


def test_a_lock_held_too_long_gives_a_clear_error_and_writes_nothing(tmp_path):
    path = tmp_path / "journal.json"
    Journal(path).add_contact(name="Ana", category="alumni")
    before = path.read_bytes()
    ctx = multiprocessing.get_context("spawn")
    ready = ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(path, 3, ready))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(JournalBusyError, match="another notebook"):
            with storage.exclusive_lock(path, timeout=0.3):
                pass
    finally:
        holder.join(30)
    assert path.read_bytes() == before


DAMAGED = {
    "truncated JSON": (b'{"schema_version": 1, "kind": "networking-workbook-journal", "contacts": [{"id"',
                       "is not valid JSON"),
    "empty file": (b"", "is empty"),
    "not UTF-8": (b'{"name": "\xff\xfe"}', "is not UTF-8"),
    "a JSON list": (b"[1, 2, 3]", "holds a JSON list"),
    "no version": (b'{"kind": "networking-workbook-journal"}', "no usable schema_version"),
    "text version": (b'{"schema_version": "1"}', "no usable schema_version"),
    "wrong kind": (b'{"schema_version": 1, "kind": "shopping-list"}', "is not a networking journal"),
    "section not a list": (
        b'{"schema_version": 1, "kind": "networking-workbook-journal", "student": {}, "contacts": {},'
        b' "interactions": [], "pitch_drafts": [], "question_plans": [], "email_drafts": [],'
        b' "interviews": [], "reflections": []}',
        "section 'contacts' is dict, not a list",
    ),
    "entry without id": (
        b'{"schema_version": 1, "kind": "networking-workbook-journal", "student": {}, "contacts": [{"name": "A"}],'
        b' "interactions": [], "pitch_drafts": [], "question_plans": [], "email_drafts": [],'
        b' "interviews": [], "reflections": []}',
        r"contacts\[0\] is not an entry with a text 'id'",
    ),
    "old unknown version": (b'{"schema_version": -3, "kind": "networking-workbook-journal"}',
                            "schema version -3, which this workbook cannot upgrade"),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_file_is_named_explained_and_never_rewritten(tmp_path, case):
    content, problem = DAMAGED[case]
    path = tmp_path / "journal.json"
    path.write_bytes(content)
    journal = Journal(path)
    with pytest.raises(JournalFileError, match=problem) as info:
        journal.read()
    assert str(path) in str(info.value)
    with pytest.raises(JournalFileError, match=problem):
        journal.add_contact(name="Ana", category="alumni")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) in (["journal.json"], [".journal.json.lock", "journal.json"])


def test_a_newer_schema_is_refused_not_rewritten(tmp_path):
    path = tmp_path / "journal.json"
    content = json.dumps({"schema_version": 2, "kind": "networking-workbook-journal", "contacts": []}).encode()
    path.write_bytes(content)
    with pytest.raises(JournalVersionError, match="newer workbook .schema version 2; this one knows up to 1."):
        Journal(path).read()
    with pytest.raises(JournalVersionError):
        Journal(path).add_contact(name="Ana", category="alumni")
    assert path.read_bytes() == content


def test_a_folder_in_place_of_the_journal_is_reported(tmp_path):
    (tmp_path / "journal.json").mkdir()
    with pytest.raises(JournalFileError, match="is a folder"):
        Journal(tmp_path / "journal.json").read()


def test_a_hand_kept_contact_list_is_migrated_and_the_original_kept(tmp_path):
    path = tmp_path / "journal.json"
    original = {"contacts": [{"name": "Dana Wu", "category": "alumni", "organization": "Civic Labs"}]}
    path.write_text(json.dumps(original), encoding="utf-8")
    journal = Journal(path)
    doc = journal.read()
    assert doc["schema_version"] == 1
    assert doc["contacts"][0]["name"] == "Dana Wu"
    assert doc["contacts"][0]["status"] == "to_contact"
    assert doc["contacts"][0]["id"] == Journal(path).read()["contacts"][0]["id"]  # stable ids
    assert json.loads(path.read_text()) == original  # reading never writes

    journal.add_contact(name="Eli", category="work", introduced_by=doc["contacts"][0]["id"])
    assert json.loads((tmp_path / "journal.v0.bak.json").read_text()) == original
    assert contacts_named(path) == ["Dana Wu", "Eli"]
    assert json.loads(path.read_text())["schema_version"] == 1


def test_the_file_is_readable_json_with_sorted_keys(tmp_path):
    journal = Journal(tmp_path / "journal.json")
    journal.add_contact(name="Zoë Ångström 名前 🙂", category="online")
    text = journal.path.read_text(encoding="utf-8")
    assert "Zoë Ångström 名前 🙂" in text  # not \\u escapes: a person can read it
    assert text.startswith('{\n "contacts": [')
