"""An email read as a person reads it: the body, the sign-off, and the signature block under it.

"Best regards," above "Priya Natarajan / BSN Candidate / School of Nursing /
phone" is one close with a signature block; a LinkedIn address in that block
is the student's own, not how they found the reader. The sign-offs come from
the course's vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import lazy
from .vocabulary import Vocabulary, fold

SIGNATURE_LINES = 8  # a sign-off is looked for this many lines above the end at most
THANKS_LINE_MAX_CHARS = 120
_THANKS = lazy(r"^(?:thank\s+you|thanks|many\s+thanks|with\s+thanks|thanking\s+you)\b")
CLOSE_WORDS = 6
_CLOSING_WORD = lazy(r"\b(?:regards|wishes|thanks|gratitude|sincerely|cheers|warmly|respectfully|appreciation)\b")
_TRAILING = " ,.!;:-\u2013\u2014~"
_SENTENCE_INSIDE = lazy(r"[.!?]\s")  # "Thanks for reading. Are you hiring?" is no sign-off


@dataclass(frozen=True)
class EmailParts:
    """``body`` (the text above the close), the ``sign_off`` line, the ``signature`` lines under it."""

    body: str
    sign_off: str | None
    signature: tuple[str, ...]
    signed_inline: str | None = None  # "Best, Maya" on one line: the name after the sign-off


def _sign_off(line: str, vocabulary: Vocabulary) -> tuple[bool, str | None]:
    """Whether ``line`` is a sign-off, and the name written after it on the same line, if any."""
    folded = fold(line).rstrip(_TRAILING)
    if not folded or _SENTENCE_INSIDE.search(folded):
        return False, None
    whole = vocabulary.pattern("sign_offs").fullmatch(folded)
    if whole:
        return True, None
    # "Thanks, Daniel" on one line: the name after the sign-off, before any line of thanks counts whole.
    start = vocabulary.pattern("sign_offs").match(folded)
    if start and folded[start.end():start.end() + 1] == ",":
        rest = line[len(line) - len(line.lstrip()):].split(",", 1)[1].strip()
        if rest and len(rest.split()) <= 4:
            return True, rest
    if _THANKS.match(folded) and len(folded) <= THANKS_LINE_MAX_CHARS:
        return True, None
    # A close in the student's own words ("With sincere thanks,", "Warmest regards and gratitude,").
    if line.rstrip().endswith(",") and len(folded.split()) <= CLOSE_WORDS and _CLOSING_WORD.search(folded):
        return True, None
    return False, None


def split_email(text: str, vocabulary: Vocabulary) -> EmailParts:
    """Find the last sign-off near the end of ``text``; what is below it is the signature block."""
    lines = [line.strip() for line in text.splitlines()]
    filled = [n for n, line in enumerate(lines) if line]
    for n in reversed(filled[-SIGNATURE_LINES:]):
        is_close, inline = _sign_off(lines[n], vocabulary)
        if is_close:
            below = tuple(line for line in lines[n + 1:] if line)
            return EmailParts("\n".join(lines[:n]), lines[n], below, inline)
    return EmailParts(text, None, ())
