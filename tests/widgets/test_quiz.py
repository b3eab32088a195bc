"""The quiz widget of notebook 01, headless: the questions of checks.quiz, marked by check_quiz, kept in the journal."""

import re

from workbook.checks import quiz as rules
from workbook.checks.quiz import CHOSEN_HINT, QUIZ, check_quiz, check_saved_quiz
from workbook.widgets import quiz

HOSTILE = "<script>alert(1)</script>"


def marks(report_html):
    return re.findall(r'data-id="(\w+)" data-passed="(\w+)"', report_html)


def test_every_question_and_option_is_offered_in_order(path):
    w = quiz(path)
    assert [key for key in w.fields] == [f"answers.{q.id}" for q in QUIZ]
    first = w.fields["answers.hidden_market"]
    assert first.options == (("a) About one in ten", "a"), ("b) About half", "b"), ("c) Around 80 per cent", "c"))
    assert first.value is None
    assert w.children[0].children[0].value == f"<p>1. {QUIZ[0].prompt}</p>"
    assert w.answers() == [""] * len(QUIZ)
    assert w.report.value == check_quiz([""] * len(QUIZ), blank_hint=CHOSEN_HINT)._repr_html_()
    assert "Choose one of the answers (a, b, c) above." in w.report.value
    assert "(0/5 passed)" in w.report.value and "Question 1 is not answered yet." in w.report.value


def test_choices_are_marked_live_saved_and_back_after_a_restart(path, on_disk):
    w = quiz(path)
    right = [q.answer for q in QUIZ]
    for question, letter in zip(QUIZ, ["a", *right[1:]]):
        w.fields[f"answers.{question.id}"].value = letter
    assert marks(w.report.value)[0] == ("hidden_market", "false")
    assert "Question 1: not quite (you chose a)." in w.report.value
    assert w.flush()
    [saved] = on_disk(path)["quiz_answers"]
    assert saved["answers"] == {q.id: letter for q, letter in zip(QUIZ, ["a", *right[1:]])}
    w.fields["answers.hidden_market"].value = "c"
    assert "(5/5 passed)" in w.report.value
    w.save_button.click()

    again = quiz(path)  # a kernel restart
    assert again.answers() == right and "(5/5 passed)" in again.report.value
    assert check_saved_quiz(path).passed  # the notebook's check cell reads what the widget saved
    assert len(on_disk(path)["quiz_answers"]) == 1


def test_two_quizzes_on_one_journal_keep_both_choices(path, on_disk):
    first, second = quiz(path), quiz(path)
    first.fields["answers.referral"].value = "b"
    assert first.flush()
    second.fields["answers.purpose"].value = "b"
    assert second.flush()
    assert on_disk(path)["quiz_answers"][0]["answers"]["referral"] == "b"
    assert on_disk(path)["quiz_answers"][0]["answers"]["purpose"] == "b"
    assert first.look() and first.fields["answers.purpose"].value == "b"


def test_a_hand_edited_answer_that_is_no_option_loads_as_no_choice(path, on_disk):
    from workbook import Journal

    Journal(path).save_record("quiz_answers", {"id": "q-1", "answers": {"referral": HOSTILE, "purpose": "b"}})
    w = quiz(path)
    assert w.fields["answers.referral"].value is None and w.fields["answers.purpose"].value == "b"
    assert "<script" not in w.report.value


def test_question_text_is_escaped(path, monkeypatch):
    monkeypatch.setattr("workbook.widgets.multiple_choice.QUIZ", (QUIZ[0]._replace(prompt=HOSTILE),))
    monkeypatch.setattr(rules, "QUIZ", (QUIZ[0]._replace(prompt=HOSTILE),))
    w = quiz(path)
    assert w.children[0].children[0].value == "<p>1. &lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_a_corrupt_journal_keeps_the_choices_on_screen(path):
    path.write_text("{")
    w = quiz(path)
    assert "is not valid JSON" in w.status.text
    w.fields["answers.referral"].value = "b"
    assert w.save() is False
    assert path.read_text() == "{" and w.fields["answers.referral"].value == "b"
