"""The student widgets: each function returns an ipywidgets object bound to the student's journal.

May import: ``workbook.journal``, ``workbook.checks``, ``workbook.course``, ``workbook.plots``,
``workbook.reminders`` and ipywidgets (never ``workbook.grading`` or ``workbook.report``); ipywidgets loads
only when a widget is built.

    from workbook.widgets import network_map
    network_map()          # journal.json beside the notebook, or $WORKBOOK_JOURNAL

Each widget is built from what the journal holds, so after a kernel restart
everything the student entered is back. It saves as the student types (after
a one-second pause) and on its Save button, and shows "Saved HH:MM" or the
reason it could not save. The modules load on first use: importing this
package pulls in neither ipywidgets nor matplotlib.
"""

from __future__ import annotations

from importlib import import_module

# Widget name -> (module, class). A module never shares its widget's name: importing
# ``workbook.widgets.network_map`` would rebind the package attribute ``network_map`` to the
# module, and the notebook's second ``from workbook.widgets import network_map`` would get it.
_WIDGETS = {
    "network_map": ("network", "NetworkMap"),
    "pitch_builder": ("pitch", "PitchBuilder"),
    "interview_targets": ("targets", "InterviewTargets"),
    "question_planner": ("questions", "QuestionPlanner"),
    "request_email_drafter": ("request_email", "RequestEmailDrafter"),
    "interview_recorder": ("interview", "InterviewRecorder"),
    "thank_you_drafter": ("thank_you", "ThankYouDrafter"),
    "follow_up_tracker": ("follow_up", "FollowUpTracker"),
    "reflection": ("reflections", "Reflection"),
    "growth_plot": ("growth", "GrowthPlot"),
    "quiz": ("multiple_choice", "Quiz"),
}

__all__ = sorted(_WIDGETS)


def _widget_class(name: str):
    module, cls = _WIDGETS[name]
    return getattr(import_module(f"{__name__}.{module}"), cls)


def quiz(journal=None):
    """The quiz of "Why networking matters": one set of choices per question, marked as you choose."""
    return _widget_class("quiz")(journal)


def network_map(journal=None):
    """Add and edit contacts; a table of the network and counts by group."""
    return _widget_class("network_map")(journal)


def pitch_builder(journal=None):
    """Write the one-minute commercial part by part, timed against a 15/30/60 s target."""
    return _widget_class("pitch_builder")(journal)


def interview_targets(journal=None):
    """The people to ask for an interview: how you found them, why, priority and status."""
    return _widget_class("interview_targets")(journal)


def question_planner(journal=None):
    """Build the interview question plan from the bank and your own questions."""
    return _widget_class("question_planner")(journal)


def request_email_drafter(journal=None):
    """Draft, check and log the email asking a contact for an informational interview."""
    return _widget_class("request_email_drafter")(journal)


def interview_recorder(journal=None):
    """Record an informational interview: who, when, how long, and the answers."""
    return _widget_class("interview_recorder")(journal)


def thank_you_drafter(journal=None):
    """Draft the thank-you note from an interview record, check it live, and log it when sent."""
    return _widget_class("thank_you_drafter")(journal)


def follow_up_tracker(journal=None, today=None):
    """Thank-you notes due and overdue, unanswered requests and keep-in-touch dates."""
    return _widget_class("follow_up_tracker")(journal, today=today)


def reflection(journal=None):
    """Reflect on an interview: what went well, what surprised you, what to do better."""
    return _widget_class("reflection")(journal)


def growth_plot(journal=None, plan=None):
    """The student's network week by week over the term, with who introduced whom."""
    return _widget_class("growth_plot")(journal, plan=plan)
