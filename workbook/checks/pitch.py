"""The one-minute commercial check: the pitch read as a whole, and whether it fits the time.

The three core parts (who you are and what you study, what draws you, what
you are looking for) are judged on the assembled pitch, so a pitch typed
whole into the first box still has all three; a box holding a template
blank, keyboard filler or another box's text earns nothing, and a box of
real words whose part the check cannot recognise goes to the instructor.
The other four parts are optional (the reference says a pitch need not
cover them all): they are advice, and one of them, or an experience named
anywhere, backs the core up. Timing assumes the stated speaking rate of
WORDS_PER_MINUTE, 150 words a minute.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import re


from .patterns import lazy
from ..journal.vocabulary import PITCH_TARGETS
from .report import Item, Report, quote
from .structure import is_filler, placeholders
from .text import normalize, word_count

TITLE = "Pitch check"

PITCH_COMPONENTS = {
    "name_studies": "Your name, degree or studies, and any relevant minors",
    "career_interest": "Your career interests and focus",
    "position_sought": "The type of position you are seeking",
    "experience": "A targeted summary of relevant work, internships, volunteering or class projects",
    "leadership_teamwork": "Activities that show leadership, teamwork or service",
    "fit": "How your background and goals fit their needs",
    "why_organization": "Your interest in this organization and how your skills relate to it",
}

# The reference says a pitch need not cover every component; these three are its heart.
CORE_COMPONENTS = ("name_studies", "career_interest", "position_sought")
OPTIONAL_COMPONENTS = tuple(key for key in PITCH_COMPONENTS if key not in CORE_COMPONENTS)

# The stated speaking rate: a calm, conversational pace.
WORDS_PER_MINUTE = 150
# A pitch up to a tenth over its target still fits once spoken a little briskly (165 words a minute).
TIMING_ALLOWANCE = 1.1
COPY_SCORE = 90  # rapidfuzz ratio at which one box holds another box's text

# What each core part says, wherever in the pitch it is said.
_CUES = {
    "name_studies": lazy(
        r"\b(?:i'm|i am|im|my name|name's|this is|i study|i'm studying|studying|student|studies|major|majoring|"
        r"minor|degree|program|programme|apprentice|apprenticeship|course|diploma|certificate|bachelor|master's|"
        r"masters|phd|bfa|bsn|msw|year|junior|senior|sophomore|freshman|graduate|graduating|undergraduate|"
        r"reading|veteran|candidate|college|university|school)\b"),
    "career_interest": lazy(
        r"\b(?:interest|interested|interests|interesting|passion|passionate|drawn|love|keen|fascinat\w*|"
        r"care\s+(?:most\s+)?about|want\s+to\s+(?:work|do|get|be|become|build|move|go|help|focus|"
        r"specialise|specialize|pursue)|curious|focus|dream|hope\s+to|aspire|goal|excited|enjoy|specialis\w*|"
        r"specializ\w*|career\s+in|like\s+to\s+work)\b|^(?:really\s+)?into\b"),
    "position_sought": lazy(
        r"\b(?:look(?:ing)?\s+for|seeking|seek|searching|search\s+for|hoping\s+(?:to\s+find|for)|after\s+a|"
        r"want(?:ing)?\s+(?:a|an)|(?:would|i'd)\s+like\s+(?:a|an|to\s+find)|apply|applying|internship|job|"
        r"position|role|placement|co-op|externship|apprentice|residency|fellowship|opportunity|spot|"
        r"work\s+as|career\s+as|shadow)\b"),
}
_EXPERIENCE = lazy(
    r"\b(?:last\s+(?:summer|year|semester|term|spring|fall|autumn)|i\s+(?:worked|work|volunteer|volunteered|"
    r"interned|built|led|lead|ran|run|coach|coached|organi[sz]ed?|tutor|tutored|managed|manage|designed|taught|"
    r"served|did|completed|captain)|i've\s+(?:worked|volunteered|done|built|led|spent)|i\s+have\s+(?:worked|"
    r"volunteered|experience|spent|done|led)|years?\s+(?:of|as|in)|internship\s+at|experience|project)\b")
# Said outside its own box, the name-and-studies part needs more than an "I'm": a name or a course of study.
_NAMED_ELSEWHERE = lazy(r"\b(?:my name is|name's)\b|\bI(?:'m|\u2019m| am) [A-Z]")
_STUDIES_ELSEWHERE = lazy(
    r"\b(?:student|studying|majoring|degree|program|programme|apprentice|diploma|bachelor|master's|phd|bfa|bsn|"
    r"msw|junior|senior|sophomore|freshman|undergraduate|(?:first|second|third|fourth|final)-year|year\s+student|"
    r"reading\s+\w+\s+at)\b")
MIN_PART_WORDS = 3
# A pitch may be much shorter than its target, but not under a third of it: that is no pitch yet.
MIN_SHARE = 1 / 3

_HINTS = {
    "name_studies": "Open with who you are, e.g. \u201cI'm Sam Lee, a junior studying biology "
                    "with a minor in data science.\u201d",
    "career_interest": "Say what draws you, e.g. \u201cI'm interested in public health research.\u201d",
    "position_sought": "Name the kind of role, e.g. \u201cI'm looking for a summer research internship.\u201d",
    "experience": "Pick one job, internship, volunteer role or class project that matters to them.",
    "leadership_teamwork": "Mention a club, team or service activity where you led or worked with others.",
    "fit": "Connect what you have done to what they need.",
    "why_organization": "Say what you admire about this organization and which of your skills would help it.",
}


def _validated(parts) -> dict[str, str]:
    if not isinstance(parts, Mapping):
        raise ValueError(f"pitch parts must be a mapping of component to text, not {type(parts).__name__}")
    for key, value in parts.items():
        if key not in PITCH_COMPONENTS:
            raise ValueError(f"unknown pitch component {key!r}; use one of {list(PITCH_COMPONENTS)}")
        if not isinstance(value, str):
            raise ValueError(f"pitch component {key!r} must be text, not {type(value).__name__}")
    return dict(parts)


def _rate(words_per_minute) -> float:
    if isinstance(words_per_minute, bool) or not isinstance(words_per_minute, (int, float)) \
            or not math.isfinite(words_per_minute) or words_per_minute <= 0:
        raise ValueError(f"words_per_minute must be a positive number, not {words_per_minute!r}")
    return words_per_minute


def assemble_pitch(parts: Mapping[str, str]) -> str:
    """The pitch as one paragraph: components in order, blanks skipped, each ending as a sentence."""
    parts = _validated(parts)
    sentences = []
    for key in PITCH_COMPONENTS:
        text = " ".join(parts.get(key, "").split())
        if text:
            sentences.append(text if text[-1] in ".!?\u2026" else text + ".")
    return " ".join(sentences)


def speaking_seconds(text: str, words_per_minute: float = WORDS_PER_MINUTE) -> float:
    """Seconds ``text`` takes to say aloud, by default at the stated speaking rate of 150 words a minute."""
    return word_count(text) * 60 / _rate(words_per_minute)


def check_pitch(parts: Mapping[str, str], target_seconds: int = 60,
                words_per_minute: float = WORDS_PER_MINUTE) -> Report:
    """Judge a pitch given as component key -> text, against a 15, 30 or 60 second target."""
    if isinstance(target_seconds, bool) or target_seconds not in PITCH_TARGETS:
        raise ValueError(f"target_seconds must be one of {PITCH_TARGETS}, not {target_seconds!r}")
    parts = _validated(parts)
    rate = _rate(words_per_minute)
    boxes = _read_boxes(parts)
    written = assemble_pitch({k: v for k, v in parts.items() if boxes[k] == "real"})
    whole = normalize(written)
    items = [_core_item(key, parts.get(key, ""), boxes[key], whole, written) if key in CORE_COMPONENTS
             else _optional_item(key, boxes[key], parts.get(key, "")) for key in PITCH_COMPONENTS]
    items.append(_core_summary(items))
    items.append(_supporting_item(boxes, whole))
    items.append(_timing_item(word_count(assemble_pitch(parts)), target_seconds, rate))
    return Report(TITLE, tuple(items))


def _read_boxes(parts: Mapping[str, str]) -> dict[str, str]:
    """What each box holds: "empty", "short", "placeholder", "filler", "copy" (of an earlier box) or "real"."""
    from rapidfuzz import fuzz  # imported on use: every graded kernel imports the checks

    found, seen = {}, []
    for key in PITCH_COMPONENTS:
        text = parts.get(key, "")
        plain = normalize(text)
        if not plain:
            found[key] = "empty"
        elif placeholders(text):
            found[key] = "placeholder"
        elif is_filler(text):
            found[key] = "filler"
        elif any(plain == other or fuzz.ratio(plain[:2000], other[:2000]) >= COPY_SCORE for other in seen):
            found[key] = "copy"
        elif word_count(text) < MIN_PART_WORDS:
            found[key] = "short"
        else:
            found[key] = "real"
        if plain:
            seen.append(plain)
    return found


def _said_elsewhere(key: str, whole: str, written: str) -> bool:
    if key == "name_studies":
        return bool(_NAMED_ELSEWHERE.search(written) or _STUDIES_ELSEWHERE.search(whole))
    return _CUES[key].search(whole) is not None


def _core_item(key: str, text: str, box: str, whole: str, written: str) -> Item:
    label = PITCH_COMPONENTS[key]
    item_id, hint = f"component_{key}", _HINTS[key]
    said_here = box == "real" and _CUES[key].search(normalize(text)) is not None
    if said_here:
        return Item(item_id, True, f"{label}: written ({word_count(text)} words).")
    if box in ("empty", "short") and _said_elsewhere(key, whole, written):
        return Item(item_id, True, f"{label}: said elsewhere in your pitch.")
    if box == "placeholder":
        blank = quote(placeholders(text)[0], 60)
        return Item(item_id, False, f"{label}: {blank} is a template blank to fill in.", hint)
    if box == "filler":
        return Item(item_id, False, f"{label}: this box holds no real words yet.", hint)
    if box == "copy":
        return Item(item_id, False, f"{label}: this box repeats another box's text.", hint)
    if box == "empty":
        return Item(item_id, False, f"{label}: not written yet.", hint)
    if box == "short":
        count = word_count(text)
        return Item(item_id, False, f"{label}: only {count} word{'s' if count > 1 else ''} so far; "
                    f"write at least {MIN_PART_WORDS}.", hint)
    return Item(item_id, True, f"{label}: written, but the check could not recognise it as this part; "
                "your instructor will read it.", hint, review=True)


def _optional_item(key: str, box: str, text: str) -> Item:
    label = PITCH_COMPONENTS[key]
    if box == "real":
        return Item(f"component_{key}", True, f"{label}: written ({word_count(text)} words).")
    return Item(f"component_{key}", False, f"{label}: optional; it can make your pitch stronger.", _HINTS[key])


def _core_summary(items: list[Item]) -> Item:
    core = [i for i in items if i.id.removeprefix("component_") in CORE_COMPONENTS]
    missing = [PITCH_COMPONENTS[i.id.removeprefix("component_")].lower() for i in core if not i.passed]
    if not missing:
        return Item("core_components", True,
                    "Your pitch says who you are, what interests you and what you are looking for.")
    return Item("core_components", False, "Your pitch still needs its core: " + "; ".join(missing) + ".",
                "Not every part is needed, but these three are the heart of a pitch.")


def _supporting_item(boxes: dict[str, str], whole: str) -> Item:
    written = [PITCH_COMPONENTS[k].split(",")[0].split(" (")[0].lower() for k in OPTIONAL_COMPONENTS
               if boxes[k] == "real"]
    if written:
        return Item("supporting_detail", True, f"You back up your pitch with {written[0]}.")
    if _EXPERIENCE.search(whole):
        return Item("supporting_detail", True, "You back up your pitch with an experience of your own.")
    return Item("supporting_detail", False,
                "Nothing backs up the core yet: no experience, activity, fit or reason for choosing them.",
                "Add one experience or activity that shows what you can do (any one of the other boxes).")


def _timing_item(count: int, target: int, rate: float) -> Item:
    seconds = count * 60 / rate
    shown = math.floor(seconds + 0.5)
    low = round(target * MIN_SHARE, 1)
    about = f"about {shown} s ({count} word{'' if count == 1 else 's'})"
    # Comparing word counts rather than rounded seconds keeps the edges exact.
    if count * 60 > target * rate * TIMING_ALLOWANCE:
        return Item("timing", False, f"Your pitch runs {about}, over your {target} s target.",
                    f"Cut it to about {math.floor(target * rate / 60)} words: "
                    "keep the core and your strongest example.")
    if count * 60 > target * rate:
        return Item("timing", True, f"Your pitch runs {about}: a touch over your {target} s target, which a "
                    "brisk delivery covers.", "Trim a few words if you can.")
    if count * 60 < target * rate * MIN_SHARE:
        if count == 0:
            return Item("timing", False,
                        f"Your pitch has no words yet (0 s); aim for {low:g}\u2013{target} s "
                        f"for your {target} s target.",
                        "Start with your name and studies, your career interest and the position you seek.")
        return Item("timing", False,
                    f"Your pitch runs {about}, short of the {low:g} s minimum for your {target} s target; "
                    f"aim for {low:g}\u2013{target} s.",
                    f"Add a detail or two: about {math.ceil(low * rate / 60)} words "
                    "is the least for this target.")
    return Item("timing", True, f"Your pitch runs {about}, within your {target} s target.")



def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved pitch draft (as the pitch builder saves it)."""
    return check_pitch(record.get("parts") or {}, target_seconds=record.get("target_seconds", 60))
