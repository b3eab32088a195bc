"""Interview recorder: who, when, how long, an answer to each required question, and what comes next.

Everything the informational-interview assignment asks for can be done here
without code: choose the person from the network or add them ("Add them to my
network"), and add or link the person they suggested ("Add or link the
person they named"), who is then introduced by the interviewee.
"""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets

from ..checks import registry
from ..checks.interview import check_interview
from ..checks.question_bank import required_questions
from ..checks.selfcheck import latest
from ..errors import JournalValueError
from ..journal import fields as checked
from ..journal.entries import identity, new_id
from ..journal.records import interviews_newest_first
from ..journal.vocabulary import CATEGORIES
from ._base import JournalWidget
from ._binding import Binding
from ._form import (NONE, STYLE, Form, button, choice_field, contact_options, date_field, error_html, heading, iso,
                    long_field, message_box, notice_html, parse_day, row, set_options, text_field)

# The record this widget writes is the one the "interview" self-check (and the rubric) judges.
CHECK = registry.get("interview")

NEW_INTERVIEW = "(a new interview)"
CHOOSE = "(choose a contact)"
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
        self.chooser = choice_field("Interview record", [(NEW_INTERVIEW, NONE)], longest=40)
        self.new_button = button("Record another interview")
        self.fields = {
            "contact_id": choice_field("Who (from your network)", [(CHOOSE, NONE)], longest=40),
            "name": text_field("Name", name=True),
            "occupation": text_field("Occupation", name=True),
            "organization": text_field("Organization", name=True),
            "date": date_field("Date held"),
            "minutes": text_field("Length (minutes)", placeholder="e.g. 25", chars=5),
            **{f"answers.{q.id}": long_field(q.text, rows=3, stacked=True) for q in self.questions},
            "notes": long_field("Other notes", rows=3, stacked=True),
            "learned": long_field("What you learned", rows=3, stacked=True),
            "next_steps": long_field("Your next steps", rows=2, stacked=True),
            "asked_for_referral": widgets.Checkbox(description="I asked for another contact", style=STYLE,
                                                   indent=False),
            "next_contact": text_field("Name they gave you", name=True),
        }
        self.form = Form(self.fields)
        self.binding = Binding(self.form, self._to_form, self._from_form)
        self.group = choice_field("Their group", [(v, k) for k, v in CATEGORIES.items()])
        self.add_button = button("Add them to my network", "Add the person named above to your network map")
        self.add_message = message_box()
        self.link_button = button("Add or link the person they named",
                                  "Put the person they suggested in your network, introduced by your interviewee")
        self.link_message = message_box()
        self.report = widgets.HTML()
        self.form.on_change(self._edited)
        self.fields["contact_id"].observe(self._on_contact, "value")
        self.chooser.observe(self._on_choose, "value")
        self.new_button.on_click(lambda _: self.start_new())
        self.add_button.on_click(lambda _: self.add_interviewee())
        self.link_button.on_click(lambda _: self.add_next_contact())
        rows = {key: self.form.row(key) for key in self.fields}
        self.children = [
            row(self.chooser, self.new_button),
            rows["contact_id"],
            *[rows[key] for key in ("name", "occupation", "organization")],
            widgets.HTML("<p class='wb-hint'>Not in your network yet? Fill in the name above, choose their group, "
                         "and add them.</p>"),
            row(self.group, self.add_button, self.add_message),
            *[rows[key] for key in list(self.fields)[4:]],
            row(self.link_button, self.link_message),
            self.message, self._footer(),
            heading("Check of this record"), self.report,
        ]
        doc = self._read()
        self._load(doc, latest(doc, CHECK.section))

    # -- the form and the record -------------------------------------------------

    def _to_form(self, record: dict) -> dict:
        answers = record.get("answers") if isinstance(record.get("answers"), dict) else {}
        values = {key: str(record.get(key) or "") for key in _TEXT_KEYS}
        values.update({f"answers.{q.id}": str(answers.get(q.id) or "") for q in self.questions})
        minutes = record.get("minutes")
        values["minutes"] = "" if minutes is None else str(minutes)
        values["date"] = parse_day(record.get("date"))
        values["asked_for_referral"] = bool(record.get("asked_for_referral"))
        values["contact_id"] = record.get("contact_id") or NONE
        return values

    def _from_form(self, values: dict) -> dict:
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

    def record(self) -> dict:
        """The interview as it is on screen, in the journal's record form (minutes unchecked)."""
        return self.binding.mine()

    # -- loading -------------------------------------------------------------

    def _load(self, doc: dict, record: dict | None) -> None:
        record = record or {}
        self.record_id = record.get("id")
        self.interaction_id = record.get("interaction_id")
        with self.form.quietly():
            self._refresh(doc)
            self.binding.load(record)
        self.add_message.value = self.link_message.value = ""
        self._clear_errors()
        self._show_conflicts()
        self._update()

    def _refresh(self, doc: dict) -> None:
        records = interviews_newest_first(doc[CHECK.section])
        with self.form.quietly():
            set_options(self.chooser, [(NEW_INTERVIEW, NONE)] + [(interview_label(r), r["id"]) for r in records],
                        self.record_id or NONE)
            set_options(self.fields["contact_id"], contact_options(doc["contacts"], CHOOSE),
                        self.fields["contact_id"].value)

    def _look(self, doc: dict) -> None:
        self._refresh(doc)
        current = next((r for r in doc[CHECK.section] if r["id"] == self.record_id), None)
        if current is not None:
            self.binding.refresh(current)
            self._update()

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

    # -- people ------------------------------------------------------------------

    def add_interviewee(self) -> bool:
        """Add the person named in the form to the network and link this record to them."""
        self.form.clean_names()
        values = {key: self.fields[key].value for key in ("name", "occupation", "organization")}
        try:
            contact = self.journal.add_contact(**values, category=self.group.value)
        except JournalValueError as exc:
            self.add_message.value = error_html(self._words(exc))
            return False
        self._refresh(self._read())
        with self.form.quietly():
            self.fields["contact_id"].value = contact["id"]
        self.add_message.value = notice_html(f"Added {contact['name']} to your network and linked this record.")
        self.autosave.changed()
        return self.flush()

    def add_next_contact(self) -> bool:
        """Put the person they suggested in the network, introduced by the interviewee (linking a namesake)."""
        self.form.clean_names()
        introducer = self.fields["contact_id"].value
        name = self.fields["next_contact"].value.strip()
        if not introducer:
            self.link_message.value = error_html("First choose or add the person you interviewed, above.")
            return False
        if not name:
            self.link_message.value = error_html("Type the name they gave you first.")
            return False
        doc = self._read()
        by_id = {c["id"]: c for c in doc["contacts"]}
        namesakes = [c for c in doc["contacts"] if identity(c)[0] == identity({"name": name})[0]]
        try:
            if len(namesakes) == 1:
                contact = self.journal.update_contact(namesakes[0]["id"], introduced_by=introducer)
                said = f"{contact['name']}, already in your network, is now introduced by {by_id[introducer]['name']}."
            else:
                contact = self.journal.add_contact(name=name, category=by_id[introducer]["category"],
                                                   introduced_by=introducer)
                said = f"Added {contact['name']} to your network, introduced by {by_id[introducer]['name']}."
        except JournalValueError as exc:
            self.link_message.value = error_html(self._words(exc))
            return False
        self.fields["asked_for_referral"].value = True
        self.link_message.value = notice_html(said)
        self._refresh(self._read())
        return self.flush()

    # -- saving ------------------------------------------------------------------

    def _update(self) -> None:
        self.report.value = check_interview(self.record(), today=self.today)._repr_html_()

    def _save(self, explicit: bool):
        self.form.clean_names()
        mine = self.record()
        mine["minutes"] = checked.minutes("minutes", self.fields["minutes"].value.strip())
        mine["interaction_id"] = self.interaction_id
        self.record_id = self.record_id or new_id("iv")
        outcome = self._settled(self.binding, self.journal.merge_record(
            CHECK.section, self.record_id, self.binding.base, mine, keep=self.binding.keep))
        note = self._log_interview(self.journal.record(CHECK.section, self.record_id))
        self._refresh(self._read())
        return outcome if not isinstance(outcome, str) else note

    def _log_interview(self, record: dict) -> str:
        """Log the interview once as an interaction of its contact, keeping the id in the record."""
        held = parse_day(record.get("date"))
        if held is None or record.get("contact_id") is None:
            return ""
        if held > (self.today or dt.date.today()):
            return "not logged in your network until the date has come"
        doc = self.journal.read()
        logged = next((i for i in doc["interactions"] if i["id"] == self.interaction_id), None)
        if logged is not None:
            wanted = {"contact_id": record["contact_id"], "date": record["date"], "minutes": record.get("minutes")}
            if any(logged.get(key) != value for key, value in wanted.items()):
                self.journal.update_interaction(logged["id"], **wanted)
                return "the logged interview was corrected to match"
            return ""
        interaction = self.journal.log_interaction(record["contact_id"], "informational_interview",
                                                   date=record["date"], minutes=record.get("minutes"))
        self.interaction_id = interaction["id"]
        stored = self.journal.save_record(CHECK.section, {**record, "interaction_id": interaction["id"]})
        self.binding.base = {key: value for key, value in stored.items() if key != "updated"}
        return "interview logged in your network"
