"""One interview question judged on its own: open or closed, a referral ask, private, its area.

Questions are read by their form, not by keywords alone: list markers such
as "Q1:" or "3)" are stripped first, an open prompt needs no question mark
("Tell me about..."), a polite request ("Could you describe...") or a request
for names ("Do you know any other electricians I could talk to?") is no
yes-or-no question, and "your partner agencies" pries into nothing. Where
the form says neither, the judgement is marked unsure and a person decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import lazy
from .text import normalize
from .vocabulary import Vocabulary, current

# Leading bullets, numbering ("Q1:", "3)", "#2") and words such as "So," that do not change what is asked.
_FILLER = lazy(
    r"^(?:[\s\-*\u2022\u25cf\u2013\u2014\d.)(\"'#]+|(?:q|question)\s*\d{1,2}\s*[:.)\-]|[a-z]\)\s|"
    r"(?:so|and|also|okay|ok|well|now|but|then|finally|lastly|first|firstly|next|um|uh|oh|right|great)\b"
    r"[\s,.:;\u2026-]*)+"
)
_AUXILIARIES = frozenset(
    "do does did is are was were can could will would should have has had am may might shall must "
    "don't doesn't didn't isn't aren't wasn't weren't can't cannot couldn't won't wouldn't "
    "shouldn't haven't hasn't hadn't".split()
)
_FIRST_WORDS = lazy(r"[\w']+")
_OPEN_START = lazy(
    r"^(?:what|what's|whats|how|how's|hows|why|where|where's|when|which|who|who's|whom|whose|to\s+what|"
    r"in\s+what|tell|describe|walk|explain|share|talk|give|list|name|outline|help\s+me|please|"
    r"i'd\s+(?:love|like)|i\s+would\s+(?:love|like)|i'm\s+curious|i\s+am\s+curious|i\s+wonder|i'm\s+wondering|"
    r"i'd\s+be\s+interested|what\s+about)\b")
# A yes-or-no opening followed by an open part: "Do you have kids, and how do you manage?".
_OPEN_PART = lazy(r"[,:;]\s*(?:and\s+|or\s+|but\s+|if\s+so,?\s+)?(?:what|how|why|where|which|who|when)\b|"
                        r"\b(?:and|or)\s+(?:what|how|why|where|which)\s+(?:do|does|did|is|are|would|could|can|"
                        r"should|has|have|was|were)\b")
# "Could you describe...", "Would you mind telling me..." invite a full answer, not a yes.
_OPEN_REQUEST = lazy(
    r"^(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+|perhaps\s+|possibly\s+)?"
    r"(?:(?:mind|be\s+willing\s+to|be\s+able\s+to)\s+)?"
    r"(?:tell|telling|describe|describing|walk|walking|explain|explaining|share|sharing|talk|talking|give|"
    r"giving|outline|list|name|elaborate|expand|help\s+me\s+understand|say\s+more|"
    r"(?:recommend|suggest)\w*\s+(?:any|some|a\s+few|other|which|what|how|where|ways))\b"
)
# Asking leave ("May I use your name?") is a courtesy, not a closed question.
_PERMISSION = lazy(r"^(?:may|might)\s+i\b|^(?:can|could)\s+i\s+ask\b")

_TALK = r"(?:talk|speak|contact|meet|reach|get\s+in\s+touch|chat|approach|connect|learn\s+from|interview)"
_NEXT_CONTACT = lazy(
    r"\b(?:who\s+else|whom\s+else|anyone\s+else|anybody\s+else|someone\s+else|somebody\s+else|names\s+of|"
    r"introduc(?:e|ing)\s+me|put\s+me\s+in\s+touch|connect\s+me\s+(?:with|to)|refer\s+me\s+to|with\s+whom|"
    rf"who(?:m)?\s+(?:\w+\s+){{0,4}}?(?:i|we)\s+(?:should|could|might|ought\s+to|can|may)\s+(?:also\s+)?{_TALK}|"
    rf"who(?:m)?\s+(?:else\s+)?(?:should|could|would|might|can|do\s+you\s+think)\s+(?:i|we)\s+(?:also\s+)?{_TALK}|"
    rf"who\s+would\s+you\s+(?:talk|speak|reach|go|turn)|point\s+me\s+(?:to|toward|towards|in\s+the\s+direction)|"
    rf"(?:is|are)\s+there\s+(?:any(?:one|body)?|other|some(?:one|body)?)\b[^?]{{0,60}}?"
    rf"\b(?:{_TALK}|suggest|recommend))\b")
_ASKS_FOR = lazy(r"\b(?:recommend|suggest|know|point|introduc|give\s+me|think\s+of)\w*\b")
_SOME_OTHERS = lazy(r"\b(?:other|another|a\s+few|some|any|more)\s+[a-z]+s\b")
_TALK_VERB = lazy(rf"\b{_TALK}\w*\b|\bchat\b|\bspeak\b")

_PRYING_PAY = lazy(
    r"\b(?:how\s+much\s+(?:money\s+)?(?:do|did)\s+you\s+(?:make|earn|get\s+paid|have|save)|"
    r"what\s+(?:do|did)\s+you\s+(?:make|earn)(?!\s+of)|how\s+much\s+are\s+you\s+paid|"
    r"what\s+are\s+you\s+paid|your\s+(?:own\s+|current\s+|annual\s+|starting\s+|yearly\s+)?"
    r"(?:salary|income|paycheck|pay|wages?|compensation|earnings|bonus|net\s+worth|savings|debts?|mortgage)\b|"
    r"in\s+savings)")
_PARTNER_ORG = (r"(?!\s+(?:agenc|firm|organi|compan|school|institution|hospital|org|business|site|program|universit|"
                r"charit|ngo|brand|store|clinic|practice|network|countr|studio|lab|publisher))")
_PRYING_PRIVATE = lazy(
    r"\b(?:"
    # partner and family life
    r"are\s+you\s+(?:married|single|dating|divorced|engaged|seeing\s+anyone)|marital|"
    rf"your\s+(?:spouse|husband|wife|partner{_PARTNER_ORG}|boyfriend|girlfriend|kids|children|son|daughter|"
    r"love\s+life|dating\s+life|marriage)\b|"
    r"(?:do|did)\s+you\s+(?:have|want|plan\s+(?:to\s+have|on\s+having))\s+(?:any\s+)?(?:kids|children|a\s+baby)|"
    r"pregnan\w*|"
    # beliefs
    r"religio\w*|your\s+(?:faith|church|mosque|synagogue|temple)\b|what\s+(?:church|mosque|synagogue|temple)|"
    r"do\s+you\s+pray|believe\s+in\s+god|"
    r"(?:your|you)\s+(?:political|politics)|political\s+(?:views|beliefs|affiliation|leanings|party)|"
    r"who\s+(?:did|do|will)\s+you\s+vote|(?:do|did)\s+you\s+vote|democrat|republican|"
    # health
    r"your\s+(?:health|medical|mental\s+health|diagnosis|medications?|disabilit\w*|illness)\b|"
    r"(?:do|did)\s+you\s+have\s+(?:a|any)\s+(?:(?:health|medical)\s+(?:conditions?|problems?|issues?)|"
    r"disabilit\w*)|are\s+you\s+(?:sick|ill|disabled)|"
    # age, origin and home
    r"how\s+old|your\s+age|what\s+age\s+are\s+you|(?:when|what\s+year)\s+were\s+you\s+born|your\s+birthday|"
    r"where\s+are\s+you\s+(?:originally\s+|really\s+)?from|where\s+do\s+you\s+(?:come\s+from|live)|"
    r"where\s+you\s+live|what\s+country\s+(?:is|are|were)\s+(?:you|your)|your\s+(?:ethnicity|nationality|race)|"
    r"your\s+(?:home\s+address|address|apartment|neighbou?rhood)\b"
    r")")


@dataclass(frozen=True)
class QuestionJudgement:
    """What the plan check thinks of one question; the ``*_unsure`` flags mark a guess a person should check."""

    closed: bool
    closed_unsure: bool
    next_contact: bool
    next_contact_unsure: bool
    prying: bool
    prying_about_pay: bool
    category: str | None


def _plain(text) -> str:
    if not isinstance(text, str):
        raise ValueError(f"a question must be text, not {type(text).__name__}")
    return normalize(text)


def opening(text: str) -> str:
    """The question as asked: folded, with list markers and filler words taken off the front."""
    plain = _plain(text)
    filler = _FILLER.match(plain)
    return plain[filler.end():] if filler else plain


def _next_contact(plain: str, vocabulary: Vocabulary) -> tuple[bool, bool]:
    if _NEXT_CONTACT.search(plain):
        return True, False
    if _ASKS_FOR.search(plain) and vocabulary.pattern("referral_nouns").search(plain):
        return True, False
    if _ASKS_FOR.search(plain) and _SOME_OTHERS.search(plain) and _TALK_VERB.search(plain):
        return False, True  # "Do you know other sommeliers I could talk with?": people, but of no listed kind
    return False, False


def _closed(asked: str, next_contact: bool) -> tuple[bool, bool]:
    first = _FIRST_WORDS.match(asked)
    if first is None or next_contact:
        return False, False  # a request for names is open whatever its form ("Anybody else I should ask?")
    if first.group() in _AUXILIARIES:
        if _OPEN_REQUEST.match(asked) or _PERMISSION.match(asked) or next_contact or _OPEN_PART.search(asked):
            return False, False
        return True, False
    if _OPEN_START.match(asked) or _OPEN_PART.search(asked):
        return False, False
    if not asked.isascii() or not first.group().isascii():
        return False, True  # another language: a person reads it
    # Neither a question word nor a yes-or-no opening ("Any tips?", "Your thoughts on remote work?").
    return False, True


def judge_question(text: str, vocabulary: Vocabulary | None = None) -> QuestionJudgement:
    """Every judgement of one question at once (``vocabulary``: the course's, by default)."""
    vocabulary = vocabulary if vocabulary is not None else current()
    asked = opening(text)
    plain = _plain(text)
    next_contact, next_unsure = _next_contact(plain, vocabulary)
    closed, closed_unsure = _closed(asked, next_contact or next_unsure)
    pay = _PRYING_PAY.search(plain) is not None
    private = _PRYING_PRIVATE.search(plain) is not None
    return QuestionJudgement(closed, closed_unsure, next_contact, next_unsure, pay or private, pay,
                             _category(plain, next_contact))


# Checked in this order: the first family that matches names the category.
_CATEGORY_RULES = (
    ("referrals", lazy(
        r"\b(?:use\s+your\s+name|contact\s+you\s+again|reach\s+out\s+to\s+you\s+again|"
        r"follow\s+up\s+with\s+you|keep\s+in\s+touch|stay\s+in\s+touch|publications?|"
        r"(?<!human\s)resources|professional\s+associations?)\b")),
    ("growth_salary", lazy(
        r"\b(?:salar\w*|pay|pays|paid|earn|earns|earning|earnings|wages?|income|compensation|benefits|"
        r"grow\w*|advancement|advancing|advance\s+in|promot\w*|outlook|prospects?|market|future|secure|"
        r"security|demand|trends?|raises?|move\s+up|moving\s+up|ladder|chang\w*|next\s+\w+\s+years|"
        r"years\s+from\s+now|make\s+starting|starting\s+out|starting\s+pay|heading|automation)\b")),
    ("organization_industry", lazy(
        r"\b(?:organi[sz]ations?|compan(?:y|ies)|industry|industries|office|offices|work\s+environment|"
        r"working\s+conditions|workplace|culture|hiring|hire|hires|openings?|employers?|firms?|agency|"
        r"agencies|unique|hospital|hospitals|unit|team|teams|studio|studios|shop|crew|crews|site|clinic|"
        r"practice|department|structured|sector|employer|recruit\w*)\b")),
    ("career_field", lazy(
        r"\b(?:careers?|day|days|week|daily|responsibilit\w*|duties|tasks|education|training|degrees?|"
        r"courses?|classes|major|skills?|aptitudes?|advice|like|dislike|enjoy|prepare|preparing|"
        r"preparation|experience|background|get\s+into|got\s+into|started|paths?|occupation|field|job|"
        r"role|position|work|specialis\w*|specializ\w*|certs?|certifications?|qualifications?|rewarding|"
        r"start|hardest|best\s+part|worst\s+part|wears|shift|shifts|surprised|differently)\b")),
)


def _category(plain: str, next_contact: bool) -> str | None:
    if next_contact:
        return "referrals"
    for category, pattern in _CATEGORY_RULES:
        if pattern.search(plain):
            return category
    return None


def is_closed_question(text: str) -> bool:
    """True when ``text`` invites a yes or no (it opens with do, is, can, would... and asks for nothing more)."""
    return judge_question(text).closed


def is_prying(text: str) -> bool:
    """True when ``text`` asks about the person's private life or their own pay."""
    return judge_question(text).prying


def classify_question(text: str) -> str | None:
    """The QUESTION_CATEGORIES key ``text`` most likely belongs to, or None when no keyword fits."""
    return judge_question(text).category


def asks_for_next_contact(text: str) -> bool:
    """True when ``text`` asks for someone else to talk to next."""
    return judge_question(text).next_contact


@dataclass(frozen=True)
class QuestionFlags:
    """What the plan check thinks of one question, for live feedback beside it."""

    closed: bool
    prying: bool
    category: str | None
    next_contact: bool


def question_flags(text: str) -> QuestionFlags:
    """All four per-question judgements at once."""
    judged = judge_question(text)
    return QuestionFlags(judged.closed, judged.prying, judged.category, judged.next_contact)


def reopen_hint(text: str) -> str:
    """A suggestion for turning a yes/no question into an open one."""
    found = _FIRST_WORDS.findall(opening(text))[:3]
    if len(found) == 3 and found[1] == "you" and found[0] in {"do", "does", "did", "would", "will", "could",
                                                              "can", "should"} and found[2] not in {"have", "know"}:
        start = " ".join(found)
        return (f"Start with What, How or Why: \u201c{_capital(start)}\u2026\u201d could become "
                f"\u201cWhat {start}\u2026\u201d or \u201cHow {start}\u2026\u201d.")
    if found and found[0] in {"can", "could"} and found[1:2] == ["i"]:
        return "If you are asking leave, start with \u201cMay I\u2026\u201d; otherwise ask What, How or Why."
    return ("Start with What, How or Why: for example, \u201cIs the work stressful?\u201d could become "
            "\u201cWhat is the most demanding part of the work?\u201d")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
