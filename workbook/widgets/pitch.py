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
from ._form import Form, choice_field, long_field

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
        self.target = choice_field("Target length", [(f"{s} seconds", s) for s in PITCH_TARGETS], width="18em")
        self.target.value = 60
        self.form = Form(self.fields)
        self.assembled = widgets.HTML()
        self.timing = widgets.HTML()
        self.report = widgets.HTML()
        self.draft_id = None
        self.form.on_change(self._edited)
        self.target.observe(lambda change: self._edited(), "value")
        self.children = [
            self.target,
            *[self.form.row(key) for key in PITCH_COMPONENTS],
            self.message, self._footer(),
            widgets.HTML("<h4>Your pitch, read aloud</h4>"), self.assembled, self.timing, self.report,
        ]
        record = latest(self._read(), CHECK.section)
        if record is not None:
            self.draft_id = record["id"]
            parts = record.get("parts") if isinstance(record.get("parts"), dict) else {}
            with self.form.quietly():
                self.form.load({k: v for k, v in parts.items() if isinstance(v, str)})
                if record.get("target_seconds") in PITCH_TARGETS:
                    self.target.value = record["target_seconds"]
        self._update()

    def parts(self) -> dict[str, str]:
        return {key: control.value for key, control in self.fields.items()}

    def _update(self) -> None:
        """Redraw the assembled pitch, its timing and the check from what is on screen."""
        pitch = assemble_pitch(self.parts())
        self.assembled.value = (f"<blockquote class='wb-pitch'>{html.escape(pitch)}</blockquote>" if pitch
                                else "<p><em>Your pitch appears here as you write its parts.</em></p>")
        self.timing.value = f"<p class='wb-timing'>{html.escape(timing_line(pitch, self.target.value))}</p>"
        self.report.value = check_pitch(self.parts(), target_seconds=self.target.value)._repr_html_()

    def _save(self, explicit: bool):
        record = {"id": self.draft_id or new_id("p"), "parts": self.parts(), "target_seconds": self.target.value}
        saved = self.journal.save_record(CHECK.section, record)
        self.draft_id = saved["id"]
