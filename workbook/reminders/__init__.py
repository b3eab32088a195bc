"""Follow-up reminders for the student's own calendar: the journal's follow-up dates as iCalendar events.

May import: ``workbook.journal``, ``workbook.checks`` and the icalendar library (never the widgets,
plots, grading or report).

    from workbook import reminders_ics
    text = reminders_ics()        # the journal beside the notebook, or $WORKBOOK_JOURNAL

- ``events``: which reminders a journal calls for (pure: thank-you notes due, the nudges after three
  and seven working days, keep-in-touch dates), each with a UID that stays the same on every export;
- ``ics``: those reminders written as an iCalendar file with the icalendar library, one alarm each.
"""

from .events import Reminder, reminders
from .ics import FILENAME, reminders_ics, write_reminders

__all__ = ["FILENAME", "Reminder", "reminders", "reminders_ics", "write_reminders"]
