"""What every letter a student writes shares: how they found the reader, no job request, the close.

The request email, the LinkedIn connection note and the thank-you note are
judged on these the same way; each check adds its own items around them. A
letter's body is given as ``Sentences``: its distinct sentences, each with its
folded form (``distinct_sentences``).
"""

from __future__ import annotations

from .email_parts import EmailParts
from .names import looks_like_name, same_person
from .patterns import LazyPattern, lazy, lazy_word_start
from .report import Item, quote
from .structure import clauses, negated_before, placeholders
from .text import sentences
from .vocabulary import Vocabulary, fold

MAX_QUOTED = 3
MAX_MATCHES = 50  # phrase matches read per clause: enough for any real sentence, bounded for a paste

# A signature that names a group rather than the student: "The Accounting Society", "Career Club team".
_GROUP = lazy(r"^the\s|\b(?:society|club|team|association|committee|department|office|group|council|"
              r"chapter|staff|students|members)\b")

Sentences = list[tuple[str, str]]  # (sentence as written, folded)

# Ways of saying how the student came to write: each branch opens with a letter (lazy_word_start).
SOURCE_WAYS = (
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
    r"member(?:ship)?\s+directory|mutual\s+(?:friend|contact|connection|colleague|acquaintance)|"
    r"speaks?\s+(?:very\s+)?highly\s+of\s+you|directory"
)
# "LinkedIn" says where a request email found them; inside a LinkedIn note it says nothing.
_SOURCE = lazy_word_start(SOURCE_WAYS + "|linkedin")
_SOURCE_HINT = lazy(r"\byour\s+(?:name|email|details|contact|number|profile)\b")

_DIRECT_JOB = lazy(r"\b(?:jobs?|positions?|openings?|vacanc(?:y|ies)|internships?|placements?|hiring)\b")
_AT_THEM = lazy(r"\b(?:you|your)\b")

def distinct_sentences(text: str) -> Sentences:
    """The sentences of ``text`` with their folded forms, each said once.

    A sentence said twice is judged once: a long paste repeats itself, and no verdict counts repeats.
    """
    distinct: dict[str, str] = {}
    for sentence in sentences(text):
        distinct.setdefault(fold(sentence), sentence)
    return [(sentence, folded) for folded, sentence in distinct.items()]


def source_item(body: Sentences, item_id: str = "mentions_source", ways: LazyPattern | None = None,
                letter: str = "email") -> Item:
    """Whether a letter says how the student got the reader's name (``ways``: the check's own, else the email's)."""
    ways = ways if ways is not None else _SOURCE
    for sentence, folded in body:
        found = ways.search(folded)
        if found:
            blanks = placeholders(sentence)
            if blanks:
                return Item(item_id, False, f"Where you say how you got their name, {quote(blanks[0])} "
                            "is a template blank still to fill in.", "Name the real person or place.")
            return Item(item_id, True, f"You say how you got their name ({quote(sentence)}).")
    hint = ("Add a line such as \u201cProfessor Diaz suggested I contact you\u201d or "
            "\u201cI found your profile in the alumni directory.\u201d")
    if any(_SOURCE_HINT.search(folded) for _, folded in body):
        return Item(item_id, False, "The check could not tell whether you say how you got their name.",
                    hint, review=True)
    return Item(item_id, False, f"The {letter} does not say how you got their name.", hint)


def job_asks(folded: str, vocabulary: Vocabulary) -> tuple[bool, bool]:
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


def job_request_item(body: Sentences, vocabulary: Vocabulary, count: int, letter: str = "email") -> Item:
    """Whether a letter asks the reader for a job: sure, not at all, or for a person to read."""
    if count == 0:
        return Item("no_job_request", False, f"There is no {letter} to judge yet.", "Write your request first.")
    asking, unsure = [], []
    for sentence, folded in body:
        asks, maybe = job_asks(folded, vocabulary)
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
    return Item("no_job_request", True, f"The {letter} does not ask them for a job.")


def close_item(parts: EmailParts, sender_name: str | None, letter: str = "email") -> Item:
    """Whether a letter ends with a courteous close above the student's own name."""
    hint = "End with a line such as \u201cBest regards,\u201d and your full name on the line below."
    if parts.sign_off is None:
        return Item("polite_close", False, f"The {letter} does not end with a courteous close such as "
                    "\u201cThank you\u201d or \u201cBest regards\u201d.", hint)
    close = quote(parts.sign_off)
    signed = [parts.signed_inline] if parts.signed_inline else list(parts.signature[:2])
    if not signed:
        return Item("polite_close", False, f"Your close {close} needs your name on the line below it.", hint)
    blanks = placeholders(" ".join(signed))
    if blanks:
        return Item("polite_close", False, f"You sign with {quote(blanks[0])}, a template blank: put your name "
                    "there.", hint)
    if _GROUP.search(fold(signed[0])):
        return Item("polite_close", False, f"You sign as {quote(signed[0])}, a group: sign with your own name.", hint)
    name = " ".join(sender_name.split()) if sender_name and sender_name.strip() else None
    if name and any(same_person(line, name) for line in signed):
        return Item("polite_close", True, f"You close politely with {close} and sign your name.")
    if not looks_like_name(signed[0]):
        return Item("polite_close", False, f"After {close}, put your name on a line of its own.", hint)
    if name:
        return Item("polite_close", False, f"You close with {close} and sign {quote(signed[0])}, but your journal "
                    f"names you {name}; your instructor will check the signature.", hint, review=True)
    return Item("polite_close", True, f"You close politely with {close} and sign your name.")


def length_item(count: int, max_words: int, letter: str, empty_hint: str, over_hint: str) -> Item:
    """Whether a letter of ``count`` words keeps within ``max_words`` (a rule: the count is exact)."""
    if count == 0:
        return Item("short", False, f"The {letter} is empty.", empty_hint)
    if count <= max_words:
        return Item("short", True, f"The {letter} is {count} word{'' if count == 1 else 's'}, "
                    f"within the {max_words}-word limit.")
    return Item("short", False, f"The {letter} is {count} words, over the {max_words}-word limit.", over_hint)
