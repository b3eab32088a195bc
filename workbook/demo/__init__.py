"""``workbook demo``: the instructor's whole loop on a synthetic class, and the builders behind it.

May import: every part but ``workbook.cli`` (the CLI hands the demo its own command to run).

- ``course``: a throwaway copy of this course, and nbgrader's generate_assignment on it;
- ``submissions`` (with ``journals`` and ``prose``): a synthetic class of every kind of
  student and their submissions in nbgrader's ``submitted/`` layout;
- ``run``: ``run_demo(out, students, seed)``, which calls the real commands in order;
- ``synthetic``: made-up but plausible journals, also used by the tests and the benchmark.

The grading benchmark (benchmarks/grading.py) builds its course with the same pieces.
"""
