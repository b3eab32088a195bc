"""Week-by-week growth figures of one journal."""

import datetime as dt

from workbook.plots.growth import referral_edges, weekly_figures

START = dt.date(2026, 9, 7)


def contact(cid, added, category="work", introduced_by=None):
    return {"id": cid, "name": cid, "added": added, "category": category, "introduced_by": introduced_by}


def interaction(contact_id, kind, date):
    return {"id": f"{contact_id}-{kind}-{date}", "contact_id": contact_id, "kind": kind, "date": date}


def test_figures_are_cumulative_by_week_with_earlier_contacts_in_week_one():
    doc = {
        "contacts": [
            contact("a", "2025-01-01", "family_friends"),
            contact("b", "2026-09-08", "school"),
            contact("c", "2026-09-15", "alumni", introduced_by="a"),
            contact("d", "2026-09-29", "alumni", introduced_by="c"),
            contact("e", "not a date", "alumni"),
            contact("f", "2026-09-16", "martians", introduced_by="ghost"),
        ],
        "interactions": [
            interaction("c", "informational_interview", "2026-09-16"),
            interaction("c", "thank_you", "2026-09-18"),  # on time (2 days)
            interaction("d", "informational_interview", "2026-09-29"),
            interaction("d", "thank_you", "2026-10-05"),  # late
            interaction("b", "thank_you", "2026-09-10"),  # no interview with b
            interaction("a", "call", "2026-09-10"),
        ],
    }
    figures = weekly_figures(doc, START, 4)
    assert figures["contacts"] == [2, 4, 4, 5]
    assert figures["by_category"]["alumni"] == [0, 1, 1, 2]
    assert figures["by_category"]["family_friends"] == [1, 1, 1, 1]
    assert figures["by_category"]["online"] == [0, 0, 0, 0]
    assert "martians" not in figures["by_category"]
    assert figures["interviews"] == [0, 1, 1, 2]
    assert figures["thank_yous_on_time"] == [0, 1, 1, 1]
    assert referral_edges(doc) == [("a", "c"), ("c", "d")]


def test_an_empty_journal_gives_zeros():
    assert weekly_figures({"contacts": [], "interactions": []}, START, 3) == {
        "contacts": [0, 0, 0],
        "by_category": {k: [0, 0, 0] for k in ("family_friends", "school", "alumni", "work",
                                                "associations", "community", "online")},
        "interviews": [0, 0, 0],
        "thank_yous_on_time": [0, 0, 0],
    }


def test_hand_edited_odd_values_are_ignored_not_fatal():
    doc = {
        "contacts": [{"id": "a", "added": "2026-09-08", "category": ["work"]},
                     {"id": "b", "added": "2026-09-08", "category": {"x": 1}}],
        "interactions": [{"contact_id": ["a"], "kind": "informational_interview", "date": "2026-09-08"},
                         {"contact_id": ["a"], "kind": "thank_you", "date": "2026-09-09"}],
    }
    figures = weekly_figures(doc, START, 2)
    assert figures["contacts"] == [2, 2]
    assert all(counts == [0, 0] for counts in figures["by_category"].values())
    assert figures["interviews"] == [1, 1]
    assert figures["thank_yous_on_time"] == [0, 0]
