"""Reflection: what went well, what surprised you, what you will do better, for one interview."""

from __future__ import annotations

from ..journal.entries import new_id
from ..journal.records import interviews_newest_first, newest
from ._autosave import NotReady
from ._base import JournalWidget
from ._binding import Binding
from ._form import NONE, Form, choice_field, long_field, set_options
from .interview import interview_label

PROMPTS = {
    "went_well": "What went well in the conversation?",
    "surprised": "What surprised you about their work or their path?",
    "do_better": "What will you do differently in your next interview?",
}
NO_INTERVIEW = "(record an interview first)"


class Reflection(JournalWidget):
    """One reflection per interview, chosen from the interviews already recorded."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.reflection_id: str | None = None
        self.chooser = choice_field("About the interview with", [(NO_INTERVIEW, NONE)], longest=40)
        self.fields = {key: long_field(text, rows=4, stacked=True) for key, text in PROMPTS.items()}
        self.form = Form(self.fields)
        self.binding = Binding(self.form, lambda r: {key: str(r.get(key) or "") for key in PROMPTS},
                               lambda values: dict(values))
        self.form.on_change(self.autosave.changed)
        self.chooser.observe(self._on_choose, "value")
        self.children = [self.chooser, *[self.form.row(k) for k in self.fields], self.message, self._footer()]
        doc = self._read()
        with self.form.quietly():
            self._offer(doc, first=True)
        self._load(doc)

    def _offer(self, doc: dict, first: bool = False) -> None:
        """The interviews to reflect on, newest first; a new one shows up when the student comes back."""
        interviews = interviews_newest_first(doc["interviews"])
        options = [(interview_label(r), r["id"]) for r in interviews] or [(NO_INTERVIEW, NONE)]
        set_options(self.chooser, options, options[0][1] if first else self.chooser.value)

    def _load(self, doc: dict) -> None:
        interview_id = self.chooser.value
        record = newest([r for r in doc["reflections"] if interview_id and r.get("interview_id") == interview_id]) or {}
        self.reflection_id = record.get("id")
        with self.form.quietly():
            self.binding.load(record)
        self._clear_errors()
        self._show_conflicts()

    def _look(self, doc: dict) -> None:
        before = self.chooser.value
        with self.form.quietly():
            self._offer(doc, first=not before)
        if self.chooser.value != before and not self.binding.edited():
            self._load(doc)
            return
        record = next((r for r in doc["reflections"] if r["id"] == self.reflection_id), None)
        if record is not None:
            self.binding.refresh(record)

    def _on_choose(self, change) -> None:
        if self.form.loading:
            return
        previous = change["old"]
        with self.form.quietly():
            self.chooser.value = previous
        if not self.flush():
            return
        with self.form.quietly():
            self.chooser.value = change["new"]
        self._load(self._read())

    def _save(self, explicit: bool):
        if not self.chooser.value:
            raise NotReady("Record the interview first, then choose it here; your text stays on screen.")
        self.reflection_id = self.reflection_id or new_id("r")
        return self._settled(self.binding, self.journal.merge_record(
            "reflections", self.reflection_id, self.binding.base,
            {"interview_id": self.chooser.value, **self.binding.mine()}, keep=self.binding.keep))
