"""Which saved record is the current one: the rules every reader of the journal shares."""

from __future__ import annotations


def newest(records: list[dict]) -> dict | None:
    """The most recently saved record, or None (ties go to the later entry)."""
    if not records:
        return None
    return records[max(range(len(records)), key=lambda n: (str(records[n].get("updated") or ""), n))]


def _held_then_saved(record: dict) -> tuple[str, str]:
    return str(record.get("date") or ""), str(record.get("updated") or "")


def interviews_newest_first(interviews: list[dict]) -> list[dict]:
    """Interview records by the date they were held, then saved: the latest conversation first."""
    return sorted(interviews, key=_held_then_saved, reverse=True)


def latest_interview(interviews: list[dict]) -> dict | None:
    """The interview held most recently (the last saved, on the same day), or None."""
    return max(interviews, key=_held_then_saved, default=None)
