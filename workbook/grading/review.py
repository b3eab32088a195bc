"""What a grader reads in the formgrader before scoring the hand-graded reflection.

The reflection is written with a widget and saved in the journal, so the
notebook cell above the reflection's task cell calls ``show_reflection()``:
when nbgrader runs the notebook, its output carries the student's words
into the formgrader. Every piece of student text is escaped.
"""

from __future__ import annotations

import os
from html import escape

from ..journal.records import newest
from .answers import AnswersError, load

REFLECTION_PROMPTS = (
    ("went_well", "What went well"),
    ("surprised", "What surprised them"),
    ("do_better", "What they would do better next time"),
)


def latest_reflection(doc: dict) -> dict | None:
    """The most recently saved reflection, or None."""
    return newest(doc["reflections"])


def reflection_html(doc: dict) -> str:
    """The latest reflection as an HTML fragment (student text escaped)."""
    record = latest_reflection(doc)
    if record is None:
        return '<div class="wb-reflection"><em>No reflection is saved in this journal.</em></div>'
    parts = []
    for key, label in REFLECTION_PROMPTS:
        text = record.get(key)
        shown = escape(text).replace("\n", "<br>") if isinstance(text, str) and text.strip() else "<em>(blank)</em>"
        parts.append(f"<dt><strong>{escape(label)}</strong></dt><dd>{shown}</dd>")
    return f'<div class="wb-reflection"><dl>{"".join(parts)}</dl></div>'


class _HTML:
    """A minimal displayable object, so this module needs no IPython import."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "<reflection: shown as HTML in the notebook>"


def show_reflection(folder: str | os.PathLike | None = None) -> _HTML:
    """The saved reflection, for display in the notebook (and so in the formgrader)."""
    try:
        return _HTML(reflection_html(load(folder)))
    except AnswersError as exc:
        return _HTML(f'<div class="wb-reflection"><em>{escape(str(exc))}</em></div>')
