"""The autograde progress line: counts, rate, time left, who is in hand; \\r on a terminal, lines elsewhere."""

import io

import pytest

from workbook.grading.runner.progress import Progress, format_duration


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("seconds, text", [
    (0, "0 s"), (44.6, "45 s"), (59.4, "59 s"), (60, "1 min 00 s"), (125, "2 min 05 s"),
    (3599, "59 min 59 s"), (3600, "1 h 00 min"), (3780, "1 h 03 min"), (-5, "0 s"),
])
def test_durations_read_like_a_person_would_say_them(seconds, text):
    assert format_duration(seconds) == text


def test_plain_output_is_one_line_per_finished_student_with_rate_and_time_left():
    clock, out = Clock(), io.StringIO()
    progress = Progress(4, stream=out, clock=clock, is_tty=False)
    progress.started("ana")
    progress.started("bo")
    assert out.getvalue() == ""  # nothing until something finishes: no noise in logs
    clock.now += 4
    progress.finished("ana")
    progress.tick()
    clock.now += 4
    progress.finished("bo")
    progress.started("cy")
    progress.close()
    assert out.getvalue().split("\n") == [
        "graded 1/4 [#####---------------] 0.25/s, about 12 s left; now: bo",
        "graded 2/4 [##########----------] 0.25/s, about 8 s left",
        "",
    ]
    assert "\r" not in out.getvalue()


def test_terminal_output_redraws_one_line_in_place_and_ends_it_on_close():
    clock, out = Clock(), io.StringIO()
    progress = Progress(2, stream=out, clock=clock, is_tty=True)
    progress.started("a-very-long-student-name")
    clock.now += 10
    progress.finished("a-very-long-student-name")
    progress.started("b")
    clock.now += 10
    progress.finished("b")
    progress.close()
    text = out.getvalue()
    assert "\n" not in text[:-1] and text.endswith("\n")
    frames = text[:-1].split("\r")[1:]
    assert frames[0] == "graded 0/2 [--------------------] estimating time left; now: a-very-long-student-name"
    assert frames[1].rstrip() == "graded 1/2 [##########----------] 0.10/s, about 10 s left"
    # A shorter frame is padded so no tail of the longer one before it stays on screen.
    assert len(frames[1]) == len(frames[0])
    assert frames[-2] == "graded 1/2 [##########----------] 0.10/s, about 10 s left; now: b"
    assert frames[-1] == "graded 2/2 [####################] 0.10/s, done in 20 s" + " " * 11


def test_hostile_and_unicode_names_are_printed_as_plain_text():
    out = io.StringIO()
    progress = Progress(1, stream=out, clock=Clock(), is_tty=False)
    progress.started("zoë<script>")
    progress.finished("zoë<script>")
    assert out.getvalue() == "graded 1/1 [####################] estimating time left\n"
    progress = Progress(3, stream=io.StringIO(), clock=Clock(), is_tty=False)
    progress.started("zoë<script>")
    assert progress.line().endswith("; now: zoë<script>")


def test_an_empty_batch_does_not_divide_by_zero():
    progress = Progress(0, stream=io.StringIO(), clock=Clock(), is_tty=False)
    assert progress.line() == "graded 0/0 [####################] estimating time left"
    assert progress.rate() is None and progress.seconds_left() is None
