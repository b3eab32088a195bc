"""`workbook class-report` end to end: exact figures, a real PNG, a self-contained page, privacy, bad journals.

The class is built through the real Journal API, with contacts, interviews and
thank-you notes on known days of a four-week term starting Monday 2026-09-07:

    week 1: up to 2026-09-13 (and anything before the term)   week 3: 09-21 .. 09-27
    week 2: 09-14 .. 09-20                                      week 4: 09-28 .. (and anything later)

    stu-ana  contacts per week +2 +1 +0 +1  -> 2 3 3 4   (family x2, school, work)
             interview 09-16, thank-you 09-18 (on time)
    stu-ben  +0 +2 +2 +0 -> 0 2 4 4   (school x2, alumni, online)
             interview 09-22, thank-you 09-26 (4 days: late); interview 09-29, thank-you 09-29 (on time)
    stu-cy   +5 +0 +1 +3 -> 5 5 6 9   (work x5 from before the term; community; associations x2, online
             added after the term, which counts in week 4)
    stu-dée  no contacts -> 0 0 0 0

Per week, sorted: [0,0,2,5] [0,2,3,5] [0,3,4,6] [0,4,4,9], so (q1, median, q3) are
(0, 1, 2.75) (1.5, 2.5, 3.5) (2.25, 3.5, 4.5) (3, 4, 5.25) by linear interpolation.
"""

import base64
import html
import json
import shutil

import numpy as np
import pytest

from workbook.cli import main
from workbook.course.plan import load_plan
from workbook.demo.synthetic import write_class
from workbook.journal.model import Journal
from workbook.plots.growth import weekly_figures
from workbook.report import (
    EmptyClassError, folder_journals, submitted_journals, write_class_report,
)
from workbook.report.read import MAX_JOURNAL_BYTES, load_document

PLAN_TOML = """
[term]
course_id = "networking-test"
start = 2026-09-07
weeks = 4

[[assignment]]
name = "network_map"
week = 2
due = 2026-09-20T23:59:00
points = 6
"""

# Things only the journals hold; none may reach any output.
CONTACT_SECRETS = (
    "Zebediah Quuxworth",
    "<img src=x onerror=alert(1)>",
    "hidden@leak.example",
    "+44 20 7946 0958",
    "NOTE-XYZZY-private",
    "Orgsecret Widgets Ltd",
    "LEARNED-PLUGH-secret",
    "Ólafur Þórðarson-秘密",
)
STUDENT_NAMES = {
    "stu-ana": "Ana Pellucidar",
    "stu-ben": "<script>alert(1)</script>",
    "stu-cy": "Cy Vantablack",
    "stu-dée": "",
}

CLASS = {
    # student id: ([(added, category)], [(contact index, interview day, thank-you day or None)])
    "stu-ana": (
        [("2026-09-07", "family_friends"), ("2026-09-13", "family_friends"), ("2026-09-14", "school"),
         ("2026-10-04", "work")],
        [(0, "2026-09-16", "2026-09-18")],
    ),
    "stu-ben": (
        [("2026-09-15", "school"), ("2026-09-20", "school"), ("2026-09-21", "alumni"), ("2026-09-27", "online")],
        [(0, "2026-09-22", "2026-09-26"), (2, "2026-09-29", "2026-09-29")],
    ),
    "stu-cy": (
        [("2026-08-01", "work")] * 4 + [("2026-09-10", "work"), ("2026-09-25", "community"),
                                        ("2026-09-28", "associations"), ("2026-10-01", "associations"),
                                        ("2026-12-01", "online")],
        [],
    ),
    "stu-dée": ([], []),
}

EXPECTED_CSV = (
    "week,week_start,students,contacts_total,contacts_median,contacts_q1,contacts_q3,"
    "contacts_family_friends,contacts_school,contacts_alumni,contacts_work,contacts_associations,"
    "contacts_community,contacts_online,interviews_total,students_interviewed,thank_yous_on_time_total\n"
    "1,2026-09-07,4,7,1,0,2.75,2,0,0,5,0,0,0,0,0,0\n"
    "2,2026-09-14,4,10,2.5,1.5,3.5,2,3,0,5,0,0,0,1,1,1\n"
    "3,2026-09-21,4,13,3.5,2.25,4.5,2,3,1,5,0,1,1,2,2,1\n"
    "4,2026-09-28,4,17,4,3,5.25,2,3,1,6,2,1,2,3,2,2\n"
)


def build_journal(path, student_name, contacts, interviews):
    journal = Journal(path)
    with journal.transaction():
        pass  # the file exists even for a student who has added nobody
    if student_name:
        journal.set_student_name(student_name)
    ids = []
    for n, (added, category) in enumerate(contacts):
        name = {1: CONTACT_SECRETS[1], 2: CONTACT_SECRETS[7]}.get(n, f"{CONTACT_SECRETS[0]} {n}")
        contact = journal.add_contact(
            name=name, category=category, added=added, organization=CONTACT_SECRETS[5],
            email=f"zq{n}.{CONTACT_SECRETS[2]}", phone=CONTACT_SECRETS[3], notes=CONTACT_SECRETS[4],
        )
        ids.append(contact["id"])
    for index, held, thanked in interviews:
        journal.log_interaction(ids[index], "request_email", date="2026-09-08", notes=CONTACT_SECRETS[4])
        journal.log_interaction(ids[index], "informational_interview", date=held, minutes=25,
                                notes=CONTACT_SECRETS[4])
        if thanked:
            journal.log_interaction(ids[index], "thank_you", date=thanked)
        journal.save_record("interviews", {
            "id": f"iv-{index}", "contact_id": ids[index], "name": f"{CONTACT_SECRETS[0]} {index}",
            "date": held, "learned": CONTACT_SECRETS[6], "notes": CONTACT_SECRETS[4],
        })


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "course_plan.toml"
    path.write_text(PLAN_TOML, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def class_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("journals")
    for student, (contacts, interviews) in CLASS.items():
        build_journal(folder / f"{student}.json", STUDENT_NAMES[student], contacts, interviews)
    return folder


@pytest.fixture(scope="module")
def plain_run(class_dir, plan_file, tmp_path_factory):
    """One CLI run without --show-students: (exit code, stdout, stderr, output folder)."""
    out = tmp_path_factory.mktemp("plain") / "report"
    return run_cli(["--journals", str(class_dir), "--out", str(out), "--plan", str(plan_file)]) + (out,)


@pytest.fixture(scope="module")
def named_run(class_dir, plan_file, tmp_path_factory):
    """One CLI run with --show-students."""
    out = tmp_path_factory.mktemp("named") / "report"
    args = ["--journals", str(class_dir), "--out", str(out), "--plan", str(plan_file), "--show-students"]
    return run_cli(args) + (out,)


def run_cli(args):
    # capsys is function-scoped, so module fixtures capture the streams themselves.
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["class-report", *args])
    return code, out.getvalue(), err.getvalue()


def all_output_bytes(out_dir, stdout, stderr) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(out_dir.iterdir())) + stdout.encode() + stderr.encode()


# -- figures ---------------------------------------------------------------------------------------------


def test_csv_holds_the_exact_figures_of_the_hand_built_class(plain_run):
    code, stdout, stderr, out = plain_run
    assert (code, stderr) == (0, "")
    assert (out / "class_growth.csv").read_text(encoding="utf-8") == EXPECTED_CSV
    assert sorted(p.name for p in out.iterdir()) == ["class_growth.csv", "class_growth.png", "report.html"]
    assert stdout.splitlines()[0].startswith("Counted 4 journal(s) from ")


def test_png_is_a_real_png_of_1600_by_1200_pixels(plain_run):
    data = (plain_run[3] / "class_growth.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1600, 1200)
    assert data[-8:-4] == b"IEND"


def test_page_is_self_contained_with_the_png_embedded_and_no_scripts(plain_run):
    out = plain_run[3]
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    prefix = 'src="data:image/png;base64,'
    start = page.index(prefix) + len(prefix)
    embedded = base64.b64decode(page[start:page.index('"', start)])
    assert embedded == (out / "class_growth.png").read_bytes()
    lowered = page.lower()
    for forbidden in ("<script", "http://", "https://", "<link", "@import", "javascript:", "onerror="):
        assert forbidden not in lowered
    assert page.count("<tr>") == 1 + 4  # the header and four weeks
    assert '<td class="n">5.25</td>' in page  # week 4's upper quartile
    assert "Course <code>networking-test</code>" in page
    assert "4 journal(s) counted." in page


def test_no_student_is_named_anywhere_without_show_students(plain_run):
    code, stdout, stderr, out = plain_run
    everything = all_output_bytes(out, stdout, stderr)
    for student, name in STUDENT_NAMES.items():
        assert student.encode() not in everything
        if name:
            assert name.encode() not in everything
            assert html.escape(name).encode() not in everything
    assert "Students are not named in this report" in (out / "report.html").read_text(encoding="utf-8")


def test_show_students_adds_an_escaped_per_student_table_and_csv(named_run):
    code, stdout, stderr, out = named_run
    assert (code, stderr) == (0, "")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "<td>stu-ben</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in page
    assert "<td>stu-dée</td><td></td>" in page
    assert (out / "class_students.csv").read_text(encoding="utf-8") == (
        "student,name,contacts,categories_used,interviews,thank_yous_on_time\n"
        "stu-ana,Ana Pellucidar,4,3,1,1\n"
        "stu-ben,<script>alert(1)</script>,4,3,2,1\n"
        "stu-cy,Cy Vantablack,9,4,0,0\n"
        "stu-dée,,0,0,0,0\n"
    )
    assert (out / "class_growth.csv").read_text(encoding="utf-8") == EXPECTED_CSV
    assert "class_students.csv" in stdout


@pytest.mark.parametrize("run", ["plain_run", "named_run"])
def test_no_contact_detail_reaches_any_output_or_the_terminal(run, request):
    code, stdout, stderr, out = request.getfixturevalue(run)
    everything = all_output_bytes(out, stdout, stderr)
    assert len(everything) > 100_000  # the PNG, twice (file and data URI), is in there
    for secret in CONTACT_SECRETS:
        for form in {secret, html.escape(secret), html.escape(secret, quote=False), json.dumps(secret)[1:-1]}:
            assert form.encode("utf-8") not in everything, f"{form!r} leaked"


def test_a_hand_edited_overlong_student_name_is_shortened_on_the_page(class_dir, plan_file, tmp_path):
    doc = json.loads((class_dir / "stu-ana.json").read_text(encoding="utf-8"))
    doc["student"]["name"] = "Ñ" * 5000
    (tmp_path / "long.json").write_text(json.dumps(doc), encoding="utf-8")
    result = write_class_report(tmp_path, tmp_path / "out", show_students=True, plan=plan_file)
    page = result.html.read_text(encoding="utf-8")
    assert "<td>" + "Ñ" * 200 + "...</td>" in page
    assert "Ñ" * 201 not in page
    assert result.students_csv.read_text(encoding="utf-8").count("Ñ") == 5000  # the CSV keeps it whole


def test_output_folder_that_cannot_be_made_is_a_one_line_error(class_dir, plan_file, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    code, stdout, stderr = run_cli(["--journals", str(class_dir), "--out", str(tmp_path / "taken"),
                                    "--plan", str(plan_file)])
    assert (code, stdout) == (2, "")
    assert stderr == f"workbook class-report: cannot write the report into {tmp_path / 'taken'}: File exists\n"


def test_rerun_without_show_students_removes_the_earlier_student_table(class_dir, plan_file, tmp_path):
    common = ["--journals", str(class_dir), "--out", str(tmp_path), "--plan", str(plan_file)]
    assert run_cli([*common, "--show-students"])[0] == 0
    assert (tmp_path / "class_students.csv").exists()
    assert run_cli(common)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["class_growth.csv", "class_growth.png", "report.html"]


def test_function_takes_sources_and_a_plan_object_and_reports_what_it_wrote(class_dir, plan_file, tmp_path):
    result = write_class_report(folder_journals(class_dir)[:2], tmp_path / "out", plan=load_plan(plan_file))
    assert result.counted == 2
    assert result.skipped == ()
    assert result.students_csv is None
    assert (result.png.name, result.csv.name, result.html.name) == ("class_growth.png", "class_growth.csv",
                                                                    "report.html")
    assert result.figures.series("contacts_total") == [2, 5, 7, 8]  # stu-ana and stu-ben only
    assert result.figures.series("contacts_median") == [1, 2.5, 3.5, 4]


# -- journals that cannot be counted ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken_class(class_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    for path in class_dir.glob("*.json"):
        shutil.copy(path, folder / path.name)
    good = (class_dir / "stu-ana.json").read_bytes()
    (folder / "corrupt.json").write_bytes(good[: len(good) // 2])
    (folder / "empty.json").write_bytes(b"")
    (folder / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (folder / "array.json").write_text("[1, 2, 3]")
    doc = json.loads(good)
    (folder / "future.json").write_text(json.dumps({**doc, "schema_version": 99}))
    (folder / "wrongkind.json").write_text(json.dumps({**doc, "kind": CONTACT_SECRETS[0]}))
    (folder / "badversion.json").write_text(json.dumps({**doc, "schema_version": CONTACT_SECRETS[2]}))
    # Bigger than any real journal: a valid JSON object padded past the size limit.
    with open(folder / "huge.json", "wb") as handle:
        handle.write(b'{"schema_version": 1, "pad": "')
        handle.write(b"x" * (MAX_JOURNAL_BYTES + 1))
        handle.write(b'"}')
    return folder


@pytest.fixture(scope="module")
def broken_run(broken_class, plan_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("broken-out") / "report"
    return run_cli(["--journals", str(broken_class), "--out", str(out), "--plan", str(plan_file)]) + (out,)


HUGE_SIZE = MAX_JOURNAL_BYTES + 1 + len(b'{"schema_version": 1, "pad": "') + 2
SKIPPED_LINES = [
    "  left out array: holds a JSON list, not a journal object",
    "  left out badversion: has no usable schema_version",
    "  left out binary: is not UTF-8 text",
    "  left out corrupt: is not valid JSON",
    "  left out empty: is empty",
    "  left out future: was written by a newer workbook",
    f"  left out huge: is {HUGE_SIZE:,} bytes, more than the {MAX_JOURNAL_BYTES:,} a journal can be",
    "  left out wrongkind: is not a networking journal",
]


def test_unreadable_journals_are_left_out_listed_and_the_rest_counted(broken_run):
    code, stdout, stderr, out = broken_run
    assert code == 1
    assert stderr == (
        "workbook class-report: 8 journal(s) could not be read and are left out "
        "(listed above and in report.html)\n"
    )
    lines = stdout.splitlines()
    assert lines[0].startswith("Counted 4 journal(s) from ")
    assert lines[2:] == SKIPPED_LINES
    assert (out / "class_growth.csv").read_text(encoding="utf-8") == EXPECTED_CSV
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "4 journal(s) counted, 8 left out (listed below)." in page
    assert "<li><code>future</code>: was written by a newer workbook</li>" in page


def test_left_out_journals_quote_nothing_from_inside_the_file(broken_run):
    code, stdout, stderr, out = broken_run
    everything = all_output_bytes(out, stdout, stderr)
    for secret in CONTACT_SECRETS:
        assert secret.encode() not in everything
        assert html.escape(secret).encode() not in everything
    for student in STUDENT_NAMES:
        assert student.encode() not in everything  # readable journals stay anonymous


def test_a_hand_edited_field_that_is_not_text_is_ignored_not_fatal(plan_file, tmp_path):
    journal = tmp_path / "odd.json"
    journal.write_text(json.dumps({
        "schema_version": 1, "kind": "networking-workbook-journal", "student": {"name": ""},
        "contacts": [{"id": "a", "name": "A", "category": ["school"], "added": "2026-09-15"},
                     {"id": "b", "name": "B", "category": "school", "added": "2026-09-15"}],
        "interactions": [], "pitch_drafts": [], "question_plans": [], "email_drafts": [],
        "interviews": [], "reflections": []}))
    result = write_class_report(tmp_path, tmp_path / "out", plan=plan_file)
    assert result.skipped == ()
    assert result.figures.series("contacts_total") == [0, 2, 2, 2]
    assert result.figures.category_series("school") == [0, 1, 1, 1]


def test_an_old_hand_kept_journal_is_migrated_and_counted(plan_file, tmp_path):
    (tmp_path / "old.json").write_text(json.dumps({
        "student": "Old Timer",
        "contacts": [{"name": "A", "category": "school", "added": "2026-09-15"},
                     {"name": "B", "category": "nonsense", "added": "not a date"}],
    }))
    result = write_class_report(tmp_path, tmp_path / "out", plan=plan_file)
    assert result.skipped == ()
    assert result.figures.series("contacts_total") == [0, 1, 1, 1]
    assert result.figures.category_series("school") == [0, 1, 1, 1]
    assert not (tmp_path / "old.v0.bak.json").exists()  # reading never writes


def test_empty_class_is_a_one_line_error_and_writes_nothing(plan_file, tmp_path):
    (tmp_path / "journals").mkdir()
    (tmp_path / "journals" / "readme.txt").write_text("no journals yet")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(["--journals", str(tmp_path / "journals"), "--out", str(out),
                                    "--plan", str(plan_file)])
    assert (code, stdout) == (2, "")
    assert stderr == f"workbook class-report: no journals found in {tmp_path / 'journals'}; nothing to report on\n"
    assert not out.exists()


def test_a_class_of_only_unreadable_journals_is_an_error_naming_them(plan_file, tmp_path):
    (tmp_path / "b.json").write_text("{")
    (tmp_path / "a.json").write_text("")
    with pytest.raises(EmptyClassError, match=r"^none of the 2 journal\(s\) could be read \(a, b\)$"):
        write_class_report(tmp_path, tmp_path / "out", plan=plan_file)
    code, stdout, stderr = run_cli(["--journals", str(tmp_path), "--out", str(tmp_path / "o"),
                                    "--plan", str(plan_file)])
    assert (code, stdout, stderr.count("\n")) == (2, "", 1)


def test_missing_or_broken_plan_and_missing_folder_are_one_line_errors(class_dir, plan_file, tmp_path,
                                                                       monkeypatch):
    monkeypatch.chdir(tmp_path)  # not inside a course: no default plan
    code, _, stderr = run_cli(["--journals", str(class_dir), "--out", "o"])
    assert code == 2
    assert stderr.startswith("workbook class-report: no nbgrader_config.py in ")
    assert stderr.endswith("; run from the course root or pass --plan FILE\n")
    (tmp_path / "bad.toml").write_text("[term\n")
    code, _, stderr = run_cli(["--journals", str(class_dir), "--plan", str(tmp_path / "bad.toml")])
    assert (code, stderr.count("\n")) == (2, 1)
    assert "not valid TOML" in stderr
    code, _, stderr = run_cli(["--journals", str(tmp_path / "absent"), "--plan", str(plan_file)])
    assert (code, stderr) == (2, f"workbook class-report: {tmp_path / 'absent'} does not exist\n")
    assert not (tmp_path / "o").exists() and not (tmp_path / "class_report").exists()


# -- nbgrader's submitted/ layout ------------------------------------------------------------------------


@pytest.fixture
def course(class_dir, tmp_path, monkeypatch):
    """A course root whose submitted/ has two submissions for stu-ana (the later holds her real journal)."""
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    (tmp_path / "assignments").mkdir()
    (tmp_path / "assignments" / "course_plan.toml").write_text(PLAN_TOML, encoding="utf-8")

    def submit(student, assignment, journal, stamp):
        folder = tmp_path / "submitted" / student / assignment
        folder.mkdir(parents=True)
        shutil.copy(class_dir / journal, folder / "journal.json")
        (folder / "timestamp.txt").write_text(stamp)

    submit("stu-ana", "network_map", "stu-cy.json", "2026-09-20 22:00:00.000000 UTC")
    submit("stu-ana", "pitch", "stu-ana.json", "2026-09-27 21:00:00.000000 UTC")
    submit("stu-ben", "network_map", "stu-ben.json", "2026-09-20 23:00:00.000000 UTC")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_submissions_count_each_students_latest_journal(course):
    code, stdout, stderr = run_cli(["--out", "report"])
    assert (code, stderr) == (0, "")
    assert stdout.splitlines()[0] == f"Counted 2 journal(s) from {course / 'submitted'}."
    rows = (course / "report" / "class_growth.csv").read_text(encoding="utf-8").splitlines()
    # stu-ana's pitch journal (2 3 3 4) and stu-ben's (0 2 4 4); her older one (stu-cy's 5 5 6 9) is ignored.
    assert [row.split(",")[3] for row in rows[1:]] == ["2", "5", "7", "8"]
    assert [s.assignment for s in submitted_journals(course / "submitted")] == ["pitch", "network_map"]


def test_submissions_missing_is_a_one_line_error_with_the_way_out(course):
    shutil.rmtree(course / "submitted")
    code, stdout, stderr = run_cli([])
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"workbook class-report: {course / 'submitted'} does not exist: collect the submissions with "
        "nbgrader first, or give a folder of journals with --journals DIR\n"
    )


# -- a larger synthetic class, checked against an independent calculation --------------------------------


def test_synthetic_class_figures_match_numpy_over_journal_read(plan_file, tmp_path):
    paths = write_class(tmp_path / "class", 60, seed=11, term_start=load_plan(plan_file).term_start, weeks=4)
    result = write_class_report(tmp_path / "class", tmp_path / "out", plan=plan_file)
    plan = load_plan(plan_file)
    per_student = [weekly_figures(Journal(p).read(), plan.term_start, plan.weeks) for p in paths]
    contacts = np.array([f["contacts"] for f in per_student])
    assert result.counted == 60
    assert result.figures.series("contacts_total") == contacts.sum(axis=0).tolist()
    assert result.figures.series("contacts_median") == np.percentile(contacts, 50, axis=0).tolist()
    assert result.figures.series("contacts_q1") == np.percentile(contacts, 25, axis=0).tolist()
    assert result.figures.series("contacts_q3") == np.percentile(contacts, 75, axis=0).tolist()
    assert result.figures.series("interviews_total") == np.array(
        [f["interviews"] for f in per_student]).sum(axis=0).tolist()
    assert result.figures.series("thank_yous_on_time_total") == np.array(
        [f["thank_yous_on_time"] for f in per_student]).sum(axis=0).tolist()
    assert result.figures.series("thank_yous_on_time_total")[-1] > 0
    assert all(load_document(p) == Journal(p).read() for p in paths[:5])
