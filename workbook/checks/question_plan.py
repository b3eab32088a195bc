"""The question plan check: 10-15 open questions that cover every area, ask who to talk to next
and pry into nothing private.

The per-question judges (`is_closed_question`, `is_prying`,
`classify_question`, `asks_for_next_contact`, or all four at once through
`question_flags`) are public so a widget can flag each question as it is typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..journal.vocabulary import QUESTION_CATEGORIES
from .report import Item, Report
from .text import normalize

TITLE = "Question plan check"

# The reference asks for 10-15 questions: enough to fill 20-30 minutes, no more.
MIN_QUESTIONS = 10
MAX_QUESTIONS = 15

# Leading bullets, numbering and words such as "So," that do not change what is asked.
_FILLER = re.compile(
    r"^(?:[\s\-*\u2022\d.)(\"']+|(?:so|and|also|okay|ok|well|now|but|then|finally|lastly|first|"
    r"firstly|next|um|uh|oh|right|great)\b[\s,.:;\u2026-]*)+"
)
_AUXILIARIES = frozenset(
    "do does did is are was were can could will would should have has had am may might shall must "
    "don't doesn't didn't isn't aren't wasn't weren't can't cannot couldn't won't wouldn't "
    "shouldn't haven't hasn't hadn't".split()
)
_FIRST_WORDS = re.compile(r"[\w']+")
# "Could you describe...", "Would you mind telling me..." invite a full answer, not a yes.
_OPEN_REQUEST = re.compile(
    r"^(?:can|could|would|will)\s+you\s+(?:please\s+|kindly\s+|perhaps\s+|possibly\s+)?"
    r"(?:(?:mind|be\s+willing\s+to|be\s+able\s+to)\s+)?"
    r"(?:tell|telling|describe|describing|walk|walking|explain|explaining|share|sharing|recommend|"
    r"recommending|suggest|suggesting|talk|talking|give|giving|outline|list|name|elaborate|expand|"
    r"introduce|point|help\s+me\s+understand|say\s+more)\b"
)
# Asking leave ("May I use your name?") is a courtesy, not a closed question.
_PERMISSION = re.compile(r"^(?:may|might)\s+i\b|^(?:can|could)\s+i\s+ask\b")

_PRYING = re.compile(
    r"\b(?:"
    # partner and family life
    r"are\s+you\s+(?:married|single|dating|divorced|engaged|seeing\s+anyone)|marital|"
    r"your\s+(?:spouse|husband|wife|partner|boyfriend|girlfriend|kids|children|son|daughter|"
    r"love\s+life|dating\s+life|marriage)\b|"
    r"(?:do|did)\s+you\s+(?:have|want|plan\s+(?:to\s+have|on\s+having))\s+(?:any\s+)?(?:kids|children|a\s+baby)|"
    r"pregnan\w*|"
    # beliefs
    r"religio\w*|your\s+(?:faith|church|mosque|synagogue|temple)\b|do\s+you\s+pray|believe\s+in\s+god|"
    r"(?:your|you)\s+(?:political|politics)|political\s+(?:views|beliefs|affiliation|leanings|party)|"
    r"who\s+(?:did|do|will)\s+you\s+vote|(?:do|did)\s+you\s+vote|democrat|republican|"
    # health
    r"your\s+(?:health|medical|mental\s+health|diagnosis|medications?|disabilit\w*|illness)\b|"
    r"(?:do|did)\s+you\s+have\s+(?:a|any)\s+(?:(?:health|medical)\s+(?:conditions?|problems?|issues?)|"
    r"disabilit\w*)|are\s+you\s+(?:sick|ill|disabled)|"
    # age and home
    r"how\s+old|your\s+age|what\s+age\s+are\s+you|(?:when|what\s+year)\s+were\s+you\s+born|your\s+birthday|"
    r"where\s+(?:do\s+)?you\s+live|your\s+(?:home\s+address|address|house|apartment|neighbou?rhood)\b|"
    # their own pay
    r"how\s+much\s+(?:money\s+)?(?:do|did)\s+you\s+(?:make|earn|get\s+paid)|"
    r"what\s+(?:do|did)\s+you\s+(?:make|earn)(?!\s+of)|how\s+much\s+are\s+you\s+paid|"
    r"what\s+are\s+you\s+paid|your\s+(?:own\s+|current\s+|annual\s+|starting\s+|yearly\s+)?"
    r"(?:salary|income|paycheck|pay|wages?|compensation|earnings|bonus|net\s+worth)\b"
    r")"
)

# Asking who to talk to next: the reference says every interview should end with it.
_NEXT_CONTACT_WORDS = (
    r"(?:recommend|suggest)\w*\s+(?:\w+\s+){0,3}?(?:people|professionals|someone|anyone|contacts|"
    r"colleagues|persons?|names)|(?:other|more)\s+(?:people|professionals|contacts|colleagues|names)|"
    r"who\s+else|anyone\s+else|someone\s+else|names\s+of|introduce\s+me|put\s+me\s+in\s+touch|"
    r"connect\s+me\s+(?:with|to)|refer\s+me\s+to|use\s+your\s+name|with\s+whom|"
    r"(?:who|anyone|someone)\s+(?:\w+\s+){0,4}?i\s+(?:should|could|might|ought\s+to)\s+"
    r"(?:also\s+)?(?:talk|speak|contact|meet|reach\s+out)"
)
_NEXT_CONTACT = re.compile(rf"\b(?:{_NEXT_CONTACT_WORDS})\b")

# Checked in this order: the first family that matches names the category.
_CATEGORY_RULES = (
    ("referrals", re.compile(
        rf"\b(?:{_NEXT_CONTACT_WORDS}|contact\s+you\s+again|reach\s+out\s+to\s+you\s+again|"
        r"follow\s+up\s+with\s+you|keep\s+in\s+touch|stay\s+in\s+touch|publications?|"
        r"(?<!human\s)resources|professional\s+associations?)\b")),
    ("growth_salary", re.compile(
        r"\b(?:salar\w*|pay|pays|paid|earn|earns|earning|earnings|wages?|income|compensation|benefits|"
        r"grow\w*|advancement|advancing|advance\s+in|promot\w*|outlook|prospects?|market|future|secure|"
        r"security|demand|trends?|raises?)\b")),
    ("organization_industry", re.compile(
        r"\b(?:organi[sz]ations?|compan(?:y|ies)|industry|industries|office|offices|work\s+environment|"
        r"working\s+conditions|workplace|culture|hiring|hire|hires|openings?|employers?|firms?|agency|"
        r"agencies|unique)\b")),
    ("career_field", re.compile(
        r"\b(?:careers?|day|days|week|daily|responsibilit\w*|duties|tasks|education|training|degrees?|"
        r"courses?|classes|major|skills?|aptitudes?|advice|like|dislike|enjoy|prepare|preparing|"
        r"preparation|experience|background|get\s+into|got\s+into|started|paths?|occupation|field|job|"
        r"role|position|work)\b")),
)


def _plain(text) -> str:
    if not isinstance(text, str):
        raise ValueError(f"a question must be text, not {type(text).__name__}")
    return normalize(text)


def _opening(text: str) -> str:
    plain = _plain(text)
    filler = _FILLER.match(plain)
    return plain[filler.end():] if filler else plain


def is_closed_question(text: str) -> bool:
    """True when ``text`` invites a yes or no (it opens with do, is, can, would...)."""
    opening = _opening(text)
    first = _FIRST_WORDS.match(opening)
    if first is None or first.group() not in _AUXILIARIES:
        return False
    return not (_OPEN_REQUEST.match(opening) or _PERMISSION.match(opening))


def is_prying(text: str) -> bool:
    """True when ``text`` asks about the person's private life or their own pay."""
    return _PRYING.search(_plain(text)) is not None


def classify_question(text: str) -> str | None:
    """The QUESTION_CATEGORIES key ``text`` most likely belongs to, or None when no keyword fits."""
    plain = _plain(text)
    for category, pattern in _CATEGORY_RULES:
        if pattern.search(plain):
            return category
    return None


def asks_for_next_contact(text: str) -> bool:
    """True when ``text`` asks for someone else to talk to next."""
    return _NEXT_CONTACT.search(_plain(text)) is not None


@dataclass(frozen=True)
class QuestionFlags:
    """What the plan check thinks of one question, for live feedback beside it."""

    closed: bool
    prying: bool
    category: str | None
    next_contact: bool


def question_flags(text: str) -> QuestionFlags:
    """All four per-question judgements at once."""
    return QuestionFlags(is_closed_question(text), is_prying(text), classify_question(text),
                         asks_for_next_contact(text))


def reopen_hint(text: str) -> str:
    """A suggestion for turning a yes/no question into an open one."""
    opening = _opening(text)
    found = _FIRST_WORDS.findall(opening)[:3]
    if len(found) >= 2 and found[1] == "you" and found[0] in {"do", "does", "did", "would", "will", "could",
                                                                "can", "should", "have", "had"}:
        start = " ".join(found[:3])
        return (f"Start with What, How or Why: \u201c{_capital(start)}\u2026\u201d could become "
                f"\u201cWhat {start}\u2026\u201d or \u201cHow {start}\u2026\u201d.")
    if found and found[0] in {"can", "could"} and found[1:2] == ["i"]:
        return "If you are asking leave, start with \u201cMay I\u2026\u201d; otherwise ask What, How or Why."
    return ("Start with What, How or Why: for example, \u201cIs the work stressful?\u201d could become "
            "\u201cWhat is the most demanding part of the work?\u201d")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "\u201d"


def _entries(questions) -> list[tuple[str, str | None]]:
    if isinstance(questions, (str, bytes)) or not isinstance(questions, Iterable):
        raise ValueError("questions must be a list of questions (text, or mappings with a \"text\" key)")
    entries = []
    for position, question in enumerate(questions, start=1):
        category = None
        if isinstance(question, Mapping):
            if "text" not in question:
                raise ValueError(f"question {position} has no \"text\"")
            category = question.get("category") or None
            question = question["text"]
            if category is not None and category not in QUESTION_CATEGORIES:
                raise ValueError(f"question {position} has an unknown category {category!r}; "
                                 f"use one of {list(QUESTION_CATEGORIES)}")
        if not isinstance(question, str):
            raise ValueError(f"question {position} must be text, not {type(question).__name__}")
        entries.append((question, category))
    return entries


def check_question_plan(questions) -> Report:
    """Judge a list of planned questions (strings, or mappings with "text" and an optional "category")."""
    seen, plan, repeats = set(), [], 0
    for text, category in _entries(questions):
        key = normalize(text)
        if not key:
            continue
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        plan.append((" ".join(text.split()), category or classify_question(text)))
    texts = [text for text, _ in plan]
    return Report(TITLE, (
        _count_item(len(plan), repeats),
        _open_item(texts),
        _categories_item({category for _, category in plan}),
        _next_contact_item(texts),
        _prying_item(texts),
    ))


def _count_item(count: int, repeats: int) -> Item:
    noun = "question" if count == 1 else "questions"
    repeated = "" if not repeats else (
        f" ({repeats} repeated {'question was' if repeats == 1 else 'questions were'} counted once)")
    if count < MIN_QUESTIONS:
        return Item("count", False, f"You have {count} {noun}{repeated}; plan at least {MIN_QUESTIONS}.",
                    f"Add {MIN_QUESTIONS - count} more from the bank or write your own.")
    if count > MAX_QUESTIONS:
        return Item("count", False, f"You have {count} {noun}{repeated}, more than {MAX_QUESTIONS}.",
                    f"Keep your best {MAX_QUESTIONS} so the talk fits in 20\u201330 minutes.")
    return Item("count", True,
                f"You have {count} {noun}{repeated}, within the {MIN_QUESTIONS}\u2013{MAX_QUESTIONS} range.")


def _open_item(texts: list[str]) -> Item:
    if not texts:
        return Item("open_ended", False, "There are no questions to judge yet.",
                    "Add questions that start with What, How or Why.")
    closed = [t for t in texts if is_closed_question(t)]
    if not closed:
        return Item("open_ended", True, "Every question is open-ended.")
    noun = "question" if len(closed) == 1 else "questions"
    return Item("open_ended", False,
                f"{len(closed)} {noun} could be answered with a yes or no: " + "; ".join(_quote(t) for t in closed),
                " ".join(reopen_hint(t) for t in closed[:3]))


def _categories_item(covered: set) -> Item:
    missing = [label for key, label in QUESTION_CATEGORIES.items() if key not in covered]
    if not missing:
        return Item("categories", True, "Your questions cover all four areas: "
                    + ", ".join(QUESTION_CATEGORIES.values()) + ".")
    return Item("categories", False, "No questions yet about: " + ", ".join(missing) + ".",
                "Pick at least one question from each of these groups in the bank.")


def _next_contact_item(texts: list[str]) -> Item:
    asking = [t for t in texts if asks_for_next_contact(t)]
    if asking:
        return Item("next_contact", True, f"You ask who to talk to next: {_quote(asking[0])}.")
    return Item("next_contact", False, "None of your questions asks who you could talk to next.",
                "End with something like \u201cCan you recommend other professionals I should speak with?\u201d")


def _prying_item(texts: list[str]) -> Item:
    if not texts:
        return Item("no_prying", False, "There are no questions to judge yet.",
                    "Add questions about their work, not their private life.")
    prying = [t for t in texts if is_prying(t)]
    if not prying:
        return Item("no_prying", True, "None of your questions pries into their private life.")
    return Item("no_prying", False,
                "These ask about private matters: " + "; ".join(_quote(t) for t in prying),
                "Keep to their work. For pay, ask about the field, e.g. "
                "\u201cWhat is a typical starting salary range in this field?\u201d")


def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved question plan (as the question planner saves it)."""
    return check_question_plan(record.get("questions") or [])
