"""The network checks: a sound log (no duplicates, no broken referral links) and a broad first map."""

from __future__ import annotations

from collections import Counter

from ..journal.entries import identity
from ..journal.model import as_document
from ..journal.vocabulary import CATEGORIES
from .report import Item, Report

TITLE = "Network log check"
MAP_TITLE = "Network map check"

# The breadth a first network map is judged against (see check_network_map); kept here only, so the
# rubric, the self-check and the notebooks cannot disagree.
MIN_MAP_CONTACTS = 10
MIN_MAP_GROUPS = 4


def _who(contact) -> str:
    return " ".join(str(contact.get("name") or "").split()) or "(no name)"


def check_network(journal) -> Report:
    """Judge the contacts of a journal as a whole."""
    doc = as_document(journal)
    contacts = doc["contacts"]
    by_id = {c["id"]: c for c in contacts}
    items = [Item(
        "has_contacts", bool(contacts),
        f"Your network has {len(contacts)} contact(s)." if contacts else "Your network has no contacts yet.",
        "Start with the people you already know: family, classmates, co-workers.",
    )]

    seen = Counter(identity(c) for c in contacts)
    doubled = sorted({_who(c) for c in contacts if seen[identity(c)] > 1})
    items.append(Item(
        "no_duplicates", not doubled,
        "Each person appears once." if not doubled else f"Listed more than once: {', '.join(doubled)}.",
        "Merge the copies into one contact.",
    ))

    odd = sorted(_who(c) for c in contacts if c.get("category") not in CATEGORIES)
    items.append(Item(
        "categories_valid", not odd,
        "Every contact has a known category." if not odd else f"Unknown category for: {', '.join(odd)}.",
        "Choose one of: " + ", ".join(CATEGORIES.values()) + ".",
    ))

    dangling = sorted(_who(c) for c in contacts if c.get("introduced_by") and c["introduced_by"] not in by_id)
    items.append(Item(
        "referrals_resolve", not dangling,
        "Every introduction points to a contact in your journal." if not dangling
        else f"Introduced by someone missing from the journal: {', '.join(dangling)}.",
        "Add the person who introduced them, or clear the field.",
    ))

    looped = sorted(_who(c) for c in contacts if _in_loop(c["id"], by_id))
    items.append(Item(
        "no_referral_loops", not looped,
        "Referral chains all lead back to someone you knew first." if not looped
        else f"These introductions go round in a circle: {', '.join(looped)}.",
        "Fix who introduced whom so the chain has a start.",
    ))

    unlinked = sum(1 for i in doc["interactions"] if i.get("contact_id") not in by_id)
    items.append(Item(
        "interactions_linked", not unlinked,
        "Every logged interaction belongs to a contact." if not unlinked
        else f"{unlinked} interaction(s) refer to contacts that are not in the journal.",
        "Re-add the contact or remove the stray interactions.",
    ))
    return Report(TITLE, tuple(items))


def _in_loop(contact_id, by_id) -> bool:
    seen = set()
    current = contact_id
    while current in by_id and current not in seen:
        seen.add(current)
        current = by_id[current].get("introduced_by")
        if current == contact_id:
            return True
    return False


def check_network_map(journal, min_contacts: int = MIN_MAP_CONTACTS, min_groups: int = MIN_MAP_GROUPS) -> Report:
    """Judge the breadth of a first network map: how many people, from how many groups, with reasons noted.

    Why 10 people in 4 groups: a first map of the people a student already knows typically reaches
    ten or more once they go through their life group by group, across several of the chapter's
    groups; fewer usually means whole groups (alumni, clubs, community, online) were skipped. People
    are counted once however often they are listed (check_network reports the duplicates), and only
    the chapter's own categories count as groups. At least half the contacts must say how the
    student knows them or why they would talk to them, as the chapter asks.
    """
    doc = as_document(journal)
    contacts = doc["contacts"]
    people = len({identity(c) for c in contacts})
    items = [Item(
        "enough_contacts", people >= min_contacts,
        f"Your map has {_people(people)}; the target is at least {min_contacts}." if people >= min_contacts
        else f"Your map has {_people(people)}; aim for at least {min_contacts}.",
        "Go through the groups one at a time and add everyone who fits, not only the people you know best.",
    )]

    used = {c.get("category") for c in contacts if isinstance(c.get("category"), str)} & set(CATEGORIES)
    empty = [label for key, label in CATEGORIES.items() if key not in used]
    groups = f"Your contacts come from {len(used)} of the {len(CATEGORIES)} groups"
    items.append(Item(
        "several_groups", len(used) >= min_groups,
        f"{groups}; the target is at least {min_groups}." if len(used) >= min_groups
        else f"{groups}; aim for at least {min_groups}. Still empty: {'; '.join(empty)}.",
        "Think of one person from a group you have not used yet.",
    ))

    noted = sum(1 for c in contacts if _filled(c.get("how_found")) or _filled(c.get("why")))
    needed = (len(contacts) + 1) // 2  # at least half, rounded up
    said = f"{noted} of your {len(contacts)} contact(s) say how you know them or why you would talk to them"
    items.append(Item(
        "reasons_noted", bool(contacts) and noted >= needed,
        "No contacts yet, so no notes on how you know them." if not contacts
        else f"{said}." if noted >= needed else f"{said}; aim for at least half ({needed}).",
        "For each person, note how you know them and why they could help you learn about a field.",
    ))
    return Report(MAP_TITLE, tuple(items))


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def _filled(value) -> bool:
    # A hand-edited journal can hold a number or a list here: only written text counts as a note.
    return isinstance(value, str) and bool(value.strip())


def from_saved(record: None, doc: dict, today=None) -> Report:
    """Check the journal's network log as a whole."""
    return check_network(doc)


def map_from_saved(record: None, doc: dict, today=None) -> Report:
    """Check the breadth of the journal's network map."""
    return check_network_map(doc)
