"""The check registry: one row per self-check, read by selfcheck, the rubric, the widgets and the docs.

Adding a check is one rule module (its pure ``check_*`` function, its
``TITLE`` and a ``from_saved(record, doc)`` that judges what the journal
holds), one row here, its notebook cell and its tests. Nothing else names
checks: ``workbook.selfcheck.<id>`` is made from the row, the rubric names
rows by id (an unknown id is refused when the rubric is built), ``import
workbook`` exports every row's ``function`` name, and a test holds the
README's table to these rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import follow_up, interview, network, pitch, question_plan, request_email
from .report import Report


@dataclass(frozen=True)
class Check:
    """One self-check: what it is called, what it reads, and how it judges the saved journal.

    ``section`` is the journal section whose latest saved record is judged
    (None: the check reads the whole journal); ``noun`` names that record in
    "No pitch is saved in your journal yet."; ``function`` is the public pure
    rule (``workbook.check_pitch``); ``from_saved(record, doc)`` applies it to
    what the journal holds (``record`` is None for whole-journal checks; ``today``, a date or None for the
    clock's, is the day dates are judged against).
    """

    id: str
    title: str
    section: str | None
    noun: str
    function: Callable[..., Report]
    from_saved: Callable[..., Report]  # (record, doc, today=None)
    judges: str  # one line for the docs: what the check judges


CHECKS: tuple[Check, ...] = (
    Check("pitch", pitch.TITLE, "pitch_drafts", "pitch", pitch.check_pitch, pitch.from_saved,
          "the one-minute commercial's components and its speaking time against 15, 30 or 60 s"),
    Check("question_plan", question_plan.TITLE, "question_plans", "question plan",
          question_plan.check_question_plan, question_plan.from_saved,
          "10-15 open-ended questions across the four categories, one asking for the next contact, none prying"),
    Check("request_email", request_email.TITLE, "email_drafts", "request email",
          request_email.check_request_email, request_email.from_saved,
          "how you got their name, a 15-30 minute ask at their convenience, information not a job, a polite "
          "close, length"),
    Check("interview", interview.TITLE, "interviews", "interview record", interview.check_interview,
          interview.from_saved,
          "who, occupation, organization, date, length, and a real answer to each of the nine required questions"),
    Check("follow_up", follow_up.TITLE, None, "follow-up", follow_up.check_follow_up, follow_up.from_saved,
          "a thank-you note within two days, a referral asked for and added"),
    Check("network", network.TITLE, None, "network", network.check_network, network.from_saved,
          "no duplicate people, valid categories, introductions that resolve"),
    Check("network_map", network.MAP_TITLE, None, "network map", network.check_network_map, network.map_from_saved,
          "the breadth of a first map: enough people, from several groups, with reasons noted"),
)

_BY_ID = {check.id: check for check in CHECKS}
if len(_BY_ID) != len(CHECKS):
    raise RuntimeError("two checks in the registry share an id")


def get(check_id: str) -> Check:
    """The registry row ``check_id``; KeyError naming the known ids otherwise."""
    try:
        return _BY_ID[check_id]
    except (KeyError, TypeError):
        raise KeyError(f"no check {check_id!r} in the registry; known: {', '.join(_BY_ID)}") from None


def functions() -> dict[str, Callable[..., Report]]:
    """Every check's public function by its name (``check_pitch`` -> the function)."""
    return {check.function.__name__: check.function for check in CHECKS}
