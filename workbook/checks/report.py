"""The structured result every check returns, and its escaped HTML form.

Items are of three kinds, declared per check in the registry: a RULE can be
verified (a count, a date, a limit) and carries points; a JUDGMENT reads the
student's wording and carries points only when the check is sure, else the
item is marked ``review`` and a person decides; ADVICE (prying, tone) is
shown as a tip and never costs a point. The student sees each differently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from html import escape

RULE, JUDGMENT, ADVICE = "rule", "judgment", "advice"
KINDS = (RULE, JUDGMENT, ADVICE)
REVIEW_NOTE = "Your instructor will read this one: the check could not be sure."


def quote(text: str, limit: int = 100) -> str:
    """``text`` in curly quotes for a message, on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return "\u201c" + (text if len(text) <= limit else text[: limit - 1] + "\u2026") + "\u201d"


@dataclass(frozen=True)
class Item:
    """One judged point: a stable ``id``, whether it ``passed``, and what to tell the student.

    ``review`` marks a verdict the check cannot be sure of: ``passed`` is then
    only its suggestion, and a person decides (the rubric sends such an item
    to the instructor instead of scoring it).
    """

    id: str
    passed: bool
    message: str
    hint: str = ""
    review: bool = False


@dataclass(frozen=True)
class Report:
    """The items one check produced, in a fixed order."""

    title: str
    items: tuple[Item, ...] = field(default_factory=tuple)
    kinds: Mapping[str, str] = field(default_factory=dict, compare=False)  # item id -> RULE, JUDGMENT or ADVICE

    def with_kinds(self, kinds: Mapping[str, str]) -> Report:
        """The same report, knowing each item's kind (the registry's declaration)."""
        return replace(self, kinds=dict(kinds))

    def kind(self, item_id: str) -> str | None:
        """The kind of item ``item_id``, or None when the report was made without the registry's kinds."""
        return self.kinds.get(item_id)

    @property
    def under_review(self) -> list[Item]:
        """The items sent to a person."""
        return [item for item in self.items if item.review]

    @property
    def passed(self) -> bool:
        """True when every item passed (an empty report has not passed)."""
        return bool(self.items) and all(item.passed for item in self.items)

    def __getitem__(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"{self.title!r} has no item {item_id!r}; it has {self.ids}")

    def __contains__(self, item_id: object) -> bool:
        return any(item.id == item_id for item in self.items)

    @property
    def ids(self) -> list[str]:
        return [item.id for item in self.items]

    @property
    def failed(self) -> list[Item]:
        return [item for item in self.items if not item.passed]

    def as_dict(self) -> dict:
        """A JSON-ready form (used by the CLI and by saved self-check results)."""
        return {
            "title": self.title,
            "passed": self.passed,
            # "review" appears only on items sent to a person, so every other report's form is unchanged.
            "items": [
                {"id": i.id, "passed": i.passed, "message": i.message, "hint": i.hint,
                 **({"review": True} if i.review else {})}
                for i in self.items
            ],
        }

    def _scored(self) -> list[Item]:
        return [item for item in self.items if self.kind(item.id) != ADVICE]

    def summary(self) -> str:
        """"3/5 passed", then how many items a person will read and how many tips there are."""
        scored = self._scored()
        text = f"{sum(i.passed for i in scored)}/{len(scored)} passed"
        if self.under_review:
            text += f", {len(self.under_review)} for your instructor to read"
        tips = sum(1 for i in self.items if self.kind(i.id) == ADVICE and not i.passed)
        if tips:
            text += f", {tips} tip{'' if tips == 1 else 's'}"
        return text

    def __str__(self) -> str:
        lines = [f"{self.title}: {self.summary()}"]
        for item in self.items:
            mark = _mark(item, self.kind(item.id))
            lines.append(f"  [{mark}] {item.message}")
            if item.review and "instructor" not in item.message:
                lines.append(f"         {REVIEW_NOTE}")
            if item.hint and (not item.passed or item.review):
                lines.append(f"         {'tip' if mark == 'tip ' else 'hint'}: {item.hint}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return render_html(self)


def _mark(item: Item, kind: str | None) -> str:
    if item.review:
        return "look"
    if item.passed:
        return "ok  "
    return "tip " if kind == ADVICE else "TODO"


# Mark, colour and spoken label of each state an item can be in.
_LOOKS = {
    "ok  ": ("&#10004;", "#1a7f37", "passed"),
    "TODO": ("&#10008;", "#b42318", "not yet"),
    "look": ("?", "#9a6700", "for your instructor to read"),
    "tip ": ("&#9432;", "#555", "a tip, no points"),
}


def render_html(report: Report) -> str:
    """The report as an HTML fragment; every piece of text is escaped."""
    rows = []
    for item in report.items:
        kind = report.kind(item.id)
        state = _mark(item, kind)
        mark, colour, label = _LOOKS[state]
        notes = []
        if item.review and "instructor" not in item.message:
            notes.append(f'<div class="wb-review" style="color:#9a6700">{escape(REVIEW_NOTE)}</div>')
        if item.hint and (not item.passed or item.review):
            notes.append(f'<div class="wb-hint" style="color:#555">{escape(item.hint)}</div>')
        tag = ' <small class="wb-kind" style="color:#777">(read from your wording)</small>' \
            if kind == JUDGMENT and not item.review else ""
        rows.append(
            f'<li class="wb-item" data-id="{escape(item.id)}" data-passed="{str(item.passed).lower()}" '
            f'data-kind="{escape(kind or "")}" data-review="{str(item.review).lower()}">'
            f'<span style="color:{colour}" aria-label="{label}">{mark}</span> '
            f"{escape(item.message)}{tag}{''.join(notes)}</li>"
        )
    return (
        f'<div class="wb-report"><strong>{escape(report.title)}</strong> '
        f"({escape(report.summary())})"
        f'<ul style="list-style:none;padding-left:0.5em">{"".join(rows)}</ul></div>'
    )
