"""CPU seconds of a command and every process it starts, by kind of process, read from /proc.

``resource.RUSAGE_CHILDREN`` counts only descendants that were waited for up
the chain to us. A kernel forked by a template inside a sandbox is reaped by
the template, which is killed, not waited for: its CPU never reaches us. So
the command's tree is sampled instead: every ``interval`` seconds each
descendant's user and system time (by pid and start time, so a reused pid is
a new process); a process counts with the most it was seen to have used. A
process that lives less than one interval may be missed, and each loses at
most one interval of its last CPU: the figure is a slight undercount.
"""

from __future__ import annotations

import os
import subprocess
import time

TICKS = os.sysconf("SC_CLK_TCK")

# How a process is named in the breakdown, by what its command line holds (first match wins).
KINDS = (
    ("_template_server", "kernel template and forked kernels"),
    ("ipykernel_launcher", "kernels started fresh"),
    ("bwrap", "sandbox"),
    ("_confine", "sandbox"),
)


def _kind(command: str, is_root: bool) -> str:
    if is_root:
        return "grader"
    for needle, name in KINDS:
        if needle in command:
            return name
    return "grader" if "autograde" in command else "other"


def _processes() -> dict[int, tuple[int, str, float, str]]:
    """pid -> (parent pid, start time, CPU seconds, command line) for every process we can read."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                fields = stat.read().rpartition(b")")[2].split()
            with open(f"/proc/{name}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found[int(name)] = (int(fields[1]), fields[19].decode(), (int(fields[11]) + int(fields[12])) / TICKS, command)
    return found


def run_measured(argv: list[str], interval: float = 0.05, **popen) -> dict:
    """Run ``argv`` to its end: wall seconds, exit code, CPU seconds of its whole tree and by kind."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, **popen)
    seen: dict[tuple[int, str], list] = {}  # (pid, start time) -> [most CPU seen, kind]; the tree so far
    while True:
        finished = process.poll() is not None
        table = _processes()
        alive = {pid for pid, (_, started, _, _) in table.items() if (pid, started) in seen}
        if process.pid in table:
            alive.add(process.pid)
        grown = True
        while grown:  # a parent can be listed after its child: repeat until no new descendant turns up
            grown = False
            for pid, (parent, _, _, _) in table.items():
                if parent in alive and pid not in alive:
                    alive.add(pid)
                    grown = True
        for pid in alive:
            _, started, cpu, command = table[pid]
            entry = seen.setdefault((pid, started), [0.0, _kind(command, pid == process.pid)])
            entry[0] = max(entry[0], cpu)
            if command and entry[1] == "other":
                entry[1] = _kind(command, pid == process.pid)
        if finished:
            break
        time.sleep(interval)
    process.communicate()
    by_kind: dict[str, float] = {}
    for cpu, kind in seen.values():
        by_kind[kind] = by_kind.get(kind, 0.0) + cpu
    return {"wall_s": time.perf_counter() - start, "exit_code": process.returncode,
            "cpu_s": sum(by_kind.values()), "cpu_by_kind_s": by_kind}
