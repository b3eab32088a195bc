"""The Networking & Informational Interviewing workbook.

    from workbook import Journal, check_pitch
    journal = Journal()            # journal.json beside the notebook, or $WORKBOOK_JOURNAL
    check_pitch({...}, target_seconds=30)

Names are loaded on first use, so ``import workbook`` stays quick and pulls in
neither pandas, matplotlib nor ipywidgets (each graded notebook starts a
fresh kernel, and imports are most of its time).
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Journal": "workbook.journal",
    "journal_path": "workbook.location",
    "JournalError": "workbook.errors",
    "JournalFileError": "workbook.errors",
    "JournalVersionError": "workbook.errors",
    "JournalValueError": "workbook.errors",
    "Report": "workbook.checks.report",
    "Item": "workbook.checks.report",
    "check_pitch": "workbook.checks.pitch",
    "check_request_email": "workbook.checks.request_email",
    "check_question_plan": "workbook.checks.question_plan",
    "check_interview": "workbook.checks.interview",
    "check_follow_up": "workbook.checks.follow_up",
    "check_network": "workbook.checks.network",
    "check_network_map": "workbook.checks.network",
    "CATEGORIES": "workbook.vocabulary",
    "STATUSES": "workbook.vocabulary",
    "INTERACTION_KINDS": "workbook.vocabulary",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'workbook' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
