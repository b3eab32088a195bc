"""A submission read as data, in the grader: hostile journals, typed answers, odd files, submission times."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from support.paths import JOURNALS
from workbook.grading import rubric
from workbook.grading.data.files import scan
from workbook.grading.data.journal_file import MAX_BYTES, read_submitted_journal
from workbook.grading.data.timing import parse_timestamp, submission_time
from workbook.grading.data.typed import apply_typed, typed_answers
from workbook.grading.data.verdict import judge_submission
from workbook.journal.schema import empty_document

A = "informational_interview"
UTC = dt.timezone.utc
DAY = dt.datetime(2026, 10, 22, 10, 0, tzinfo=UTC)


def _folder(tmp_path, journal: str | None = "complete.json", stamp: dt.datetime | None = DAY) -> Path:
    folder = tmp_path / "sub"
    folder.mkdir()
    if journal:
        shutil.copyfile(JOURNALS / journal, folder / "journal.json")
    (folder / f"{A}.ipynb").write_text("{}")
    if stamp:
        (folder / "timestamp.txt").write_text(f"{stamp:%Y-%m-%d %H:%M:%S}.000000 UTC")
        for f in folder.iterdir():
            os.utime(f, (stamp.timestamp(), stamp.timestamp()))
    return folder


# -- the journal as hostile input ------------------------------------------------------------------

def test_a_real_journal_is_read(tmp_path):
    got = read_submitted_journal(_folder(tmp_path))
    assert got.kind == "" and got.doc["interviews"]


@pytest.mark.parametrize(("make", "kind", "words"), [
    (lambda p: None, "missing", "no journal.json was submitted"),
    (lambda p: os.symlink("/etc/passwd", p), "link", "is a link to '/etc/passwd'"),
    (lambda p: p.mkdir(), "not_a_file", "not a regular file"),
    (lambda p: os.mkfifo(p), "not_a_file", "not a regular file"),
    (lambda p: open(p, "wb").truncate(200 * 1024 ** 2), "too_large", f"the limit is {MAX_BYTES:,}"),
    (lambda p: p.write_text("[" * 100_000 + "]" * 100_000), "too_large", "nested"),
    (lambda p: p.write_text(json.dumps({**empty_document(), "contacts": [{"id": str(n)} for n in range(100_000)]})),
     "too_large", "holds 100,000 contacts"),
    (lambda p: p.write_bytes(b"\xff\xfe"), "unreadable", "not UTF-8"),
    (lambda p: p.write_text('{"schema_version": 1'), "unreadable", "not valid JSON"),
    (lambda p: p.write_text('{"schema_version": 99, "kind": "networking-journal"}'), "unreadable", "newer"),
])
def test_a_hostile_journal_gets_a_kind_and_a_reason_quickly(tmp_path, make, kind, words):
    folder = _folder(tmp_path, journal=None)
    make(folder / "journal.json")
    began = time.monotonic()
    got = read_submitted_journal(folder)
    assert time.monotonic() - began < 30  # a generous ceiling: never a stall of the batch
    assert (got.doc, got.kind) == (None, kind)
    assert words in got.problem


# -- typed answers as data ---------------------------------------------------------------------------

def _nb(source: str) -> dict:
    return {"cells": [{"cell_type": "code", "source": source, "metadata": {}}]}


def test_typed_answers_are_read_as_values_and_saved_with_the_real_functions():
    typed = typed_answers(_nb('typed_questions = ["What is a week like?", "Who else should I ask?"]\n'
                              "from workbook.grading import answers\nanswers.save_typed_question_plan(typed_questions)"))
    assert typed.problems == [] and [c.function for c in typed.calls] == ["save_typed_question_plan"]
    doc, notes = apply_typed(empty_document(), typed)
    assert notes == [] and [q["text"] for q in doc["question_plans"][0]["questions"]] == [
        "What is a week like?", "Who else should I ask?"]


def test_typed_values_may_be_written_with_dict_and_names_set_before():
    typed = typed_answers(_nb("org = 'Riverbend Water Authority'\n"
                              "typed_interview = dict(name='Dana Whitfield', organization=org, category='alumni',\n"
                              "                       reflection=dict(went_well='We kept to time', surprised=None),\n"
                              "                       next_contact={'name': 'Priya Raman', 'organization': org})\n"
                              "from workbook.grading import answers\nanswers.save_typed_interview(typed_interview)"))
    assert typed.problems == []
    (call,) = typed.calls
    assert call.args == ({"name": "Dana Whitfield", "organization": "Riverbend Water Authority", "category": "alumni",
                          "reflection": {"went_well": "We kept to time", "surprised": None},
                          "next_contact": {"name": "Priya Raman", "organization": "Riverbend Water Authority"}},)


@pytest.mark.parametrize(("source", "words"), [
    ("typed_interview = dict(name=__import__('os').getcwd())\nfrom workbook.grading import answers\n"
     "answers.save_typed_interview(typed_interview)", "not a plain literal"),
    ("typed_interview = {'name': 'A' * 10}\nanswers.save_typed_interview(typed_interview)", "not a plain literal"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\nanswers.save_typed_interview(x)", "not valid Python"),
    ("import os\nanswers.save_typed_interview(None)", "holds code other than values"),
    ("x = {}\nanswers.save_typed_interview(x, folder='../../other')", "saves into another folder"),
    ("answers.save_typed_interview(y)", "uses 'y'"),
    ("answers.save_typed_everything(None)", "does not exist"),
    ("answers.save_typed_interview(", "not valid Python"),
])
def test_a_typed_cell_holding_code_is_not_read_and_says_why(source, words):
    typed = typed_answers(_nb(source))
    assert typed.calls == []
    assert len(typed.problems) == 1 and words in typed.problems[0] and typed.problems[0].startswith("cell 1")


def test_a_typed_call_the_workbook_refuses_is_noted_as_the_kernel_would_raise():
    typed = typed_answers(_nb('answers.save_typed_interview({"name": "A", "category": "alumni", "thank_you_sent": "next Tuesday"})'))
    doc, notes = apply_typed(empty_document(), typed)
    assert len(notes) == 1 and "refused the typed answers" in notes[0]
    assert [c["name"] for c in doc["contacts"]] == ["A"]  # what it saved before failing stays, as in the kernel


# -- links, special files, shadowing ---------------------------------------------------------------

def test_links_special_files_and_shadowing_modules_are_found_and_never_followed(tmp_path):
    folder = _folder(tmp_path)
    os.symlink("/etc", folder / "etc-link")
    os.mkfifo(folder / "pipe")
    (folder / "json.py").write_text("")
    (folder / "workbook").mkdir()
    (folder / "my_helpers.py").write_text("")
    found = {(o.path, o.kind) for o in scan(folder)}
    assert found == {("etc-link", "link"), ("pipe", "special"), ("json.py", "shadowing"), ("workbook", "shadowing")}


# -- the submission's time -----------------------------------------------------------------------------

def test_an_honest_timestamp_is_used_unflagged(tmp_path):
    got = submission_time(_folder(tmp_path))
    assert (got.when, got.flag) == (DAY, "")


@pytest.mark.parametrize(("stamp", "flag"), [
    (None, "timestamp.txt is missing; the newest file's time (journal.json, 2026-10-22 10:00:00 UTC) was used"),
    ("", "timestamp.txt is empty; the newest file's time"),
    ("soon", "timestamp.txt says 'soon', which is not a time; the newest file's time"),
    ("2026-10-01 10:00:00.000000 UTC", "timestamp.txt says 2026-10-01 10:00:00 UTC, but journal.json was modified "
                                       "at 2026-10-22 10:00:00 UTC; the file's time was used"),
])
def test_a_missing_forged_or_garbage_timestamp_is_flagged_and_the_files_time_used(tmp_path, stamp, flag):
    folder = _folder(tmp_path)
    os.utime(folder / f"{A}.ipynb", (DAY.timestamp() - 60, DAY.timestamp() - 60))  # journal.json is the newest
    path = folder / "timestamp.txt"
    path.unlink() if stamp is None else path.write_text(stamp)
    got = submission_time(folder)
    assert got.when == DAY and got.flag.startswith(flag)


def test_a_timestamp_later_than_its_files_is_used_whatever_the_graders_clock_says(tmp_path):
    # Handed in years after the work was saved, or a term still to come (a demo): the same time,
    # whenever it is graded; a later time only makes the work later, so it is never a forgery that pays.
    folder = _folder(tmp_path)
    (folder / "timestamp.txt").write_text("2099-01-01 00:00:00.000000 UTC")
    got = submission_time(folder)
    assert (got.when, got.flag) == (dt.datetime(2099, 1, 1, tzinfo=UTC), "")


def test_a_file_saved_after_its_timestamp_names_the_file_even_far_ahead(tmp_path):
    folder = _folder(tmp_path)
    os.utime(folder / "journal.json", (4_000_000_000, 4_000_000_000))
    got = submission_time(folder)
    assert got.when == dt.datetime.fromtimestamp(4_000_000_000, UTC)
    assert "but journal.json was modified at 2096-10-02 07:06:40 UTC; the file's time was used" in got.flag


def test_nbgraders_timestamp_forms_parse_to_utc():
    assert parse_timestamp("2026-10-25 14:03:11.000000 UTC") == dt.datetime(2026, 10, 25, 14, 3, 11, tzinfo=UTC)
    assert parse_timestamp("2026-10-25T10:00:00+02:00") == dt.datetime(2026, 10, 25, 8, 0, tzinfo=UTC)
    assert parse_timestamp("around noon") is None


# -- the verdict ---------------------------------------------------------------------------------------

def test_the_verdict_judges_dates_as_of_the_submission_never_the_graders_clock(tmp_path):
    doc = json.loads((JOURNALS / "complete.json").read_text())
    held = dt.date.fromisoformat(doc["interviews"][0]["date"])
    before = dt.datetime.combine(held - dt.timedelta(days=1), dt.time(12), UTC)  # submitted before it was held
    verdict = judge_submission(_folder(tmp_path, stamp=before), {"cells": []}, A)
    assert verdict.items["interview_date"].passed is False
    assert "in the future" in verdict.items["interview_date"].message
    (tmp_path / "b").mkdir()
    on_time = judge_submission(_folder(tmp_path / "b", stamp=DAY), {"cells": []}, A)
    assert on_time.score == rubric.score(A, doc, DAY.date()) == 28.0


def test_a_missing_journal_is_judged_as_nothing_and_says_so(tmp_path):
    verdict = judge_submission(_folder(tmp_path, journal=None), {"cells": []}, A)
    assert verdict.score == 0.0 and verdict.journal_kind == "missing"
    assert set(verdict.items) == {i.id for i in rubric.items(A)}
