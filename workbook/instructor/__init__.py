"""The instructor's side of the course: the logic behind the ``workbook`` command.

- ``course``: find the course, load nbgrader's configuration the way nbgrader does, open the gradebook.
- ``gradebook``: apply the course plan and a roster CSV to the gradebook, idempotently.
- ``parallel``: autograde every submission of an assignment with several nbgrader workers.
- ``progress``: the progress line the parallel runner draws on stderr.
- ``summary``: the closing table of an autograde run.
- ``feedback``: nbgrader's feedback, then a check that no hidden test leaked into it.
- ``export``: nbgrader's grade export with the submission-status column.

The CLI modules in ``workbook.cli`` only parse arguments and print; every
rule lives here. Nothing here imports nbgrader at module level, so
``workbook --help`` stays quick.
"""
