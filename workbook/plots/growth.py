"""Week-by-week figures of one journal's network: the numbers behind every growth plot.

Pure and pandas-free, because the class report runs it over thousands of
journals. Anything dated before the term counts in week 1: the network a
student already has when the term starts.
"""

from __future__ import annotations

import datetime as dt
import functools

from ..checks.follow_up import THANK_YOU_DAYS
from ..course.plan import week_number
from ..journal.fields import parse_date
from ..journal.vocabulary import CATEGORIES


@functools.lru_cache(maxsize=4096)
def _week(day: dt.date, term_start: dt.date, weeks: int) -> int:
    """The 0-based index of the term week ``day`` falls in."""
    return week_number(day, term_start, weeks) - 1


def _key(value) -> str | None:
    # Hand-edited files can hold any JSON here; only a text id can match.
    return value if isinstance(value, str) else None


def _cumulative(per_week: list[int]) -> list[int]:
    total, out = 0, []
    for n in per_week:
        total += n
        out.append(total)
    return out


def weekly_figures(doc: dict, term_start: dt.date, weeks: int) -> dict:
    """Cumulative counts at the end of each week 1..weeks.

    Returns ``{"contacts": [...], "by_category": {category: [...]}, "interviews": [...],
    "thank_yous_on_time": [...]}``, each list ``weeks`` long.
    """
    def bucket() -> list[int]:
        return [0] * weeks

    contacts, by_category = bucket(), {key: bucket() for key in CATEGORIES}
    for contact in doc.get("contacts", ()):
        added = parse_date(contact.get("added"))
        if added is None:
            continue
        week = _week(added, term_start, weeks)
        contacts[week] += 1
        category = contact.get("category")
        if isinstance(category, str) and category in by_category:
            by_category[category][week] += 1

    interviews, on_time = bucket(), bucket()
    held: dict[str, list[dt.date]] = {}
    for interaction in doc.get("interactions", ()):
        day = parse_date(interaction.get("date"))
        if day is not None and interaction.get("kind") == "informational_interview":
            interviews[_week(day, term_start, weeks)] += 1
            if _key(interaction.get("contact_id")) is not None:
                held.setdefault(interaction["contact_id"], []).append(day)
    for interaction in doc.get("interactions", ()):
        day = parse_date(interaction.get("date"))
        if day is None or interaction.get("kind") != "thank_you":
            continue
        if any(0 <= (day - h).days <= THANK_YOU_DAYS for h in held.get(_key(interaction.get("contact_id")), ())):
            on_time[_week(day, term_start, weeks)] += 1

    return {
        "contacts": _cumulative(contacts),
        "by_category": {key: _cumulative(counts) for key, counts in by_category.items()},
        "interviews": _cumulative(interviews),
        "thank_yous_on_time": _cumulative(on_time),
    }


def referral_edges(doc: dict) -> list[tuple[str, str]]:
    """(introducer id, contact id) for every introduction whose introducer is in the journal."""
    ids = {c.get("id") for c in doc.get("contacts", ())}
    return [(c["introduced_by"], c["id"]) for c in doc.get("contacts", ()) if c.get("introduced_by") in ids]
