"""Grading kernels started ahead of need, and forked from a template that has already imported ipykernel.

May import: jupyter_client, nbclient and ``workbook.system``; nothing else of the workbook.

- ``ahead``: each autograde worker keeps the next student's kernel started while the current one runs;
- ``template``: one process per worker that forks kernels on request;
- ``_template_server``: that process's code, run as a script; it imports the modules every graded kernel
  imports (``template.PRELOAD``, names only: this part imports nothing of the workbook itself).
"""
