"""The quiz of "Why networking matters" as radio buttons: the questions of ``checks.quiz``, marked live by ``check_quiz``.

It is what the Voila app shows (an app runs no cell a student types in), and
it keeps the student's choices in the journal, so they are back after a
restart like everything else.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks.quiz import CHOSEN_HINT, QUIZ, SECTION, check_quiz
from ..journal.entries import new_id
from ..journal.records import newest
from ._base import JournalWidget
from ._binding import Binding
from ._form import STYLE, Form, heading, prompt


def _choices(question) -> widgets.RadioButtons:
    return widgets.RadioButtons(options=[(f"{letter}) {text}", letter) for letter, text in question.options],
                                value=None, style=STYLE, layout=widgets.Layout(width="auto"))


def _to_form(record: dict) -> dict:
    saved = record.get("answers") if isinstance(record.get("answers"), dict) else {}
    return {f"answers.{q.id}": saved.get(q.id) if saved.get(q.id) in dict(q.options) else None for q in QUIZ}


def _from_form(values: dict) -> dict:
    return {"answers": {q.id: values[f"answers.{q.id}"] for q in QUIZ}}


class Quiz(JournalWidget):
    """One radio group per question; the result shows under them and updates with every choice."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.record_id: str | None = None
        self.fields = {f"answers.{q.id}": _choices(q) for q in QUIZ}
        self.form = Form(self.fields)
        self.binding = Binding(self.form, _to_form, _from_form)
        self.report = widgets.HTML()
        self.form.on_change(self._edited)
        rows = []
        for number, question in enumerate(QUIZ, 1):
            control = self.fields[f"answers.{question.id}"]
            text = prompt(f"{number}. {question.prompt}", tag="p")
            text.add_class(f"wb-quiz-q{number}")
            control.add_class("wb-quiz-choices")
            rows.append(widgets.VBox([text, control]))
        self.children = [*rows, self.message, self._footer(), heading("Your result"), self.report]
        self._load(self._read())

    def answers(self) -> list[str]:
        """The letters chosen, in question order ("" for a question not answered yet)."""
        return [self.fields[f"answers.{q.id}"].value or "" for q in QUIZ]

    def _load(self, doc: dict) -> None:
        record = newest(doc[SECTION]) or {}
        self.record_id = record.get("id")
        self.binding.load(record)
        self._show_conflicts()
        self._update()

    def _look(self, doc: dict) -> None:
        record = next((r for r in doc[SECTION] if r["id"] == self.record_id), None)
        if record is None and self.record_id is None:
            record = newest(doc[SECTION])
            self.record_id = record.get("id") if record else None
        if record is not None:
            self.binding.refresh(record)
            self._update()

    def _update(self) -> None:
        self.report.value = check_quiz(self.answers(), blank_hint=CHOSEN_HINT)._repr_html_()

    def _save(self, explicit: bool):
        if self.record_id is None:
            # Another tab may have saved the first choices since this one was built: merge into that record.
            found = newest(self.journal.read()[SECTION])
            self.record_id = found["id"] if found else new_id("q")
        return self._settled(self.binding, self.journal.merge_record(
            SECTION, self.record_id, self.binding.base, self.binding.mine(), keep=self.binding.keep))
