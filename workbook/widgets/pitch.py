"""Pitch builder: the one-minute commercial written part by part and timed against a target."""

from __future__ import annotations

import html
import math

import ipywidgets as widgets

from ..checks import registry
from ..checks.pitch import PITCH_COMPONENTS, assemble_pitch, check_pitch, speaking_seconds
from ..checks.selfcheck import latest
from ..checks.text import word_count
from ..journal.entries import new_id
from ..journal.vocabulary import PITCH_TARGETS
from ._base import JournalWidget
from ._binding import Binding
from ._form import Form, choice_field, heading, long_field

# The record this widget writes is the one the "pitch" self-check (and the rubric) judges.
CHECK = registry.get("pitch")


def timing_line(pitch: str, target_seconds: int) -> str:
    """"42 words: about 17 s of your 30 s target", at the pitch check's speaking rate."""
    words = word_count(pitch)
    seconds = math.floor(speaking_seconds(pitch) + 0.5)
    return f"{words} word{'' if words == 1 else 's'}: about {seconds} s of your {target_seconds} s target"


class PitchBuilder(JournalWidget):
    """One field per pitch component, the assembled pitch, live timing and the pitch check."""

    def __init__(self, journal=None):
        super().__init__(journal)
        self.fields = {key: long_field(text, rows=2, stacked=True) for key, text in PITCH_COMPONENTS.items()}
        self.target = choice_field("Target length", [(f"{s} seconds", s) for s in PITCH_TARGETS])
        self.target.value = 60
        # The target is part of the form, so a length chosen in another tab merges like any field.
        self.form = Form({**self.fields, "target_seconds": self.target})
        self.binding = Binding(self.form, self._to_form, self._from_form)
        self.assembled = widgets.HTML()
        self.timing = widgets.HTML()
        self.report = widgets.HTML()
        self.draft_id = None
        self.form.on_change(self._edited)
        self.children = [
            self.form.row("target_seconds"),
            *[self.form.row(key) for key in PITCH_COMPONENTS],
            self.message, self._footer(),
            heading("Your pitch, read aloud"), self.assembled, self.timing, self.report,
        ]
        record = latest(self._read(), CHECK.section)
        self.draft_id = record["id"] if record is not None else None
        self.binding.load(self._stored(record))
        self._update()

    @staticmethod
    def _stored(record: dict | None) -> dict:
        """The parts of a saved draft this widget can show (hand-edited files may hold anything)."""
        record = record or {}
        parts = record.get("parts") if isinstance(record.get("parts"), dict) else {}
        target = record.get("target_seconds")
        return {"parts": {k: v for k, v in parts.items() if k in PITCH_COMPONENTS and isinstance(v, str)},
                "target_seconds": target if target in PITCH_TARGETS else 60}

    @staticmethod
    def _to_form(entry: dict) -> dict:
        parts = entry.get("parts") or {}
        return {**{key: parts.get(key) or "" for key in PITCH_COMPONENTS},
                "target_seconds": entry.get("target_seconds") or 60}

    @staticmethod
    def _from_form(values: dict) -> dict:
        return {"parts": {key: values[key] for key in PITCH_COMPONENTS}, "target_seconds": values["target_seconds"]}

    def parts(self) -> dict[str, str]:
        return {key: control.value for key, control in self.fields.items()}

    def _look(self, doc: dict) -> None:
        record = next((r for r in doc[CHECK.section] if r["id"] == self.draft_id), None)
        if record is not None:
            self.binding.refresh(self._stored(record))
            self._update()

    def _update(self) -> None:
        """Redraw the assembled pitch, its timing and the check from what is on screen."""
        pitch = assemble_pitch(self.parts())
        self.assembled.value = (f"<blockquote class='wb-pitch'>{html.escape(pitch)}</blockquote>" if pitch
                                else "<p><em>Your pitch appears here as you write its parts.</em></p>")
        self.timing.value = f"<p class='wb-timing'>{html.escape(timing_line(pitch, self.target.value))}</p>"
        self.report.value = check_pitch(self.parts(), target_seconds=self.target.value)._repr_html_()

    def _save(self, explicit: bool):
        self.draft_id = self.draft_id or new_id("p")
        outcome = self._settled(self.binding, self.journal.merge_record(
            CHECK.section, self.draft_id, self.binding.base, self.binding.mine(), keep=self.binding.keep))
        self._seen = self._signature()
        self._update()
        return outcome
