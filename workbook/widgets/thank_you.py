"""Thank-you note drafter: a note drafted from one interview record, checked live, and logged when sent."""

from __future__ import annotations

import datetime as dt
import html

import ipywidgets as widgets

from ..checks import registry
from ..checks.drafts import draft_thank_you
from ..journal.entries import new_id
from ..journal.records import interviews_newest_first, newest
from ._autosave import NotReady
from ._base import JournalWidget
from ._binding import Binding
from ._form import (NONE, Form, button, choice_field, date_field, error_html, heading, iso, long_field, parse_day,
                    row, set_options, text_field)
from .interview import interview_label

# The record this widget writes is the one the "thank_you" self-check (and the rubric) judges.
CHECK = registry.get("thank_you")
NO_INTERVIEW = "(record an interview first)"
_KEYS = ("interview_id", "contact_id", "body", "sent", "interaction_id")


class ThankYouDrafter(JournalWidget):
    """One thank-you note per interview; marking it sent logs a thank_you interaction once."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.note_id: str | None = None
        self.sent: str | None = None
        self.interaction_id: str | None = None
        self.interview: dict = {}
        self.others: tuple[str, ...] = ()
        self.chooser = choice_field("Thank-you note for", [(NO_INTERVIEW, NONE)], longest=40)
        self.fields = {
            "student_name": text_field("Your name", name=True),
            "body": long_field("Thank-you note", rows=12, stacked=True),
        }
        self.form = Form(self.fields)
        self.binding = Binding(self.form, lambda r: {"body": str(r.get("body") or "")},
                               lambda values: {"body": values["body"]})
        self.fill_button = button("Fill in a draft from this interview")
        self.sent_date = date_field("Sent on")
        self.sent_button = button("Mark as sent and log it", style="success")
        self.sent_info = widgets.HTML()
        self.report = widgets.HTML()
        self.form.on_change(self._edited)
        self.chooser.observe(self._on_choose, "value")
        self.fill_button.on_click(lambda _: self.fill())
        self.sent_button.on_click(lambda _: self.mark_sent())
        self.children = [
            self.form.row("student_name"), self.chooser, row(self.fill_button), self.form.row("body"),
            self.message, self._footer(),
            row(self.sent_date, self.sent_button), self.sent_info,
            heading("Check of this note"), self.report,
        ]
        doc = self._read()
        last = newest(doc[CHECK.section])
        with self.form.quietly():
            self.fields["student_name"].value = doc["student"].get("name") or ""
            self._offer(doc, last.get("interview_id") if last else None)
        self._load(doc)

    # -- the interviews and the note on screen ---------------------------------------

    def _offer(self, doc: dict, chosen: str | None) -> None:
        interviews = interviews_newest_first(doc["interviews"])
        options = [(interview_label(r), r["id"]) for r in interviews] or [(NO_INTERVIEW, NONE)]
        set_options(self.chooser, options, chosen if chosen else options[0][1])

    def _context(self, doc: dict) -> None:
        """The chosen interview and the names of everyone else, which the live check reads."""
        self.interview = next((r for r in doc["interviews"] if r["id"] == self.chooser.value), None) or {}
        self.others = tuple(c["name"] for c in doc["contacts"] if c["id"] != self.interview.get("contact_id"))

    def _load(self, doc: dict) -> None:
        chosen = self.chooser.value
        record = newest([r for r in doc[CHECK.section] if chosen and r.get("interview_id") == chosen]) or {}
        self.note_id = record.get("id")
        self.sent, self.interaction_id = record.get("sent"), record.get("interaction_id")
        self._context(doc)
        with self.form.quietly():
            self.binding.load({key: record.get(key) for key in _KEYS})
            self.sent_date.value = parse_day(self.sent) or dt.date.today()
        self._clear_errors()
        self._show_conflicts()
        self._update()

    def _look(self, doc: dict) -> None:
        before = self.chooser.value
        with self.form.quietly():
            self.fields["student_name"].value = (self.fields["student_name"].value
                                                 or doc["student"].get("name") or "")
            self._offer(doc, before or None)
        if self.chooser.value != before and not self.binding.edited():
            # The first interview was recorded since this widget was built: show its note, if any.
            self._load(doc)
            return
        record = next((r for r in doc[CHECK.section] if r["id"] == self.note_id), None)
        if record is not None:
            self.binding.refresh({key: record.get(key) for key in _KEYS})
            self.sent, self.interaction_id = record.get("sent"), record.get("interaction_id")
        self._context(doc)
        self._update()

    def _on_choose(self, change) -> None:
        if self.form.loading:
            return
        # What is on screen belongs to the note of the interview chosen before: save it first.
        with self.form.quietly():
            self.chooser.value = change["old"]
        if not self.flush():
            return
        with self.form.quietly():
            self.chooser.value = change["new"]
        self._load(self._read())

    def fill(self) -> bool:
        """Replace the note with a fresh draft from the chosen interview record."""
        doc = self._read()
        if not self.chooser.value:
            self._look(doc)
        self._context(doc)
        if not self.interview:
            self.message.value = error_html("Record the interview first (notebook 07), then choose it here.")
            return False
        self.message.value = ""
        self.fields["body"].value = draft_thank_you(self.interview, self.fields["student_name"].value)
        return True

    # -- the live check and saving -----------------------------------------------------

    def _update(self) -> None:
        name = self.fields["student_name"].value.strip() or None
        self.report.value = CHECK.run(self.fields["body"].value, self.interview or None, name, sent=self.sent,
                                      others=self.others)._repr_html_()
        if self.sent:
            self.sent_info.value = (f"<p>Sent on {html.escape(self.sent)} and logged in your network.</p>")
        else:
            self.sent_info.value = "<p>Not sent yet: send it within two days of the interview, then mark it sent.</p>"
        self.sent_button.disabled = bool(self.sent)

    def _mine(self) -> dict:
        return {**self.binding.mine(), "interview_id": self.chooser.value or None,
                "contact_id": self.interview.get("contact_id"), "sent": self.sent,
                "interaction_id": self.interaction_id}

    def _save(self, explicit: bool):
        self.form.clean_names()
        if not self.chooser.value:
            raise NotReady("Record the interview first, then choose it here; your text stays on screen.")
        name = self.fields["student_name"].value
        self.note_id = self.note_id or new_id("t")
        outcome = self._settled(self.binding, self.journal.merge_record(
            CHECK.section, self.note_id, self.binding.base, self._mine(), keep=self.binding.keep))
        if name.strip() != (self.journal.read()["student"].get("name") or ""):
            self.journal.set_student_name(name)
        self._seen = self._signature()
        return outcome

    def _logged(self, contact_id: str, day: str) -> str:
        """The thank_you interaction for this note: the one already logged that day (the tracker's), or a new one."""
        doc = self.journal.read()
        if any(i["id"] == self.interaction_id for i in doc["interactions"]):
            return self.interaction_id
        same = next((i for i in doc["interactions"] if i.get("contact_id") == contact_id
                     and i.get("kind") == "thank_you" and i.get("date") == day), None)
        if same is not None:
            return same["id"]
        return self.journal.log_interaction(contact_id, "thank_you", date=day)["id"]

    def mark_sent(self) -> bool:
        """Save the note, log a thank_you interaction with the interviewee on the sent date, and record it."""
        self._context(self._read())
        contact_id = self.interview.get("contact_id")
        if not contact_id:
            self.message.value = error_html("Link this interview to a person in your network in the interview "
                                            "recorder first, so the note can be logged with them.")
            return False
        if self.sent_date.value is None:
            self.message.value = error_html("Give the date you sent it.")
            return False
        if not self.save():
            return False
        day = iso(self.sent_date.value)
        try:
            self.interaction_id = self._logged(contact_id, day)
            self.sent = day
            stored = self.journal.save_record(CHECK.section, {"id": self.note_id, **self._mine()})
            self.binding.base = {key: stored.get(key) for key in _KEYS if key in stored}
        except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
            self.sent = None
            self._show_error(exc)
            self.status.error(str(exc))
            return False
        self.message.value = ""
        self.status.saved("thank-you note logged")
        self._update()
        return True
