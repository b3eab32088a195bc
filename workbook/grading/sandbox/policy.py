"""What a sandboxed kernel may see and use, as bubblewrap's command line, and whether bubblewrap runs here.

The sandbox is built from an empty root: the system's ``/usr`` (with Debian's
``/bin``, ``/lib`` links), a few files of ``/etc`` the interpreter needs (no
``passwd``), the interpreter and its packages, and the installed ``workbook``,
all read-only; a private ``/tmp`` and ``/dev``; its own ``/proc``; no
network, its own PID namespace (nothing it starts outlives it), no
capabilities; and the folders the caller binds in (the kernel's work folder
at /submission, its socket folder at its own path). The environment is an
allowlist: nothing of the grader's (tokens, paths, WORKBOOK_JOURNAL) reaches
the student's code.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ...errors import SandboxUnavailable

BWRAP = "bwrap"
WORK = "/submission"  # where a kernel sees its folder (the same as _confine.WORK)
PARK = "/.park"  # an empty folder a forked kernel sets itself up through (_confine.PARK)
SHOWN_PARK = "/.shown"  # where a forked kernel parks the read-only roots under /tmp while its /tmp is replaced
CONFINE = Path(__file__).with_name("_confine.py")

ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "fonts", "ssl", "ca-certificates",
       "mime.types", "alternatives", "matplotlibrc", "nsswitch.conf")
KEPT_ENVIRONMENT = ("LANG", "LANGUAGE", "TZ", "NBGRADER_EXECUTION", "PYDEVD_DISABLE_FILE_VALIDATION", "MPLBACKEND",
                    "JPY_SESSION_NAME")


@dataclass(frozen=True)
class Limits:
    """What one kernel may use: bytes of address space, processes (per user), bytes of any file it writes."""

    memory: int = 2 * 1024 ** 3
    processes: int = 96
    file_size: int = 64 * 1024 ** 2

    def as_dict(self) -> dict:
        return {"memory": self.memory, "processes": self.processes, "file_size": self.file_size}


def read_only_roots() -> list[str]:
    """The interpreter, its packages and the installed workbook: everything a kernel imports from."""
    import workbook  # noqa: PLC0415 -- its location, not its code

    roots = [sys.base_prefix, sys.prefix, str(Path(workbook.__file__).resolve().parent)]
    roots += [p for p in sys.path if p and os.path.isdir(p) and "site-packages" in p]
    kept = []
    for root in sorted({os.path.realpath(r) for r in roots}, key=len):
        if not any(root == k or root.startswith(k + os.sep) for k in kept) and not root.startswith("/usr/"):
            kept.append(root)
    return kept


def base_arguments() -> list[str]:
    """bubblewrap's arguments for the read-only world every sandboxed kernel shares."""
    args = [BWRAP, "--unshare-all", "--die-with-parent",
            "--cap-drop", "ALL", "--clearenv", "--tmpfs", "/", "--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/", name)
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ETC:
        if os.path.lexists(f"/etc/{name}"):
            args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    # /tmp before the roots: a course cloned under /tmp keeps its interpreter in sight of the kernel.
    args += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--dir", WORK, "--dir", PARK]
    for root in read_only_roots():
        args += ["--ro-bind", root, root]
    for n, _root in enumerate(roots_under_tmp()):
        args += ["--dir", f"{SHOWN_PARK}{n}"]
    return args


def roots_under_tmp() -> list[str]:
    """The read-only roots inside /tmp, which a forked kernel's own /tmp would otherwise cover."""
    return [root for root in read_only_roots() if (root + os.sep).startswith("/tmp/")]


def environment(grader_environment: dict[str, str]) -> dict[str, str]:
    """The kernel's environment: an allowlist of the grader's, plus a HOME, PATH and TMPDIR of its own."""
    env = {k: v for k, v in grader_environment.items() if k in KEPT_ENVIRONMENT or k.startswith("LC_")}
    env.update(HOME="/tmp", TMPDIR="/tmp", PWD=WORK, PATH=f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
               PYTHONNOUSERSITE="1", MPLCONFIGDIR="/tmp/matplotlib", OPENBLAS_NUM_THREADS="1",
               OMP_NUM_THREADS="1", PYTHONHASHSEED=grader_environment.get("PYTHONHASHSEED", "random"))
    if env["PYTHONHASHSEED"] == "random":
        del env["PYTHONHASHSEED"]
    return env


def setenv_arguments(env: dict[str, str]) -> list[str]:
    args = []
    for key, value in sorted(env.items()):
        args += ["--setenv", key, value]
    return args


@functools.lru_cache(maxsize=1)
def probe() -> str:
    """'' when bubblewrap can build the sandbox here; else one line saying why not."""
    if shutil.which(BWRAP) is None:
        return ("bubblewrap (bwrap) is not installed: `make sandbox` installs Debian's bubblewrap, "
                "or grade with --no-sandbox")
    try:
        done = subprocess.run([*base_arguments(), "--", sys.executable, "-c", "pass"], capture_output=True,
                              text=True, timeout=60, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not be started ({exc}); grade with --no-sandbox to go on without it"
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        return f"bubblewrap cannot build a sandbox on this machine ({why}); grade with --no-sandbox to go on without it"
    return ""


def require() -> None:
    """Raise SandboxUnavailable (one line) when bubblewrap cannot run here."""
    reason = probe()
    if reason:
        raise SandboxUnavailable(reason)
