"""The network log check: a sound journal with no duplicates and no broken referral links."""

from __future__ import annotations

from collections import Counter

from ..entries import identity
from ..journal import as_document
from ..vocabulary import CATEGORIES
from .report import Item, Report


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
    return Report("Network log check", tuple(items))


def _in_loop(contact_id, by_id) -> bool:
    seen = set()
    current = contact_id
    while current in by_id and current not in seen:
        seen.add(current)
        current = by_id[current].get("introduced_by")
        if current == contact_id:
            return True
    return False
