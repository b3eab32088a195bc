"""The one-minute commercial check: which parts are written, and whether it fits the time.

Timing assumes the stated speaking rate of WORDS_PER_MINUTE, 150 words a minute.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..journal.vocabulary import PITCH_TARGETS
from .report import Item, Report
from .text import word_count

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

MIN_COMPONENT_WORDS = 3

# The stated speaking rate: a calm, conversational pace.
WORDS_PER_MINUTE = 150

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
    counts = {key: word_count(parts.get(key, "")) for key in PITCH_COMPONENTS}
    items = [_component_item(key, counts[key]) for key in PITCH_COMPONENTS]
    items.append(_core_item(counts))
    items.append(_timing_item(word_count(assemble_pitch(parts)), target_seconds, rate))
    return Report(TITLE, tuple(items))


def _component_item(key: str, count: int) -> Item:
    label = PITCH_COMPONENTS[key]
    optional = "" if key in CORE_COMPONENTS else " It is optional, but it makes your pitch stronger."
    if count >= MIN_COMPONENT_WORDS:
        return Item(f"component_{key}", True, f"{label}: written ({count} words).")
    if count == 0:
        return Item(f"component_{key}", False, f"{label}: not written yet.{optional}", _HINTS[key])
    return Item(f"component_{key}", False,
                f"{label}: only {count} word{'s' if count > 1 else ''} so far; "
                f"write at least {MIN_COMPONENT_WORDS}.{optional}", _HINTS[key])


def _core_item(counts: dict[str, int]) -> Item:
    missing = [PITCH_COMPONENTS[k].lower() for k in CORE_COMPONENTS if counts[k] < MIN_COMPONENT_WORDS]
    if not missing:
        return Item("core_components", True,
                    "Your pitch says who you are, what interests you and what you are looking for.")
    return Item("core_components", False,
                "Your pitch still needs its core: " + "; ".join(missing) + ".",
                "Not every part is needed, but these three are the heart of a pitch.")


def _timing_item(count: int, target: int, rate: float) -> Item:
    seconds = count * 60 / rate
    shown = math.floor(seconds + 0.5)
    low = target / 2
    about = f"about {shown} s ({count} word{'' if count == 1 else 's'})"
    # Comparing word counts rather than rounded seconds keeps the edges exact.
    if count * 60 > target * rate:
        near = "just over" if shown <= target else "over"
        return Item("timing", False, f"Your pitch runs {about}, {near} your {target} s target.",
                    f"Cut it to about {math.floor(target * rate / 60)} words: "
                    "keep the core and your strongest example.")
    if count * 60 * 2 < target * rate:
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
