"""The student's journal: one JSON file per student, its shape, its rules of entry, and safe saving.

May import: ``workbook.errors`` only (it is the bottom layer; pandas only in ``frames``, when asked).

- ``model``: ``Journal``, the handle every notebook, widget and grader reads and writes through;
- ``schema`` and ``migrations``: the document's versioned shape and the upgrades from older layouts;
- ``entries`` and ``fields``: contacts, interactions and records validated at the point of entry;
- ``vocabulary``: the fixed keys the journal stores (categories, statuses, kinds) and their labels;
- ``storage``: the lock and the atomic write; ``location``: which file is the journal;
- ``merge``: three-way merge of one entry (form loaded / disk now / student changed);
- ``records``: which saved record is the current one; ``frames``: pandas views.
"""

from ..errors import JournalBusyError, JournalError, JournalFileError, JournalValueError, JournalVersionError
from .location import journal_path
from .model import Journal, as_document

__all__ = [
    "Journal", "JournalBusyError", "JournalError", "JournalFileError", "JournalValueError", "JournalVersionError",
    "as_document", "journal_path",
]
