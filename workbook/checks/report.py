"""The structured result every check returns, and its escaped HTML form."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


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

    def __str__(self) -> str:
        lines = [f"{self.title}: {sum(i.passed for i in self.items)}/{len(self.items)} passed"]
        for item in self.items:
            mark = "ok  " if item.passed else "TODO"
            lines.append(f"  [{mark}] {item.message}")
            if item.hint and not item.passed:
                lines.append(f"         hint: {item.hint}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return render_html(self)


def render_html(report: Report) -> str:
    """The report as an HTML fragment; every piece of text is escaped."""
    rows = []
    for item in report.items:
        mark, colour = ("&#10004;", "#1a7f37") if item.passed else ("&#10008;", "#b42318")
        hint = "" if item.passed or not item.hint else (
            f'<div class="wb-hint" style="color:#555">{escape(item.hint)}</div>'
        )
        rows.append(
            f'<li class="wb-item" data-id="{escape(item.id)}" data-passed="{str(item.passed).lower()}">'
            f'<span style="color:{colour}" aria-label="{"passed" if item.passed else "not yet"}">{mark}</span> '
            f"{escape(item.message)}{hint}</li>"
        )
    passed = sum(i.passed for i in report.items)
    return (
        f'<div class="wb-report"><strong>{escape(report.title)}</strong> '
        f"({passed}/{len(report.items)} passed)"
        f'<ul style="list-style:none;padding-left:0.5em">{"".join(rows)}</ul></div>'
    )
