"""Text meant to be rendered: Markdown results for notebooks, and student or instructor text made safe in them.

May import: the standard library only. Nothing here imports IPython: a
``Markdown`` result is a plain string that Jupyter happens to know how to render.
"""

from __future__ import annotations

from html import escape


class Markdown(str):
    """Text that Jupyter renders as Markdown when it is a cell's last expression."""

    def _repr_markdown_(self) -> str:
        return str(self)


def table_cell(text) -> str:
    """``text`` on one line, safe inside rendered Markdown and a table cell: HTML neutralised, pipes escaped."""
    return escape(" ".join(str(text).split())).replace("|", "&#124;")
