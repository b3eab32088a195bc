"""Request drafter: an email or a LinkedIn note, filled from the contact, checked live, and logged when sent."""

from __future__ import annotations

import datetime as dt
import html

import ipywidgets as widgets

from ..checks import registry
from ..checks.request_email import check_request_email
from ..checks.selfcheck import latest
from ..journal.entries import new_id
from ..journal.records import newest
from ._autosave import Partial
from ._base import JournalWidget
from ._binding import Binding
from ._form import (NONE, STYLE, Form, button, choice_field, contact_options, date_field, error_html, heading, iso,
                    long_field, parse_day, row, set_options, text_field)
from .linkedin import CHECK as NOTE_CHECK
from .linkedin import LinkedInNote

# The record this widget writes is the one the "request_email" self-check (and the rubric) judges.
CHECK = registry.get("request_email")

NAME_PLACEHOLDER = "[Your name]"
CHANNELS = (("Email", "email"), ("LinkedIn note", "linkedin"))
_KEYS = ("contact_id", "subject", "body", "sent", "interaction_id")


def draft_email(contact: dict, introducer: dict | None = None, student_name: str = "") -> tuple[str, str]:
    """A first draft (subject, body) asking ``contact`` for an informational interview.

    It names who introduced you (or says you came across their name), asks
    for 20-30 minutes at their convenience, says you want advice and not a
    job, and signs with the student's name. A field ("public health") reads
    as a field; an occupation ("Data scientist") is a role, so it is never
    put where a field belongs ("people who work in Data scientist").
    """
    field = (contact.get("field") or "").strip()
    occupation = (contact.get("occupation") or "").strip()
    if field:
        learning, exploring, subject = (f"people who work in {field}", f"a career in {field}",
                                        f"A 20-minute conversation about {field}?")
    elif occupation:
        learning, exploring, subject = (f"the work of people in your role ({occupation})",
                                        f"work like yours ({occupation})", "A 20-minute conversation about your work?")
    else:
        learning, exploring, subject = ("your field", "a career in your field",
                                        "A 20-minute conversation about your work?")
    if introducer is not None:
        source = f"{introducer['name']} suggested I contact you."
    else:
        source = f"I came across your name while learning about {learning}."
    body = "\n".join([
        f"Dear {contact['name']},",
        "",
        f"{source} I am a student exploring {exploring}, and I would value your advice and "
        "hearing about your own path. I am not asking for a job; I hope to understand the work better.",
        "",
        "Could you spare 20-30 minutes for a conversation, in person, by phone or online, at a time "
        "that suits you?",
        "",
        "Thank you for considering my request.",
        "",
        "Best regards,",
        student_name.strip() or NAME_PLACEHOLDER,
    ])
    return subject, body


class RequestEmailDrafter(JournalWidget):
    """Write the request to one contact by email or LinkedIn note; marking it sent logs a request_email interaction."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.draft_id: str | None = None
        self.sent: str | None = None
        self.interaction_id: str | None = None
        self.fields = {
            "student_name": text_field("Your name", name=True),
            "contact_id": choice_field("Write to", [("(choose a contact)", NONE)], longest=40),
            "subject": text_field("Subject", width="95%"),
            "body": long_field("Email", rows=14, stacked=True),
        }
        self.form = Form(self.fields)
        self.binding = Binding(self.form, self._to_form, self._from_form)
        self.note = LinkedInNote()
        self.channel = widgets.ToggleButtons(options=CHANNELS, value="email", description="Send it as",
                                             style=STYLE, tooltips=["An email", "A LinkedIn connection note "
                                                                    "(300 characters at most)"])
        self.fill_button = button("Fill in a draft for this person")
        self.sent_date = date_field("Sent on")
        self.sent_button = button("Mark as sent and log it", style="success")
        self.sent_info = widgets.HTML()
        self.report = widgets.HTML()
        self.email_box = widgets.VBox([self.form.row("subject"), self.form.row("body"),
                                       heading("Check of this email"), self.report])
        self.form.on_change(self._edited)
        self.note.form.on_change(self._note_edited)
        self.fields["contact_id"].observe(self._on_contact, "value")
        self.channel.observe(self._on_channel, "value")
        self.fill_button.on_click(lambda _: self.fill())
        self.sent_button.on_click(lambda _: self.mark_sent())
        self.children = [
            self.form.row("student_name"), self.form.row("contact_id"), self.channel, self.fill_button,
            self.email_box, self.note.box,
            self.message, self._footer(),
            row(self.sent_date, self.sent_button), self.sent_info,
        ]
        doc = self._read()
        with self.form.quietly():
            self.fields["student_name"].value = doc["student"].get("name") or ""
            set_options(self.fields["contact_id"], contact_options(doc["contacts"], "(choose a contact)"), NONE)
        email, note = latest(doc, CHECK.section), latest(doc, NOTE_CHECK.section)
        # Open where the student left off: the channel and the person of the draft saved last.
        if note is not None and (email is None or str(note.get("updated")) > str(email.get("updated"))):
            with self.form.quietly():
                self.channel.value = "linkedin"
            email = self._theirs(doc, CHECK.section, note.get("contact_id")) or {"contact_id": note.get("contact_id")}
        self._load(email, doc)

    @staticmethod
    def _to_form(record: dict) -> dict:
        return {"contact_id": record.get("contact_id") or NONE, "subject": str(record.get("subject") or ""),
                "body": str(record.get("body") or "")}

    @staticmethod
    def _from_form(values: dict) -> dict:
        return {"contact_id": values["contact_id"] or None, "subject": values["subject"], "body": values["body"]}

    @staticmethod
    def _theirs(doc: dict, section: str, contact_id) -> dict | None:
        return newest([r for r in doc[section] if contact_id and r.get("contact_id") == contact_id])

    @property
    def linkedin(self) -> bool:
        return self.channel.value == "linkedin"

    def _load(self, record: dict | None, doc: dict) -> None:
        # No draft yet: a fresh one for whoever is chosen.
        record = record or {"contact_id": self.fields["contact_id"].value or None}
        self.draft_id = record.get("id")
        self.sent = record.get("sent")
        self.interaction_id = record.get("interaction_id")
        with self.form.quietly(), self.note.form.quietly():
            if record.get("contact_id"):
                set_options(self.fields["contact_id"], self.fields["contact_id"].options, record["contact_id"])
            self.binding.load({key: record.get(key) for key in _KEYS})
            self.note.load(self._theirs(doc, NOTE_CHECK.section, record.get("contact_id")))
            self.sent_date.value = parse_day(self._sent()) or dt.date.today()
        self._clear_errors()
        self._show_conflicts()
        self._update()

    def _sent(self) -> str | None:
        return self.note.sent if self.linkedin else self.sent

    def _bindings(self) -> list[Binding]:
        return [self.binding, self.note.binding]

    def _look(self, doc: dict) -> None:
        with self.form.quietly():
            set_options(self.fields["contact_id"], contact_options(doc["contacts"], "(choose a contact)"),
                        self.fields["contact_id"].value)
        record = next((r for r in doc[CHECK.section] if r["id"] == self.draft_id), None)
        if record is not None:
            self.binding.refresh({key: record.get(key) for key in _KEYS})
            self.sent, self.interaction_id = record.get("sent"), record.get("interaction_id")
        if not self.note.refresh(doc) and self.note.note_id is None and not self.note.text.strip():
            # A note begun in another tab for this person shows up here.
            with self.note.form.quietly():
                self.note.load(self._theirs(doc, NOTE_CHECK.section, self.fields["contact_id"].value))
        self._update()

    def _note_edited(self) -> None:
        if self.note.form.loading:
            return
        self._update()
        self.autosave.changed()

    def _on_channel(self, change) -> None:
        # Only what is shown changes: each channel keeps its own text. An empty note is drafted for the person.
        if self.linkedin and not self.note.text.strip() and self.fields["contact_id"].value:
            self.fill()
        with self.form.quietly():
            self.sent_date.value = parse_day(self._sent()) or self.sent_date.value
        self._update()

    def _on_contact(self, change) -> None:
        if self.form.loading or not change["new"]:
            return
        previous = change["old"]
        if not previous:
            # A draft begun before choosing anyone becomes this person's draft.
            if not (self.note.text if self.linkedin else self.fields["body"].value).strip():
                self.fill()
            else:
                self.autosave.changed()
            return
        # The edits so far belong to the previous person's drafts: save them before switching.
        with self.form.quietly():
            self.fields["contact_id"].value = previous
        if not self.flush():
            return
        with self.form.quietly():
            self.fields["contact_id"].value = change["new"]
        doc = self._read()
        self._load(self._theirs(doc, CHECK.section, change["new"]), doc)
        if not (self.note.text if self.linkedin else self.fields["body"].value).strip():
            self.fill()

    def fill(self) -> bool:
        """Replace the draft of the channel shown (subject and body, or the note) with a fresh one for the contact."""
        doc = self._read()
        by_id = {c["id"]: c for c in doc["contacts"]}
        contact = by_id.get(self.fields["contact_id"].value)
        if contact is None:
            self.message.value = error_html("Choose the person you are writing to first.")
            return False
        introducer, name = by_id.get(contact.get("introduced_by")), self.fields["student_name"].value
        if self.linkedin:
            self.note.fill(contact, introducer, name)
            return True
        subject, body = draft_email(contact, introducer, name)
        self.fields["subject"].value = subject
        self.fields["body"].value = body
        return True

    def _update(self) -> None:
        name = self.fields["student_name"].value.strip() or None
        self.email_box.layout.display = "none" if self.linkedin else None
        self.note.box.layout.display = None if self.linkedin else "none"
        if self.linkedin:
            self.note.update(name)
        else:
            self.report.value = check_request_email(self.fields["body"].value, sender_name=name)._repr_html_()
        sent, what = self._sent(), " (the LinkedIn note)" if self.linkedin else ""
        if sent:
            self.sent_info.value = (f"<p>Sent on {html.escape(sent)}{what} and logged in your network. "
                                    "If there is no answer after three working days, try the next person.</p>")
        else:
            self.sent_info.value = f"<p>Not sent yet{what}.</p>"
        self.sent_button.disabled = bool(sent)

    def _record(self) -> dict:
        return {
            "id": self.draft_id or new_id("e"),
            "contact_id": self.fields["contact_id"].value or None,
            "subject": self.fields["subject"].value,
            "body": self.fields["body"].value,
            "sent": self.sent,
            "interaction_id": self.interaction_id,
        }

    def _email_worth_saving(self) -> bool:
        # With the note shown, choosing a person writes no empty email draft (the email check judges the latest).
        return not self.linkedin or self.draft_id is not None or bool(
            (self.fields["subject"].value + self.fields["body"].value).strip())

    def _save(self, explicit: bool):
        self.form.clean_names()
        name = self.fields["student_name"].value
        contact_id = self.fields["contact_id"].value or None
        outcomes = []
        if self._email_worth_saving():
            self.draft_id = self.draft_id or new_id("e")
            outcomes.append(self._settled(self.binding, self.journal.merge_record(
                CHECK.section, self.draft_id, self.binding.base,
                {**self.binding.mine(), "sent": self.sent, "interaction_id": self.interaction_id},
                keep=self.binding.keep)))
        if self.note.worth_saving():
            outcomes.append(self._settled(self.note.binding, self.note.save(self.journal, contact_id)))
        doc = self.journal.read()
        if name.strip() != (doc["student"].get("name") or ""):
            self.journal.set_student_name(name)
        if not self.note.worth_saving():
            # A note another tab began for this person since: show it here rather than draft a second one.
            with self.note.form.quietly():
                self.note.load(self._theirs(doc, NOTE_CHECK.section, contact_id))
        self._seen = self._signature()
        left = [o.text for o in outcomes if isinstance(o, Partial)]
        return Partial("; ".join(dict.fromkeys(left))) if left else ""

    def mark_sent(self) -> bool:
        """Save the drafts, log a request_email interaction on the sent date for the channel shown, and record it."""
        contact_id = self.fields["contact_id"].value
        if not contact_id:
            self.message.value = error_html("Choose the person you sent it to first.")
            return False
        if self.sent_date.value is None:
            self.message.value = error_html("Give the date you sent it.")
            return False
        if not self.save():
            return False
        day = iso(self.sent_date.value)
        try:
            if self.linkedin:
                self.note.mark_sent(self.journal, contact_id, day)
            else:
                if self.interaction_id is None:
                    self.interaction_id = self.journal.log_interaction(contact_id, "request_email", date=day)["id"]
                self.sent = day
                stored = self.journal.save_record(CHECK.section, self._record())
                self.binding.base = {key: stored.get(key) for key in _KEYS}
        except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
            if self.linkedin:
                self.note.sent = None
            else:
                self.sent = None
            self._show_error(exc)
            self.status.error(str(exc))
            return False
        self.status.saved("request logged")
        self._update()
        return True
