"""What every journal widget shares: its journal, Save button, status line, guard and conflict panel."""

from __future__ import annotations

import html
import os
import weakref

import ipywidgets as widgets

from ..errors import JournalError
from ..journal.model import Journal
from ..journal.schema import empty_document
from ._autosave import Autosaver, Partial, StatusLine, describe
from ._binding import Binding
from ._form import TEXT_CONTROLS, button, error_html, message_box, row
from ._guard import Guard

# Every journal widget alive in this kernel: a new one first lets the others save what they hold,
# so it is built from the journal as the student last left it (Run All twice, a cell run again).
_LIVE: "weakref.WeakSet[JournalWidget]" = weakref.WeakSet()
SHOWN_CHARACTERS = 120


def as_journal(journal) -> Journal:
    """A Journal from a Journal, a path, or None (the notebook's own journal)."""
    return journal if isinstance(journal, Journal) else Journal(journal)


def _shown(value) -> str:
    text = " ".join(str(value if value not in (None, "") else "(empty)").split())
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "\u2026"


class JournalWidget(widgets.VBox):
    """A VBox bound to one journal file, saving through a debounced `Autosaver`.

    Subclasses implement ``_save(explicit)``, may override ``_show_error(exc)``,
    ``_bindings()`` (the entries on screen, for the conflict panel) and
    ``_look(doc)`` (redraw from a journal that changed elsewhere).
    """

    def __init__(self, journal=None, **kwargs):
        super().__init__(**kwargs)
        self.add_class("wb-widget")
        self.journal = as_journal(journal)
        for other in list(_LIVE):
            if other.journal.path == self.journal.path:
                other.flush()
        _LIVE.add(self)
        self._seen = None
        self.status = StatusLine(layout=widgets.Layout(flex="1 1 16em", min_width="0"))
        self.message = widgets.HTML()
        self.conflict_box = widgets.VBox()
        self.save_button = button("Save", "Save now (it also saves by itself as you type)", "primary")
        self.autosave = Autosaver(self._save, self.status, on_error=self._show_error,
                                  on_saved=self._clear_errors, explain=self._words)
        self.save_button.on_click(lambda _: self.save())
        self.guard = Guard(self._typed, self.look)

    def save(self) -> bool:
        """Save what is on screen now; True on success."""
        return self.autosave.save()

    def flush(self) -> bool:
        """Run a pending automatic save at once; True when nothing is left unsaved."""
        return self.autosave.flush()

    def _save(self, explicit: bool):
        raise NotImplementedError

    def _edited(self) -> None:
        """A field changed on screen: redraw the live check, then schedule a save."""
        if self.form.loading:
            return
        self._update()
        self.autosave.changed()

    def _update(self) -> None:
        """Redraw whatever depends on the fields (a live check report); nothing by default."""

    # -- the journal on disk ---------------------------------------------------------

    def _signature(self):
        try:
            stat = os.stat(self.journal.path)
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size, stat.st_ino

    def _read(self) -> dict:
        """The journal as it is on disk, or an empty one with the problem on the status line."""
        self._seen = self._signature()
        try:
            return self.journal.read()
        except JournalError as exc:
            self.status.error(describe(exc))
            return empty_document()

    def look(self) -> bool:
        """The student is back at this widget: redraw from the journal if it changed since; True if it had."""
        if self._signature() == self._seen:
            return False
        try:
            self._look(self._read())
        except Exception as exc:  # noqa: BLE001 - the student sees the message, never a traceback
            self.status.error(describe(exc))
        return True

    def _look(self, doc: dict) -> None:
        """Redraw choosers, tables and untouched fields from ``doc``; nothing by default."""

    def _typed(self, values: dict) -> None:
        """The guard's message: the text in each field as the browser has it. Take it in, then save."""
        for model_id, text in values.items():
            control = TEXT_CONTROLS.get(model_id)
            if control is not None and not control.disabled and control.value != text:
                control.value = text
        self.flush()

    # -- messages ----------------------------------------------------------------

    def _show_error(self, exc: BaseException) -> None:
        form = getattr(self, "form", None)
        field = getattr(exc, "field", None)
        if form is not None and form.show_error(field, self._words(exc)):
            self.message.value = ""
        else:
            self.message.value = error_html(self._words(exc))

    def _words(self, exc: BaseException) -> str:
        """The error as the student should read it: the field's visible label, not its journal key."""
        form = getattr(self, "form", None)
        field = getattr(exc, "field", None)
        if form is not None and form.field_for(field):
            return f"{form.label(field)}: {exc.problem}"
        return describe(exc)

    def _clear_errors(self) -> None:
        self.message.value = ""
        form = getattr(self, "form", None)
        if form is not None:
            form.clear_errors()

    def _footer(self) -> widgets.VBox:
        return widgets.VBox([self.conflict_box, row(self.save_button, self.status), self.guard])

    # -- merging -------------------------------------------------------------------

    def _bindings(self) -> list[Binding]:
        binding = getattr(self, "binding", None)
        return [binding] if binding is not None else []

    def _settled(self, binding: Binding, outcome, note: str = ""):
        """What a save returns after ``journal.merge_*``: the note, or a `Partial` saying what is left."""
        stored, result, refused = outcome
        problems = binding.settle(stored, result, refused)
        self._show_conflicts()
        open_conflicts = sum(len(b.conflicts) for b in self._bindings())
        if not problems and not open_conflicts:
            return note
        left = ([f"{open_conflicts} change(s) also made elsewhere wait for your choice below"] if open_conflicts
                else []) + problems
        return Partial("; ".join(left))

    def _show_conflicts(self) -> None:
        rows = []
        for binding in self._bindings():
            for key, conflict in binding.conflicts.items():
                text = widgets.HTML(
                    "<div class='wb-conflict' role='alert' style='color:#9a6700'>"
                    f"<strong>{html.escape(binding.title + binding.label(key))}</strong> was changed in another tab "
                    f"or notebook while you edited it here. There it reads \u201c{html.escape(_shown(conflict.theirs))}"
                    f"\u201d; here you have \u201c{html.escape(_shown(conflict.mine))}\u201d. Yours is not saved "
                    "yet: keep yours, or use the other.</div>", layout=message_box().layout)
                keep = button("Keep mine", f"Save your version of {binding.label(key)}")
                take = button("Use the other", f"Show the version saved elsewhere of {binding.label(key)}")
                keep.on_click(lambda _, b=binding, k=key: self._keep(b, k))
                take.on_click(lambda _, b=binding, k=key: self._take(b, k))
                rows.append(row(text, keep, take))
        self.conflict_box.children = rows

    def _keep(self, binding: Binding, key: str) -> None:
        binding.keep_mine(key)
        self._show_conflicts()
        self.save()

    def _take(self, binding: Binding, key: str) -> None:
        binding.take_theirs(key)
        self._show_conflicts()
        self._update()
        self.save()
