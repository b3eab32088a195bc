"""``workbook.location``: where a student's journal lives, now ``workbook.journal.location``.

Kept because notebooks already in students' hands import this name; it is
the very same module object, not a copy.
"""

import sys

from .journal import location as _module

sys.modules[__name__] = _module
