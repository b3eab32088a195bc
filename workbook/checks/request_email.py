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

import re

from . import durations as time
from .email_parts import EmailParts, split_email
from .names import looks_like_name, same_person
from .patterns import lazy, lazy_word_start
from .report import Item, Report, quote
from .structure import clauses, negated_before, placeholders
from .text import sentences, word_count
from .vocabulary import Vocabulary, current, fold

TITLE = "Request email check"

MAX_WORDS = 200
MIN_MINUTES, MAX_MINUTES = time.MIN_MINUTES, time.MAX_MINUTES
MAX_QUOTED = 3
MAX_MATCHES = 50  # phrase matches read per clause: enough for any real sentence, bounded for a paste

_SOURCE = lazy_word_start(
    r"referred|refer\s+me|suggested|recommended\s+(?:me|that|i|you|contacting|reaching|speaking|talking|writing)|"
    r"mentioned\s+(?:you|that\s+you|your)|said\s+(?:you|that\s+you|i\s+should)|thought\s+(?:you|we\s+should)|told\s+me\s+(?:about\s+you|that\s+you|you)|pointed\s+me|"
    r"put\s+me\s+in\s+touch|introduced|gave\s+me\s+your|given\s+your|passed\s+(?:on|along)\s+your|"
    r"shared\s+your|forwarded\s+(?:me\s+)?your|got\s+your\s+(?:name|email|contact|details|number)|"
    r"found\s+your\s+(?:name|profile|details|email|contact|information|work|website|article|page)|"
    r"found\s+you\s+(?:through|on|in|via|at)|came\s+across\s+your|"
    r"saw\s+your\s+(?:talk|presentation|post|article|work|profile|panel|lecture|session|webinar|exhibit)|"
    r"heard\s+(?:you\s+(?:speak|present|talk|on)|your\s+(?:talk|presentation|podcast|interview)|"
    r"(?:about|of)\s+you)|attended\s+your|read\s+your\s+(?:article|post|paper|blog|book|interview)|"
    r"met\s+(?:you\s+)?(?:at|during|briefly|last|in)|we\s+met|we\s+spoke|spoke\s+(?:briefly\s+)?(?:at|with\s+you)|"
    r"alumni\s+(?:directory|network|database|association|list|office|mentoring|platform)|"
    r"member(?:ship)?\s+directory|linkedin|mutual\s+(?:friend|contact|connection|colleague|acquaintance)|"
    r"speaks?\s+(?:very\s+)?highly\s+of\s+you|directory"
)
_SOURCE_HINT = lazy(r"\byour\s+(?:name|email|details|contact|number|profile)\b")

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
_DIRECT_JOB = lazy(r"\b(?:jobs?|positions?|openings?|vacanc(?:y|ies)|internships?|placements?|hiring)\b")
_AT_THEM = lazy(r"\b(?:you|your)\b")



def check_request_email(text: str, sender_name: str | None = None, vocabulary: Vocabulary | None = None) -> Report:
    """Judge an email asking someone for an informational interview (``vocabulary``: the course's, by default)."""
    if not isinstance(text, str):
        raise ValueError(f"the email must be text, not {type(text).__name__}")
    if sender_name is not None and not isinstance(sender_name, str):
        raise ValueError(f"sender_name must be text or None, not {type(sender_name).__name__}")
    vocabulary = vocabulary if vocabulary is not None else current()
    parts = split_email(text, vocabulary)
    # A sentence said twice is judged once: a long paste repeats itself, and no verdict counts repeats.
    distinct: dict[str, str] = {}
    for sentence in sentences(parts.body):
        distinct.setdefault(fold(sentence), sentence)
    body = [(sentence, folded) for folded, sentence in distinct.items()]
    count = _counted_words(parts)
    return Report(TITLE, (
        _source_item(body),
        _time_item(body),
        _convenience_item(body),
        _information_item(body, vocabulary),
        _job_request_item(body, vocabulary, count),
        _close_item(parts, sender_name),
        _length_item(count),
    ))


def _counted_words(parts: EmailParts) -> int:
    # A signature block's title, school and phone lines are not part of what the reader must get through.
    return word_count(parts.body) + word_count(parts.sign_off or "") + word_count(parts.signature[0]
                                                                                  if parts.signature else "")


def _source_item(body) -> Item:
    for sentence, folded in body:
        found = _SOURCE.search(folded)
        if found:
            blanks = placeholders(sentence)
            if blanks:
                return Item("mentions_source", False, f"Where you say how you got their name, {quote(blanks[0])} "
                            "is a template blank still to fill in.", "Name the real person or place.")
            return Item("mentions_source", True, f"You say how you got their name ({quote(sentence)}).")
    hint = ("Add a line such as \u201cProfessor Diaz suggested I contact you\u201d or "
            "\u201cI found your profile in the alumni directory.\u201d")
    if any(_SOURCE_HINT.search(folded) for _, folded in body):
        return Item("mentions_source", False, "The check could not tell whether you say how you got their name.",
                    hint, review=True)
    return Item("mentions_source", False, "The email does not say how you got their name.", hint)


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


def _job_asks(folded: str, vocabulary: Vocabulary) -> tuple[bool, bool]:
    """Whether a sentence asks for a job (sure), and whether it might (for a person to read)."""
    cache = vocabulary.memo
    if folded in cache:
        return cache[folded]
    asks = maybe = False
    safe = [m.span() for m in vocabulary.pattern("safe_phrases").finditer(folded)]
    for clause in clauses(folded):
        offset = folded.find(clause)
        at_them = _AT_THEM.search(clause) is not None
        for n, ask in enumerate(vocabulary.pattern("job_asks").finditer(clause)):
            if n == MAX_MATCHES:
                break
            inside_safe = any(a <= offset + ask.start() and offset + ask.end() <= b for a, b in safe)
            if not inside_safe and not negated_before(clause, ask.start()):
                asks = True
        for n, word in enumerate(_DIRECT_JOB.finditer(clause)):
            if n == MAX_MATCHES:
                break
            inside_safe = any(a <= offset + word.start() < b for a, b in safe)
            if not inside_safe and at_them and not negated_before(clause, word.start()):
                maybe = True
                break
    if len(cache) > 4096:
        cache.clear()
    cache[folded] = (asks, maybe)
    return asks, maybe


def _job_request_item(body, vocabulary: Vocabulary, count: int) -> Item:
    if count == 0:
        return Item("no_job_request", False, "There is no email to judge yet.", "Write your request first.")
    asking, unsure = [], []
    for sentence, folded in body:
        asks, maybe = _job_asks(folded, vocabulary)
        shown = " ".join(sentence.split())
        if asks and shown not in asking:
            asking.append(shown)
            if len(asking) > MAX_QUOTED:
                break
        elif maybe and not asks and shown not in unsure:
            unsure.append(shown)
    hint = "An informational interview is for learning; leave out any request for a job or opening."
    if asking:
        more = " (and more)" if len(asking) > MAX_QUOTED else ""
        return Item("no_job_request", False, "This reads like a job request: "
                    + "; ".join(quote(s) for s in asking[:MAX_QUOTED]) + more, hint)
    if unsure:
        return Item("no_job_request", True, f"The check could not tell whether {quote(unsure[0])} asks them for "
                    "a job; your instructor will read it.", hint, review=True)
    return Item("no_job_request", True, "The email does not ask them for a job.")


def _close_item(parts: EmailParts, sender_name: str | None) -> Item:
    hint = "End with a line such as \u201cBest regards,\u201d and your full name on the line below."
    if parts.sign_off is None:
        return Item("polite_close", False, "The email does not end with a courteous close such as "
                    "\u201cThank you\u201d or \u201cBest regards\u201d.", hint)
    close = quote(parts.sign_off)
    signed = [parts.signed_inline] if parts.signed_inline else list(parts.signature[:2])
    if not signed:
        return Item("polite_close", False, f"Your close {close} needs your name on the line below it.", hint)
    blanks = placeholders(" ".join(signed))
    if blanks:
        return Item("polite_close", False, f"You sign with {quote(blanks[0])}, a template blank: put your name "
                    "there.", hint)
    name = " ".join(sender_name.split()) if sender_name and sender_name.strip() else None
    if name and any(same_person(line, name) for line in signed):
        return Item("polite_close", True, f"You close politely with {close} and sign your name.")
    if not looks_like_name(signed[0]):
        return Item("polite_close", False, f"After {close}, put your name on a line of its own.", hint)
    if name:
        return Item("polite_close", False, f"You close with {close} and sign {quote(signed[0])}, but your journal "
                    f"names you {name}; your instructor will check the signature.", hint, review=True)
    return Item("polite_close", True, f"You close politely with {close} and sign your name.")


def _length_item(count: int) -> Item:
    if count == 0:
        return Item("short", False, "The email is empty.", "Write a short request: a few sentences are enough.")
    if count <= MAX_WORDS:
        return Item("short", True, f"The email is {count} word{'' if count == 1 else 's'}, "
                    f"within the {MAX_WORDS}-word limit.")
    extra = count - MAX_WORDS
    return Item("short", False, f"The email is {count} words, over the {MAX_WORDS}-word limit.",
                f"Cut {extra} word{'' if extra == 1 else 's'}: keep who you are, how you found them, "
                "and your request.")


def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved email draft, signed with the student's name from the journal."""
    return check_request_email(record.get("body") or "", sender_name=doc["student"].get("name") or None)
