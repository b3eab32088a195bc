"""The request email check: the reference's rules for asking someone for an informational interview.

Mention how you got their name, ask for 15-30 minutes at their convenience,
make clear you want information and not a job, close politely, keep it short.

The email is read in its parts (body, sign-off, signature block) and
sentence by sentence, clause by clause: a negation reaches only what follows
it in its own clause, a length of time counts only where it is the length
asked for, and the phrase lists come from the course's vocabulary. Where the
check cannot be sure, the item is marked for review and a person decides.
"""

from __future__ import annotations

from . import durations as time
from .email_parts import EmailParts, split_email
from .letters import (MAX_MATCHES, MAX_QUOTED, close_item, distinct_sentences, job_request_item, length_item,
                      source_item)
from .patterns import lazy, lazy_word_start
from .report import Item, Report, quote
from .structure import clauses, negated_before
from .text import word_count
from .vocabulary import Vocabulary, current

TITLE = "Request email check"

MAX_WORDS = 200
MIN_MINUTES, MAX_MINUTES = time.MIN_MINUTES, time.MAX_MINUTES

_ASK_CUE = lazy(
    r"\b(?:your\s+time|of\s+your|spare|call|chat|conversation|talk|speak|meet|meeting|interview|coffee|zoom|"
    r"video|phone|appointment|ask|request|give|share|book|schedule|set\s+up|keep\s+it|take|need|quick|brief|"
    r"short|no\s+more\s+than|at\s+most|only)\b")
_OWN_TIME = lazy(r"^[\s-]*(?:\w+\s+)?(?:break|shift|shifts|commute|class|classes|lecture|lunch|drive|"
                       r"bus|train|flight|gap|window|walk|ride)\b")

# Matched sentence by sentence, so the bounded gap between "time" and "suits you" stays cheap.
_CONVENIENCE = lazy(
    r"(?<!\w)(?:convenien(?:t|ce)\s+(?:for|to)\s+you|at\s+your\s+(?:earliest\s+)?convenience|your\s+convenience|"
    r"convenient\s+(?:time|day|date)|most\s+convenient|"
    r"(?:times?|days?|dates?|whenever|when|whatever|any\s*time|anytime|whichever)\b[^.?!\n]{0,30}?"
    r"(?:suits?|works?|fits?|is\s+convenient|is\s+good|is\s+best|are\s+convenient|would\s+be\s+convenient|"
    r"is\s+easiest|'s\s+good|'s\s+best)(?:\s+best)?(?:\s+for)?\s+(?:you|your)|"
    r"(?:suits?|works?\s+for|fits?)\s+you\s+best|whenever\s+(?:you|suits|works|is|it)|"
    r"when\s+(?:u|ur|you're|youre|you\s+are)\s+(?:free|available)|"
    r"around\s+your\s+(?:schedule|calendar|availability|diary|commitments|time)|"
    r"(?:fit|fits|fitting)\s+(?:in\s+)?(?:with|around|into)\s+your|your\s+(?:schedule|calendar|availability|diary)|"
    r"i(?:'m|\s+am)\s+(?:very\s+)?flexible|i\s+can\s+be\s+flexible|happy\s+to\s+(?:work|fit)\s+around|"
    r"(?:work|fit)\s+around\s+you|at\s+a\s+time\s+(?:of\s+your\s+choosing|you\s+choose|that\s+you\s+choose)|"
    r"you\s+(?:choose|pick)\s+the\s+(?:time|day)|let\s+me\s+know\s+(?:what|which|when)\s+(?:time|day|works|suits))"
)
_INFORMATION = lazy_word_start(
    r"information|informational|advice|advise|advices|insights?|perspectives?|guidance|learn|hear|understand|"
    r"know\s+more|your\s+experience|career\s+path|your\s+path|your\s+story|tips|suggestions|views?|thoughts|"
    r"opinion|how\s+you\s+(?:got|became|started|built|moved)|questions"
)




def check_request_email(text: str, sender_name: str | None = None, vocabulary: Vocabulary | None = None) -> Report:
    """Judge an email asking someone for an informational interview (``vocabulary``: the course's, by default)."""
    if not isinstance(text, str):
        raise ValueError(f"the email must be text, not {type(text).__name__}")
    if sender_name is not None and not isinstance(sender_name, str):
        raise ValueError(f"sender_name must be text or None, not {type(sender_name).__name__}")
    vocabulary = vocabulary if vocabulary is not None else current()
    parts = split_email(text, vocabulary)
    body = distinct_sentences(parts.body)
    count = _counted_words(parts)
    return Report(TITLE, (
        source_item(body),
        _time_item(body),
        _convenience_item(body),
        _information_item(body, vocabulary),
        job_request_item(body, vocabulary, count),
        close_item(parts, sender_name),
        _length_item(count),
    ))


def _length_item(count: int) -> Item:
    extra = count - MAX_WORDS
    return length_item(count, MAX_WORDS, "email", "Write a short request: a few sentences are enough.",
                       f"Cut {extra} word{'' if extra == 1 else 's'}: keep who you are, how you found them, "
                       "and your request.")


def _counted_words(parts: EmailParts) -> int:
    # A signature block's title, school and phone lines are not part of what the reader must get through.
    return word_count(parts.body) + word_count(parts.sign_off or "") + word_count(parts.signature[0]
                                                                                  if parts.signature else "")


def _asked_lengths(body) -> tuple[list[str], list[str]]:
    """The lengths of time the email asks for, and lengths whose purpose it cannot tell."""
    asked, unclear = {}, {}
    for _, folded in body:
        found = asked if _ASK_CUE.search(folded) else unclear
        for match in time.durations(folded):
            if _OWN_TIME.match(folded[match.end():match.end() + 30]):
                continue  # "a one-hour break between shifts": the student's own day, not the ask
            said = " ".join(match.group().split())
            if said not in found and len(found) < 12:
                found[said] = None
    return list(asked), list(unclear)


def _fits(said: str) -> bool:
    return all(MIN_MINUTES <= value <= MAX_MINUTES for value in time.minutes(said))


def _time_item(body) -> Item:
    asked, unclear = _asked_lengths(body)
    keep = f"keep the request between {MIN_MINUTES} and {MAX_MINUTES} minutes."
    if asked:
        outside = [s for s in asked if not _fits(s)]
        if outside:
            return Item("bounded_time", False,
                        f"You ask for {', '.join(quote(s) for s in outside[:MAX_QUOTED])}; {keep}",
                        "They are giving you their time for free: ask for 20\u201330 minutes and keep to it.")
        return Item("bounded_time", True,
                    f"You ask for {', '.join(quote(s) for s in asked[:MAX_QUOTED])}, a respectful length.")
    if unclear:
        if all(_fits(s) for s in unclear):
            return Item("bounded_time", True,
                        f"You ask for {', '.join(quote(s) for s in unclear[:MAX_QUOTED])}, a respectful length.")
        return Item("bounded_time", False,
                    f"The check could not tell whether {quote(unclear[0])} is the length you ask for; "
                    "your instructor will read it.", f"Say plainly how long a talk you ask for; {keep}", review=True)
    return Item("bounded_time", False, "The email does not say how long a conversation you are asking for.",
                f"Ask for a set length, e.g. \u201c20 minutes of your time\u201d "
                f"({MIN_MINUTES}\u2013{MAX_MINUTES} minutes).")


def _convenience_item(body) -> Item:
    for sentence, folded in body:
        if _CONVENIENCE.search(folded):
            return Item("at_convenience", True, f"You offer to fit their schedule ({quote(sentence)}).")
    return Item("at_convenience", False, "The email does not offer to meet at a time that suits them.",
                "Add \u201cat your convenience\u201d or \u201cat a time that works for you\u201d.")


def _disclaims_job(folded: str, vocabulary: Vocabulary) -> bool:
    """Whether a clause of this sentence says the email is not about a job ("not asking for a job")."""
    for clause in clauses(folded):
        for n, word in enumerate(vocabulary.pattern("job_words").finditer(clause)):
            if negated_before(clause, word.start()):
                return True
            if n == MAX_MATCHES:  # a clause of hundreds of job words is a paste, not a disclaimer
                break
    return False


def _information_item(body, vocabulary: Vocabulary) -> Item:
    wants = any(_INFORMATION.search(folded) for _, folded in body)
    not_a_job = any(_disclaims_job(folded, vocabulary) for _, folded in body)
    hint = "Say it plainly, e.g. \u201cI am hoping for your advice and am not asking for a job.\u201d"
    if wants and not_a_job:
        return Item("information_not_job", True, "You make clear you want information and advice, not a job.")
    if not_a_job:
        return Item("information_not_job", False,
                    "You say you are not after a job, but not that you want information or advice.", hint)
    if wants:
        return Item("information_not_job", False,
                    "You say you want information, but not that you are not asking for a job.", hint)
    return Item("information_not_job", False,
                "The email does not say you want information or advice rather than a job.", hint)


def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved email draft, signed with the student's name from the journal."""
    return check_request_email(record.get("body") or "", sender_name=doc["student"].get("name") or None)
