"""The LinkedIn note check: a connection request that asks for an informational interview.

LinkedIn gives a connection note 300 characters. In that space it must still
say who the student is, how they came to write to this person, and what they
ask (a short conversation or advice, not a job). It is judged the way the
request email is (``letters``: how they were found, no job request), sentence
by sentence and clause by clause; the limit is a rule, the rest judgments.
"""

from __future__ import annotations

from .letters import SOURCE_WAYS, Sentences, distinct_sentences, job_request_item, source_item
from .patterns import lazy, lazy_word_start
from .report import Item, Report, quote
from .structure import clauses, negated_before, placeholders
from .text import word_count
from .vocabulary import Vocabulary, current

TITLE = "LinkedIn note check"

MAX_CHARACTERS = 300  # LinkedIn's limit on a connection note

# How a note says who is writing: "I'm a second-year nursing student", "fellow Riverside alum here".
_WHO = lazy(
    r"\b(?:i'm|i\s+am)\s+[\w'-]+\s*,\s*(?:a|an|the)\b|"
    r"\b(?:i'm|i\s+am|im|my\s+name\s+is|this\s+is)\s+(?:a|an|the|currently|now|in|at|on|finishing|studying|"
    r"majoring|training|working|doing|completing|starting|about\s+to|in\s+my|one\s+of|[a-z]+ing\b)|"
    r"\b(?:fellow|former|current|recent)\s+(?:[\w'-]+\s+){0,3}(?:alum|alumna|alumnus|alumni|graduate|grad|student|"
    r"member|apprentice|intern|volunteer)\b|"
    r"^\s*\w+\s+here\b|\bas\s+an?\s+(?:[\w'-]+\s+){0,3}(?:student|graduate|apprentice|major|intern|trainee)\b|"
    r"\b(?:student|major|graduate|apprentice|candidate|trainee|senior|junior|sophomore|freshman|fresher|"
    r"undergrad|undergraduate|postgrad)\s+(?:at|of|from|in|studying)\b|"
    r"\bi\s+(?:study|studied|work|am\s+studying|'m\s+studying|'m\s+training|am\s+training)\b")
# Ways a note, more than an email, says how they met: a shared school, a talk enjoyed, a group in common.
_FOUND = lazy_word_start(
    SOURCE_WAYS + r"|fellow\s+(?:[\w'-]+\s+){0,3}(?:alum|alumna|alumnus|alumni|graduate|grad|member)|"
    r"attended\s+(?:the|your|a|an)|enjoyed\s+your|loved\s+your|liked\s+your|watched\s+your|listened\s+to\s+your|"
    r"read\s+your|read\s+(?:the|a|an)\s+(?:[\w'-]+\s+){0,3}(?:on|about|with|by)\s+you|saw\s+(?:your|you)|we\s+(?:both|share)|both\s+(?:studied|went|graduated)|"
    r"our\s+(?:mutual|shared|common)|through\s+(?:the|our|your|a|an)\s+[\w'-]+|via\s+(?:the|our|a)")
# Asking, by form: a request for something the reader may give.
_ASK = lazy(
    r"\b(?:would\s+you|could\s+you|could\s+i|can\s+i|may\s+i|might\s+i|might\s+you|could\s+we|can\s+we|"
    r"might\s+we|shall\s+we|hoping\s+(?:for|to)|would\s+it\s+be|are\s+you\s+open|"
    r"would\s+you\s+be|will\s+you|do\s+you\s+have|if\s+you\s+(?:have|had|are|were|could)|i'd\s+(?:love|like|"
    r"appreciate|be\s+grateful)|i\s+would\s+(?:love|like|appreciate|be\s+(?:very\s+)?grateful)|"
    r"(?:would|'d)\s+be\s+(?:very\s+|so\s+|really\s+)?grateful|i'm\s+hoping|i\s+am\s+hoping|i\s+hope\s+(?:to|we)|"
    r"open\s+to|up\s+for|happy\s+to\s+(?:chat|talk|meet)|any\s+chance|let\s+me\s+know\s+if)\b")
# LinkedIn's own words for connecting, which ask for nothing beyond the connection.
_JUST_CONNECT = lazy(r"\b(?:add\s+you\s+to\s+my\s+(?:professional\s+)?network|connect\s+(?:with\s+you|here)|"
                     r"join\s+my\s+network)\b")
# What an informational interview asks for: time to talk, questions, advice.
_CONVERSATION = lazy(
    r"\b(?:chat|call|talk|conversation|coffee|zoom|meet|meeting|phone|video|minutes?|mins?|questions?|advice|"
    r"insights?|hear|learn|ask\s+you|speak|perspective|tips|guidance|thoughts)\b")


def check_linkedin_note(text: str, sender_name: str | None = None, vocabulary: Vocabulary | None = None) -> Report:
    """Judge a LinkedIn connection note asking for an informational interview."""
    if not isinstance(text, str):
        raise ValueError(f"the note must be text, not {type(text).__name__}")
    if sender_name is not None and not isinstance(sender_name, str):
        raise ValueError(f"sender_name must be text or None, not {type(sender_name).__name__}")
    vocabulary = vocabulary if vocabulary is not None else current()
    body = distinct_sentences(text)
    return Report(TITLE, (
        _who_item(body),
        source_item(body, "how_found", ways=_FOUND, letter="note"),
        _ask_item(body, vocabulary),
        job_request_item(body, vocabulary, word_count(text), letter="note"),
        _limit_item(text),
    ))


def _who_item(body: Sentences) -> Item:
    for sentence, folded in body:
        if _WHO.search(folded):
            blanks = placeholders(sentence)
            if blanks:
                return Item("who_you_are", False, f"Where you say who you are, {quote(blanks[0])} is a template "
                            "blank still to fill in.", "Say who you are in a few words.")
            return Item("who_you_are", True, f"You say who you are ({quote(sentence)}).")
    return Item("who_you_are", False, "The note does not say who you are.",
                "Start with a few words about you: \u201cI'm a second-year nursing student at Lakeside.\u201d")


def _ask_item(body: Sentences, vocabulary: Vocabulary) -> Item:
    hint = "Ask for a short conversation, e.g. \u201cWould you have 20 minutes for a call about your work?\u201d"
    asked_other = None
    for sentence, folded in body:
        for clause in clauses(folded) + [folded]:
            ask = _ASK.search(clause)
            if ask is None or negated_before(clause, ask.start()) or _JUST_CONNECT.search(clause):
                continue
            if _CONVERSATION.search(clause[ask.start():]) and not vocabulary.pattern("job_asks").search(clause):
                return Item("what_you_ask", True, f"You ask for a conversation ({quote(sentence)}).")
            asked_other = asked_other or sentence
    if asked_other and not any(vocabulary.pattern("job_asks").search(f) for _, f in body):
        return Item("what_you_ask", False, f"The check could not tell whether {quote(asked_other)} asks for a "
                    "conversation; your instructor will read it.", hint, review=True)
    return Item("what_you_ask", False, "The note does not ask for a conversation or advice.", hint)


def _limit_item(text: str) -> Item:
    length = len(text.strip())
    if length == 0:
        return Item("limit", False, "The note is empty.", "Write a few lines: who you are, how you found them, "
                    "and what you ask.")
    if length <= MAX_CHARACTERS:
        return Item("limit", True, f"The note is {length} characters, within LinkedIn's {MAX_CHARACTERS}.")
    return Item("limit", False, f"The note is {length} characters; LinkedIn allows {MAX_CHARACTERS}.",
                f"Cut {length - MAX_CHARACTERS} characters: keep who you are, how you found them and your ask.")


def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved LinkedIn note draft."""
    return check_linkedin_note(record.get("body") or "", sender_name=doc["student"].get("name") or None)
