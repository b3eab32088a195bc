"""Growth plot: the student's own network over the weeks of the term, with referral chains."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import ipywidgets as widgets

from ..course.plan import CoursePlan, CoursePlanError, load_plan
from ..plots.figure import term_window
from ..plots.growth import referral_edges, weekly_figures
from ._base import JournalWidget
from ._form import button


def _plan(plan) -> tuple[CoursePlan | None, str]:
    """The course plan to use and a note on where it came from."""
    if isinstance(plan, CoursePlan):
        return plan, ""
    try:
        return load_plan(Path(plan) if plan is not None else None), ""
    except CoursePlanError as exc:
        return None, f"No course plan found ({exc}); showing 12 weeks from your first contact."


class GrowthPlot(JournalWidget):
    """A picture of the network growing week by week, redrawn on Refresh."""

    def __init__(self, journal=None, plan=None):
        super().__init__(journal)
        self.plan, self.plan_note = _plan(plan)
        # An <img> with alternative text (axe: image-alt); ipywidgets' Image has no alt attribute.
        self.image = widgets.HTML(layout=widgets.Layout(max_width="100%", overflow="auto"))
        self.png = b""
        self.summary = widgets.HTML()
        self.refresh_button = button("Refresh")
        self.refresh_button.on_click(lambda _: self.refresh())
        self.children = [self.refresh_button, self.status, self.image, self.summary, self.guard]
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the journal as it is now."""
        from ..plots.figure import growth_figure

        doc = self._read()
        start, weeks = term_window(doc, self.plan)
        figures = weekly_figures(doc, start, weeks)
        names = {c["id"]: c["name"] for c in doc["contacts"]}
        edges = referral_edges(doc)
        figure = growth_figure(figures, start, referrals=edges, names=names)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=90)
        self.png = buffer.getvalue()
        self.figures = figures
        chains = "".join(f"<li>{html.escape(names[a])} introduced {html.escape(names[b])}</li>" for a, b in edges)
        note = f"<p><em>{html.escape(self.plan_note)}</em></p>" if self.plan_note else ""
        totals = (f"By the end of week {weeks}: {figures['contacts'][-1]} contact(s), "
                  f"{figures['interviews'][-1]} informational interview(s), "
                  f"{figures['thank_yous_on_time'][-1]} thank-you note(s) on time.")
        alt = (f"Chart of your network week by week, by group, with your interviews. {totals} "
               f"{len(edges)} introduction(s), listed below the chart.")
        self.image.value = (f"<img class='wb-growth' src='data:image/png;base64,{base64.b64encode(self.png).decode()}' "
                            f"alt='{html.escape(alt, quote=True)}' style='max-width:100%;height:auto'>")
        self.summary.value = (
            f"{note}<p>{html.escape(totals)}</p>"
            + (f"<p>Introductions:</p><ul>{chains}</ul>" if chains else "<p>No introductions recorded yet.</p>"))

    def _look(self, doc: dict) -> None:
        self.refresh()

    def _save(self, explicit: bool):
        self.refresh()
