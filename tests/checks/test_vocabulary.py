"""The phrase lists: the workbook's, a course's additions checked like the plan, the same words on a hub."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from support.paths import REPO
from workbook.checks import selfcheck, vocabulary
from workbook.checks.request_email import check_request_email
from workbook.errors import VocabularyError
from workbook.grading import answers, rubric

EMAIL = ("Dear Ms. Parata,\n\nProfessor Ngata suggested I write to you. Could we talk for 20 minutes at your "
         "convenience? I would value your advice; I am not asking for a job.\n\nNg\u0101 mihi,\nAroha Te Rangi")
ASSIGNMENTS = ("informational_interview", "network_map", "pitch", "question_plan", "request_email")


def test_the_workbook_lists_load_and_a_course_adds_to_them(tmp_path):
    own = vocabulary.defaults()
    assert "yours faithfully" in own.sign_offs and "nurses" in own.referral_nouns
    extra = tmp_path / "vocabulary.toml"
    extra.write_text('sign_offs = ["Ng\u0101 mihi"]\nreferral_nouns = ["nurses", "sonographers"]\n', encoding="utf-8")
    both = vocabulary.load(extra)
    assert both.sign_offs == (*own.sign_offs, "ng\u0101 mihi")
    assert both.referral_nouns.count("nurses") == 1 and both.referral_nouns[-1] == "sonographers"
    assert both.pattern("sign_offs").fullmatch("ng\u0101 mihi")


@pytest.mark.parametrize("content, problem", [
    ('sign_off = ["Cheers"]', "unknown list(s) sign_off"),
    ('sign_offs = "Cheers"', "sign_offs must be a list of phrases, not str"),
    ('sign_offs = ["Cheers", 3]', "sign_offs #2 must be a non-empty phrase, not 3"),
    ('sign_offs = ["   "]', "sign_offs #1 must be a non-empty phrase"),
    (f'job_asks = ["{"x" * 81}"]', "job_asks #1 is over 80 characters"),
    ("sign_offs = [", "not valid TOML"),
])
def test_a_bad_course_file_is_refused_with_its_path(tmp_path, content, problem):
    path = tmp_path / "vocabulary.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        vocabulary.load(path)
    assert str(caught.value).startswith(str(path.resolve()) if "TOML" not in problem else str(path))
    assert problem in str(caught.value)
    assert caught.value.exit_code == 2


def test_the_course_file_is_valid_and_only_adds():
    course = vocabulary.read(REPO / vocabulary.COURSE_FILE)
    assert "ng\u0101 mihi" in course.sign_offs


def test_an_edited_file_is_read_again(tmp_path):
    path = tmp_path / "vocabulary.toml"
    path.write_text('sign_offs = ["hei hei"]\n', encoding="utf-8")
    assert "hei hei" in vocabulary.load(path).sign_offs
    path.write_text('sign_offs = ["ka kite"]\n', encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert "ka kite" in vocabulary.load(path).sign_offs


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_assignment_ships_the_courses_file(assignment):
    link = REPO / "source" / assignment / vocabulary.SHIPPED_NAME
    assert link.is_symlink() and link.resolve() == (REPO / vocabulary.COURSE_FILE).resolve()
    shipped = REPO / "release" / assignment / vocabulary.SHIPPED_NAME
    assert not shipped.is_symlink()
    assert shipped.read_bytes() == (REPO / vocabulary.COURSE_FILE).read_bytes()


def _email_journal(folder):
    answers.save_typed_request_email({"your_name": "Aroha Te Rangi", "subject": "A short talk", "body": EMAIL},
                                     folder=folder)


def test_a_student_on_a_hub_and_the_grader_use_the_same_words(tmp_path, monkeypatch):
    # On a hub the student's kernel sees only the released folder; the grader sees the course.
    student = tmp_path / "home" / "request_email"
    shutil.copytree(REPO / "release" / "request_email", student)
    _email_journal(student)
    course = tmp_path / "course"
    (course / "assignments").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("", encoding="utf-8")
    shutil.copyfile(REPO / vocabulary.COURSE_FILE, course / vocabulary.COURSE_FILE)
    graded = course / "autograded" / "s001" / "request_email"
    graded.mkdir(parents=True)
    shutil.copyfile(student / "journal.json", graded / "journal.json")
    verdicts = {}
    for where in (student, graded):
        monkeypatch.chdir(where)
        verdicts[where] = (selfcheck.request_email(answers.journal())["polite_close"].passed,
                           rubric.judge("email_polite_close", answers.load()).passed)
    assert verdicts[student] == verdicts[graded] == (True, True)
    # Without the course's words the same close is unknown, in both places alike.
    (student / vocabulary.SHIPPED_NAME).unlink()
    (course / vocabulary.COURSE_FILE).unlink()
    for where in (student, graded):
        monkeypatch.chdir(where)
        assert not rubric.judge("email_polite_close", answers.load()).passed


def test_the_checks_take_a_vocabulary_explicitly():
    own = vocabulary.defaults()
    assert not check_request_email(EMAIL, "Aroha Te Rangi", vocabulary=own)["polite_close"].passed
    course = vocabulary.load(REPO / vocabulary.COURSE_FILE)
    assert check_request_email(EMAIL, "Aroha Te Rangi", vocabulary=course)["polite_close"].passed
    assert json.dumps(list(course.sign_offs))  # plain data, shown to instructors as it is
