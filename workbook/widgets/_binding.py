"""One journal entry shown in one form: what the form loaded, and what its saves could not write.

A `Binding` remembers the entry as the form last saw it on disk (the *base* of
the three-way merge in ``journal/merge.py``), turns the form into an entry and
back, and after each merge puts on screen what changed elsewhere, keeps the
conflicts until the student settles them, and names each refused value by its
visible label.
"""

from __future__ import annotations

from ..journal.merge import Conflict, flatten, same, unflatten
from ._form import Form


def _plain(entry: dict) -> dict:
    return {key: value for key, value in entry.items() if key != "updated"}


class Binding:
    """``to_form(entry) -> {form key: value}`` and ``from_form(values) -> entry`` connect form and journal."""

    def __init__(self, form: Form, to_form, from_form, title: str = ""):
        self.form, self._to_form, self._from_form, self.title = form, to_form, from_form, title
        self.base: dict = {}
        self.keep: set[str] = set()
        self.conflicts: dict[str, Conflict] = {}

    # -- loading ----------------------------------------------------------------

    def load(self, entry: dict | None) -> None:
        """Show ``entry`` (None: an empty form) and take it as the base."""
        self.base = _plain(entry or {})
        self.keep.clear()
        self.conflicts.clear()
        self.form.load(self._to_form(self.base))

    def mine(self) -> dict:
        """The entry as it is on screen, in the journal's form."""
        return self._from_form(self.form.values())

    def edited(self) -> bool:
        """Whether the screen holds anything the disk does not (a change, or a conflict still open)."""
        base = flatten(self.base)
        return bool(self.conflicts) or any(not same(v, base.get(k)) for k, v in flatten(self.mine()).items())

    # -- after a save or a look at the disk ---------------------------------------

    def _show_disk(self, stored: dict) -> None:
        """Bring every field the student has not touched up to date with ``stored``."""
        on_screen, as_loaded, now = self.form.values(), self._to_form(self.base), self._to_form(stored)
        with self.form.quietly():
            for key, value in now.items():
                if key in on_screen and same(on_screen[key], as_loaded.get(key)) and not same(value, on_screen[key]):
                    self.form.fields[key].value = value

    def refresh(self, stored: dict) -> None:
        """The entry changed on disk (another tab): show it where the student has not typed."""
        stored = _plain(stored)
        self._show_disk(stored)
        base, old = flatten(stored), flatten(self.base)
        for key in self.conflicts:
            base[key] = old.get(key)
        self.base = unflatten(base)

    def settle(self, stored: dict, result, refused: dict) -> list[str]:
        """Take in a merge's outcome; the refused values, in words, one per field."""
        stored = _plain(stored)
        self._show_disk(stored)
        base, old = flatten(stored), flatten(self.base)
        for conflict in result.conflicts:
            # The base stays what the student saw, so the conflict holds until they choose.
            base[conflict.key] = old.get(conflict.key)
        self.base = unflatten(base)
        self.keep -= set(result.applied)
        self.conflicts = {conflict.key: conflict for conflict in result.conflicts}
        problems = []
        for key, problem in refused.items():
            message = f"{self.label(key)}: {problem}"
            self.form.show_error(key, message)
            problems.append(message)
        return problems

    # -- settling a conflict -------------------------------------------------------

    def label(self, key: str) -> str:
        return self.form.label(key)

    def keep_mine(self, key: str) -> None:
        """The student keeps their own version of ``key``: the next save writes it."""
        self.conflicts.pop(key, None)
        self.keep.add(key)

    def take_theirs(self, key: str) -> None:
        """The student takes the version saved elsewhere: it goes on screen and becomes the base."""
        conflict = self.conflicts.pop(key, None)
        if conflict is None:
            return
        flat = flatten(self.base)
        flat[key] = conflict.theirs
        self.base = unflatten(flat)
        field = self.form.field_for(key)
        if field is not None:
            with self.form.quietly():
                self.form.fields[field].value = self._to_form(self.base)[field]
