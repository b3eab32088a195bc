"""The journal document's shape: its version, its sections, and the structural check on load.

On disk (indented UTF-8 JSON, keys sorted)::

    {"schema_version": 1, "kind": "networking-workbook-journal",
     "student": {"name": "..."},
     "contacts":     [{"id": "c-...", "name", "category", "organization", "occupation", "field",
                       "how_found", "why", "introduced_by": "c-..." | null, "added": "YYYY-MM-DD",
                       "email", "phone", "status", "priority": "high"|"medium"|"low"|null,
                       "follow_up": "YYYY-MM-DD" | null, "notes"}],
     "interactions": [{"id": "i-...", "contact_id", "kind", "date", "minutes": int | null, "notes"}],
     "pitch_drafts":   [{"id", "parts": {component: text}, "target_seconds": 15|30|60, "updated"}],
     "question_plans": [{"id", "questions": [{"text", "category", "source": "bank"|"custom"}], "updated"}],
     "email_drafts":   [{"id", "contact_id", "subject", "body", "sent": "YYYY-MM-DD" | null, "updated"}],
     "interviews":     [{"id", "contact_id", "name", "occupation", "organization", "date", "minutes",
                         "answers": {question_id: text}, "notes", "learned", "next_steps",
                         "asked_for_referral": bool, "next_contact": text, "updated"}],
     "reflections":    [{"id", "interview_id", "went_well", "surprised", "do_better", "updated"}],
     "thank_you_notes": [{"id", "interview_id", "contact_id", "body", "sent": "YYYY-MM-DD" | null,
                          "interaction_id": "i-..." | null, "updated"}],
     "linkedin_notes":  [{"id", "contact_id", "body", "sent": "YYYY-MM-DD" | null,
                          "interaction_id": "i-..." | null, "updated"}],
     "quiz_answers":    [{"id", "answers": {question_id: letter | null}, "updated"}]}

Contacts and interactions are validated field by field (journal.entries); the
record sections are free-form JSON written by the widgets, validated for size
and for safe text. Adding a record section means adding its name to
RECORD_SECTIONS: a journal without it loads with the section empty, and is
written with it on its next save; no schema version is needed. A file of a
newer schema version is still refused, never rewritten.
"""

from __future__ import annotations

from ..errors import JournalFileError, JournalVersionError

SCHEMA_VERSION = 1
KIND = "networking-workbook-journal"

# Sections holding lists of entries, each a JSON object with a string "id".
ENTRY_SECTIONS = ("contacts", "interactions")
RECORD_SECTIONS = ("pitch_drafts", "question_plans", "email_drafts", "interviews", "reflections",
                   "thank_you_notes", "linkedin_notes", "quiz_answers")
SECTIONS = ENTRY_SECTIONS + RECORD_SECTIONS


def empty_document() -> dict:
    """A journal with nothing in it yet."""
    doc = {"schema_version": SCHEMA_VERSION, "kind": KIND, "student": {"name": ""}}
    for section in SECTIONS:
        doc[section] = []
    return doc


def add_missing_sections(doc: dict) -> dict:
    """``doc`` with every record section it lacks added, empty; returns ``doc``.

    A record section added to the workbook after a journal was written needs
    no schema version: older files simply have none of those records yet.
    """
    for section in RECORD_SECTIONS:
        doc.setdefault(section, [])
    return doc


def check_structure(doc, path) -> None:
    """Refuse a document whose shape this code cannot safely read or rewrite."""
    if not isinstance(doc, dict):
        raise JournalFileError(path, f"holds a JSON {type(doc).__name__}, not a journal object")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise JournalFileError(path, f"has no usable schema_version (found {version!r})")
    if version > SCHEMA_VERSION:
        raise JournalVersionError(
            path,
            f"was written by a newer workbook (schema version {version}; this one knows up "
            f"to {SCHEMA_VERSION}). Update the workbook package; the file was left untouched.",
        )
    if version < SCHEMA_VERSION:
        raise JournalFileError(path, f"uses schema version {version}, which this workbook cannot upgrade")
    if doc.get("kind") != KIND:
        raise JournalFileError(path, f"is not a networking journal (kind is {doc.get('kind')!r})")
    if not isinstance(doc.get("student", {}), dict):
        raise JournalFileError(path, "has a 'student' entry that is not an object")
    for section in SECTIONS:
        if section in RECORD_SECTIONS and section not in doc:
            continue  # a section newer than the file: it loads as empty (add_missing_sections)
        entries = doc.get(section)
        if not isinstance(entries, list):
            raise JournalFileError(path, f"section {section!r} is {type(entries).__name__}, not a list")
        seen = set()
        for position, entry in enumerate(entries):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise JournalFileError(path, f"{section}[{position}] is not an entry with a text 'id'")
            if entry["id"] in seen:
                raise JournalFileError(path, f"{section} has two entries with id {entry['id']!r}")
            seen.add(entry["id"])
