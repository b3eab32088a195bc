"""The LinkedIn channel of the request drafter: a connection note, its live character count and check.

The drafter (``request_email.py``) holds one `LinkedInNote` beside its email
fields. The note is its own journal record (``linkedin_notes``) with its own
`Binding`, so switching channel only shows the other fields: nothing typed in
either is lost, and each merges with other tabs on its own.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..checks import registry
from ..checks.drafts import draft_linkedin_note
from ..checks.linkedin_note import MAX_CHARACTERS
from ..journal.entries import new_id
from ._binding import Binding
from ._form import Form, heading, long_field

CHECK = registry.get("linkedin_note")
_KEYS = ("contact_id", "body", "sent", "interaction_id")
LOGGED_AS = "request_email"  # a LinkedIn request is a request: the follow-up dates and nudges count it
LOGGED_NOTE = "LinkedIn note"  # ...told apart from an email in the interaction's notes


def count_html(text: str) -> str:
    """The live count against LinkedIn's limit, measured as the check measures it (the trimmed note)."""
    length = len(text.strip())
    if length <= MAX_CHARACTERS:
        words, colour = f"{length} of {MAX_CHARACTERS} characters", "#555"
    else:
        words, colour = f"{length} of {MAX_CHARACTERS} characters: {length - MAX_CHARACTERS} too many", "#b42318"
    return (f"<div class='wb-count' role='status' aria-live='polite' style='color:{colour}'>"
            f"{html.escape(words)}</div>")


class LinkedInNote:
    """The note's form, binding, count and check report, and what its record holds besides."""

    def __init__(self):
        self.note_id: str | None = None
        self.sent: str | None = None
        self.interaction_id: str | None = None
        self.form = Form({"body": long_field("LinkedIn note", rows=5, stacked=True)})
        self.binding = Binding(self.form, lambda r: {"body": str(r.get("body") or "")},
                               lambda values: {"body": values["body"]})
        self.count = widgets.HTML()
        self.report = widgets.HTML()
        self.box = widgets.VBox([self.form.row("body"), self.count, heading("Check of this note"), self.report])

    @property
    def text(self) -> str:
        return self.form.fields["body"].value

    def load(self, record: dict | None) -> None:
        record = record or {}
        self.note_id = record.get("id")
        self.sent, self.interaction_id = record.get("sent"), record.get("interaction_id")
        self.binding.load({key: record.get(key) for key in _KEYS})

    def refresh(self, doc: dict) -> bool:
        """Show what another tab saved of this note; True if the note is on disk."""
        record = next((r for r in doc[CHECK.section] if r["id"] == self.note_id), None)
        if record is None:
            return False
        self.binding.refresh({key: record.get(key) for key in _KEYS})
        self.sent, self.interaction_id = record.get("sent"), record.get("interaction_id")
        return True

    def fill(self, contact: dict, introducer: dict | None, student_name: str) -> None:
        self.form.fields["body"].value = draft_linkedin_note(contact, introducer, student_name)

    def update(self, student_name: str | None) -> None:
        self.count.value = count_html(self.text)
        self.report.value = CHECK.run(self.text, sender_name=student_name)._repr_html_()

    def mine(self, contact_id: str | None) -> dict:
        return {**self.binding.mine(), "contact_id": contact_id, "sent": self.sent,
                "interaction_id": self.interaction_id}

    def worth_saving(self) -> bool:
        """A note is saved once it has words or a record: choosing a person alone writes no empty note."""
        return self.note_id is not None or bool(self.text.strip())

    def save(self, journal, contact_id: str | None):
        """Merge the note into the journal; the merge's outcome for `JournalWidget._settled`."""
        self.note_id = self.note_id or new_id("li")
        return journal.merge_record(CHECK.section, self.note_id, self.binding.base, self.mine(contact_id),
                                    keep=self.binding.keep)

    def mark_sent(self, journal, contact_id: str, day: str) -> None:
        """Log the request once (a request_email interaction noted as a LinkedIn note) and record the date."""
        if self.interaction_id is None:
            self.interaction_id = journal.log_interaction(contact_id, LOGGED_AS, date=day, notes=LOGGED_NOTE)["id"]
        self.sent = day
        stored = journal.save_record(CHECK.section, {"id": self.note_id, **self.mine(contact_id)})
        self.binding.base = {key: stored.get(key) for key in _KEYS}
