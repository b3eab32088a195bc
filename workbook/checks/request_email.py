"""The request email check: the reference's rules for asking someone for an informational interview.

Mention how you got their name, ask for 20-30 minutes at their convenience,
make clear you want information and not a job, close politely, keep it short.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .report import Item, Report
from .text import normalize, word_count, words

TITLE = "Request email check"

MAX_WORDS = 200
# The reference asks for 20-30 minutes; another reading suggests 15-20, so both fit.
MIN_MINUTES, MAX_MINUTES = 15, 30


def _word_start_pattern(alternation: str, tail: str = r"\b") -> re.Pattern:
    """Compile ``alternation``, whose top-level branches each open with a letter, to match only at word starts.

    Branches are split at top-level bars, so character classes must not hold
    a bar or a parenthesis.

    The word-start test is a lookbehind placed after each branch's first
    letter: a leading word-boundary test would stop the regex engine from
    skipping straight to candidate letters, which is what keeps a
    100,000-character paste fast.
    """
    branches, depth, start = [], 0, 0
    for index, char in enumerate(alternation):
        if char == "(" and alternation[index - 1:index] != "\\":
            depth += 1
        elif char == ")" and alternation[index - 1:index] != "\\":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(alternation[start:index])
            start = index + 1
    branches.append(alternation[start:])
    # Branches sharing a first letter are tried together, so that letter is tested once.
    by_letter: dict[str, list[str]] = {}
    for branch in branches:
        if not branch[:1].isalpha():
            raise ValueError(f"each branch must open with a letter: {branch!r}")
        by_letter.setdefault(branch[0], []).append(branch[1:])
    guarded = [rf"{letter}(?<!\w{letter})(?:{'|'.join(rests)})" for letter, rests in by_letter.items()]
    return re.compile("(?:" + "|".join(guarded) + ")" + tail)


# Speed matters: a student may paste a whole document. So each pattern runs
# once over the whole text, as top-level branches that each open with a
# letter (see _word_start_pattern), on _fold(text), which keeps every offset of
# the original so that a flagged sentence can be quoted as written.
_DETAIL = r"(?:name|contact|email|details|profile)"
_SOURCE = _word_start_pattern(
    r"referred|introduced|suggested|recommended|"
    rf"gave\s+(?:me\s+)?your\s+{_DETAIL}|passed\s+(?:along\s+|on\s+)?your\s+{_DETAIL}|shared\s+your\s+{_DETAIL}|"
    rf"forwarded\s+(?:me\s+)?your\s+{_DETAIL}|got\s+your\s+{_DETAIL}|received\s+your\s+{_DETAIL}|"
    rf"found\s+your\s+{_DETAIL}|have\s+your\s+{_DETAIL}|found\s+you\s+(?:through|on|in|via|at)|came\s+across\s+your|"
    r"alumni\s+(?:directory|network|database|association|list)|linkedin|association\s+directory|"
    r"member(?:ship)?\s+directory|professional\s+directory|staff\s+directory|company\s+directory|"
    r"met\s+(?:you\s+)?at|we\s+met|heard\s+you\s+speak|mutual\s+(?:friend|contact|connection|colleague)"
)

_NUMBER_VALUES = {
    "one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25,
    "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}
_NUMBER_WORDS = (r"twenty[\s-]five", r"forty[\s-]five", "fifteen", "twenty", "thirty", "forty", "fifty",
                 "sixty", "ninety", "ten", "five", "one", "two", "three")
_NUMBER_WORD = "(?:" + "|".join(_NUMBER_WORDS) + ")"
_NUMBER_TOKEN = re.compile(rf"\d{{1,3}}(?:\.\d+)?|\b{_NUMBER_WORD}\b")
_HOURS = re.compile(r"\b(?:hours?|hrs?)\b")
_UNIT = r"[\s-]*(?:minutes?|mins?|hours?|hrs?)\b"
_AMOUNT_TAIL = (rf"(?:\s*(?:-|\u2013|\u2014|to|or|and)\s*(?:\d{{1,3}}(?:\.\d+)?|{_NUMBER_WORD}))?"
                rf"(?:\s+and\s+a\s+half)?{_UNIT}(?:\s+and\s+a\s+half\b)?")
# Two scans, because one pattern cannot open with both a digit class and letters and stay fast.
# As in _word_start_pattern, the lookbehind sits after the first digit.
_DIGIT_DURATION = re.compile(rf"[0-9](?<![\w.][0-9])[0-9]{{0,2}}(?:\.[0-9]+)?{_AMOUNT_TAIL}")
_WORD_DURATION = _word_start_pattern("|".join(
    [f"{word}{_AMOUNT_TAIL}" for word in _NUMBER_WORDS]
    + [r"an\s+hours?\b(?:\s+and\s+a\s+half\b)?", r"a\s+full\s+hour\b", r"a\s+minute\b",
       r"half(?:\s+an|-an)?[\s-]hour\b", r"a\s+half[\s-]hour\b", r"a\s+quarter\s+(?:of\s+)?an\s+hour\b",
       r"quarter\s+(?:of\s+)?an\s+hour\b", r"three[\s-]quarters\s+(?:of\s+)?an\s+hour\b"]
), tail="")

_FITS_YOU = (r"\s+(?:that\s+|which\s+)?(?:suits?|works?|fits?|is\s+convenient|are\s+convenient)"
             r"(?:\s+best)?(?:\s+for)?\s+you")
_CALENDAR = r"(?:schedule|calendar|availability)"
_CONVENIENCE = _word_start_pattern(
    r"at\s+your\s+(?:earliest\s+)?convenience|convenient\s+(?:for\s+you|to\s+you|time|day|date)|"
    rf"most\s+convenient|times?{_FITS_YOU}|days?{_FITS_YOU}|dates?{_FITS_YOU}|"
    r"when(?:ever)?\s+(?:it\s+)?(?:suits\s+you|works\s+(?:best\s+)?for\s+you|is\s+convenient)|"
    r"when(?:ever)?\s+you(?:\s+are|'re)?\s+(?:free|available)|"
    r"whatever\s+(?:time\s+)?works\s+(?:best\s+)?for\s+you|works\s+best\s+for\s+you|"
    rf"fits?\s+(?:in\s+)?(?:with\s+)?your\s+{_CALENDAR}|suits?\s+your\s+{_CALENDAR}|"
    rf"works?\s+with\s+your\s+{_CALENDAR}|around\s+your\s+{_CALENDAR}|your\s+{_CALENDAR}"
)

_INFORMATION = _word_start_pattern(
    r"informational|information|advice|insights?|learn(?:ing)?\s+(?:more\s+)?(?:about|from)|"
    r"perspective|hear\s+(?:more\s+)?about|your\s+experience|career\s+path"
)
_JOB_WORD = _word_start_pattern(r"jobs?|employment|positions?|internships?|openings?")
_WANTED = r"(?:a\s+|an\s+|any\s+)?(?:job|position|employment|work|internship)s?"
_JOB_REQUEST = _word_start_pattern(
    r"hire\s+me|hiring\s+me|"
    r"are\s+(?:you|your\s+\w+|the\s+\w+|there\s+any\s+\w+)\s+(?:currently\s+|still\s+|now\s+)?hiring|"
    r"is\s+(?:your\s+\w+|the\s+\w+|anyone)\s+(?:currently\s+|still\s+|now\s+)?hiring|"
    r"any\s+(?:job\s+|open\s+)?(?:openings?|positions?|vacancies|roles?)\s+"
    r"(?:for\s+me|that\s+i|i\s+(?:could|can|might))|"
    r"consider\s+me\s+for|give\s+me\s+(?:a|an)\s+(?:job|position|internship|role)|"
    r"offer\s+me\s+(?:a|an)\s+(?:job|position|internship|role)|get\s+me\s+(?:a|an)\s+(?:job|position|internship)|"
    rf"looking\s+for\s+{_WANTED}|searching\s+for\s+{_WANTED}|hoping\s+for\s+{_WANTED}|"
    rf"asking\s+for\s+{_WANTED}|applying\s+for\s+{_WANTED}|seeking\s+{_WANTED}|job\s+openings?|"
    r"need\s+(?:a|an)\s+(?:job|position|internship)|want\s+(?:a|an)\s+(?:job|position|internship)|"
    r"apply\s+for\s+(?:a|an|the|your|any)\s+(?:job|position|role|opening|internship)|"
    r"refer\s+me\s+for|put\s+in\s+a\s+(?:good\s+)?word\s+for\s+me"
)

# A "not" reaches forward over a few words of its own clause, never past a break.
_CLAUSE_PUNCTUATION = ".!?\n\u2026,;:()\u2013\u2014"
_CONJUNCTIONS = frozenset({"but", "and", "however", "although", "though", "yet", "so", "because", "while"})
# Every negator contains one of these, so a tail without them is settled at once.
_NEGATION_HINT = re.compile(r"no|n't|never|without|rather\s+than|instead\s+of")
_NEGATORS = frozenset({"not", "never", "no", "without", "cannot", "nor"})
_CLAUSE_TOKEN = re.compile(rf"[\w']+|[{_CLAUSE_PUNCTUATION}]")
_NEGATION_WINDOW = 6
_NEGATION_CHARS = 120
_SENTENCE_ENDS = ".!?\n\u2026"
_QUOTE_REACH = 300

_THANKS_LINE = re.compile(r"^(?:thank\s+you|thanks|many\s+thanks|with\s+thanks)\b")
_SIGN_OFF_LINE = re.compile(
    r"^(?:best|best\s+wishes|best\s+regards|all\s+the\s+best|kind\s+regards|kindest\s+regards|"
    r"warm\s+regards|warmest\s+regards|warmly|regards|sincerely|sincerely\s+yours|yours\s+sincerely|"
    r"yours\s+truly|respectfully|gratefully|cheers|with\s+gratitude|with\s+appreciation|take\s+care)\W*$"
)
_CLOSE_SEARCH_LINES = 5
_THANKS_LINE_MAX_CHARS = 120
_NAME_LINE_MAX_WORDS = 6


def _fold(text: str) -> str:
    """``text`` lowercased with straight apostrophes, with exactly the same length and offsets."""
    folded = text.lower()
    if len(folded) != len(text):
        # A handful of characters (such as U+0130) lower to two; keep those as they are.
        folded = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


def _negated(text: str, end: int) -> bool:
    """Whether a negation comes shortly before ``end`` in the same clause of (folded) ``text``."""
    return _tail_negated(text[max(0, end - _NEGATION_CHARS):end])


# Cached because a long paste tends to repeat itself, and then so do its tails.
@lru_cache(maxsize=1024)
def _tail_negated(tail: str) -> bool:
    if not _NEGATION_HINT.search(tail):
        return False
    clause = []
    for token in reversed(_CLAUSE_TOKEN.findall(tail)):
        if token in _CONJUNCTIONS or token in _CLAUSE_PUNCTUATION or len(clause) == _NEGATION_WINDOW:
            break
        clause.append(token)
    if any(t in _NEGATORS or t.endswith("n't") for t in clause):
        return True
    words_in_order = " ".join(reversed(clause))
    return "rather than" in words_in_order or "instead of" in words_in_order


def _sentence_around(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _QUOTE_REACH):start]
    after = text[end:end + _QUOTE_REACH]
    cut = max(before.rfind(c) for c in _SENTENCE_ENDS) + 1
    stops = [i for i in (after.find(c) for c in _SENTENCE_ENDS) if i >= 0]
    return before[cut:] + text[start:end] + after[:min(stops) + 1 if stops else len(after)]


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "\u201d"


def check_request_email(text: str, sender_name: str | None = None) -> Report:
    """Judge an email asking someone for an informational interview."""
    if not isinstance(text, str):
        raise ValueError(f"the email must be text, not {type(text).__name__}")
    if sender_name is not None and not isinstance(sender_name, str):
        raise ValueError(f"sender_name must be text or None, not {type(sender_name).__name__}")
    folded = _fold(text)
    count = word_count(text)
    return Report(TITLE, (
        _source_item(folded),
        _time_item(folded),
        _convenience_item(folded),
        _information_item(folded),
        _job_request_item(text, folded, count),
        _close_item(text, sender_name),
        _length_item(count),
    ))


def _source_item(folded: str) -> Item:
    found = _SOURCE.search(folded)
    if found:
        return Item("mentions_source", True, f"You say how you got their name ({_quote(found.group())}).")
    return Item("mentions_source", False, "The email does not say how you got their name.",
                "Add a line such as \u201cProfessor Diaz suggested I contact you\u201d or "
                "\u201cI found your profile in the alumni directory.\u201d")


def _durations(folded: str) -> list[re.Match]:
    found = list(_DIGIT_DURATION.finditer(folded)) + list(_WORD_DURATION.finditer(folded))
    found.sort(key=lambda match: match.start())
    kept, reach = [], -1
    for match in found:
        # "twenty to 30 minutes" is found by both scans; keep the longer, earlier one.
        if match.start() >= reach:
            kept.append(match)
            reach = match.end()
    return kept


@lru_cache(maxsize=512)
def _minutes(said: str) -> tuple[float, ...]:
    """The figures, in minutes, of one stated duration such as "20-30 minutes" or "an hour"."""
    said = " ".join(said.replace("-", " ").split())
    scale = 60 if _HOURS.search(said) else 1
    if "quarter" in said:
        return (45 if "three" in said else 15,)
    and_a_half = "and a half" in said
    if "half" in said and not and_a_half:
        return (30,)
    values = [float(t) if t[0].isdigit() else _NUMBER_VALUES[t.replace(" ", "-")]
              for t in _NUMBER_TOKEN.findall(said.replace("and a half", ""))] or [1]
    if and_a_half:
        values[-1] += 0.5
    return tuple(value * scale for value in values)


def _time_item(folded: str) -> Item:
    found, seen, outside = [], set(), []
    for match in _durations(folded):
        said = " ".join(match.group().split())
        if said in seen:
            continue
        seen.add(said)
        found.append(said)
        if not all(MIN_MINUTES <= value <= MAX_MINUTES for value in _minutes(said)):
            outside.append(said)
            if len(outside) == 3:
                break
    if not found:
        return Item("bounded_time", False, "The email does not say how long a conversation you are asking for.",
                    f"Ask for a set length, e.g. \u201c20 minutes of your time\u201d "
                    f"({MIN_MINUTES}\u2013{MAX_MINUTES} minutes).")
    if outside:
        return Item("bounded_time", False,
                    f"You ask for {', '.join(_quote(s) for s in outside)}; keep the request between "
                    f"{MIN_MINUTES} and {MAX_MINUTES} minutes.",
                    "They are giving you their time for free: ask for 20\u201330 minutes and keep to it.")
    return Item("bounded_time", True,
                f"You ask for {', '.join(_quote(s) for s in found[:3])}, a respectful length.")


def _convenience_item(folded: str) -> Item:
    found = _CONVENIENCE.search(folded)
    if found:
        return Item("at_convenience", True, f"You offer to fit their schedule ({_quote(found.group())}).")
    return Item("at_convenience", False, "The email does not offer to meet at a time that suits them.",
                "Add \u201cat your convenience\u201d or \u201cat a time that works for you\u201d.")


def _information_item(folded: str) -> Item:
    wants_information = _INFORMATION.search(folded) is not None
    not_a_job = any(_negated(folded, m.start()) for m in _JOB_WORD.finditer(folded))
    hint = "Say it plainly, e.g. \u201cI am hoping for your advice and am not asking for a job.\u201d"
    if wants_information and not_a_job:
        return Item("information_not_job", True, "You make clear you want information and advice, not a job.")
    if not_a_job:
        return Item("information_not_job", False,
                    "You say you are not after a job, but not that you want information or advice.", hint)
    if wants_information:
        return Item("information_not_job", False,
                    "You say you want information, but not that you are not asking for a job.", hint)
    return Item("information_not_job", False,
                "The email does not say you want information or advice rather than a job.", hint)


def _job_request_item(text: str, folded: str, count: int) -> Item:
    if count == 0:
        return Item("no_job_request", False, "There is no email to judge yet.", "Write your request first.")
    asking, offending = [], 0
    for match in _JOB_REQUEST.finditer(folded):
        if not _negated(folded, match.start()):
            offending += 1
            sentence = " ".join(_sentence_around(text, match.start(), match.end()).split())
            if sentence not in asking:
                asking.append(sentence)
            if offending > 3:
                break
    if not asking:
        return Item("no_job_request", True, "The email does not ask them for a job.")
    more = " (and more)" if offending > 3 else ""
    return Item("no_job_request", False,
                "This reads like a job request: " + "; ".join(_quote(s) for s in asking[:3]) + more,
                "An informational interview is for learning; leave out any request for a job or opening.")


def _close_item(text: str, sender_name: str | None) -> Item:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    close = None
    for index in range(len(lines) - 1, max(0, len(lines) - _CLOSE_SEARCH_LINES) - 1, -1):
        norm = normalize(lines[index])
        if _SIGN_OFF_LINE.match(norm) or (_THANKS_LINE.match(norm) and len(norm) <= _THANKS_LINE_MAX_CHARS):
            close = index
            break
    hint = "End with a line such as \u201cBest regards,\u201d and your full name on the line below."
    if close is None:
        return Item("polite_close", False, "The email does not end with a courteous close such as "
                    "\u201cThank you\u201d or \u201cBest regards\u201d.", hint)
    if close == len(lines) - 1:
        return Item("polite_close", False,
                    f"Your close {_quote(lines[close])} needs your name on the line below it.", hint)
    if not 1 <= len(words(lines[close + 1])) <= _NAME_LINE_MAX_WORDS:
        return Item("polite_close", False,
                    f"After {_quote(lines[close])}, put your name on a line of its own.", hint)
    name = normalize(sender_name) if sender_name else ""
    if name and name not in normalize("\n".join(lines[-3:])):
        return Item("polite_close", False,
                    f"You close with {_quote(lines[close])}, but your name ({' '.join(sender_name.split())}) "
                    "is not in the last lines.", hint)
    return Item("polite_close", True, f"You close politely with {_quote(lines[close])} and sign your name.")


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
