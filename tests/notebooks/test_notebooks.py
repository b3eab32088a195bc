"""The chapter notebooks: their structure and links, workbook.chapter, and every notebook run in a real kernel.

Each notebook is executed top to bottom in a fresh kernel twice: on an empty
journal and on the journal of a student who has done the whole chapter. The
expectations below name, for each notebook, the self-check it ends with and
what that check must say on each journal.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest

from support.notebooks import (HOSTILE_NAME, HOSTILE_ORGANIZATION, NOTEBOOKS, WIDGET_VIEW, build_populated_journal,
                              code_cells, copy_into, errors, execute_all, html_shown, is_relative, links,
                              make_course, markdown_text, read, rich)
from workbook.checks import quiz
from workbook.checks.question_bank import QUESTION_CATEGORIES
from workbook.checks.quiz import QUIZ, check_quiz, quiz_markdown
from workbook.course import chapter
from workbook.course.chapter import CHAPTER, due_table, neighbours, schedule, schedule_markdown
from workbook.course.plan import parse_plan
from workbook.journal.model import Journal
from workbook.journal.schema import SECTIONS
from workbook.journal.vocabulary import CATEGORIES

FILES = [entry.filename for entry in CHAPTER]

# The self-check each notebook ends with (its last code line). Every notebook has one: 00 runs the network
# check to show a student what a report looks like, 01's marks the quiz as its widget saved it, and 02 ends
# with the map's breadth check after the network check (test_map_notebook_checks_soundness_then_breadth).
SELF_CHECK = {
    "00_start_here.ipynb": "selfcheck.network()",
    "01_why_networking.ipynb": "chapter.check_saved_quiz()",
    "02_map_your_network.ipynb": "selfcheck.network_map()",
    "03_your_pitch.ipynb": "selfcheck.pitch()",
    "04_choose_people.ipynb": "selfcheck.network()",
    "05_plan_questions.ipynb": "selfcheck.question_plan()",
    "06_request_email.ipynb": "selfcheck.request_email()",
    "07_hold_the_interview.ipynb": "selfcheck.interview()",
    "08_follow_up_and_reflect.ipynb": "selfcheck.follow_up()",
    "09_watch_your_network_grow.ipynb": "selfcheck.network()",
}

WIDGETS = {
    "00_start_here.ipynb": [],
    "01_why_networking.ipynb": ["quiz"],
    "02_map_your_network.ipynb": ["network_map"],
    "03_your_pitch.ipynb": ["pitch_builder"],
    "04_choose_people.ipynb": ["interview_targets"],
    "05_plan_questions.ipynb": ["question_planner"],
    "06_request_email.ipynb": ["request_email_drafter"],
    "07_hold_the_interview.ipynb": ["interview_recorder"],
    "08_follow_up_and_reflect.ipynb": ["thank_you_drafter", "follow_up_tracker", "reflection"],
    "09_watch_your_network_grow.ipynb": ["growth_plot"],
}

# What the self-check cell shows: (report title, passed/total, a message it must contain).
EMPTY_NETWORK = ("Network log check", "(5/6 passed)", "Your network has no contacts yet.")
FULL_NETWORK = ("Network log check", "(6/6 passed)", "Your network has 10 contact(s).")
EXPECTED = {
    "empty": {
        "00_start_here.ipynb": EMPTY_NETWORK,
        "01_why_networking.ipynb": ("Quiz: why networking matters", "(0/5 passed)",
                                    "Choose one of the answers (a, b, c) above."),
        "02_map_your_network.ipynb": ("Network map check", "(0/3 passed)",
                                      "Your map has 0 people; aim for at least 10."),
        "03_your_pitch.ipynb": ("Pitch check", "(0/1 passed)", "No pitch is saved in your journal yet."),
        "04_choose_people.ipynb": EMPTY_NETWORK,
        "05_plan_questions.ipynb": ("Question plan check", "(0/1 passed)",
                                    "No question plan is saved in your journal yet."),
        "06_request_email.ipynb": ("Request email check", "(0/1 passed)",
                                   "No request email is saved in your journal yet."),
        "07_hold_the_interview.ipynb": ("Interview record check", "(0/1 passed)",
                                        "No interview record is saved in your journal yet."),
        "08_follow_up_and_reflect.ipynb": ("Follow-up check", "(0/1 passed)", "No interview is recorded yet."),
        "09_watch_your_network_grow.ipynb": EMPTY_NETWORK,
    },
    "populated": {
        "00_start_here.ipynb": FULL_NETWORK,
        "01_why_networking.ipynb": ("Quiz: why networking matters", "(5/5 passed)", "Question 5: right."),
        "02_map_your_network.ipynb": ("Network map check", "(3/3 passed)",
                                      "6 of your 10 contact(s) say how you know them or why you would talk to them."),
        "03_your_pitch.ipynb": ("Pitch check", "(5/5 passed)", "within your 30 s target"),
        "04_choose_people.ipynb": FULL_NETWORK,
        "05_plan_questions.ipynb": ("Question plan check", "(4/4 passed)", "You have 12 questions"),
        "06_request_email.ipynb": ("Request email check", "(7/7 passed)", "sign your name"),
        "07_hold_the_interview.ipynb": ("Interview record check", "(16/16 passed)",
                                        f"You noted the organization they work for: {HOSTILE_ORGANIZATION}."),
        "08_follow_up_and_reflect.ipynb": ("Follow-up check", "(4/4 passed)",
                                           "You added 1 new contact(s) introduced by Zoë Ñúñez-Okafor."),
        "09_watch_your_network_grow.ipynb": FULL_NETWORK,
    },
}

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def plan_from(assignments, start="2026-09-07", weeks=12):
    raw = {"term": {"start": dt.date.fromisoformat(start), "weeks": weeks}, "assignment": assignments}
    return parse_plan(raw)


def assignment(name, title, week, due, points=5, **extra):
    return {"name": name, "title": title, "week": week, "due": dt.datetime.fromisoformat(due),
            "points": points, **extra}


# -- the chapter's order and links ------------------------------------------


def test_chapter_lists_exactly_the_notebooks_in_the_folder_in_file_order():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == FILES
    assert FILES == sorted(FILES) and len(FILES) == 10
    assert [f[:2] for f in FILES] == [f"{n:02d}" for n in range(10)]


def test_opening_notebook_lists_every_notebook_in_chapter_order():
    contents = next(c.source for c in read(FILES[0]).cells
                    if c.cell_type == "markdown" and c.source.startswith("## The chapter, in order"))
    listed = [(text, target) for text, target in links(contents)]
    assert listed == [(entry.title, entry.filename) for entry in CHAPTER]
    numbers = re.findall(r"^(\d+)\. \[", contents, re.MULTILINE)
    assert numbers == [str(n) for n in range(10)]


@pytest.mark.parametrize("filename", FILES)
def test_every_relative_link_resolves_inside_the_notebooks_folder(filename):
    found = [target for _, target in links(markdown_text(read(filename))) if is_relative(target)]
    assert found, "each notebook links at least to its neighbour"
    for target in found:
        resolved = (NOTEBOOKS / unquote(target.split("#")[0])).resolve()
        # `make lab` serves only notebooks/, so a link out of it would be dead for students.
        assert resolved.is_relative_to(NOTEBOOKS.resolve()), target
        assert resolved.is_file(), f"{filename} links to missing {target}"


@pytest.mark.parametrize("filename", FILES)
def test_last_cell_links_to_the_previous_and_next_notebook(filename):
    last = read(filename).cells[-1]
    assert last.cell_type == "markdown"
    targets = [target for _, target in links(last.source)]
    before, after = neighbours(filename)
    assert targets == [entry.filename for entry in (before, after) if entry is not None]


# -- the structure of each notebook ------------------------------------------


@pytest.mark.parametrize("filename", FILES)
def test_notebook_is_valid_and_carries_kernel_metadata(filename):
    nb = read(filename)
    nbformat.validate(nb)
    assert (nb.nbformat, nb.nbformat_minor >= 5) == (4, True)
    assert dict(nb.metadata.kernelspec) == KERNELSPEC
    assert nb.metadata.language_info["name"] == "python"
    assert nb.metadata.language_info["file_extension"] == ".py"
    assert "widgets" not in nb.metadata, "stored widget state is an output too"


@pytest.mark.parametrize("filename", FILES)
def test_no_outputs_or_execution_counts_are_stored(filename):
    for cell in code_cells(read(filename)):
        assert cell.outputs == [] and cell.execution_count is None, cell.source


@pytest.mark.parametrize("filename", FILES)
def test_head_has_title_estimated_time_and_learning_goals(filename):
    first = read(filename).cells[0]
    title = dict(CHAPTER)[filename]
    assert first.cell_type == "markdown"
    assert first.source.startswith(f"# {title}\n")
    assert re.search(r"^\*\*Estimated time:\*\* about \d+ minutes", first.source, re.MULTILINE)
    goals = first.source.split("## Learning goals\n", 1)[1]
    assert len(re.findall(r"^- \S", goals, re.MULTILINE)) >= 3


@pytest.mark.parametrize("filename", FILES)
def test_this_week_box_names_the_exercise(filename):
    boxes = [c.source for c in read(filename).cells
             if c.cell_type == "markdown" and c.source.startswith("> **This week:** ")]
    assert len(boxes) == 1
    assert len(boxes[0].split()) >= 12


@pytest.mark.parametrize("filename", FILES)
def test_code_cells_are_thin_and_import_only_the_workbook(filename):
    for cell in code_cells(read(filename)):
        lines = cell.source.splitlines()
        assert 1 <= len(lines) <= 3, cell.source
        for line in lines:
            if line.startswith(("import ", "from ")):
                assert re.match(r"^from workbook(\.widgets|\.location)? import \w+$", line), line


@pytest.mark.parametrize("filename", FILES)
def test_widgets_are_created_then_the_self_check_comes_last(filename):
    sources = [cell.source for cell in code_cells(read(filename))]
    checks = [n for n, source in enumerate(sources) if source.splitlines()[-1] == SELF_CHECK[filename]]
    assert len(checks) == 1 and sum(SELF_CHECK[filename] in s for s in sources) == 1
    for name in WIDGETS[filename]:
        assert sources.index(f"from workbook.widgets import {name}\n{name}()") < checks[0]
    if WIDGETS[filename]:
        assert checks[0] == len(sources) - 1


def test_prose_names_every_contact_group_and_question_area_the_widgets_use():
    # The notebooks describe the widgets' vocabularies in prose; this keeps the two from drifting apart.
    mapping = markdown_text(read("02_map_your_network.ipynb"))
    for label in CATEGORIES.values():
        assert f"**{label}**" in mapping
    planning = markdown_text(read("05_plan_questions.ipynb"))
    for label in QUESTION_CATEGORIES.values():
        assert f"**{label}**" in planning


def test_quiz_hints_point_to_headings_of_the_quiz_notebook():
    headings = re.findall(r"^## (.+)$", markdown_text(read("01_why_networking.ipynb")), re.MULTILINE)
    for question in QUIZ:
        assert question.reread in headings
    # What an informational interview is for is explained under its own heading, not under what a contact gives.
    assert {q.id: q.reread for q in QUIZ}["purpose"] == "What an informational interview is"


# -- workbook.chapter: neighbours, quiz, schedule ------------------------------


def test_neighbours_at_both_ends_and_in_the_middle():
    assert neighbours(FILES[0]) == (None, CHAPTER[1])
    assert neighbours(FILES[5]) == (CHAPTER[4], CHAPTER[6])
    assert neighbours(FILES[-1]) == (CHAPTER[-2], None)
    with pytest.raises(KeyError, match="not a notebook of this chapter"):
        neighbours("10_missing.ipynb")


def test_prepared_in_names_chapter_notebooks():
    assert set(chapter.PREPARED_IN.values()) <= set(FILES)


def test_quiz_is_consistent():
    assert len({q.id for q in QUIZ}) == len(QUIZ) == 5
    for question in QUIZ:
        letters = [letter for letter, _ in question.options]
        assert letters == ["a", "b", "c"] and question.answer in letters


def right_answers():
    return [q.answer for q in QUIZ]


def test_quiz_all_right_passes():
    report = check_quiz(right_answers())
    assert report.passed
    assert [i.message for i in report.items] == [f"Question {n}: right." for n in range(1, 6)]


def test_quiz_accepts_capitals_spaces_and_a_trailing_bracket_or_stop():
    sloppy = [f"  {a.upper()}) " if n % 2 else f"{a}." for n, a in enumerate(right_answers())]
    assert check_quiz(sloppy).passed


def test_quiz_accepts_a_mapping_by_id_or_by_number():
    assert check_quiz({q.id: q.answer for q in QUIZ}).passed
    assert check_quiz({n: q.answer for n, q in enumerate(QUIZ, 1)}).passed


def test_quiz_wrong_blank_and_unknown_answers_are_told_apart():
    wrong = next(letter for letter, _ in QUIZ[0].options if letter != QUIZ[0].answer)
    report = check_quiz([wrong, "", None, "d", 7])
    assert [i.passed for i in report.items] == [False] * 5
    assert report.items[0].message == f"Question 1: not quite (you chose {wrong})."
    assert report.items[0].hint == f"Read \u201c{QUIZ[0].reread}\u201d again and try once more."
    assert report.items[1].message == "Question 2 is not answered yet."
    assert report.items[2].message == "Question 3 is not answered yet."
    assert report.items[3].message == "Question 4: \u201cd\u201d is not one of a, b, c."
    assert report.items[4].message == "Question 5: \u201c7\u201d is not one of a, b, c."


def test_quiz_short_or_long_answer_lists():
    short = check_quiz(right_answers()[:2])
    assert [i.passed for i in short.items] == [True, True, False, False, False]
    long = check_quiz(right_answers() + ["a", "b"])
    assert long.ids[-1] == "extra_answers" and not long.passed
    assert long["extra_answers"].message == "You gave 7 answers; the quiz has 5 questions."


@pytest.mark.parametrize("answers", ["cbacb", b"cbacb", None, 42, object()])
def test_quiz_refuses_a_non_list_with_a_readable_report(answers):
    report = check_quiz(answers)
    assert report.ids == ["format"]
    assert report["format"].hint == 'For example: my_answers = ["a", "a", "a", "a", "a"]'


def test_quiz_hostile_and_huge_answers_are_shortened_and_escaped():
    report = check_quiz([HOSTILE_NAME, "x" * 1_000_000, "\u202e\u0000", "ä", "🙂"])
    assert report.items[0].message == "Question 1: \u201c<img src=x onerror=\u2026\u201d is not one of a, b, c."
    assert report.items[1].message == f"Question 2: \u201c{'x' * 19}\u2026\u201d is not one of a, b, c."
    assert report.items[2].message == "Question 3: \u201c\u201d is not one of a, b, c."
    assert report.items[3].message == "Question 4: \u201c\u00e4\u201d is not one of a, b, c."
    assert report.items[4].message == "Question 5: \u201c\U0001f642\u201d is not one of a, b, c."
    html = report._repr_html_()
    assert "<img" not in html and "&lt;img src=x onerror" in html


def test_quiz_markdown_shows_every_question_and_option_escaped(monkeypatch):
    text = quiz_markdown()
    assert text._repr_markdown_() == str(text)
    for n, question in enumerate(QUIZ, 1):
        assert f"{n}. {escape(question.prompt)}" in text
        for letter, option in question.options:
            assert f"   - **{letter}**: {escape(option)}" in text
    monkeypatch.setattr(quiz, "QUIZ", (QUIZ[0]._replace(prompt="Is 1 < 2 & <b>bold</b>?"),))
    assert quiz.quiz_markdown().startswith("1. Is 1 &lt; 2 &amp; &lt;b&gt;bold&lt;/b&gt;?\n")


@pytest.mark.parametrize("policy, per_day, words", [
    ("none", 0.0, "late work is marked late, without penalty"),
    ("zero", 0.0, "late work scores 0"),
    ("per_day", 0.25, "loses 25% of its points per day late"),
    ("per_day", 0.1, "loses 10% of its points per day late"),
])
def test_late_rule_in_words(policy, per_day, words):
    assert chapter.late_rule(policy, per_day) == words


def test_due_table_orders_by_due_date_and_finds_each_notebook():
    plan = plan_from([
        assignment("pitch", "Pitch", 3, "2026-09-27T23:59"),
        assignment("network_map", "Map", 2, "2026-09-20T18:00", late_policy="zero"),
        assignment("bonus", "Bonus", 2, "2026-09-20T09:00", points=1.5),
    ])
    rows = due_table(plan)
    assert [r.name for r in rows] == ["bonus", "network_map", "pitch"]
    assert [r.notebook and r.notebook.filename for r in rows] == [None, "02_map_your_network.ipynb",
                                                                   "03_your_pitch.ipynb"]
    assert rows[1].late_rule == "late work scores 0" and rows[0].points == 1.5


def test_schedule_markdown_is_an_exact_table():
    plan = plan_from([assignment("pitch", "Your one-minute commercial", 3, "2026-09-27T23:59", points=10,
                                 late_policy="per_day", late_penalty_per_day=0.1),
                      assignment("extra", "Extra reading", 2, "2026-09-18T12:00", points=2.5)])
    text = schedule_markdown(plan, today=dt.date(2026, 9, 19))
    assert text.splitlines() == [
        "Today, Sat 19 Sep 2026, is in week 2 of 12. Next due: **Your one-minute commercial**, "
        "Sun 27 Sep 2026, 23:59.",
        "",
        "| Week | Due | Assignment | Points | If late | Work on it in |",
        "|---:|---|---|---:|---|---|",
        "| 2 | Fri 18 Sep 2026, 12:00 | Extra reading | 2.5 | late work is marked late, without penalty "
        "| its assignment notebook |",
        "| 3 | Sun 27 Sep 2026, 23:59 | Your one-minute commercial | 10 | loses 10% of its points per day late "
        "| [Your one-minute commercial](03_your_pitch.ipynb) |",
    ]


@pytest.mark.parametrize("today, status", [
    (dt.date(2026, 8, 1), "The term starts on Mon 07 Sep 2026. Next due: **A**, Fri 18 Sep 2026, 12:00."),
    (dt.date(2026, 9, 18), "Today, Fri 18 Sep 2026, is in week 2 of 12. Next due: **A**, Fri 18 Sep 2026, 12:00."),
    (dt.date(2026, 11, 29), "Today, Sun 29 Nov 2026, is in week 12 of 12. Every due date of the term has passed."),
    (dt.date(2027, 1, 5), "The term ended on Sun 29 Nov 2026. Every due date of the term has passed."),
])
def test_schedule_status_line_before_during_and_after_the_term(today, status):
    plan = plan_from([assignment("a", "A", 2, "2026-09-18T12:00")])
    assert schedule_markdown(plan, today=today).splitlines()[0] == status


def test_schedule_escapes_html_and_pipes_in_plan_text():
    plan = plan_from([assignment("x", f"{HOSTILE_NAME} | part\n two", 1, "2026-09-10T10:00")])
    row = schedule_markdown(plan, today=dt.date(2026, 9, 8)).splitlines()[-1]
    assert "<img" not in row and "&lt;img src=x onerror=alert(1)&gt; &#124; part two" in row
    assert row.count("|") == 7  # six columns, however the title was written


def test_schedule_reads_the_plan_file(tmp_path):
    (tmp_path / "plan.toml").write_text(
        '[term]\nstart = 2026-09-07\nweeks = 12\n\n[[assignment]]\nname = "pitch"\ntitle = "Pitch"\n'
        'week = 3\ndue = 2026-09-27T23:59:00\npoints = 10\n', encoding="utf-8")
    text = schedule(tmp_path / "plan.toml", today=dt.date(2026, 9, 8))
    assert text.splitlines()[-1] == ("| 3 | Sun 27 Sep 2026, 23:59 | Pitch | 10 | late work is marked late, "
                                     "without penalty | [Your one-minute commercial](03_your_pitch.ipynb) |")


@pytest.mark.parametrize("content, reason", [
    (None, "no course plan file here"),
    (b"[term\nstart = ", "not valid TOML"),
    (b"\xff\xfe\x00garbage", "not valid TOML"),
    (b"[term]\nstart = 2026-09-07\nweeks = 99\n", "weeks must be a whole number from 1 to 52"),
])
def test_schedule_explains_an_unreadable_plan_instead_of_failing(tmp_path, content, reason):
    folder = tmp_path / "<i onclick=x>term"
    folder.mkdir()
    path = folder / "course_plan.toml"
    if content is not None:
        path.write_bytes(content)
    text = schedule(path)
    assert text.startswith("**The due dates cannot be shown here**, because the course plan could not be read (")
    assert reason in text
    assert "<i onclick" not in text and "&lt;i onclick=x&gt;term" in text


def test_schedule_outside_any_course_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "not inside a course" in schedule()


# -- every notebook, executed ------------------------------------------------


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Every notebook run on an empty and on a populated journal, plus 00 outside any course."""
    base = tmp_path_factory.mktemp("runs")
    populated = base / "populated-journal.json"
    build_populated_journal(populated, dt.date.today())
    jobs, results = [], {}
    for variant, journal in (("empty", None), ("populated", populated)):
        for filename in FILES:
            notebooks = make_course(base / variant / filename[:2])
            nb = copy_into(notebooks, filename, journal)
            jobs.append((nb, notebooks))
            results[variant, filename] = (nb, notebooks)
    outside = make_course(base / "outside", with_plan=False)
    results["outside", FILES[0]] = (copy_into(outside, FILES[0], None), outside)
    jobs.append(results["outside", FILES[0]])
    execute_all(jobs)
    return results


RUNS = [(variant, filename) for variant in ("empty", "populated") for filename in FILES]


def self_check_html(nb, filename) -> str:
    cell = next(c for c in code_cells(nb) if c.source.endswith(SELF_CHECK[filename]))
    return rich(cell, "text/html")


@pytest.mark.slow
@pytest.mark.parametrize("variant, filename", RUNS)
def test_notebook_runs_without_errors_and_shows_its_widgets(executed, variant, filename):
    nb, _ = executed[variant, filename]
    assert errors(nb) == []
    for name in WIDGETS[filename]:
        cell = next(c for c in code_cells(nb) if c.source.endswith(f"{name}()"))
        assert any(WIDGET_VIEW in o.get("data", {}) for o in cell.outputs), f"{name}() showed no widget"


@pytest.mark.slow
@pytest.mark.parametrize("variant, filename", RUNS)
def test_self_check_shows_the_expected_report(executed, variant, filename):
    nb, _ = executed[variant, filename]
    title, count, message = EXPECTED[variant][filename]
    html = self_check_html(nb, filename)
    assert html.startswith(f'<div class="wb-report"><strong>{title}</strong> {count}')
    assert escape(message) in html


@pytest.mark.slow
@pytest.mark.parametrize("variant", ["empty", "populated"])
def test_follow_up_notebook_checks_the_thank_you_note_then_the_follow_up(executed, variant):
    nb, _ = executed[variant, "08_follow_up_and_reflect.ipynb"]
    checks = [c for c in code_cells(nb) if c.source.endswith(("selfcheck.thank_you()", "selfcheck.follow_up()"))]
    assert [c.source.splitlines()[-1] for c in checks] == ["selfcheck.thank_you()", "selfcheck.follow_up()"]
    html = rich(checks[0], "text/html")
    assert html.startswith('<div class="wb-report"><strong>Thank-you note check</strong> (0/1 passed)')
    assert escape("No thank-you note is saved in your journal yet.") in html


@pytest.mark.slow
@pytest.mark.parametrize("variant, expected", [("empty", EMPTY_NETWORK), ("populated", FULL_NETWORK)])
def test_map_notebook_checks_soundness_then_breadth(executed, variant, expected):
    nb, _ = executed[variant, "02_map_your_network.ipynb"]
    checks = [c for c in code_cells(nb) if c.source.endswith(("selfcheck.network()", "selfcheck.network_map()"))]
    assert [c.source.splitlines()[-1] for c in checks] == ["selfcheck.network()", "selfcheck.network_map()"]
    title, count, message = expected
    html = rich(checks[0], "text/html")
    assert html.startswith(f'<div class="wb-report"><strong>{title}</strong> {count}')
    assert escape(message) in html


@pytest.mark.slow
@pytest.mark.parametrize("variant", ["empty", "populated"])
def test_opening_notebook_shows_the_journal_path_and_the_schedule(executed, variant):
    nb, folder = executed[variant, FILES[0]]
    path_cell, schedule_cell = (next(c for c in code_cells(nb) if c.source.endswith(call))
                                for call in ("print(journal_path())", "chapter.schedule()"))
    # The path as a student reads it, not a PosixPath(...) repr.
    assert [o.get("text") for o in path_cell.outputs] == [f"{folder / 'journal.json'}\n"]
    table = rich(schedule_cell, "text/markdown").splitlines()
    assert table[-2:] == [
        "| 2 | Sun 20 Sep 2026, 18:00 | Map &lt;the&gt; network | 6 | late work is marked late, without penalty "
        "| [Map the network you already have](02_map_your_network.ipynb) |",
        "| 3 | Sun 27 Sep 2026, 23:59 | Your one-minute commercial | 10 | loses 10% of its points per day late "
        "| [Your one-minute commercial](03_your_pitch.ipynb) |",
    ]


@pytest.mark.slow
def test_opening_notebook_outside_a_course_explains_the_missing_dates(executed):
    nb, _ = executed["outside", FILES[0]]
    assert errors(nb) == []
    cell = next(c for c in code_cells(nb) if c.source.endswith("chapter.schedule()"))
    shown = rich(cell, "text/markdown")
    assert shown.startswith("**The due dates cannot be shown here**")
    assert "not inside a course" in shown


@pytest.mark.slow
@pytest.mark.parametrize("filename", FILES)
def test_hostile_contact_text_is_never_shown_as_html(executed, filename):
    nb, _ = executed["populated", filename]
    shown = html_shown(nb)
    for html in shown:
        assert HOSTILE_NAME not in html
        assert "<b>Data</b>" not in html
    if filename == "02_map_your_network.ipynb":
        # The map lists every contact, so the name must be there, as text.
        assert any(escape(HOSTILE_NAME) in html for html in shown)


@pytest.mark.slow
@pytest.mark.parametrize("variant, filename", RUNS)
def test_running_a_notebook_leaves_the_journal_as_it_was(executed, variant, filename):
    _, folder = executed[variant, filename]
    journal = Path(folder) / "journal.json"
    # Showing a widget must not save anything: the self-check would otherwise never say "nothing saved yet".
    if variant == "empty":
        assert not journal.exists() or all(Journal(journal).read()[s] == [] for s in SECTIONS)
    else:
        assert journal.read_bytes() == (Path(folder).parents[2] / "populated-journal.json").read_bytes()
