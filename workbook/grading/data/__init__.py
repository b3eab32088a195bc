"""A submission read as data, in the grader's own process, before any of the student's code runs.

May import: ``workbook.checks``, ``workbook.journal``, the in-kernel grading API (``answers``, ``rubric``)
and the standard library; never nbgrader, so every rule here is tested without a gradebook.

- ``journal_file``: the submitted journal.json, read with size, count and nesting limits, never through a link;
- ``typed``: the optional typed-answers cells, read as literal values (never executed);
- ``files``: what else the submission holds: links and special files, modules that would shadow ours;
- ``timing``: when the submission was made, from what its files and timestamp.txt say;
- ``verdict``: every rubric item judged on that data, as of the submission's day, and its record.
"""
