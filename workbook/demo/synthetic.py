"""Made-up but plausible journals, for tests, the demo class and the benchmark.

Everything comes from a ``random.Random`` the caller seeds, so the same seed
gives byte-for-byte the same class. The people are invented from short lists
of first names, family names and employers; every value passes the journal's
own entry validation (journal.entries), so a synthetic journal can be opened
and edited like a real one.

A synthetic term looks like this: about a third of the contacts are people
the student knew before the term (dated up to a month before it starts); the
rest are added week by week, some introduced by an earlier contact (so there
are referral chains). About one contact in twenty is asked for an
informational interview; most of those say yes, and most interviews are
followed by a thank-you note within two days, some later.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from pathlib import Path

from ..journal.schema import empty_document
from ..journal.storage import dump_json

FIRST_NAMES = (
    "Amara", "Ben", "Chen", "Dalia", "Emeka", "Farah", "Gabriel", "Hana", "Ines", "Jonas",
    "Keiko", "Luis", "Maya", "Nikhil", "Olga", "Priya", "Quentin", "Rosa", "Samir", "Tamsin",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe",
)
FAMILY_NAMES = (
    "Abara", "Bergström", "Castillo", "Dubois", "Eriksen", "Fontaine", "García", "Haddad", "Ito",
    "Jansen", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "O'Neill", "Petrov", "Quinn", "Rossi",
    "Singh", "Tanaka", "Urquhart", "Varga", "Whitfield", "Yilmaz", "Zhou",
)
# (organization, occupation, field): the kinds of workplaces students meet people from.
WORKPLACES = (
    ("Riverside General Hospital", "Occupational therapist", "Health care"),
    ("Northgate Public Library", "Reference librarian", "Information services"),
    ("Harbour City Council", "Urban planner", "Public administration"),
    ("Brightline Software", "UX researcher", "Technology"),
    ("Cedar & Pine Architects", "Project architect", "Architecture"),
    ("Meadowbank Secondary School", "Guidance counsellor", "Education"),
    ("Summit Credit Union", "Financial advisor", "Finance"),
    ("Greenway Environmental", "Environmental consultant", "Environment"),
    ("Lakeshore Media", "Video producer", "Media"),
    ("Copperfield Engineering", "Civil engineer", "Engineering"),
    ("Oakridge Community Centre", "Program coordinator", "Non-profit"),
    ("Tidewater Logistics", "Supply chain analyst", "Logistics"),
    ("Maplewood Veterinary Clinic", "Veterinary technician", "Animal health"),
    ("Keystone Law LLP", "Paralegal", "Law"),
)
HOW_FOUND = {
    "family_friends": "Family friend",
    "school": "Met through a course",
    "alumni": "Alumni directory",
    "work": "Worked together",
    "associations": "Club meeting",
    "community": "Volunteering",
    "online": "Professional networking site",
}
# Students know more people through family, school and work than through associations or online.
CATEGORY_WEIGHTS = {
    "family_friends": 5, "school": 5, "alumni": 2, "work": 4, "associations": 2, "community": 2, "online": 3,
}
# Every contact is a different (name, organization) pair, as the journal requires.
MAX_CONTACTS = len(FIRST_NAMES) * len(FAMILY_NAMES) * len(WORKPLACES) // 2
INTERVIEW_SHARE = 0.05  # of contacts asked for an informational interview (about three a student)
YES_SHARE = 0.8  # of those asked who agree to one
ON_TIME_SHARE = 0.8  # of interviews followed by a thank-you within two days
REFERRAL_SHARE = 0.25  # of in-term contacts introduced by an earlier contact
KNOWN_BEFORE_SHARE = 0.35  # of contacts the student already knew when the term started


def _hex_id(rng: random.Random, prefix: str) -> str:
    return f"{prefix}-{rng.getrandbits(40):010x}"


def _email_local(name: str) -> str:
    """``García O'Neill`` -> ``garcia.oneill``: e-mail addresses stay plain ASCII."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ".".join("".join(ch for ch in part if ch.isalnum()) for part in plain.lower().split())


def _person(rng: random.Random, taken: set) -> tuple[str, str, str, str]:
    """A name, organization, occupation and field not yet in this journal."""
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"
        organization, occupation, field = rng.choice(WORKPLACES)
        if (name, organization) not in taken:
            taken.add((name, organization))
            return name, organization, occupation, field


def synthetic_journal(rng: random.Random, term_start: dt.date, weeks: int, contacts: int = 60) -> dict:
    """One student's journal for a term of ``weeks`` weeks from ``term_start``, with ``contacts`` contacts."""
    if not 0 <= contacts <= MAX_CONTACTS:
        raise ValueError(f"contacts must be from 0 to {MAX_CONTACTS}, not {contacts}")
    doc = empty_document()
    doc["student"]["name"] = f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"
    term_days = weeks * 7
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    taken: set = set()
    added_days = sorted(
        rng.randint(-28, 0) if rng.random() < KNOWN_BEFORE_SHARE else rng.randint(0, term_days - 1)
        for _ in range(contacts)
    )
    for day in added_days:
        name, organization, occupation, field = _person(rng, taken)
        category = rng.choices(categories, weights)[0]
        earlier = doc["contacts"]  # days are sorted, so everyone so far was added on or before this day
        introducer = rng.choice(earlier) if day > 0 and earlier and rng.random() < REFERRAL_SHARE else None
        doc["contacts"].append({
            "id": _hex_id(rng, "c"),
            "name": name,
            "category": category,
            "organization": organization,
            "occupation": occupation,
            "field": field,
            "how_found": f"Introduced by {introducer['name']}" if introducer else HOW_FOUND[category],
            "why": f"Works in {field.lower()}, a field I want to know more about",
            "introduced_by": introducer["id"] if introducer else None,
            "added": (term_start + dt.timedelta(days=day)).isoformat(),
            "email": f"{_email_local(name)}{rng.randint(1, 99)}@example.org",
            "phone": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "status": "to_contact",
            "priority": None,
            "follow_up": None,
            "notes": "",
        })
    last_day = term_start + dt.timedelta(days=term_days - 1)
    for contact in doc["contacts"]:
        if rng.random() >= INTERVIEW_SHARE:
            continue
        # Students start asking for interviews once the chapter gets there, in week 2.
        first_day = max(dt.date.fromisoformat(contact["added"]), term_start + dt.timedelta(weeks=1))
        _interview(rng, doc, contact, first_day, last_day)
    return doc


def _interview(rng, doc, contact, first_day: dt.date, last_day: dt.date) -> None:
    """Ask ``contact`` for a conversation and, perhaps, hold it and say thank you."""
    def log(kind, day, minutes=None, notes=""):
        doc["interactions"].append({
            "id": _hex_id(rng, "i"), "contact_id": contact["id"], "kind": kind,
            "date": day.isoformat(), "minutes": minutes, "notes": notes,
        })

    contact["priority"] = rng.choice(("high", "medium", "low"))
    asked = first_day + dt.timedelta(days=rng.randint(0, 21))
    if asked > last_day:
        return
    log("request_email", asked)
    contact["status"] = "requested"
    held = asked + dt.timedelta(days=rng.randint(3, 14))
    if rng.random() >= YES_SHARE or held > last_day:
        contact["follow_up"] = min(asked + dt.timedelta(days=7), last_day).isoformat()
        return
    log("informational_interview", held, minutes=rng.choice((20, 25, 30)),
        notes=f"Talked about the path into {contact['field'].lower()}")
    contact["status"] = "interviewed"
    thanked = held + dt.timedelta(days=rng.randint(0, 2) if rng.random() < ON_TIME_SHARE else rng.randint(3, 8))
    if thanked <= last_day:
        log("thank_you", thanked, notes="Sent a short thank-you e-mail")
        contact["status"] = "thanked"


def write_class(
    folder, n_students: int, seed: int = 0, *, term_start: dt.date = dt.date(2026, 9, 7),
    weeks: int = 12, contacts: int = 60,
) -> list[Path]:
    """Write ``n_students`` journals as ``folder/student-0001.json`` ...; returns their paths in order.

    Each student gets between half and one and a half times ``contacts``
    contacts (``contacts`` on average), so the class has a spread to plot.
    """
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    width = max(4, len(str(n_students)))
    paths = []
    for n in range(1, n_students + 1):
        count = rng.randint(contacts // 2, contacts + contacts // 2)
        path = folder / f"student-{n:0{width}d}.json"
        # A plain write: these are throw-away files, and fsyncing thousands of them is slow.
        path.write_bytes(dump_json(synthetic_journal(rng, term_start, weeks, count)))
        paths.append(path)
    return paths

