"""First drafts the widgets offer: the thank-you note after an interview, the LinkedIn connection note.

Pure functions over journal records. A draft is a starting point the student
edits, written so that its check passes when the record holds the material
(the thank-you check's on_time item aside: only sending decides that), and
with a bracketed blank, which the checks name, where the record is silent.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..journal.fields import parse_date
from .linkedin_note import MAX_CHARACTERS
from .text import sentences

NAME_BLANK = "[Your name]"
DETAIL_BLANK = "[one thing they told you that you will remember]"
NEXT_STEP_BLANK = "[What you will do with their advice]"
DETAIL_WORDS = 40  # a note quotes one detail, not the whole record
# Where a detail the note recalls comes from, in order: their advice, then what the student noted.
DETAIL_SOURCES = ("answers.advice", "notes", "learned")


def _text(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _first_sentence(value) -> str:
    """The first sentence of ``value``, cut to DETAIL_WORDS words, with its closing stop."""
    text = _text(value)
    if not text:
        return ""
    said = (sentences(text) or [text])[0].strip()
    words = said.split()
    if len(words) > DETAIL_WORDS:
        said = " ".join(words[:DETAIL_WORDS]).rstrip(",;:") + "\u2026"
    return said if said[-1:] in ".!?\u2026" else said + "."


def _lower_first(text: str) -> str:
    # "Email the manager" -> "email the manager", but "Dr. Okafor" and "CPON" keep their capitals.
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].islower() and first[:1].isupper() and not first.endswith("."):
        return text[:1].lower() + text[1:]
    return text


def _detail(interview: Mapping) -> str:
    answers = interview.get("answers") if isinstance(interview.get("answers"), Mapping) else {}
    for source in DETAIL_SOURCES:
        value = answers.get(source.split(".", 1)[1]) if source.startswith("answers.") else interview.get(source)
        found = _first_sentence(value)
        if found:
            return found
    return next((found for found in map(_first_sentence, answers.values()) if found), "")


def draft_thank_you(interview: Mapping, student_name: str = "") -> str:
    """A first thank-you note after the ``interview`` record, signed with ``student_name``.

    It thanks the person by name for their time (on the day of the week the
    interview was held), recalls one thing from the record (their advice, or
    else the student's notes, as the student noted it), says what the student
    will do next (the record's next steps), and closes with the student's name.
    """
    name = _text(interview.get("name")) or "[their name]"
    held = parse_date(interview.get("date"))
    when = f" on {held:%A}" if held else ""
    detail = _detail(interview)
    recalled = (f"What stays with me most is what you told me, as I noted it: \u201c{detail}\u201d" if detail
                else f"What stays with me most is {DETAIL_BLANK}.")
    step = _first_sentence(interview.get("next_steps"))
    # Without a step in the record the blank stands alone: no "I will" around it for the check to take as one.
    step_line = (f"I will act on your advice straight away; my next step: {_lower_first(step)}" if step
                 else f"{NEXT_STEP_BLANK}.")
    return "\n".join([
        f"Dear {name},",
        "",
        f"Thank you for taking the time to talk with me{when}. {recalled}",
        "",
        step_line,
        "",
        "Best regards,",
        _text(student_name) or NAME_BLANK,
    ])


def _linkedin_variants(contact: Mapping, introducer: Mapping | None, student: str):
    """Every wording of the LinkedIn note from the fullest to the shortest."""
    name = _text(contact.get("name"))
    field = _text(contact.get("field"))
    names = [name] + ([name.split()[0]] if len(name.split()) > 1 and not name.split()[0].endswith(".") else [])
    by = _text((introducer or {}).get("name"))
    bys = [by] + ([by.split()[0]] if len(by.split()) > 1 else []) if by else [""]
    exploring = [f"a student exploring {field}", "a student exploring work like yours"] if field else [
        "a student exploring work like yours"]
    signs = [student] + ([student.split()[0]] if len(student.split()) > 1 else [])
    # The innermost loop gives way first: the optional sentence, then the introducer's, the field's,
    # the contact's and last the student's full name.
    for sign in signs:
        for who in names:
            for about in exploring:
                for source in bys:
                    found = f"{source} suggested I contact you." if source else "I came across your profile here."
                    for extra in ("I'd value your advice; I'm not asking for a job. ", ""):
                        yield (f"Hi {who}, I'm {about}. {found} Could we have a 20-minute call about your "
                               f"work? {extra}Thank you, {sign}")


def draft_linkedin_note(contact: Mapping, introducer: Mapping | None = None, student_name: str = "") -> str:
    """A LinkedIn connection note asking ``contact`` for a short call, within LinkedIn's 300 characters.

    It says who the student is, how they came to write (who suggested them, or
    that the student came across their profile) and asks for a 20-minute call;
    long names are shortened to first names, and optional words dropped, until
    it fits.
    """
    student = _text(student_name) or NAME_BLANK
    last = ""
    for last in _linkedin_variants(contact, introducer, student):
        if len(last) <= MAX_CHARACTERS:
            return last
    return last[: MAX_CHARACTERS - 1].rstrip() + "\u2026"
