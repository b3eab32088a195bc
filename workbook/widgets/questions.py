"""Question planner: questions picked from the bank or written by the student, in the order they will be asked."""

from __future__ import annotations

import html

import ipywidgets as widgets
import traitlets

from ..checks import registry
from ..checks.question_bank import QUESTION_CATEGORIES, bank, custom_question, required_questions
from ..checks.question_plan import check_question_plan, question_flags, reopen_hint
from ..checks.selfcheck import latest
from ..checks.text import normalize
from ..errors import JournalValueError
from ..journal import fields as checked
from ..journal.entries import new_id
from ._autosave import Partial
from ._base import JournalWidget
from ._binding import Binding
from ._form import NONE, STYLE, Form, button, choice_field, error_html, heading, row, text_field

# The record this widget writes is the one the "question_plan" self-check (and the rubric) judges.
CHECK = registry.get("question_plan")

ALL_AREAS = "(every area)"
GUESS = "(guess from the wording)"


def question_problem(text) -> str | None:
    """Why this question cannot be saved (the journal's rules for text), or None."""
    try:
        checked.text("question", text, long=True)
    except JournalValueError as exc:
        return exc.problem
    if any(char in text for char in "\n\r\t"):
        return "is split over several lines; keep a question on one line"
    return None


class _PlanValue(traitlets.HasTraits):
    """The plan's list of questions as one form "field", so it merges and conflicts like any other."""

    value = traitlets.Any()
    description = "Your plan"
    disabled = False
    _dom_classes = ()


def flag_messages(text: str) -> list[str]:
    """What the plan check would say about this one question, as short warnings."""
    flags = question_flags(text)
    found = []
    if flags.closed:
        found.append("Could be answered with a yes or no. " + reopen_hint(text))
    if flags.prying:
        found.append("Asks about their private life or their own pay; keep to their work.")
    return found


class QuestionPlanner(JournalWidget):
    """Pick questions by category, add your own, reorder them; live flags and the plan check."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.plan_id = None
        self.questions: list[dict] = []
        self.category = choice_field("Area", [(ALL_AREAS, NONE)] + [(v, k) for k, v in QUESTION_CATEGORIES.items()])
        self.bank_list = widgets.Select(description="Questions in the bank", rows=8, style=STYLE,
                                        layout=widgets.Layout(width="95%"))
        self.add_bank_button = button("Add to my plan")
        self.add_required_button = button("Add the nine assignment questions")
        self.custom_text = text_field("Your own question", width="95%")
        self.custom_category = choice_field("Its area", [(GUESS, NONE)] + [(v, k) for k, v in QUESTION_CATEGORIES.items()])
        self.custom_flags = widgets.HTML()
        self.add_custom_button = button("Add my question")
        self.plan_list = widgets.Select(description="My plan, in order", rows=12, style=STYLE,
                                        layout=widgets.Layout(width="95%"))
        self.up_button = button("Move up")
        self.down_button = button("Move down")
        self.remove_button = button("Remove")
        self.flags = widgets.HTML()
        self.report = widgets.HTML()
        self.plan_value = _PlanValue(value=())
        self.form = Form({"questions": self.plan_value})
        self.binding = Binding(self.form, lambda entry: {"questions": tuple(dict(q) for q in entry.get("questions") or ())},
                               lambda values: {"questions": [dict(q) for q in values["questions"]]})
        self.plan_value.observe(lambda change: self._from_plan_value(), "value")
        self.category.observe(lambda change: self._fill_bank(), "value")
        self.custom_text.observe(lambda change: self._flag_custom(), "value")
        self.add_bank_button.on_click(lambda _: self.add_from_bank())
        self.add_required_button.on_click(lambda _: self.add_required())
        self.add_custom_button.on_click(lambda _: self.add_custom())
        self.up_button.on_click(lambda _: self.move(-1))
        self.down_button.on_click(lambda _: self.move(1))
        self.remove_button.on_click(lambda _: self.remove())
        self.children = [
            heading("From the bank"), self.category, self.bank_list,
            row(self.add_bank_button, self.add_required_button),
            heading("Your own"), self.custom_text, self.custom_category, self.custom_flags,
            self.add_custom_button,
            heading("Your plan"), self.plan_list,
            row(self.up_button, self.down_button, self.remove_button),
            self.message, self._footer(), self.flags, self.report,
        ]
        self._fill_bank()
        record = latest(self._read(), CHECK.section)
        self.plan_id = record["id"] if record is not None else None
        self.binding.load(self._stored(record))
        self._show_plan()

    @staticmethod
    def _stored(record: dict | None) -> dict:
        """The questions of a saved plan this widget can show (hand-edited files may hold anything)."""
        return {"questions": [
            {"text": q["text"], "category": q.get("category") if q.get("category") in QUESTION_CATEGORIES else None,
             "source": q.get("source") if q.get("source") in ("bank", "custom") else "custom"}
            for q in (record or {}).get("questions") or [] if isinstance(q, dict) and isinstance(q.get("text"), str)
        ]}

    def _from_plan_value(self) -> None:
        self.questions = [dict(q) for q in self.plan_value.value or ()]
        self._show_plan()

    def _look(self, doc: dict) -> None:
        record = next((r for r in doc[CHECK.section] if r["id"] == self.plan_id), None)
        if record is not None:
            self.binding.refresh(self._stored(record))

    # -- showing -------------------------------------------------------------

    def _fill_bank(self) -> None:
        self.bank_list.options = [(q.text, q.id) for q in bank(self.category.value or None)]

    def _flag_custom(self) -> None:
        text = self.custom_text.value
        if not text.strip():
            self.custom_flags.value = ""
            return
        try:
            found = flag_messages(text)
        except ValueError as exc:
            found = [str(exc)]
        self.custom_flags.value = "".join(
            f"<div class='wb-flag' style='color:#9a6700'>&#9888; {html.escape(m)}</div>" for m in found)

    def _show_plan(self, selected: int | None = None) -> None:
        self.plan_list.options = [(f"{n}. {q['text']}", n - 1) for n, q in enumerate(self.questions, 1)]
        if selected is not None and self.questions:
            self.plan_list.value = max(0, min(selected, len(self.questions) - 1))
        flagged = []
        for n, q in enumerate(self.questions, 1):
            problem = question_problem(q["text"])
            if problem:
                flagged.append(f"<li>Question {n} cannot be saved: it {html.escape(problem)}. "
                               "Remove it, then add it again in your own words.</li>")
                continue
            for message in flag_messages(q["text"]):
                flagged.append(f"<li>Question {n}: {html.escape(message)}</li>")
        self.flags.value = f"<ul class='wb-flags'>{''.join(flagged)}</ul>" if flagged else ""
        self.report.value = check_question_plan(self._savable())._repr_html_()

    def _savable(self) -> list[dict]:
        return [dict(q) for q in self.questions if not question_problem(q["text"])]

    # -- changing the plan -----------------------------------------------------

    def _add(self, text: str, category: str | None, source: str) -> bool:
        if any(normalize(q["text"]) == normalize(text) for q in self.questions):
            self.message.value = error_html(f"Already in your plan: {text}")
            return False
        self.questions.append({"text": text, "category": category, "source": source})
        return True

    def _changed(self, selected: int | None) -> None:
        with self.form.quietly():
            self.plan_value.value = tuple(dict(q) for q in self.questions)
        self._show_plan(selected)
        self.autosave.changed()

    def add_from_bank(self) -> bool:
        """Add the question chosen in the bank list to the end of the plan."""
        self.message.value = ""
        chosen = next((q for q in bank() if q.id == self.bank_list.value), None)
        if chosen is None:
            self.message.value = error_html("Choose a question in the bank list first.")
            return False
        added = self._add(chosen.text, chosen.category, "bank")
        if added:
            self._changed(len(self.questions) - 1)
        return added

    def add_required(self) -> int:
        """Add whichever of the nine required questions are not in the plan yet; how many were added."""
        self.message.value = ""
        added = sum(self._add(q.text, q.category, "bank") for q in required_questions()
                    if all(normalize(q.text) != normalize(p["text"]) for p in self.questions))
        self._changed(len(self.questions) - 1)
        return added

    def add_custom(self) -> bool:
        """Add the student's own question; a refused one stays in its box with the reason beside it."""
        self.message.value = ""
        try:
            question = custom_question(self.custom_text.value, self.custom_category.value or None)
        except ValueError as exc:
            self.custom_flags.value = error_html(f"Your own question: {exc}")
            return False
        problem = question_problem(question.text)
        if problem:
            # Refused here, at the point of entry, so it never reaches the plan and blocks its saves.
            self.custom_flags.value = error_html(f"Your own question {problem}; retype it and add it again.")
            return False
        if not self._add(question.text, question.category, "custom"):
            return False
        self.custom_text.value = ""
        self._changed(len(self.questions) - 1)
        return True

    def move(self, step: int) -> bool:
        """Move the selected plan question up (-1) or down (+1)."""
        index = self.plan_list.value
        if index is None or not 0 <= index + step < len(self.questions):
            return False
        self.questions[index], self.questions[index + step] = self.questions[index + step], self.questions[index]
        self._changed(index + step)
        return True

    def remove(self) -> bool:
        """Remove the selected plan question."""
        index = self.plan_list.value
        if index is None:
            return False
        del self.questions[index]
        self._changed(index)
        return True

    def _save(self, explicit: bool):
        self.plan_id = self.plan_id or new_id("q")
        outcome = self._settled(self.binding, self.journal.merge_record(
            CHECK.section, self.plan_id, self.binding.base, {"questions": self._savable()}, keep=self.binding.keep))
        self._seen = self._signature()
        left_out = [n for n, q in enumerate(self.questions, 1) if question_problem(q["text"])]
        if left_out and isinstance(outcome, str):
            numbers = ", ".join(str(n) for n in left_out)
            return Partial(f"question(s) {numbers} left out (see the list below); the rest of your plan is saved")
        return outcome
