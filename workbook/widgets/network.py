"""Network map: the people a student already knows, added and edited one at a time."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter

import ipywidgets as widgets

from ..journal.vocabulary import CATEGORIES, PRIORITIES, STATUSES, label
from ._autosave import NotReady
from ._base import JournalWidget
from ._binding import Binding
from ._form import (NONE, Form, button, choice_field, contact_options, date_field, heading, iso, long_field,
                    parse_day, row, set_options, table_html, text_field)

# One question per group to jog the student's memory; the groups are the journal's categories.
BRAINSTORM = {
    "family_friends": "Which relatives, neighbours or family friends have jobs you know little about?",
    "school": "Which instructors, advisers, staff members or classmates talk about work that interests you?",
    "alumni": "Who finished your program a few years ago, and where are they now?",
    "work": "Who have you worked beside or reported to, in paid jobs, internships or volunteering?",
    "associations": "Which clubs, teams or professional groups are you part of, and who runs them?",
    "community": "Who do you see at your place of worship, gym, local shops or community events?",
    "online": "Whom do you follow or talk with online in the field you are curious about?",
}

NEW_CONTACT = "(a new contact)"
NOBODY = "(nobody: I know them myself)"
# Choosers list people by name and organization; room for a long pair before the box must scroll.
CHOOSER_CHARS = 40


def _brainstorm_html() -> str:
    items = "".join(
        f"<li><strong>{html.escape(CATEGORIES[key])}:</strong> {html.escape(question)}</li>"
        for key, question in BRAINSTORM.items()
    )
    return ("<div class='wb-brainstorm'><p>Before adding anyone, think through each group of people "
            f"you already know and jot down every name that comes to mind.</p><ul>{items}</ul></div>")


def category_counts(contacts) -> dict[str, int]:
    """How many contacts are in each category, every category listed (in vocabulary order)."""
    counted = Counter(c.get("category") for c in contacts)
    return {key: counted.get(key, 0) for key in CATEGORIES}


def contact_form_values(contact: dict | None, keys) -> dict:
    """A contact in the form's terms: dates as dates, "no choice" as the blank option."""
    values = {key: (contact or {}).get(key) or "" for key in keys}
    for key in ("introduced_by", "priority"):
        values[key] = values[key] or NONE
    values["category"] = values["category"] or next(iter(CATEGORIES))
    values["status"] = values["status"] or "to_contact"
    values["added"] = parse_day(values["added"]) or dt.date.today()
    values["follow_up"] = parse_day(values["follow_up"])
    return values


def contact_entry(values: dict) -> dict:
    """The form's values as journal contact fields."""
    values = dict(values)
    values["introduced_by"] = values["introduced_by"] or None
    values["priority"] = values["priority"] or None
    values["added"] = iso(values["added"])
    values["follow_up"] = iso(values["follow_up"])
    return values


class NetworkMap(JournalWidget):
    """Add and edit contacts; the network as a table with counts by group."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.contact_id: str | None = None
        self.brainstorm = widgets.HTML(_brainstorm_html())
        self.chooser = choice_field("Contact to edit", [(NEW_CONTACT, NONE)], longest=CHOOSER_CHARS)
        self.new_button = button("Start a new contact")
        self.fields = {
            "name": text_field("Name", name=True),
            "category": choice_field("Group", [(v, k) for k, v in CATEGORIES.items()]),
            "organization": text_field("Organization", name=True),
            "occupation": text_field("Occupation", name=True),
            "field": text_field("Field", name=True),
            "introduced_by": choice_field("Introduced by", [(NOBODY, NONE)], longest=CHOOSER_CHARS),
            "how_found": long_field("How you know them", rows=2),
            "why": long_field("Why talk to them", rows=2),
            "email": text_field("Email", name=True),
            "phone": text_field("Phone", name=True),
            "added": date_field("Added on"),
            "status": choice_field("Status", [(v, k) for k, v in STATUSES.items()]),
            "priority": choice_field("Priority for an interview",
                                     [("(not on my interview list)", NONE)] + [(v, k) for k, v in PRIORITIES.items()]),
            "follow_up": date_field("Keep in touch on"),
            "notes": long_field("Notes", rows=3),
        }
        self.form = Form(self.fields)
        self.binding = Binding(self.form, lambda c: contact_form_values(c, self.fields), contact_entry)
        self.table = widgets.HTML()
        self.counts = widgets.HTML()
        self.form.on_change(self.autosave.changed)
        self.chooser.observe(self._on_choose, "value")
        self.new_button.on_click(lambda _: self.start_new())
        self.children = [
            self.brainstorm,
            row(self.chooser, self.new_button),
            *[self.form.row(key) for key in self.fields],
            self.message,
            self._footer(),
            heading("Your network"), self.counts, self.table,
        ]
        with self.form.quietly():
            self.binding.load(None)
            self._refresh(self._read())

    # -- loading -------------------------------------------------------------

    def _refresh(self, doc: dict) -> None:
        """Redraw the choosers, the table and the counts from ``doc``; the form is left alone."""
        contacts = doc["contacts"]
        names = {c["id"]: c["name"] for c in contacts}
        with self.form.quietly():
            options = contact_options(contacts, NEW_CONTACT)
            set_options(self.chooser, options, self.contact_id or NONE)
            set_options(self.fields["introduced_by"], contact_options(contacts, NOBODY, exclude=self.contact_id),
                        self.fields["introduced_by"].value)
        rows = [
            (c["name"], label(CATEGORIES, c["category"]), c.get("organization") or "", c.get("occupation") or "",
             label(STATUSES, c.get("status")), label(PRIORITIES, c.get("priority")) if c.get("priority") else "",
             names.get(c.get("introduced_by"), ""), c.get("added") or "")
            for c in sorted(contacts, key=lambda c: (c["name"].casefold(), c["id"]))
        ]
        self.table.value = table_html(
            ("Name", "Group", "Organization", "Occupation", "Status", "Priority", "Introduced by", "Added"),
            rows, empty="No contacts yet: start with the people in the groups above.", label="Your network")
        counts = category_counts(contacts)
        items = "".join(f"<li>{html.escape(CATEGORIES[k])}: {n}</li>" for k, n in counts.items())
        self.counts.value = (f"<div class='wb-counts'><strong>{len(contacts)} contact(s)</strong>"
                             f"<ul>{items}</ul></div>")

    def _look(self, doc: dict) -> None:
        self._refresh(doc)
        current = next((c for c in doc["contacts"] if c["id"] == self.contact_id), None)
        if current is not None:
            self.binding.refresh(current)

    def _load_contact(self, contact: dict | None) -> None:
        with self.form.quietly():
            self.contact_id = contact["id"] if contact else None
            self._refresh(self._read())
            self.binding.load(contact)
        self._clear_errors()
        self._show_conflicts()

    def _on_choose(self, change) -> None:
        if self.form.loading or change["new"] == (self.contact_id or NONE):
            return
        if not self.flush():
            # Keep the unsaved edits on screen rather than replacing them with another contact.
            with self.form.quietly():
                self.chooser.value = self.contact_id or NONE
            return
        chosen = change["new"]
        contact = next((c for c in self._read()["contacts"] if c["id"] == chosen), None)
        self._load_contact(contact)

    def start_new(self) -> bool:
        """Save the contact on screen, then clear the form for a new one; False if the save failed."""
        if not self.flush():
            return False
        self._load_contact(None)
        return True

    # -- saving --------------------------------------------------------------

    def contact_values(self) -> dict:
        """The form as journal contact fields."""
        return self.binding.mine()

    def _save(self, explicit: bool):
        self.form.clean_names()
        values = self.contact_values()
        if self.contact_id is None:
            if not values["name"].strip() and not explicit:
                raise NotReady("Type the person's name and this contact will be saved.")
            contact = self.journal.add_contact(**values)
            self.contact_id = contact["id"]
            self.binding.base = dict(contact)
            outcome = f"added {contact['name']}"
        else:
            outcome = self._settled(self.binding, self.journal.merge_contact(
                self.contact_id, self.binding.base, values, keep=self.binding.keep))
        self._refresh(self._read())
        return outcome
