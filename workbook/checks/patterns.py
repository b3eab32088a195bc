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


_LAZY: list["LazyPattern"] = []  # every pattern made, for compile_all


def compile_all() -> int:
    """Compile every lazy pattern made so far; returns how many. A kernel template calls it once for all its kernels."""
    for pattern in _LAZY:
        pattern.compiled()
    return len(_LAZY)


class LazyPattern:
    """A regular expression compiled on first use, so that importing the checks stays quick.

    Every graded kernel imports the checks; compiling their large patterns at import cost
    more than the rest of the import together.
    """

    __slots__ = ("_build", "_pattern")

    def __init__(self, build):
        self._build = build
        self._pattern = None
        _LAZY.append(self)

    def compiled(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = self._build()
        return self._pattern

    def search(self, *args):
        return self.compiled().search(*args)

    def match(self, *args):
        return self.compiled().match(*args)

    def fullmatch(self, *args):
        return self.compiled().fullmatch(*args)

    def finditer(self, *args):
        return self.compiled().finditer(*args)

    def findall(self, *args):
        return self.compiled().findall(*args)

    def sub(self, *args):
        return self.compiled().sub(*args)

    def split(self, *args):
        return self.compiled().split(*args)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return LazyPattern(lambda: re.compile(pattern, flags))


def lazy_word_start(alternation: str, tail: str = r"\b") -> LazyPattern:
    """``word_start_pattern(alternation, tail)``, compiled when first used."""
    return LazyPattern(lambda: word_start_pattern(alternation, tail))
