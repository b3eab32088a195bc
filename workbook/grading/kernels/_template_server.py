"""The kernel template process: import ipykernel once, then fork one kernel per request.

Run as a script by ``kernel_template.KernelTemplate``, never imported. It
imports what every graded kernel would import (``template.PRELOAD``), then reads
one JSON request per line on stdin ({"command", "cwd", "env"}) and answers
one JSON line on stdout ({"pid"} or {"error"}). Each forked child turns itself
into what ``python -m ipykernel_launcher ...`` started by jupyter_client would
be: a new session, stdin a pipe that never ends, stdout and stderr the
grader's (its stdout arrives as the descriptor named by argv[2]), the requested folder, environment and argv, default signal
handling; then it runs ipykernel's own entry point.
"""

import json
import os
import signal
import sys


def _die_with_parent(parent: int) -> None:
    """Be killed when ``parent`` dies; exit now if it already has."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


def _reap(_signum, _frame) -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _read_line() -> bytes:
    """One request line from stdin, unbuffered, so a forked child inherits no half-read data."""
    line = b""
    while not line.endswith(b"\n"):
        chunk = os.read(0, 1)
        if not chunk:
            return b""
        line += chunk
    return line


def _read_ready(fd: int) -> str:
    """What the forked child says once it is set up ("ok", or its error); '' if it died first."""
    import select

    try:
        readable, _, _ = select.select([fd], [], [], 30)
        return os.read(fd, 600).decode(errors="replace") if readable else ""
    except OSError:
        return ""
    finally:
        os.close(fd)


def _answer(message: dict) -> None:
    os.write(1, json.dumps(message).encode() + b"\n")


def _preload(names: list[str]) -> None:
    """Import each module ("package.module") or call each function ("package.module:function") once, for every fork.

    A name that fails is skipped: a kernel then imports it itself, as a fresh kernel would.
    """
    import importlib

    for name in names:
        module, _, function = name.partition(":")
        try:
            loaded = importlib.import_module(module)
            if function:
                getattr(loaded, function)()
        except Exception:  # noqa: BLE001 -- the kernels will meet the same error themselves, in their own cells
            continue


def _confinement():
    """The sandbox's _confine module, loaded by path (None when the template runs unsandboxed)."""
    path = os.environ.get("WORKBOOK_CONFINE")
    if not path:
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location("_workbook_confine", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _become_kernel(request: dict, launcher: str, kernel_stdout: int, confinement) -> None:
    # ipykernel exits when a kernel started by Popen loses its grader; this kernel's parent is the
    # template, which dies with the grader, so the kernel follows the template.
    _die_with_parent(int(request["template"]))
    ready = request.pop("ready_fd")
    try:
        if request.get("nest"):
            # A kernel forked in a worker's sandbox: namespaces of its own, then the sandbox's limits.
            confinement.nest(request["nest"]["root"], request["nest"]["slot"], request["nest"].get("shown", ()))
            confinement.confine(request["nest"]["limits"])
            request["command"] = [*request["command"], *confinement.KERNEL_ARGUMENTS]
    except Exception as exc:  # the template answers with this; the grader starts a kernel the usual way
        os.write(ready, f"{type(exc).__name__}: {exc}".encode()[:500])
        os._exit(1)
    os.write(ready, b"ok")
    os.close(ready)
    os.setsid()  # jupyter_client starts kernels with start_new_session=True
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    never_written, _kept_open = os.pipe()  # jupyter_client's stdin pipe: reads wait, never reach an end
    os.dup2(never_written, 0)
    os.close(never_written)
    os.dup2(kernel_stdout, 1)  # the grader's own stdout, which a kernel started by Popen would inherit
    os.close(kernel_stdout)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [launcher, *request["command"][3:]]
    sys.orig_argv = list(request["command"])
    import runpy  # noqa: F401  (``python -m`` imports it to start the launcher)

    from ipykernel import kernelapp

    kernelapp.launch_new_instance()
    sys.exit(0)  # unwinds out of the request loop: the interpreter ends as a kernel process would


def main() -> None:
    import importlib.util
    import threading

    # What the fork saves each kernel: these imports are most of a kernel's start-up CPU.
    from ipykernel import ipkernel, kernelapp  # noqa: F401

    if int(sys.argv[1]):
        _die_with_parent(int(sys.argv[1]))
    else:
        _die_with_parent(os.getppid())  # in a sandbox: the sandbox's own init, which dies with the grader
    kernel_stdout = int(sys.argv[2])
    _preload(json.loads(sys.argv[3]) if len(sys.argv) > 3 else [])
    confinement = _confinement()
    launcher = importlib.util.find_spec("ipykernel_launcher").origin
    signal.signal(signal.SIGCHLD, _reap)
    _answer({"ready": True})
    while True:
        line = _read_line()
        if not line:
            return
        try:
            request = json.loads(line)
            if threading.active_count() != 1:
                raise RuntimeError("the template has started a thread; forking it would be unsafe")
            ready, request["ready_fd"] = os.pipe()
            pid = os.fork()
        except Exception as exc:
            _answer({"error": f"{type(exc).__name__}: {exc}"})
            continue
        if pid == 0:
            os.close(ready)
            request["template"] = os.getppid()
            _become_kernel(request, launcher, kernel_stdout, confinement)
        os.close(request["ready_fd"])
        said = _read_ready(ready)
        _answer({"pid": pid} if said == "ok" else {"error": said or "the forked kernel died before it was ready"})


if __name__ == "__main__":
    # Python put this script's folder first on sys.path; ipykernel_launcher drops its start folder the same way.
    del sys.path[0]
    main()
