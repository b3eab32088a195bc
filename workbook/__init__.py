"""The Networking & Informational Interviewing workbook.

    from workbook import Journal, check_pitch
    journal = Journal()            # journal.json beside the notebook, or $WORKBOOK_JOURNAL
    check_pitch({...}, target_seconds=30)

The package is one sub-package per part (ARCHITECTURE.md draws the arrows):
``journal`` (the file and its rules of entry), ``course`` (the course folder,
its plan and chapter order), ``checks`` (the rules and the check registry),
``plots``, ``widgets``, ``report`` (the class report), ``grading`` (the
in-kernel API and nbgrader plug-ins), ``cli`` and ``demo``.

Names are loaded on first use, so ``import workbook`` stays quick and pulls in
neither pandas, matplotlib nor ipywidgets (each graded notebook starts a
fresh kernel, and imports are most of its time). Every check of the registry
is exported by its function name (``check_pitch``, ``check_interview``, ...).
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Journal": "workbook.journal",
    "journal_path": "workbook.journal",
    "WorkbookError": "workbook.errors",
    "JournalError": "workbook.errors",
    "JournalFileError": "workbook.errors",
    "JournalVersionError": "workbook.errors",
    "JournalValueError": "workbook.errors",
    "Report": "workbook.checks.report",
    "Item": "workbook.checks.report",
    "CATEGORIES": "workbook.journal.vocabulary",
    "STATUSES": "workbook.journal.vocabulary",
    "INTERACTION_KINDS": "workbook.journal.vocabulary",
    "reminders_ics": "workbook.reminders",
}


def _check_functions() -> dict:
    return import_module("workbook.checks.registry").functions()


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(import_module(module), name)
    elif name.startswith("check_") and name in _check_functions():
        value = _check_functions()[name]
    else:
        raise AttributeError(f"module 'workbook' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS) | set(_check_functions()))
