"""Interview recorder: who, when, how long, an answer to each required question, and what comes next."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets

from ..checks import registry
from ..checks.interview import check_interview
from ..checks.question_bank import required_questions
from ..checks.selfcheck import latest
from ..errors import JournalValueError
from ..journal import fields as checked
from ..journal.entries import new_id
from ..journal.records import interviews_newest_first
from ._base import JournalWidget
from ._form import (NONE, STYLE, Form, button, choice_field, contact_options, date_field, iso, long_field,
                    parse_day, set_options, text_field)

# The record this widget writes is the one the "interview" self-check (and the rubric) judges.
CHECK = registry.get("interview")

NEW_INTERVIEW = "(a new interview)"
_TEXT_KEYS = ("name", "occupation", "organization", "notes", "learned", "next_steps", "next_contact")


def interview_label(record: dict) -> str:
    """How a saved interview appears in the chooser."""
    return f"{record.get('name') or '(no name yet)'}, {record.get('date') or 'no date yet'}"


class InterviewRecorder(JournalWidget):
    """Record one informational interview; saving with a date also logs it for the contact."""

    def __init__(self, journal=None, today: dt.date | None = None):
        super().__init__(journal)
        self.today = today
        self.record_id: str | None = None
        self.interaction_id: str | None = None
        self.questions = required_questions()
        self.chooser = choice_field("Interview record", [(NEW_INTERVIEW, NONE)])
        self.new_button = button("Record another interview")
        self.fields = {
            "contact_id": choice_field("Who (from your network)", [("(choose a contact)", NONE)]),
            "name": text_field("Name"),
            "occupation": text_field("Occupation"),
            "organization": text_field("Organization"),
            "date": date_field("Date held"),
            "minutes": text_field("Length (minutes)", placeholder="e.g. 25", width="16em"),
            **{f"answers.{q.id}": long_field(q.text, rows=3, stacked=True) for q in self.questions},
            "notes": long_field("Other notes", rows=3, stacked=True),
            "learned": long_field("What you learned", rows=3, stacked=True),
            "next_steps": long_field("Your next steps", rows=2, stacked=True),
            "asked_for_referral": widgets.Checkbox(description="I asked for another contact", style=STYLE,
                                                   indent=False),
            "next_contact": text_field("Name they gave you"),
        }
        self.form = Form(self.fields)
        self.report = widgets.HTML()
        self.form.on_change(self._edited)
        self.fields["contact_id"].observe(self._on_contact, "value")
        self.chooser.observe(self._on_choose, "value")
        self.new_button.on_click(lambda _: self.start_new())
        self.children = [
            widgets.HBox([self.chooser, self.new_button]),
            *[self.form.row(key) for key in self.fields],
            self.message, self._footer(),
            widgets.HTML("<h4>Check of this record</h4>"), self.report,
        ]
        doc = self._read()
        self._load(doc, latest(doc, CHECK.section))

    # -- loading -------------------------------------------------------------

    def _load(self, doc: dict, record: dict | None) -> None:
        record = record or {}
        self.record_id = record.get("id")
        self.interaction_id = record.get("interaction_id")
        answers = record.get("answers") if isinstance(record.get("answers"), dict) else {}
        values = {key: str(record.get(key) or "") for key in _TEXT_KEYS}
        values.update({f"answers.{q.id}": str(answers.get(q.id) or "") for q in self.questions})
        minutes = record.get("minutes")
        values["minutes"] = "" if minutes is None else str(minutes)
        values["date"] = parse_day(record.get("date"))
        values["asked_for_referral"] = bool(record.get("asked_for_referral"))
        with self.form.quietly():
            self._refresh(doc)
            set_options(self.fields["contact_id"], self.fields["contact_id"].options, record.get("contact_id") or NONE)
            self.form.load(values)
        self._clear_errors()
        self._update()

    def _refresh(self, doc: dict) -> None:
        records = interviews_newest_first(doc[CHECK.section])
        with self.form.quietly():
            set_options(self.chooser, [(NEW_INTERVIEW, NONE)] + [(interview_label(r), r["id"]) for r in records],
                        self.record_id or NONE)
            set_options(self.fields["contact_id"], contact_options(doc["contacts"], "(choose a contact)"),
                        self.fields["contact_id"].value)

    def _on_choose(self, change) -> None:
        if self.form.loading or change["new"] == (self.record_id or NONE):
            return
        if not self.flush():
            with self.form.quietly():
                self.chooser.value = self.record_id or NONE
            return
        doc = self._read()
        self._load(doc, next((r for r in doc[CHECK.section] if r["id"] == change["new"]), None))

    def start_new(self) -> bool:
        """Save the record on screen and clear the form for another interview; False if the save failed."""
        if not self.flush():
            return False
        self._load(self._read(), None)
        return True

    def _on_contact(self, change) -> None:
        # Choosing the person fills in what the journal knows about them; the student can still edit it.
        if self.form.loading or not change["new"]:
            return
        contact = next((c for c in self._read()["contacts"] if c["id"] == change["new"]), None)
        if contact is not None:
            for key in ("name", "occupation", "organization"):
                self.fields[key].value = contact.get(key) or ""

    # -- the record ------------------------------------------------------------

    def record(self) -> dict:
        """The interview as it is on screen, in the journal's record form (minutes unchecked)."""
        values = self.form.values()
        record = {key: values[key] for key in _TEXT_KEYS}
        record["contact_id"] = values["contact_id"] or None
        record["date"] = iso(values["date"])
        try:
            record["minutes"] = checked.minutes("minutes", values["minutes"].strip())
        except JournalValueError:
            record["minutes"] = values["minutes"]
        record["answers"] = {q.id: values[f"answers.{q.id}"] for q in self.questions}
        record["asked_for_referral"] = bool(values["asked_for_referral"])
        return record

    def _update(self) -> None:
        self.report.value = check_interview(self.record(), today=self.today)._repr_html_()

    def _save(self, explicit: bool):
        record = self.record()
        record["minutes"] = checked.minutes("minutes", self.fields["minutes"].value.strip())
        record["id"] = self.record_id or new_id("iv")
        record["interaction_id"] = self.interaction_id
        saved = self.journal.save_record(CHECK.section, record)
        self.record_id = saved["id"]
        note = self._log_interview(record)
        self._refresh(self.journal.read())
        return note

    def _log_interview(self, record: dict) -> str:
        """Log the interview once as an interaction of its contact, keeping the id in the record."""
        held = parse_day(record["date"])
        if held is None or record["contact_id"] is None:
            return ""
        if held > (self.today or dt.date.today()):
            return "not logged in your network until the date has come"
        doc = self.journal.read()
        logged = next((i for i in doc["interactions"] if i["id"] == self.interaction_id), None)
        if logged is not None:
            wanted = {"contact_id": record["contact_id"], "date": record["date"], "minutes": record["minutes"]}
            if any(logged.get(key) != value for key, value in wanted.items()):
                self.journal.update_interaction(logged["id"], **wanted)
                return "the logged interview was corrected to match"
            return ""
        interaction = self.journal.log_interaction(record["contact_id"], "informational_interview",
                                                   date=record["date"], minutes=record["minutes"])
        self.interaction_id = interaction["id"]
        self.journal.save_record(CHECK.section, {**record, "interaction_id": interaction["id"]})
        return "interview logged in your network"
