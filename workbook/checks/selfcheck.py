"""Self-checks on the journal: what a notebook's check cell and an nbgrader test cell both call.

One function per row of the check registry (``selfcheck.pitch(journal)``,
``selfcheck.interview(journal)``, ...): each finds the student's latest saved
work in the journal and runs that row's check on it, so a notebook and the
autograder judge exactly the same thing with exactly the same rules.
``run(check_id, journal)`` is the same by name.
"""

from __future__ import annotations

from ..journal.model import Journal, as_document
from ..journal.records import newest
from .registry import CHECKS, get
from .report import Item, Report


def latest(doc: dict, section: str) -> dict | None:
    """The most recently saved record of ``section``, or None (ties go to the later entry)."""
    return newest(doc[section])


def _doc(journal) -> dict:
    return as_document(journal if journal is not None else Journal())


def _nothing_saved(title: str, what: str) -> Report:
    return Report(title, (Item("saved", False, f"No {what} is saved in your journal yet.",
                               f"Use the widget above to write your {what}; it saves as you type."),))


def run(check_id: str, journal=None, today=None) -> Report:
    """Run the registry's check ``check_id`` on the journal (a Journal, a path, a document, or the notebook's own).

    ``today`` is the day dates are judged against (an interview "in the future"); None means the clock's.
    The autograder passes the submission's day, so a grade never depends on when it is computed.
    """
    check = get(check_id)
    doc = _doc(journal)
    if check.section is None:
        return check.from_saved(None, doc, today=today).with_kinds(check.kinds)
    record = latest(doc, check.section)
    if record is None:
        return _nothing_saved(check.title, check.noun).with_kinds(check.kinds)
    return check.from_saved(record, doc, today=today).with_kinds(check.kinds)


def _self_check(check):
    def self_check(journal=None) -> Report:
        return run(check.id, journal)

    self_check.__name__ = self_check.__qualname__ = check.id
    self_check.__doc__ = f"{check.title}: {check.judges}."
    return self_check


for _check in CHECKS:
    globals()[_check.id] = _self_check(_check)
del _check

__all__ = ["latest", "run", *(check.id for check in CHECKS)]
