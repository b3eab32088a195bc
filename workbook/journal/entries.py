"""Building and changing journal entries: contacts, interactions and saved records.

Pure functions over a loaded journal document. Each returns the new entry or
raises JournalValueError before anything is changed, so a refused value never
leaves a half-written entry behind.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid

from ..errors import JournalValueError
from . import fields
from .schema import RECORD_SECTIONS
from .vocabulary import CATEGORIES, INTERACTION_KINDS, PRIORITIES, STATUSES

CONTACT_FIELDS = (
    "name", "category", "organization", "occupation", "field", "how_found", "why",
    "introduced_by", "added", "email", "phone", "status", "priority", "follow_up", "notes",
)
INTERACTION_FIELDS = ("contact_id", "kind", "date", "minutes", "notes")

# How far along the road to an interview each status is; an interaction only moves a contact forward.
_STATUS_ORDER = list(STATUSES)
_STATUS_AFTER = {
    "request_email": "requested",
    "informational_interview": "interviewed",
    "thank_you": "thanked",
}

RECORD_BYTES_LIMIT = 400_000

# The text of a record that names a person or an organization, held to the rules of names.
RECORD_NAMES = {"interviews": ("name", "occupation", "organization", "next_contact")}


def new_id(prefix: str) -> str:
    """A short random id such as ``c-1a2b3c4d``."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def today() -> str:
    return dt.date.today().isoformat()


def find(doc: dict, section: str, entry_id: str) -> dict | None:
    """The entry of ``section`` with ``entry_id``, or None."""
    return next((e for e in doc[section] if e.get("id") == entry_id), None)


def identity(contact: dict) -> tuple[str, str]:
    """What makes two contacts the same person: name and organization, ignoring case and spacing."""
    return _squash(contact.get("name")), _squash(contact.get("organization"))


def _squash(value) -> str:
    return " ".join(str(value or "").casefold().split())


def clean_contact(values: dict, doc: dict, *, contact_id: str) -> dict:
    """Validate a full set of contact values against ``doc`` and return the stored form."""
    unknown = set(values) - set(CONTACT_FIELDS) - {"id"}
    if unknown:
        raise JournalValueError(None, f"unknown contact field(s): {', '.join(sorted(unknown))}")
    contact = {
        "id": contact_id,
        "name": fields.text("name", values.get("name"), required=True),
        "category": fields.choice("category", values.get("category"), CATEGORIES, label_kind="category"),
        "organization": fields.text("organization", values.get("organization")),
        "occupation": fields.text("occupation", values.get("occupation")),
        "field": fields.text("field", values.get("field")),
        "how_found": fields.text("how_found", values.get("how_found"), long=True),
        "why": fields.text("why", values.get("why"), long=True),
        "introduced_by": values.get("introduced_by") or None,
        "added": fields.date("added", values.get("added") or today(), required=True),
        "email": fields.email("email", values.get("email")),
        "phone": fields.phone("phone", values.get("phone")),
        "status": fields.choice("status", values.get("status") or "to_contact", STATUSES, label_kind="status"),
        "priority": (
            fields.choice("priority", values["priority"], PRIORITIES, label_kind="priority")
            if values.get("priority") else None
        ),
        "follow_up": fields.date("follow_up", values.get("follow_up")),
        "notes": fields.text("notes", values.get("notes"), long=True),
    }
    introducer = contact["introduced_by"]
    if introducer is not None:
        if not isinstance(introducer, str) or find(doc, "contacts", introducer) is None:
            raise JournalValueError("introduced_by", f"{introducer!r} is not a contact in this journal")
        if introducer == contact_id:
            raise JournalValueError("introduced_by", "a contact cannot introduce themselves")
        if _introduces(doc, contact_id, introducer):
            raise JournalValueError("introduced_by", "that would make a loop of introductions")
    if contact["follow_up"] and contact["follow_up"] < contact["added"]:
        raise JournalValueError(
            "follow_up", f"{contact['follow_up']} is before the contact was added ({contact['added']})"
        )
    me = identity(contact)
    for other in doc["contacts"]:
        if other["id"] != contact_id and identity(other) == me:
            where = f" at {other['organization']}" if other.get("organization") else ""
            raise JournalValueError("name", f"{other['name']}{where} is already in your journal")
    return contact


def _introduces(doc: dict, ancestor: str, contact_id: str) -> bool:
    """True when ``ancestor`` is somewhere up the chain of people who introduced ``contact_id``."""
    seen = set()
    current = find(doc, "contacts", contact_id)
    while current is not None and current["id"] not in seen:
        seen.add(current["id"])
        parent = current.get("introduced_by")
        if parent == ancestor:
            return True
        current = find(doc, "contacts", parent) if parent else None
    return False


def clean_interaction(values: dict, doc: dict, *, interaction_id: str) -> dict:
    """Validate an interaction against ``doc`` and return the stored form."""
    unknown = set(values) - set(INTERACTION_FIELDS) - {"id"}
    if unknown:
        raise JournalValueError(None, f"unknown interaction field(s): {', '.join(sorted(unknown))}")
    contact_id = values.get("contact_id")
    if not isinstance(contact_id, str) or find(doc, "contacts", contact_id) is None:
        raise JournalValueError("contact_id", f"{contact_id!r} is not a contact in this journal")
    return {
        "id": interaction_id,
        "contact_id": contact_id,
        "kind": fields.choice("kind", values.get("kind"), INTERACTION_KINDS, label_kind="kind of interaction"),
        "date": fields.date("date", values.get("date") or today(), required=True),
        "minutes": fields.minutes("minutes", values.get("minutes")),
        "notes": fields.text("notes", values.get("notes"), long=True),
    }


def status_after(kind: str, current: str) -> str:
    """The contact's status once an interaction of ``kind`` is logged (never moves backwards)."""
    target = _STATUS_AFTER.get(kind)
    if target is None or _STATUS_ORDER.index(target) <= _STATUS_ORDER.index(current):
        return current
    return target


def clean_record(section: str, record: dict) -> dict:
    """Validate a saved record (pitch draft, question plan, interview, reflection)."""
    if section not in RECORD_SECTIONS:
        raise JournalValueError(None, f"{section!r} is not a record section; use one of {RECORD_SECTIONS}")
    if not isinstance(record, dict):
        raise JournalValueError(None, f"a {section} record must be a dict, not {type(record).__name__}")
    record = dict(record)
    record["id"] = fields.text("id", record.get("id") or new_id(section[0]), required=True)
    for key in RECORD_NAMES.get(section, ()):
        if isinstance(record.get(key), str):
            # A record's names obey the name rules (fields.py): no hidden or direction-changing characters.
            record[key] = fields.text(f"{section}.{key}", record[key])
    _check_values(section, record)
    size = len(json.dumps(record, ensure_ascii=False))
    if size > RECORD_BYTES_LIMIT:
        raise JournalValueError(section, f"this record is {size:,} characters; the limit is {RECORD_BYTES_LIMIT:,}")
    return record


def _check_values(path: str, value) -> None:
    # Records are free-form JSON written by widgets; every string in them obeys the long-text rules.
    if isinstance(value, str):
        fields.text(path, value, long=True)
    elif isinstance(value, dict):
        for key, inner in value.items():
            if not isinstance(key, str):
                raise JournalValueError(path, f"has a non-text key {key!r}")
            _check_values(f"{path}.{key}", inner)
    elif isinstance(value, list):
        for position, inner in enumerate(value):
            _check_values(f"{path}[{position}]", inner)
    elif value is not None and not isinstance(value, (bool, int, float)):
        raise JournalValueError(path, f"holds a {type(value).__name__}, which cannot be saved")
    elif isinstance(value, float) and value != value:
        raise JournalValueError(path, "is not a number (NaN)")
