"""Finding the class's journals: a plain folder, and nbgrader's submitted/ layout (latest submission wins)."""

import datetime as dt
import os

import pytest

from workbook.report.collect import (
    SourceError, folder_journals, parse_timestamp, submitted_journals, submission_time,
)


def touch(path, text="{}", mtime=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_folder_names_each_student_by_file_stem_and_leaves_out_non_students(tmp_path):
    touch(tmp_path / "ana.json")
    touch(tmp_path / "sub" / "ben.json")
    touch(tmp_path / "ana.json.lock", "")
    touch(tmp_path / "notes.txt")
    touch(tmp_path / "cy.v0.bak.json")  # the journal's own pre-migration backup
    touch(tmp_path / ".hidden.json")
    touch(tmp_path / ".ipynb_checkpoints" / "dee.json")
    touch(tmp_path / "Zoë Ng.json")
    found = folder_journals(tmp_path)
    assert [(s.student, s.path.relative_to(tmp_path).as_posix()) for s in found] == [
        ("Zoë Ng", "Zoë Ng.json"),
        ("ana", "ana.json"),
        ("ben", "sub/ben.json"),
    ]


def test_folder_keeps_two_students_apart_when_their_files_share_a_stem(tmp_path):
    touch(tmp_path / "group-a" / "journal.json")
    touch(tmp_path / "group-b" / "journal.json")
    touch(tmp_path / "solo.json")
    assert [s.student for s in folder_journals(tmp_path)] == ["group-a/journal", "group-b/journal", "solo"]


def test_missing_folder_or_file_instead_of_folder_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="does not exist"):
        folder_journals(tmp_path / "nope")
    with pytest.raises(SourceError, match="is not a folder"):
        submitted_journals(touch(tmp_path / "file.json"))


def test_latest_nbgrader_timestamp_wins_even_against_a_newer_file_time(tmp_path):
    later_mtime = dt.datetime(2027, 1, 1).timestamp()
    touch(tmp_path / "ana" / "network_map" / "journal.json", mtime=later_mtime)
    touch(tmp_path / "ana" / "network_map" / "timestamp.txt", "2026-09-20 23:00:00.000000 UTC")
    second = touch(tmp_path / "ana" / "pitch" / "journal.json", mtime=later_mtime - 86400 * 90)
    # 10:00 in Toronto is 14:00 UTC: later than 13:30 UTC on the same day.
    touch(tmp_path / "ana" / "pitch" / "timestamp.txt", "2026-09-27 10:00:00.000000 America/Toronto")
    touch(tmp_path / "ana" / "question_plan" / "journal.json")
    touch(tmp_path / "ana" / "question_plan" / "timestamp.txt", "2026-09-27 13:30:00.000000 UTC")
    touch(tmp_path / "ana" / "request_email" / "timestamp.txt", "2026-12-01 00:00:00 UTC")  # no journal in it
    found = submitted_journals(tmp_path)
    assert [(s.student, s.assignment, s.submitted) for s in found] == [
        ("ana", "pitch", dt.datetime(2026, 9, 27, 14, 0)),
    ]
    assert found[0].path == second


def test_file_time_decides_when_timestamps_are_missing_or_unreadable(tmp_path):
    older = dt.datetime(2026, 9, 20, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    newer = dt.datetime(2026, 10, 5, 12, 0, tzinfo=dt.timezone.utc).timestamp()
    touch(tmp_path / "ben" / "a1" / "journal.json", mtime=older)
    touch(tmp_path / "ben" / "a2" / "journal.json", mtime=newer)
    touch(tmp_path / "ben" / "a2" / "timestamp.txt", "not a time at all")
    touch(tmp_path / "cy" / "a1" / "journal.json", mtime=newer)
    touch(tmp_path / "cy" / "a1" / "timestamp.txt", "")
    touch(tmp_path / "cy" / "a2" / "journal.json", mtime=older)
    touch(tmp_path / ".git" / "a1" / "journal.json")
    touch(tmp_path / "stray-file.json")
    found = submitted_journals(tmp_path)
    assert [(s.student, s.assignment, s.submitted) for s in found] == [
        ("ben", "a2", dt.datetime(2026, 10, 5, 12, 0)),
        ("cy", "a1", dt.datetime(2026, 10, 5, 12, 0)),
    ]
    assert submission_time(tmp_path / "nobody" / "a1") is None


def test_equal_times_pick_the_assignment_that_sorts_last(tmp_path):
    for assignment in ("b_second", "a_first"):
        touch(tmp_path / "dee" / assignment / "journal.json")
        touch(tmp_path / "dee" / assignment / "timestamp.txt", "2026-10-01 09:00:00.000000 UTC")
    assert [s.assignment for s in submitted_journals(tmp_path)] == ["b_second"]


# Expected values checked against nbgrader.utils.parse_utc 0.9.6, which this follows (quirks included:
# a bare number is an offset in seconds).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-09-27 10:00:00.000000 America/Toronto", dt.datetime(2026, 9, 27, 14, 0)),
        ("2026-09-27 13:00:00.5 UTC", dt.datetime(2026, 9, 27, 13, 0, 0, 500000)),
        ("2026-09-27 13:00:00 +0100", dt.datetime(2026, 9, 27, 12, 58, 20)),
        ("2026-09-27T13:00:00+02:00", dt.datetime(2026, 9, 27, 11, 0)),
        ("  2026-09-27 13:00:00\n", dt.datetime(2026, 9, 27, 13, 0)),
        ("", None),
        ("garbage", None),
        ("2026-13-45 10:00:00 UTC", None),
        ("9" * 500, None),
        ("<script>alert(1)</script> x y", None),
    ],
)
def test_parse_timestamp_reads_nbgrader_timestamps(text, expected):
    assert parse_timestamp(text) == expected
