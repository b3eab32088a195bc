"""The debounced saver and status line every widget relies on (no sleeping: the timer is faked)."""

import re


from workbook.errors import JournalValueError
from workbook.widgets._autosave import Autosaver, NotReady, StatusLine
from workbook.widgets._form import Form, contact_options, table_html, text_field


class FakeTimers:
    """Stands in for the event loop: records scheduled callbacks, runs them when told."""

    def __init__(self):
        self.handles = []

    def __call__(self, delay, callback):
        handle = FakeHandle(delay, callback)
        self.handles.append(handle)
        return handle

    def live(self):
        return [h for h in self.handles if not h.cancelled]


class FakeHandle:
    def __init__(self, delay, callback):
        self.delay, self.callback, self.cancelled = delay, callback, False

    def cancel(self):
        self.cancelled = True


def make(save):
    timers = FakeTimers()
    status = StatusLine()
    return Autosaver(save, status, schedule=timers), status, timers


def test_changes_restart_one_timer_and_the_timer_saves_once():
    calls = []
    saver, status, timers = make(lambda explicit: calls.append(explicit))
    saver.changed()
    saver.changed()
    saver.changed()
    assert len(timers.handles) == 3
    assert [h.cancelled for h in timers.handles] == [True, True, False]
    assert timers.handles[-1].delay == 1.0
    assert status.state == "pending" and saver.dirty and saver.waiting
    timers.live()[0].callback()
    assert calls == [False]
    assert status.state == "saved" and re.fullmatch(r"Saved \d\d:\d\d", status.text)
    assert not saver.dirty and not saver.waiting


def test_flush_saves_only_when_something_changed():
    calls = []
    saver, _, timers = make(lambda explicit: calls.append(explicit))
    assert saver.flush() is True
    assert calls == []
    saver.changed()
    assert saver.flush() is True
    assert calls == [False]
    assert timers.handles[0].cancelled


def test_save_button_path_is_explicit_and_saves_without_changes():
    calls = []
    saver, _, _ = make(lambda explicit: calls.append(explicit))
    assert saver.save() is True
    assert calls == [True]


def test_failed_save_keeps_the_change_pending_and_shows_the_escaped_reason():
    errors = []

    def refuse(explicit):
        raise JournalValueError("name", "<img src=x onerror=alert(1)> is not allowed")

    saver, status, _ = make(refuse)
    saver._on_error = errors.append
    saver.changed()
    assert saver.flush() is False
    assert saver.dirty
    assert status.state == "error"
    assert status.text == "Not saved: name: <img src=x onerror=alert(1)> is not allowed"
    assert "<img" not in status.value and "&lt;img src=x onerror=alert(1)&gt;" in status.value
    assert isinstance(errors[0], JournalValueError)


def test_unexpected_errors_become_a_message_not_a_traceback():
    def broken(explicit):
        raise OSError("disk full")

    saver, status, _ = make(broken)
    assert saver.save() is False
    assert status.text == "Not saved: OSError: disk full"


def test_not_ready_is_information_when_automatic_and_an_error_when_asked_for():
    def not_ready(explicit):
        raise NotReady("Type a name first.")

    saver, status, _ = make(not_ready)
    saver.changed()
    saver.flush()
    assert (status.state, status.text) == ("info", "Type a name first.")
    saver.save()
    assert (status.state, status.text) == ("error", "Not saved: Type a name first.")


def test_saved_note_is_shown_after_the_time():
    saver, status, _ = make(lambda explicit: "added Ana")
    saver.save()
    assert re.fullmatch(r"Saved \d\d:\d\d \(added Ana\)", status.text)


def test_real_timer_thread_fires_without_a_kernel():
    # Outside a kernel there is no running event loop, so a daemon thread does the waiting.
    import threading

    done = threading.Event()
    saver = Autosaver(lambda explicit: done.set(), StatusLine(), delay=0.01)
    saver.changed()
    assert done.wait(10)


def test_form_maps_dotted_error_fields_and_loads_quietly():
    form = Form({"name": text_field("Name"), "answers.skills": text_field("Skills")})
    seen = []
    form.on_change(lambda: seen.append(1))
    form.load({"name": "Ana", "answers.skills": "x"})
    assert seen == []
    form.fields["name"].value = "Bo"
    assert seen == [1]
    assert form.field_for("interviews.answers.skills") == "answers.skills"
    assert form.field_for("contacts") is None
    assert form.show_error("interviews.answers.skills", "<b>too long</b>")
    assert "&lt;b&gt;too long&lt;/b&gt;" in form.messages["answers.skills"].value
    form.fields["answers.skills"].value = "typing again clears the message"
    assert form.messages["answers.skills"].value == ""


def test_table_and_choosers_escape_and_sort():
    html_out = table_html(["Name"], [["<script>alert(1)</script>"]])
    assert "<script>" not in html_out and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_out
    options = contact_options([{"id": "c-2", "name": "zoë"}, {"id": "c-1", "name": "Ángel", "organization": "X"}],
                              "(none)")
    assert options == [("(none)", ""), ("zoë", "c-2"), ("Ángel (X)", "c-1")]


def test_short_labels_share_one_column_and_long_ones_are_never_cut():
    from workbook.widgets._form import LABEL_COLUMN, choice_field, date_field, long_field

    assert text_field("Name").style.description_width == LABEL_COLUMN
    assert choice_field("Priority for an interview", ["a"]).style.description_width == LABEL_COLUMN
    assert choice_field("Add someone from your network", ["a"]).style.description_width == "initial"
    assert date_field("Added on").style.description_width == LABEL_COLUMN
    assert long_field("Notes").style.description_width == LABEL_COLUMN
    assert long_field("What surprised you in this conversation?", stacked=True).style.description_width == "initial"
