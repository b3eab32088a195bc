"""The check registry: one row per self-check, read by selfcheck, the rubric, the widgets and the docs.

Adding a check is one rule module (its pure ``check_*`` function, its
``TITLE`` and a ``from_saved(record, doc)`` that judges what the journal
holds), one row here, its notebook cell and its tests. Nothing else names
checks: ``workbook.selfcheck.<id>`` is made from the row, the rubric names
rows by id (an unknown id is refused when the rubric is built), ``import
workbook`` exports every row's ``function`` name, and a test holds the
README's table to these rows.

Each row also declares the kind of every item its check reports (``kinds``):
a RULE is verified and may carry points; a JUDGMENT reads wording, carries
points only when the check is sure, and otherwise marks the item for review;
ADVICE is a tip and never carries a point (the rubric refuses it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from . import follow_up, interview, linkedin_note, network, pitch, question_plan, request_email, thank_you
from .question_bank import required_questions
from .report import ADVICE, JUDGMENT, RULE, Report


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
    kinds: Mapping[str, str] = field(default_factory=dict)  # item id -> RULE, JUDGMENT or ADVICE

    def run(self, *args, **kwargs) -> Report:
        """The check's function on ``args``, its report knowing each item's kind."""
        return self.function(*args, **kwargs).with_kinds(self.kinds)


def _kinds(rules=(), judgments=(), advice=()) -> Mapping[str, str]:
    # "saved" is the one item a self-check reports when nothing is saved yet.
    return MappingProxyType({"saved": RULE, **dict.fromkeys(rules, RULE), **dict.fromkeys(judgments, JUDGMENT),
                             **dict.fromkeys(advice, ADVICE)})


_PITCH_OPTIONAL = tuple(f"component_{key}" for key in pitch.OPTIONAL_COMPONENTS)
_PITCH_CORE = tuple(f"component_{key}" for key in pitch.CORE_COMPONENTS)
_ANSWERS = tuple(f"answer_{q.id}" for q in required_questions())


CHECKS: tuple[Check, ...] = (
    Check("pitch", pitch.TITLE, "pitch_drafts", "pitch", pitch.check_pitch, pitch.from_saved,
          "the pitch read as a whole: who you are, your interest and the position you seek, something that backs "
          "them up, and its speaking time against 15, 30 or 60 s",
          _kinds(rules=("timing",), judgments=(*_PITCH_CORE, "supporting_detail"),
                 advice=(*_PITCH_OPTIONAL, "core_components"))),
    Check("question_plan", question_plan.TITLE, "question_plans", "question plan",
          question_plan.check_question_plan, question_plan.from_saved,
          "10-15 open-ended questions across the four categories, one asking for the next contact; prying is a tip",
          _kinds(rules=("count",), judgments=("open_ended", "categories", "next_contact"), advice=("no_prying",))),
    Check("request_email", request_email.TITLE, "email_drafts", "request email",
          request_email.check_request_email, request_email.from_saved,
          "how you got their name, a 15-30 minute ask at their convenience, information not a job, a polite "
          "close, length",
          _kinds(rules=("short",), judgments=("mentions_source", "bounded_time", "at_convenience",
                                              "information_not_job", "no_job_request", "polite_close"))),
    Check("linkedin_note", linkedin_note.TITLE, "linkedin_notes", "LinkedIn note",
          linkedin_note.check_linkedin_note, linkedin_note.from_saved,
          "a LinkedIn connection note: who you are, how you found them, a short conversation asked for, not a job, "
          "within 300 characters",
          _kinds(rules=("limit",), judgments=("who_you_are", "how_found", "what_you_ask", "no_job_request"))),
    Check("interview", interview.TITLE, "interviews", "interview record", interview.check_interview,
          interview.from_saved,
          "who, occupation, organization, date, length, and a real answer to each of the nine required questions",
          _kinds(rules=("name", "occupation", "organization", "date", "length"),
                 judgments=(*_ANSWERS, "learned", "next_steps"))),
    Check("thank_you", thank_you.TITLE, "thank_you_notes", "thank-you note", thank_you.check_thank_you,
          thank_you.from_saved,
          "the thank-you note: addressed to them, thanks for their time, something from this interview (matched "
          "against your notes), your next step, no job request, a polite close, short, sent within two days",
          _kinds(rules=("short", "on_time"), judgments=("addressed", "thanks_for_time", "specific", "next_step",
                                                       "no_job_request", "polite_close"))),
    Check("follow_up", follow_up.TITLE, None, "follow-up", follow_up.check_follow_up, follow_up.from_saved,
          "a thank-you note within two days, a referral asked for and added",
          _kinds(rules=("interview_recorded", "thank_you_sent", "thank_you_on_time", "referral_asked",
                        "referral_added"))),
    Check("network", network.TITLE, None, "network", network.check_network, network.from_saved,
          "no duplicate people, valid categories, introductions that resolve",
          _kinds(rules=("has_contacts", "no_duplicates", "categories_valid", "referrals_resolve",
                        "no_referral_loops", "interactions_linked"))),
    Check("network_map", network.MAP_TITLE, None, "network map", network.check_network_map, network.map_from_saved,
          "the breadth of a first map: enough people, from several groups, with reasons noted",
          _kinds(rules=("enough_contacts", "several_groups", "reasons_noted"))),
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
