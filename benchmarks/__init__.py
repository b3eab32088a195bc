"""Benchmarks: `make bench` (python -m benchmarks) prints one JSON document of figures.

Each module measures one side of the workbook and returns a dict; nothing
here is asserted. Figures go to benchmarks/results/latest.json so one run can
be compared with the next.
"""
