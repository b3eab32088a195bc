"""The student's journal: one JSON file holding a whole term of networking.

Every change is one transaction: take the cross-process lock, read the file
as it is now, apply the change, write it back atomically. Two notebooks
saving at once therefore queue behind each other and neither loses an entry,
and nothing is cached between changes that could go stale.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from ..errors import JournalFileError, JournalValueError
from . import entries, merge, storage
from .location import journal_path
from .migrations import source_version, upgrade
from .schema import RECORD_SECTIONS, SCHEMA_VERSION, check_structure, empty_document


class Journal:
    """A handle on one journal file; cheap to make, reads the file on each call."""

    def __init__(self, path=None):
        self.path = journal_path(path)

    def __repr__(self):
        return f"Journal({str(self.path)!r})"

    # -- reading -----------------------------------------------------------

    def read(self) -> dict:
        """The whole document as it is on disk now (an empty journal if there is no file)."""
        return self._load()[0]

    def _load(self) -> tuple[dict, int | None]:
        """The current document and the schema version the file had (None: no file yet)."""
        doc = storage.read_json(self.path)
        if doc is None:
            return empty_document(), None
        return from_json(doc, self.path), source_version(doc)

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def contacts(self) -> list[dict]:
        return self.read()["contacts"]

    def contact(self, contact_id: str) -> dict:
        found = entries.find(self.read(), "contacts", contact_id)
        if found is None:
            raise KeyError(f"no contact {contact_id!r} in {self.path}")
        return found

    def interactions(self) -> list[dict]:
        return self.read()["interactions"]

    def records(self, section: str) -> list[dict]:
        """The saved records of one section (pitch_drafts, question_plans, interviews, reflections)."""
        if section not in RECORD_SECTIONS:
            raise KeyError(f"{section!r} is not a record section; use one of {RECORD_SECTIONS}")
        return self.read()[section]

    def record(self, section: str, record_id: str) -> dict | None:
        return entries.find(self.read(), section, record_id) if section in RECORD_SECTIONS else None

    def contacts_frame(self):
        """Contacts as a pandas DataFrame (pandas is imported only now)."""
        from .frames import contacts_frame

        return contacts_frame(self.read())

    def interactions_frame(self):
        """Interactions as a pandas DataFrame, with each contact's name and category joined on."""
        from .frames import interactions_frame

        return interactions_frame(self.read())

    # -- changing ----------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
        """Lock, read, let the caller change the document, write it back atomically.

        If the block raises, nothing is written.
        """
        with storage.exclusive_lock(self.path):
            doc, loaded_from = self._load()
            yield doc
            check_structure(doc, self.path)
            if loaded_from not in (None, SCHEMA_VERSION):
                self._keep_pre_migration_copy(loaded_from)
            storage.atomic_write_bytes(self.path, storage.dump_json(doc))

    def _keep_pre_migration_copy(self, version: int) -> None:
        backup = self.path.with_name(f"{self.path.stem}.v{version}.bak{self.path.suffix}")
        if not backup.exists():
            shutil.copy2(self.path, backup)

    def add_contact(self, **values) -> dict:
        """Add a contact; returns it with its new id. Raises JournalValueError on a bad value."""
        with self.transaction() as doc:
            contact = entries.clean_contact(values, doc, contact_id=entries.new_id("c"))
            doc["contacts"].append(contact)
        return contact

    def update_contact(self, contact_id: str, **changes) -> dict:
        """Change some fields of a contact; the whole contact is validated again."""
        with self.transaction() as doc:
            current = self._require(doc, "contacts", contact_id)
            merged = {**current, **changes}
            contact = entries.clean_contact(merged, doc, contact_id=contact_id)
            doc["contacts"][doc["contacts"].index(current)] = contact
        return contact

    def remove_contact(self, contact_id: str) -> None:
        """Remove a contact nobody else refers to."""
        with self.transaction() as doc:
            contact = self._require(doc, "contacts", contact_id)
            if any(c.get("introduced_by") == contact_id for c in doc["contacts"]):
                raise JournalValueError(None, f"{contact['name']} introduced other contacts; change those first")
            if any(i["contact_id"] == contact_id for i in doc["interactions"]):
                raise JournalValueError(None, f"{contact['name']} has logged interactions; they are kept as history")
            doc["contacts"].remove(contact)

    def log_interaction(self, contact_id: str, kind: str, date=None, minutes=None, notes="") -> dict:
        """Record an interaction and move the contact's status forward to match."""
        with self.transaction() as doc:
            interaction = entries.clean_interaction(
                {"contact_id": contact_id, "kind": kind, "date": date, "minutes": minutes, "notes": notes},
                doc,
                interaction_id=entries.new_id("i"),
            )
            doc["interactions"].append(interaction)
            contact = entries.find(doc, "contacts", contact_id)
            contact["status"] = entries.status_after(interaction["kind"], contact["status"])
        return interaction

    def update_interaction(self, interaction_id: str, **changes) -> dict:
        """Correct a logged interaction (its date, length, notes...); validated again as a whole."""
        with self.transaction() as doc:
            current = self._require(doc, "interactions", interaction_id)
            interaction = entries.clean_interaction({**current, **changes}, doc, interaction_id=interaction_id)
            doc["interactions"][doc["interactions"].index(current)] = interaction
            contact = entries.find(doc, "contacts", interaction["contact_id"])
            contact["status"] = entries.status_after(interaction["kind"], contact["status"])
        return interaction

    def save_record(self, section: str, record: dict) -> dict:
        """Insert or replace (by id) a pitch draft, question plan, interview record or reflection."""
        record = entries.clean_record(section, record)
        # Microseconds, so that "the latest draft" is well defined even for saves within one second.
        record["updated"] = dt.datetime.now().isoformat(timespec="microseconds")
        with self.transaction() as doc:
            existing = entries.find(doc, section, record["id"])
            if existing is None:
                doc[section].append(record)
            else:
                doc[section][doc[section].index(existing)] = record
        return record

    def merge_contact(self, contact_id: str, base: dict, mine: dict, keep=frozenset()):
        """Write only the fields the student changed since ``base`` was loaded (see `merge`).

        Returns ``(contact, merge, refused)``: the contact as stored, the `merge.Merge`
        (conflicts kept the disk's value), and ``{field: problem}`` for changes refused
        by validation, which were left out so the rest could be saved.
        """
        with self.transaction() as doc:
            current = self._require(doc, "contacts", contact_id)
            result = merge.merge(base, current, mine, keep=keep)

            def clean(values):
                return entries.clean_contact(values, doc, contact_id=contact_id)

            contact, result, refused = _clean_merged(clean, result, current, prefix="")
            doc["contacts"][doc["contacts"].index(current)] = contact
        return contact, result, refused

    def merge_record(self, section: str, record_id: str, base: dict, mine: dict, keep=frozenset()):
        """`merge_contact` for a saved record; a record not on disk yet is inserted as ``mine``."""
        with self.transaction() as doc:
            if section not in RECORD_SECTIONS:
                raise JournalValueError(None, f"{section!r} is not a record section; use one of {RECORD_SECTIONS}")
            current = entries.find(doc, section, record_id)
            theirs = {key: value for key, value in (current or {}).items() if key != "updated"}
            result = merge.merge({} if current is None else base, theirs, {**mine, "id": record_id}, keep=keep)
            record, result, refused = _clean_merged(lambda values: entries.clean_record(section, values), result,
                                                    theirs, prefix=f"{section}.")
            if current is not None and record == theirs:
                record = current  # nothing changed: the record keeps its time, so "the latest" stays put
            else:
                record["updated"] = dt.datetime.now().isoformat(timespec="microseconds")
            if current is None:
                doc[section].append(record)
            else:
                doc[section][doc[section].index(current)] = record
        return record, result, refused

    def set_student_name(self, name: str) -> None:
        from . import fields

        name = fields.text("student name", name)
        with self.transaction() as doc:
            doc["student"]["name"] = name

    @staticmethod
    def _require(doc, section, entry_id):
        found = entries.find(doc, section, entry_id)
        if found is None:
            raise JournalValueError(None, f"no {section[:-1]} with id {entry_id!r} in this journal")
        return found


def _clean_merged(clean, result, theirs: dict, prefix: str):
    """Validate a merge; a change that fails is taken back (and reported) so the others still save."""
    refused = {}
    while True:
        try:
            return clean(result.values), result, refused
        except JournalValueError as exc:
            key = _changed_key(exc.field, prefix, result.applied)
            if key is None:
                raise
            refused[key] = exc.problem
            result = merge.without(result, key, theirs)


def _changed_key(error_field, prefix: str, applied) -> str | None:
    """Which of the student's changed keys an error's field names ("interviews.answers.skills")."""
    if not isinstance(error_field, str):
        return None
    name = error_field[len(prefix):] if error_field.startswith(prefix) else error_field
    name = name.split("[", 1)[0]
    while name:
        if name in applied:
            return name
        name = name.rpartition(".")[0]
    return None


def from_json(doc, path) -> dict:
    """A parsed journal file's JSON as a current document; a JournalFileError (naming ``path``) if unusable."""
    if source_version(doc) is None:
        check_structure(doc, path)  # raises with the precise problem
    doc = upgrade(doc)
    check_structure(doc, path)
    return doc


def as_document(journal_or_doc) -> dict:
    """Accept a Journal, a path, or an already loaded document, and give the document."""
    if isinstance(journal_or_doc, dict):
        return journal_or_doc
    if isinstance(journal_or_doc, Journal):
        return journal_or_doc.read()
    if isinstance(journal_or_doc, (str, Path)):
        return Journal(journal_or_doc).read()
    raise TypeError(f"expected a Journal, a path or a journal document, not {type(journal_or_doc).__name__}")


__all__ = ["Journal", "JournalFileError", "as_document", "from_json"]
