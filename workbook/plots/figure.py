"""Figures of network growth, shared by the student's growth plot and the class report.

`growth_figure` takes the numbers of `plots.growth.weekly_figures` and
returns a matplotlib Figure built without pyplot, so it works the same in a
kernel, a test or a batch report. matplotlib is imported only when a figure
is drawn. Names in the referral panel are drawn as plain text: a "$" in a
name never turns into mathematics.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from ..journal.fields import parse_date
from ..journal.vocabulary import CATEGORIES
from .palette import CATEGORY_COLOURS, INTERVIEW_COLOUR

DEFAULT_WEEKS = 12
# A name in the referral panel wraps at this many characters (three lines at most), and each step of a
# chain gets this many inches, so boxes side by side never run into each other.
NAME_WRAP, NAME_LINES = 16, 3
INCHES_PER_STEP = 1.9


def wrapped_name(name: str) -> str:
    """A name as the referral panel draws it: wrapped, and cut after three lines."""
    lines = textwrap.wrap(" ".join(str(name).split()), NAME_WRAP, break_long_words=True) or ["?"]
    if len(lines) > NAME_LINES:
        lines = lines[:NAME_LINES]
        lines[-1] = lines[-1][: NAME_WRAP - 1] + "\u2026"
    return "\n".join(lines)


def term_window(doc: dict, plan=None, today: dt.date | None = None) -> tuple[dt.date, int]:
    """The term to plot: the course plan's, else 12 weeks from the Monday of the first contact's week."""
    if plan is not None:
        return plan.term_start, plan.weeks
    added = [d for d in (parse_date(c.get("added")) for c in doc.get("contacts", ())) if d is not None]
    first = min(added, default=today or dt.date.today())
    return first - dt.timedelta(days=first.weekday()), DEFAULT_WEEKS


def referral_layout(edges) -> dict[str, tuple[float, float]]:
    """Positions for drawing introduction chains: x is how many introductions away, y the row."""
    children: dict[str, list[str]] = {}
    introduced = set()
    for parent, child in edges:
        children.setdefault(parent, []).append(child)
        introduced.add(child)
    roots = [p for p in children if p not in introduced]
    positions: dict[str, tuple[float, float]] = {}
    row = 0

    def place(node, depth):
        nonlocal row
        if node in positions:  # a loop or a second path: draw each person once
            return
        positions[node] = (float(depth), float(row))
        kids = children.get(node, [])
        if not kids:
            row += 1
        for kid in kids:
            place(kid, depth + 1)

    for root in roots:
        place(root, 0)
    for parent in children:  # chains that are pure loops have no root
        place(parent, 0)
    return positions


def growth_figure(figures: dict, term_start: dt.date | None = None, *, referrals=(), names=None,
                  title: str = "Your network, week by week"):
    """A Figure: contacts by category per week (stacked) with interviews, and the referral chains.

    ``figures`` is `weekly_figures`' result; ``referrals`` the (introducer id,
    contact id) pairs of `referral_edges` and ``names`` maps ids to names.
    Without referrals only the growth panel is drawn.
    """
    from matplotlib.figure import Figure

    weeks = len(figures["contacts"])
    x = list(range(1, weeks + 1))
    referrals = list(referrals)
    steps = max((x for x, _ in referral_layout(referrals).values()), default=0) + 1
    rows = max((y for _, y in referral_layout(referrals).values()), default=0) + 1
    width = 9 + max(4.0, INCHES_PER_STEP * steps) if referrals else 9
    fig = Figure(figsize=(width, max(4.2, 0.75 * rows + 1)), layout="constrained")
    axes = fig.subplots(1, 2 if referrals else 1, squeeze=False)[0]
    growth = axes[0]
    shown = [key for key in CATEGORIES if any(figures["by_category"].get(key, ()))]
    if shown:
        growth.stackplot(x, *[figures["by_category"][key] for key in shown],
                         labels=[CATEGORIES[key] for key in shown],
                         colors=[CATEGORY_COLOURS[key] for key in shown], alpha=0.85)
    growth.plot(x, figures["interviews"], color=INTERVIEW_COLOUR, marker="o", linewidth=2,
                label="Informational interviews")
    growth.set_xlim(1, max(weeks, 2))
    growth.set_ylim(bottom=0)
    growth.set_xlabel("Week of the term" + (f" (week 1 starts {term_start})" if term_start else ""))
    growth.set_ylabel("People (cumulative)")
    growth.set_title(title, loc="left")
    growth.yaxis.get_major_locator().set_params(integer=True)
    # Beside the panel, not over it: the stack fills the top-left corner as the term goes on.
    growth.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    if referrals:
        _draw_referrals(axes[1], referrals, names or {})
    return fig


def _draw_referrals(ax, edges, names) -> None:
    positions = referral_layout(edges)
    for parent, child in edges:
        (x0, y0), (x1, y1) = positions[parent], positions[child]
        ax.annotate("", xy=(x1, -y1), xytext=(x0, -y0),
                    arrowprops={"arrowstyle": "->", "color": "#555", "shrinkA": 14, "shrinkB": 14})
    for node, (x, y) in positions.items():
        ax.text(x, -y, wrapped_name(names.get(node, "?")), ha="center", va="center", fontsize="small",
                parse_math=False, bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "#888"})
    depth = max((x for x, _ in positions.values()), default=0)
    rows = max((y for _, y in positions.values()), default=0)
    ax.set_xlim(-0.6, depth + 0.6)
    ax.set_ylim(-rows - 0.6, 0.6)
    ax.set_axis_off()
    ax.set_title("Who introduced whom", loc="left")
