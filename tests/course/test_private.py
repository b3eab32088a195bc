"""Private course files: the modes, and the warning about a course folder others can look into."""

import os
import stat

import pytest

from workbook.course.private import exposure, make_private, tighten_course


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_make_private_strips_group_and_others_everywhere_but_never_follows_links(tmp_path):
    outside = tmp_path / "classmate.json"
    outside.write_text("{}")
    outside.chmod(0o644)
    tree = tmp_path / "submitted"
    (tree / "ana" / "informational_interview").mkdir(parents=True)
    notebook = tree / "ana" / "informational_interview" / "informational_interview.ipynb"
    notebook.write_text("{}")
    readonly = tree / "ana" / "informational_interview" / "timestamp.txt"
    readonly.write_text("2026-10-21 10:00:00 UTC")
    (tree / "ana" / "informational_interview" / "journal.json").symlink_to(outside)
    for folder in (tree, tree / "ana", tree / "ana" / "informational_interview"):
        folder.chmod(0o777)
    notebook.chmod(0o666)
    readonly.chmod(0o444)
    make_private(tree)
    assert [mode(p) for p in (tree, tree / "ana", tree / "ana" / "informational_interview")] == [0o700] * 3
    assert (mode(notebook), mode(readonly)) == (0o600, 0o400)  # owner bits kept: read-only stays read-only
    assert mode(outside) == 0o644  # the link's target is not this tree's to change


def test_tighten_course_closes_the_private_top_level_only(tmp_path):
    for name in ("submitted", "autograded", "feedback", "release"):
        (tmp_path / name).mkdir()
        (tmp_path / name).chmod(0o755)
    (tmp_path / "gradebook.db").write_bytes(b"")
    (tmp_path / "gradebook.db").chmod(0o644)
    tighten_course(tmp_path)
    assert {name: mode(tmp_path / name) for name in ("submitted", "autograded", "feedback", "release", "gradebook.db")} \
        == {"submitted": 0o700, "autograded": 0o700, "feedback": 0o700, "release": 0o755, "gradebook.db": 0o600}


@pytest.fixture
def nest(tmp_path):
    """tmp_path/home/course: pytest's own base folder is closed to others, so open the path down to here."""
    course = tmp_path / "home" / "course"
    course.mkdir(parents=True)
    opened = [(folder, mode(folder)) for folder in (tmp_path, *tmp_path.parents)
              if folder.stat().st_uid == os.geteuid()]
    for folder, m in opened:
        folder.chmod(m | stat.S_IXOTH)
    yield course
    for folder, m in reversed(opened):
        folder.chmod(m)


def test_exposure_names_an_open_course_and_stays_quiet_behind_a_closed_home(nest):
    nest.parent.chmod(0o755)
    nest.chmod(0o755)
    assert exposure(nest) == (f"the course folder {nest.resolve()} is open to other users (mode 755): students "
                              "could list and read the gradebook and each other's submissions; run "
                              f"`chmod 700 {nest.resolve()}`")
    nest.chmod(0o711)  # others may pass through: they can open files whose names they guess
    assert exposure(nest).startswith(f"the course folder {nest.resolve()} is open to other users (mode 711)")
    nest.chmod(0o750)  # the group only: a course team sharing the folder
    assert exposure(nest) is None
    nest.chmod(0o755)
    nest.parent.chmod(0o700)  # a private home around it closes it
    assert exposure(nest) is None
