"""class_growth.png: four panels of the class's growth, week by week.

The only module of the report that imports matplotlib. It draws on a bare
Agg canvas (no pyplot), so it never touches a notebook's backend or global
figure list. The image is always PNG_WIDTH x PNG_HEIGHT pixels (1600 x 1200:
sharp on a projector, still small as a data URI). Nothing naming a student
or a contact is drawn.
"""

from __future__ import annotations

import io

from ..journal.vocabulary import CATEGORIES
from ..plots.palette import BAND, CATEGORY_COLOURS, MAIN, THANK_YOU_COLOUR, TOTAL
from .figures import ClassFigures

PNG_WIDTH, PNG_HEIGHT = 1600, 1200
DPI = 100


def render_png(figures: ClassFigures) -> bytes:
    """The four-panel PNG as bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    # Constrained layout is slower than fixed margins, but tick labels grow with the class
    # (hundreds of thousands of contacts) and fixed margins then let the middle axis labels collide.
    fig = Figure(figsize=(PNG_WIDTH / DPI, PNG_HEIGHT / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(
        f"How the class's networks grew: {figures.students} student(s), "
        f"{figures.weeks} weeks from {figures.term_start:%d %b %Y}",
        fontsize=18,
    )
    weeks = figures.series("week")
    (contacts, categories), (interviews, thanks) = fig.subplots(2, 2)

    contacts.fill_between(
        weeks, figures.series("contacts_q1"), figures.series("contacts_q3"),
        color=BAND, alpha=0.6, label="middle half of students (quartiles)",
    )
    contacts.plot(weeks, figures.series("contacts_median"), color=MAIN, lw=3, marker="o", label="median student")
    contacts.set_ylabel("contacts per student")
    total_axis = contacts.twinx()
    total_axis.plot(weeks, figures.series("contacts_total"), color=TOTAL, lw=2, ls="--", label="class total")
    total_axis.set_ylabel("contacts, whole class")
    total_axis.set_ylim(bottom=0)
    total_axis.yaxis.set_major_locator(MaxNLocator(integer=True))
    handles = contacts.get_legend_handles_labels()[0] + total_axis.get_legend_handles_labels()[0]
    contacts.legend(handles=handles, loc="upper left")
    contacts.set_title("Contacts per student")

    categories.stackplot(
        weeks, *(figures.category_series(key) for key in CATEGORIES),
        labels=list(CATEGORIES.values()), colors=[CATEGORY_COLOURS[key] for key in CATEGORIES], alpha=0.9,
    )
    categories.set_ylabel("contacts, whole class")
    categories.legend(loc="upper left", fontsize=9)
    categories.set_title("Contacts by category")

    interviews.bar(weeks, figures.series("interviews_total"), color=MAIN, label="interviews held (class total)")
    interviews.plot(weeks, figures.series("students_interviewed"), color=TOTAL, lw=2, marker="s",
                    label="students who have held one")
    interviews.set_ylabel("count")
    interviews.legend(loc="upper left")
    interviews.set_title("Informational interviews held")

    thanks.bar(weeks, figures.series("thank_yous_on_time_total"), color=THANK_YOU_COLOUR,
               label="thank-you notes within two days (class total)")
    thanks.set_ylabel("notes")
    thanks.legend(loc="upper left")
    thanks.set_title("Thank-you notes sent on time")

    for axis in (contacts, categories, interviews, thanks):
        axis.set_xlabel("week of the term (counts to the end of the week)")
        if len(weeks) <= 16:
            axis.set_xticks(weeks)
        else:  # a tick per week would crowd a long term
            axis.xaxis.set_major_locator(MaxNLocator(integer=True))
        axis.set_xlim(weeks[0] - 0.6, weeks[-1] + 0.6)
        axis.set_ylim(bottom=0)
        axis.yaxis.set_major_locator(MaxNLocator(integer=True))
        axis.grid(axis="y", alpha=0.3)

    buffer = io.BytesIO()
    # No bbox_inches="tight": it would change the promised pixel size.
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
