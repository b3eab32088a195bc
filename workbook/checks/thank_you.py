"""The thank-you note check: the note a student sends within two days of an informational interview.

Addressed to the person, thanks them for their time, brings back something
from *this* conversation (matched against the interview record, see
``details``), says what the student will do next, asks for no job, closes
politely with the student's name, stays short, and goes out within two days
(the follow-up check's rule). The note is read like the request email: in its
parts (greeting, body, sign-off, signature) and sentence by sentence; where
the check cannot be sure, a person reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..journal.fields import parse_date
from .details import shared_details
from .email_parts import EmailParts, split_email
from .follow_up import THANK_YOU_DAYS, thank_you_due
from .letters import Sentences, close_item, distinct_sentences, job_request_item, length_item
from .names import looks_like_name, name_words, same_person
from .patterns import lazy
from .report import Item, Report, quote
from .structure import clauses, negated_before, placeholders
from .text import sentences, word_count
from .vocabulary import Vocabulary, current, fold

TITLE = "Thank-you note check"

MAX_WORDS = 200  # a note, not a letter: the request email's limit
GREETING_WORDS = 6

_GREETING = lazy(r"^\s*(?:dear|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|greetings)\b[\s,]*(.*)$", re.I)
_NO_NAME = lazy(r"^(?:there|all|everyone|sir(?:\s+or\s+madam)?|madam|team|friend|to\s+whom\s+it\s+may\s+concern)$")
_THANKS = lazy(r"\b(?:thank|thanks|thankful|grateful|gratitude|appreciat\w*|thx)\b")
# Thanks for something still to come: the request's "thank you for considering", not thanks for time given.
_THANKS_AHEAD = lazy(r"\b(?:thank\s+you|thanks)\s+(?:in\s+advance|for\s+(?:considering|your\s+consideration)|"
                     r"for\s+reading)\b")
_NEXT_STEP = lazy(
    r"\b(?:i|we)(?:\s+(?:will|shall|am\s+going\s+to|plan\s+to|intend\s+to|want\s+to|mean\s+to|hope\s+to|aim\s+to|"
    r"am\s+(?:now\s+|already\s+)?\w+ing|have\s+(?:already\s+|just\s+|now\s+)?(?:\w+ed|begun|written|set|taken|"
    r"sent|signed|joined|found|made|done|put|read))|"
    r"'ll|'m\s+(?:now\s+|already\s+)?\w+ing|'ve\s+(?:already\s+|just\s+|now\s+)?(?:\w+ed|begun|written|set|"
    r"taken|sent|signed|joined|found|made|done|put|read)|"
    r"\s+(?:signed|enrolled|registered|applied|called|phoned|emailed|e-mailed|wrote|messaged|texted|contacted|"
    r"booked|joined|ordered|started|bought|set\s+up|reached\s+out|followed\s+up)|"
    r"\s+are\s+\w+ing|'re\s+\w+ing)\b|"
    r"^(?:going\s+to|planning\s+to|my\s+(?:plan|next\s+step)s?\b|next\s+(?:week|month|term)|this\s+week|"
    r"following\s+your\s+advice|as\s+you\s+suggested|taking\s+your\s+advice)")


def check_thank_you(text: str, interview: Mapping | None = None, sender_name: str | None = None,
                    sent=None, vocabulary: Vocabulary | None = None, others: tuple[str, ...] = ()) -> Report:
    """Judge a thank-you note after the ``interview`` record it follows, sent on ``sent`` (a date or None).

    ``others``: names of other people the student knows (their network), so a
    note addressed to one of them is known to be addressed to the wrong person.
    """
    if not isinstance(text, str):
        raise ValueError(f"the note must be text, not {type(text).__name__}")
    if sender_name is not None and not isinstance(sender_name, str):
        raise ValueError(f"sender_name must be text or None, not {type(sender_name).__name__}")
    if interview is not None and not isinstance(interview, Mapping):
        raise ValueError(f"the interview must be a record (a mapping), not {type(interview).__name__}")
    interview = interview or {}
    vocabulary = vocabulary if vocabulary is not None else current()
    parts = _parts(text, vocabulary)
    greeting, body_text = _greeting(parts.body)
    body = distinct_sentences(body_text)
    count = word_count(parts.body) + word_count(parts.sign_off or "") + word_count(
        parts.signature[0] if parts.signature else parts.signed_inline or "")
    recipient = interview.get("name") if isinstance(interview.get("name"), str) else None
    known_others = tuple(o for o in (interview.get("next_contact"), *others) if isinstance(o, str) and o.strip())
    return Report(TITLE, (
        _addressed_item(greeting, recipient, known_others),
        _thanks_item(body, parts, vocabulary),
        _specific_item(body_text, interview),
        _next_step_item(body),
        job_request_item(body, vocabulary, count, letter="note"),
        close_item(parts, sender_name, letter="note"),
        length_item(count, MAX_WORDS, "note", "Write a few sentences: thanks, one detail, your next step.",
                    "Keep to thanks, one detail and your next step: a note is read in a minute."),
        _on_time_item(interview.get("date"), sent),
    ))


def _parts(text: str, vocabulary: Vocabulary) -> EmailParts:
    parts = split_email(text, vocabulary)
    if parts.sign_off is not None or not text.strip():
        return parts
    # A note sent as a message ends "...next week. Cheers, Liam" on the same line as the rest.
    lines = text.rstrip().splitlines()
    said = sentences(lines[-1])
    if len(said) > 1:
        tail = split_email(said[-1], vocabulary)
        if tail.sign_off is not None:
            head = lines[-1].rstrip()[: len(lines[-1].rstrip()) - len(said[-1])]
            return EmailParts("\n".join([*lines[:-1], head]), tail.sign_off, tail.signature, tail.signed_inline)
    return parts


def _greeting(body: str) -> tuple[str | None, str]:
    """The name the note opens with ("Dear Ms. Okonkwo," or "Marco, thank you..."), and the rest of it."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    found = _GREETING.match(first)
    if found:
        said = found.group(1)
        name, sep, after = said.partition(",")
        if not sep:
            name, sep, after = said.partition("!")
        name = name.strip(" ,!:.-\u2013\u2014")
        if len(name.split()) > GREETING_WORDS:
            name, after = "", said
        return name, (after + "\n" + rest).strip()
    name, sep, after = first.partition(",")
    if sep and looks_like_name(name.strip()):
        return name.strip(), (after + "\n" + rest).strip()
    return None, stripped


def _addressed_item(greeting: str | None, recipient: str | None, others: tuple[str, ...]) -> Item:
    hint = "Open with their name, e.g. \u201cDear Ms. Okonkwo,\u201d or \u201cHi Marco,\u201d."
    if greeting is None:
        return Item("addressed", False, "The note does not open with the name of the person you thank.", hint)
    if not greeting or _NO_NAME.match(fold(greeting)) or not name_words(greeting):
        return Item("addressed", False, "The greeting names nobody: open with the person's name.", hint)
    blanks = placeholders(greeting)
    if blanks:
        return Item("addressed", False, f"The greeting is still a template blank, {quote(blanks[0])}.", hint)
    if recipient is None or not recipient.strip() or same_person(greeting, recipient):
        return Item("addressed", True, f"You address the note to {quote(greeting)}.")
    if any(same_person(greeting, other) for other in others):
        return Item("addressed", False, f"The note is addressed to {quote(greeting)}, but you are thanking "
                    f"{' '.join(recipient.split())}.", "Check the name: a reused note that names someone else "
                    "undoes the thanks.")
    return Item("addressed", True, f"The note is addressed to {quote(greeting)} and your record names "
                f"{' '.join(recipient.split())}; your instructor will check it is the same person.", hint,
                review=True)


def _thanks_item(body: Sentences, parts: EmailParts, vocabulary: Vocabulary) -> Item:
    said = list(body)
    close = fold(parts.sign_off or "").rstrip(" ,.!;:-")
    if close and not vocabulary.pattern("sign_offs").fullmatch(close):
        said.append((parts.sign_off, close))  # "Thank you for your time and kindness," is thanks, not a formula
    for sentence, folded in said:
        for clause in clauses(folded):
            found = _THANKS.search(clause)
            if found and not negated_before(clause, found.start()) and not _THANKS_AHEAD.search(clause):
                return Item("thanks_for_time", True, f"You thank them ({quote(sentence)}).")
    return Item("thanks_for_time", False, "The note does not thank them for their time.",
                "Say it plainly near the start: \u201cThank you for taking the time to talk with me on Tuesday.\u201d")


def _specific_item(body_text: str, interview: Mapping) -> Item:
    hint = "Mention one thing they told you, e.g. a tip, a story or a fact that surprised you."
    blanks = placeholders(body_text)
    if blanks:
        return Item("specific", False, f"The note still holds a template blank, {quote(blanks[0])}: write "
                    "the detail itself.", hint)
    found = shared_details(body_text, interview)
    if not found.record_has_details:
        return Item("specific", False, "The interview record holds no notes to compare the note with; your "
                    "instructor will read it.", "Record the interview's answers and notes first.", review=True)
    if found.sure:
        shown = ", ".join(quote(w, 40) for w in (found.strong or found.shared)[:3])
        return Item("specific", True, f"You mention something from the conversation ({shown}).")
    if found.shared:
        return Item("specific", False, f"The check found only {quote(found.shared[0], 40)} from your interview "
                    "notes; your instructor will read whether the note is specific.", hint, review=True)
    return Item("specific", False, "Nothing in the note comes from your notes on this interview: it would fit "
                "any conversation.", hint)


def _next_step_item(body: Sentences) -> Item:
    for sentence, folded in body:
        for clause in clauses(folded) + [folded]:
            if _NEXT_STEP.search(clause):
                return Item("next_step", True, f"You say what you will do next ({quote(sentence)}).")
    return Item("next_step", False, "The note does not say what you will do with their advice.",
                "Add one line on what you will do next: \u201cI will apply to the shadowing programme this month.\u201d")


def _on_time_item(held, sent) -> Item:
    held_on = parse_date(held)
    if held_on is None:
        return Item("on_time", False, "The interview record has no date, so the note's deadline is unknown.",
                    "Record the interview's date.")
    due = thank_you_due(held_on.isoformat())
    sent_on = sent if isinstance(sent, dt.date) else parse_date(sent)
    if sent_on is None:
        return Item("on_time", False, f"Not sent yet: it is due by {due.isoformat()}.",
                    f"Send it within {THANK_YOU_DAYS} days of the interview, then mark it sent.")
    if sent_on < held_on:
        return Item("on_time", False, f"It is marked sent on {sent_on.isoformat()}, before the interview on "
                    f"{held_on.isoformat()}.", "Check the date you sent it.")
    days = (sent_on - held_on).days
    if sent_on <= due:
        return Item("on_time", True, f"Sent {days} day{'' if days == 1 else 's'} after the interview, on time.")
    return Item("on_time", False, f"Sent {days} days after the interview, later than {THANK_YOU_DAYS} days.",
                "Next time send it within two days, while they still remember the conversation.")


def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved thank-you note against the interview it follows, signed with the student's name."""
    interview = next((r for r in doc["interviews"] if r.get("id") == record.get("interview_id")), None)
    others = tuple(c.get("name") for c in doc["contacts"] if c.get("id") != record.get("contact_id"))
    return check_thank_you(record.get("body") or "", interview, doc["student"].get("name") or None,
                           sent=record.get("sent"), others=others)
