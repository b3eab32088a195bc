"""The colours of every growth figure, student's and class's, fixed so that all plots agree.

Okabe-Ito, a colour-blind-safe palette: one colour per contact category, in
the journal's vocabulary order, and a few for lines and bands.
"""

from __future__ import annotations

from ..journal.vocabulary import CATEGORIES

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
CATEGORY_COLOURS = dict(zip(CATEGORIES, OKABE_ITO))
INTERVIEW_COLOUR = "#000000"
THANK_YOU_COLOUR = "#009E73"
MAIN, BAND, TOTAL = "#0072B2", "#9ecae1", "#444444"
