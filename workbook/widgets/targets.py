"""Interview targets: the people the student plans to ask, with how they were found, why, priority and status."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..journal.vocabulary import PRIORITIES, STATUSES
from ._base import JournalWidget
from ._binding import Binding
from ._form import NONE, Form, button, choice_field, contact_options, error_html, long_field, row, set_options

_ORDER = {key: n for n, key in enumerate(PRIORITIES)}
OFF_THE_LIST = "(take off my list)"
CHOOSE = "(choose a contact)"
_KEYS = ("how_found", "why", "priority", "status")


def targets(contacts) -> list[dict]:
    """The contacts with a priority, highest priority first, then by name."""
    chosen = [c for c in contacts if c.get("priority") in PRIORITIES]
    return sorted(chosen, key=lambda c: (_ORDER[c["priority"]], c["name"].casefold()))


def _to_form(contact: dict) -> dict:
    return {"how_found": contact.get("how_found") or "", "why": contact.get("why") or "",
            "priority": contact.get("priority") or NONE, "status": contact.get("status") or "to_contact"}


def _from_form(values: dict) -> dict:
    return {**values, "priority": values["priority"] or None}


class TargetRow:
    """The editable fields of one person on the list."""

    def __init__(self, contact: dict, on_change):
        self.contact_id = contact["id"]
        self.name = contact["name"]
        self.heading = widgets.HTML(
            f"<p class='wb-row-title' style='margin:0'><strong>{html.escape(contact['name'])}</strong>"
            + (f" ({html.escape(contact['organization'])})" if contact.get("organization") else "") + "</p>")
        self.fields = {
            "how_found": long_field("How you found them", rows=2),
            "why": long_field("Why them", rows=2),
            "priority": choice_field("Priority", [(v, k) for k, v in PRIORITIES.items()] + [(OFF_THE_LIST, NONE)]),
            "status": choice_field("Status", [(v, k) for k, v in STATUSES.items()]),
        }
        self.form = Form(self.fields)
        self.binding = Binding(self.form, _to_form, _from_form, title=f"{contact['name']}: ")
        self.binding.load({key: contact.get(key) for key in _KEYS})
        self.form.on_change(lambda: on_change(self.contact_id))
        self.box = widgets.VBox([self.heading, *[self.form.row(k) for k in self.fields]],
                                layout=widgets.Layout(border="1px solid #ddd", padding="4px", margin="4px 0"))

    def values(self) -> dict:
        return self.binding.mine()


class InterviewTargets(JournalWidget):
    """Choose people from the network to ask for an interview and keep notes on each."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.rows: dict[str, TargetRow] = {}
        self._dirty: set[str] = set()
        self._failed_row = None
        self.chooser = choice_field("Add someone from your network", [(CHOOSE, NONE)], longest=40)
        self.add_priority = choice_field("with priority", [(v, k) for k, v in PRIORITIES.items()])
        self.add_priority.value = "medium"
        self.add_button = button("Add to my list")
        self.add_message = widgets.HTML()
        self.list_box = widgets.VBox()
        self.add_button.on_click(lambda _: self.add_target())
        self.children = [
            widgets.HTML("<p>People come from your network map; add anyone new there first.</p>"),
            row(self.chooser, self.add_priority, self.add_button), self.add_message,
            self.list_box, self.message, self._footer(),
        ]
        self._rebuild(self._read())

    def _rebuild(self, doc: dict) -> None:
        """Lay out one row per target and offer everyone else in the chooser."""
        listed = targets(doc["contacts"])
        self.rows = {c["id"]: TargetRow(c, self._row_changed) for c in listed}
        self._offer(doc)
        self.chooser.value = NONE
        self.list_box.children = [row.box for row in self.rows.values()] or [
            widgets.HTML("<p><em>Nobody on your list yet.</em></p>")]
        self._show_conflicts()

    def _offer(self, doc: dict) -> None:
        others = [c for c in doc["contacts"] if c["id"] not in self.rows]
        set_options(self.chooser, contact_options(others, CHOOSE), self.chooser.value)

    def _bindings(self):
        return [row.binding for row in self.rows.values()]

    def _look(self, doc: dict) -> None:
        listed = [c["id"] for c in targets(doc["contacts"])]
        if listed != list(self.rows) and not any(r.binding.edited() for r in self.rows.values()):
            self._rebuild(doc)
            return
        by_id = {c["id"]: c for c in doc["contacts"]}
        for contact_id, target in self.rows.items():
            if contact_id in by_id:
                target.binding.refresh({key: by_id[contact_id].get(key) for key in _KEYS})
        self._offer(doc)

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
            self.add_message.value = error_html(self._words(exc))
            return False
        self.add_message.value = ""
        self._rebuild(self._read())
        self.status.saved("added to your list")
        return True

    def _save(self, explicit: bool):
        partial = []
        for contact_id in sorted(self._dirty | {c for c, r in self.rows.items() if r.binding.keep}):
            self._failed_row = self.rows.get(contact_id)
            if self._failed_row is not None:
                target = self._failed_row
                outcome = self._settled(target.binding, self.journal.merge_contact(
                    contact_id, {"id": contact_id, **target.binding.base}, {"id": contact_id, **target.values()},
                    keep=target.binding.keep))
                if not isinstance(outcome, str):
                    partial.append(outcome)
                    continue
            self._dirty.discard(contact_id)
        self._failed_row = None
        doc = self._read()
        if not partial and [c["id"] for c in targets(doc["contacts"])] != list(self.rows):
            # A priority changed or someone left the list; rebuilding moves the focus, so only then.
            self._rebuild(doc)
        return partial[-1] if partial else ""

    def _words(self, exc):
        row = getattr(self, "_failed_row", None)
        field = getattr(exc, "field", None)
        if row is not None and row.form.field_for(field):
            return f"{row.name}: {row.form.label(field)}: {exc.problem}"
        return super()._words(exc)

    def _show_error(self, exc):
        row = getattr(self, "_failed_row", None)
        if row is not None and row.form.show_error(getattr(exc, "field", None), self._words(exc)):
            self.message.value = ""
        else:
            self.message.value = error_html(self._words(exc))

    def _clear_errors(self):
        self.message.value = ""
        for row in self.rows.values():
            row.form.clear_errors()
