"""Upgrades from older journal layouts to the current schema, one step per version.

Version 0 is the hand-kept layout from before the workbook: a JSON object
with a "contacts" list (and perhaps "interactions") and no schema_version.
Each step takes a document of version N and returns one of version N + 1;
`upgrade` chains them. A new schema version adds one function here.
"""

from __future__ import annotations

import copy
import hashlib

from .schema import KIND, SCHEMA_VERSION, SECTIONS, add_missing_sections


def _v0_to_v1(doc: dict) -> dict:
    new = {"schema_version": 1, "kind": KIND, "student": {"name": str(doc.get("student", "") or "")}}
    for section in SECTIONS:
        new[section] = [dict(e) for e in doc.get(section, []) if isinstance(e, dict)]
    for section in ("contacts", "interactions"):
        for position, entry in enumerate(new[section]):
            if not isinstance(entry.get("id"), str):
                # Stable ids, so that migrating the same file twice gives the same result.
                digest = hashlib.sha1(f"{section}:{position}:{entry.get('name', '')}".encode()).hexdigest()
                entry["id"] = f"{section[0]}-{digest[:8]}"
    for contact in new["contacts"]:
        contact.setdefault("status", "to_contact")
        contact.setdefault("introduced_by", None)
    return new


MIGRATIONS = {0: _v0_to_v1}


def source_version(doc) -> int | None:
    """The version a loaded document claims; 0 for the pre-workbook layout, None if unknown."""
    if not isinstance(doc, dict):
        return None
    if "schema_version" in doc:
        return doc["schema_version"]
    if isinstance(doc.get("contacts"), list):
        return 0
    return None


def upgrade(doc: dict) -> dict:
    """A copy of ``doc`` brought up to SCHEMA_VERSION, any record section it lacks added empty."""
    version = source_version(doc)
    doc = copy.deepcopy(doc)
    while isinstance(version, int) and not isinstance(version, bool) and version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            break  # check_structure reports the unusable version
        doc = step(doc)
        version = doc["schema_version"]
    if version == SCHEMA_VERSION and isinstance(doc, dict):
        add_missing_sections(doc)
    return doc
