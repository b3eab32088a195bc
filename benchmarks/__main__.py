"""`make bench`: run every benchmark, print one JSON document, keep it in results/latest.json.

    python -m benchmarks              # everything (about 12 minutes on 2 cores)
    python -m benchmarks student      # only the named sections
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import time
from importlib import import_module
from pathlib import Path

SECTIONS = ("student", "judgment", "notebooks", "grading", "class_report")
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(terse=True),
    }


def main(argv: list[str]) -> int:
    chosen = argv or list(SECTIONS)
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        print(f"benchmarks: unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}",
              file=sys.stderr)
        return 2
    os.environ.setdefault("MPLBACKEND", "Agg")
    started = time.perf_counter()
    results = {"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(),
               "command": "make bench"}
    for name in chosen:
        section_start = time.perf_counter()
        print(f"benchmarks: {name} ...", file=sys.stderr, flush=True)
        results[name] = import_module(f"benchmarks.{name}").run()
        results[name]["section_s"] = round(time.perf_counter() - section_start, 1)
    results["total_s"] = round(time.perf_counter() - started, 1)
    text = json.dumps(results, indent=2, sort_keys=False)
    print(text)
    if chosen == list(SECTIONS):
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text + "\n", encoding="utf-8")
        print(f"benchmarks: written to {RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
