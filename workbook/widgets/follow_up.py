"""Follow-up tracker: thank-you notes due and overdue, unanswered requests, keep-in-touch dates."""

from __future__ import annotations

import base64
import datetime as dt
import html

import ipywidgets as widgets

from ..checks import follow_up_dates as rules
from ..reminders import FILENAME, write_reminders
from ._base import JournalWidget
from ._form import button, date_field, error_html, heading, iso, message_box, row

CALENDAR_HOWTO = (
    "To put the dates in your calendar, import this file: in Google Calendar, Settings, then Import & export; "
    "in Outlook, open the file or use Add calendar, then Upload from file; on an iPhone or a Mac, open the file "
    "and choose Add All. Press the button again whenever your plans change: importing the new file updates "
    "the same reminders instead of adding copies."
)

_STAGE_ADVICE = {
    "waiting": "Give them time; if there is no answer by {act_on}, write to the next person on your list.",
    "try_next": "No answer after three working days: write to the next person on your list. "
                "If still nothing by {act_on}, send one short reminder.",
    "second_nudge": "No answer after seven working days: send one short, polite reminder.",
    "nudged": "Your reminder went out; let this one rest and keep going with others.",
}


class FollowUpTracker(JournalWidget):
    """What to follow up and when; marking a note or reminder sent logs it in the journal."""

    def __init__(self, journal=None, today: dt.date | None = None):
        super().__init__(journal)
        self.today = today or dt.date.today()
        self.sent_on = date_field("Date sent")
        self.sent_on.value = self.today
        self.refresh_button = button("Refresh")
        self.thank_you_buttons: dict[str, widgets.Button] = {}
        self.reminder_buttons: dict[str, widgets.Button] = {}
        self.thank_yous = widgets.VBox()
        self.requests = widgets.VBox()
        self.keep_in_touch = widgets.HTML()
        self.calendar_button = button("Add to my calendar (.ics)",
                                      "Write your follow-up dates as a calendar file, with a reminder on each day")
        self.calendar_info = widgets.HTML()
        self.refresh_button.on_click(lambda _: self.refresh())
        self.calendar_button.on_click(lambda _: self.export_calendar())
        self.children = [
            row(self.sent_on, self.refresh_button), self.status, self.message,
            heading("Thank-you notes"), self.thank_yous,
            heading("Requests waiting for an answer"), self.requests,
            heading("Keep in touch"), self.keep_in_touch,
            heading("In your own calendar"), self.calendar_button, self.calendar_info, self.guard,
        ]
        self.refresh()

    def refresh(self) -> None:
        """Redraw every list from the journal as it is now."""
        doc = self._read()
        self.thank_you_buttons, self.reminder_buttons = {}, {}
        rows = []
        for note in rules.thank_yous_pending(doc, self.today):
            when = (f"overdue since {note.due + dt.timedelta(days=1)}" if note.overdue
                    else f"due by {note.due}")
            line = widgets.HTML(
                f"<span class='wb-thank-you {'wb-overdue' if note.overdue else 'wb-due'}'>"
                f"<strong>{html.escape(note.name or '(no name)')}</strong>: interview on {note.held}; "
                f"thank-you note {when}.</span>", layout=message_box().layout)
            if note.contact_id is None:
                rows.append(widgets.VBox([line, widgets.HTML(
                    "<em>Link this interview to a contact in the recorder to mark the note sent.</em>")]))
                continue
            mark = button("Mark thank-you sent", f"Log a thank-you note to {note.name}")
            mark.on_click(lambda _, note=note: self.mark_thank_you(note.contact_id))
            self.thank_you_buttons[note.interview_id] = mark
            rows.append(row(line, mark))
        self.thank_yous.children = rows or [widgets.HTML("<p>No thank-you notes waiting.</p>")]

        rows = []
        asked = []
        for request in rules.pending_requests(doc, self.today):
            asked.append(request.contact_id)
            advice = _STAGE_ADVICE[request.stage].format(act_on=request.act_on)
            line = widgets.HTML(
                f"<span class='wb-request wb-{request.stage}'><strong>{html.escape(request.name)}</strong>: "
                f"asked on {request.sent} ({request.working_days} working day(s) ago). "
                f"{html.escape(advice)}</span>", layout=message_box().layout)
            if request.stage == "second_nudge":
                mark = button("Mark reminder sent", f"Log a reminder to {request.name}")
                mark.on_click(lambda _, cid=request.contact_id: self.mark_reminder(cid))
                self.reminder_buttons[request.contact_id] = mark
                rows.append(row(line, mark))
            else:
                rows.append(line)
        if any(r.stage in ("try_next", "second_nudge") for r in rules.pending_requests(doc, self.today)):
            following = rules.next_person(doc, exclude=asked)
            rows.append(widgets.HTML(
                f"<p>Next on your list: <strong>{html.escape(following['name'])}</strong>.</p>" if following
                else "<p>Nobody else on your list yet: add people in the interview targets.</p>"))
        self.requests.children = rows or [widgets.HTML("<p>No requests waiting for an answer.</p>")]

        items = [f"<li class='wb-{k.state}'>{k.day}: {html.escape(k.name)}"
                 f"{' (overdue)' if k.state == 'overdue' else ' (today)' if k.state == 'today' else ''}</li>"
                 for k in rules.keep_in_touch(doc, self.today)]
        self.keep_in_touch.value = (f"<ul>{''.join(items)}</ul>" if items
                                    else "<p>No keep-in-touch dates set (add them on the network map).</p>")

    def export_calendar(self):
        """Write the reminders file beside the journal (the same file, updated, on every click); its path or None."""
        try:
            target = write_reminders(self.journal, today=self.today)
            data = target.read_bytes()
        except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
            self.calendar_info.value = error_html(f"The calendar file could not be written: {exc}")
            return None
        count = data.count(b"BEGIN:VEVENT")
        # A data: URL carries the file itself, so the download works in the Voila app too, where the
        # student has no file browser; base64 leaves nothing of the journal's text to interpret.
        href = "data:text/calendar;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
        self.calendar_info.value = (
            f"<div class='wb-calendar' role='status'><p>{count} reminder(s) written to "
            f"<code>{html.escape(str(target))}</code> (in JupyterLab, right-click it in the file browser and "
            f"choose Download). <a href='{href}' download='{FILENAME}'>Download {FILENAME}</a></p>"
            f"<p>{html.escape(CALENDAR_HOWTO)}</p></div>")
        return target

    def _log(self, contact_id: str, kind: str, note: str) -> bool:
        if self.sent_on.value is None:
            self.status.error("give the date it was sent")
            return False
        try:
            self.journal.log_interaction(contact_id, kind, date=iso(self.sent_on.value))
        except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
            self._show_error(exc)
            self.status.error(str(exc))
            return False
        self.message.value = ""
        self.status.saved(note)
        self.refresh()
        return True

    def mark_thank_you(self, contact_id: str) -> bool:
        """Log a thank-you note to ``contact_id`` on the chosen date."""
        return self._log(contact_id, "thank_you", "thank-you note logged")

    def mark_reminder(self, contact_id: str) -> bool:
        """Log a reminder (follow_up) to ``contact_id`` on the chosen date."""
        return self._log(contact_id, "follow_up", "reminder logged")

    def _look(self, doc: dict) -> None:
        self.refresh()

    def _save(self, explicit: bool):
        self.refresh()
