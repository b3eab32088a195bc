"""Interview targets: the people the student plans to ask, with how they were found, why, priority and status."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..journal.vocabulary import PRIORITIES, STATUSES
from ._autosave import describe
from ._base import JournalWidget
from ._form import NONE, Form, button, choice_field, contact_options, error_html, long_field

_ORDER = {key: n for n, key in enumerate(PRIORITIES)}
OFF_THE_LIST = "(take off my list)"


def targets(contacts) -> list[dict]:
    """The contacts with a priority, highest priority first, then by name."""
    chosen = [c for c in contacts if c.get("priority") in PRIORITIES]
    return sorted(chosen, key=lambda c: (_ORDER[c["priority"]], c["name"].casefold()))


class TargetRow:
    """The editable fields of one person on the list."""

    def __init__(self, contact: dict, on_change):
        self.contact_id = contact["id"]
        self.heading = widgets.HTML(
            f"<h4 style='margin-bottom:0'>{html.escape(contact['name'])}"
            + (f" <small>({html.escape(contact['organization'])})</small>" if contact.get("organization") else "")
            + "</h4>")
        self.fields = {
            "how_found": long_field("How you found them", rows=2),
            "why": long_field("Why them", rows=2),
            "priority": choice_field("Priority", [(v, k) for k, v in PRIORITIES.items()] + [(OFF_THE_LIST, NONE)],
                                     width="20em"),
            "status": choice_field("Status", [(v, k) for k, v in STATUSES.items()], width="20em"),
        }
        self.form = Form(self.fields)
        self.form.load({key: contact.get(key) or "" for key in ("how_found", "why")}
                       | {"priority": contact["priority"], "status": contact.get("status") or "to_contact"})
        self.form.on_change(lambda: on_change(self.contact_id))
        self.box = widgets.VBox([self.heading, *[self.form.row(k) for k in self.fields]],
                                layout=widgets.Layout(border="1px solid #ddd", padding="4px", margin="4px 0"))

    def values(self) -> dict:
        values = self.form.values()
        values["priority"] = values["priority"] or None
        return values


class InterviewTargets(JournalWidget):
    """Choose people from the network to ask for an interview and keep notes on each."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.rows: dict[str, TargetRow] = {}
        self._dirty: set[str] = set()
        self.chooser = choice_field("Add someone from your network", [("(choose a contact)", NONE)])
        self.add_priority = choice_field("with priority", [(v, k) for k, v in PRIORITIES.items()], width="16em")
        self.add_priority.value = "medium"
        self.add_button = button("Add to my list")
        self.add_message = widgets.HTML()
        self.list_box = widgets.VBox()
        self.add_button.on_click(lambda _: self.add_target())
        self.children = [
            widgets.HTML("<p>People come from your network map; add anyone new there first.</p>"),
            widgets.HBox([self.chooser, self.add_priority, self.add_button]), self.add_message,
            self.list_box, self.message, self._footer(),
        ]
        self._rebuild(self._read())

    def _rebuild(self, doc: dict) -> None:
        """Lay out one row per target and offer everyone else in the chooser."""
        listed = targets(doc["contacts"])
        self.rows = {c["id"]: TargetRow(c, self._row_changed) for c in listed}
        others = [c for c in doc["contacts"] if c["id"] not in self.rows]
        self.chooser.options = contact_options(others, "(choose a contact)")
        self.chooser.value = NONE
        self.list_box.children = [row.box for row in self.rows.values()] or [
            widgets.HTML("<p><em>Nobody on your list yet.</em></p>")]

    def _row_changed(self, contact_id: str) -> None:
        self._dirty.add(contact_id)
        self.autosave.changed()

    def add_target(self) -> bool:
        """Put the chosen contact on the list (saving pending edits first)."""
        if not self.chooser.value:
            self.add_message.value = error_html("Choose a contact to add first.")
            return False
        if not self.flush():
            return False
        try:
            self.journal.update_contact(self.chooser.value, priority=self.add_priority.value)
        except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
            self.add_message.value = error_html(describe(exc))
            return False
        self.add_message.value = ""
        self._rebuild(self.journal.read())
        self.status.saved("added to your list")
        return True

    def _save(self, explicit: bool):
        for contact_id in sorted(self._dirty):
            self._failed_row = self.rows.get(contact_id)
            if self._failed_row is not None:
                self.journal.update_contact(contact_id, **self._failed_row.values())
            self._dirty.discard(contact_id)
        self._failed_row = None
        doc = self.journal.read()
        if [c["id"] for c in targets(doc["contacts"])] != list(self.rows):
            # A priority changed or someone left the list; rebuilding moves the focus, so only then.
            self._rebuild(doc)

    def _show_error(self, exc):
        row = getattr(self, "_failed_row", None)
        if row is not None and row.form.show_error(getattr(exc, "field", None), describe(exc)):
            self.message.value = ""
        else:
            self.message.value = error_html(describe(exc))

    def _clear_errors(self):
        self.message.value = ""
        for row in self.rows.values():
            row.form.clear_errors()
