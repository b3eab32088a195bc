"""The closing table of an autograde run and the one-line reason behind its exit code."""

from workbook.grading.runner.summary import StudentLine, attention_reason, counts, table


def line(student, status, score=None, late=0.0, detail=""):
    return StudentLine(student, status, score, 10.0, late, detail)


def test_clean_graded_and_manual_grading_students_are_counted_not_listed():
    lines = [line("a", "graded", 10.0), line("b", "needs manual grading", 7.5, detail="waits")]
    assert table(lines, seconds=65) == "2 submissions autograded: 1 graded, 1 needs manual grading; took 1 min 05 s"
    assert attention_reason(lines) is None


def test_problems_and_late_work_get_a_row_each_and_an_attention_reason():
    lines = [
        line("ann", "graded", 10.0),
        line("ben", "graded", 8.0, late=93_600, detail="graded"),
        line("cy", "unreadable", detail="cy.ipynb is not valid JSON (Expecting value at line 1)"),
        line("<img src=x>", "timed out", detail="still running after 300 s; stopped, not graded"),
        line("dee", "tampered", 10.0, detail="locked cells changed (graded from the originals): t1 edited"),
    ]
    assert table(lines, skipped=3).split("\n") == [
        "student      status      score  late              detail",
        "ben          graded      8/10   26 h 00 min late  graded",
        "cy           unreadable  -                        cy.ipynb is not valid JSON (Expecting value at line 1)",
        "<img src=x>  timed out   -                        still running after 300 s; stopped, not graded",
        "dee          tampered    10/10                    locked cells changed (graded from the originals): t1 edited",
        "",
        "5 submissions autograded: 2 graded, 1 tampered, 1 timed out, 1 unreadable; 1 late; "
        "3 already graded and skipped (--force regrades them)",
    ]
    assert attention_reason(lines) == "3 of 5 submissions need attention: 1 tampered, 1 timed out, 1 unreadable"


def test_counts_follow_a_fixed_order_and_leave_out_zeros():
    lines = [line("a", "failed"), line("b", "graded"), line("c", "missing"), line("d", "graded")]
    assert list(counts(lines).items()) == [("graded", 2), ("missing", 1), ("failed", 1)]


def test_an_empty_run_says_so():
    assert table([]) == "0 submissions autograded: nothing graded"
    assert attention_reason([]) is None
