"""What every journal widget shares: its journal, Save button, status line and inline message."""

from __future__ import annotations

import ipywidgets as widgets

from ..errors import JournalError
from ..journal.model import Journal
from ..journal.schema import empty_document
from ._autosave import Autosaver, StatusLine, describe
from ._form import button, error_html


def as_journal(journal) -> Journal:
    """A Journal from a Journal, a path, or None (the notebook's own journal)."""
    return journal if isinstance(journal, Journal) else Journal(journal)


class JournalWidget(widgets.VBox):
    """A VBox bound to one journal file, saving through a debounced `Autosaver`.

    Subclasses implement ``_save(explicit)`` and may override ``_show_error(exc)``.
    """

    def __init__(self, journal=None, **kwargs):
        super().__init__(**kwargs)
        self.add_class("wb-widget")
        self.journal = as_journal(journal)
        self.status = StatusLine()
        self.message = widgets.HTML()
        self.save_button = button("Save", "Save now (it also saves by itself as you type)", "primary")
        self.autosave = Autosaver(self._save, self.status, on_error=self._show_error,
                                  on_saved=self._clear_errors)
        self.save_button.on_click(lambda _: self.save())

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

    def _read(self) -> dict:
        """The journal as it is on disk, or an empty one with the problem on the status line."""
        try:
            return self.journal.read()
        except JournalError as exc:
            self.status.error(describe(exc))
            return empty_document()

    def _show_error(self, exc: BaseException) -> None:
        form = getattr(self, "form", None)
        field = getattr(exc, "field", None)
        if form is not None and form.show_error(field, describe(exc)):
            self.message.value = ""
        else:
            self.message.value = error_html(describe(exc))

    def _clear_errors(self) -> None:
        self.message.value = ""
        form = getattr(self, "form", None)
        if form is not None:
            form.clear_errors()

    def _footer(self) -> widgets.HBox:
        return widgets.HBox([self.save_button, self.status])
