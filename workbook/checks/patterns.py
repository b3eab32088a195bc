"""Regular expressions that stay fast on a pasted 100,000-character document."""

from __future__ import annotations

import re


def word_start_pattern(alternation: str, tail: str = r"\b") -> re.Pattern:
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


