"""Kernels forked from a template process that has already imported ipykernel.

Most of a kernel's boot is importing ipykernel and IPython (``make bench``
measures it), and an autograde worker boots one kernel per student. A worker keeps
one template process (``_template_server.py``) that did those imports once,
and the workbook's own (``PRELOAD``);
each kernel is a fork of it that turns itself into what jupyter_client's
``python -m ipykernel_launcher -f ...`` would have been: the same interpreter
and sys.path, argv, folder and environment (``JPY_PARENT_PID`` included), a
session of its own, an endless stdin pipe, the grader's stdout and stderr,
default signal handling. ``tests/grading/test_kernel_template.py`` compares a
forked kernel with a fresh one on all of these.

Three things differ by nature: the modules of ``PRELOAD`` are already
imported (always the installed workbook, whatever folder a student's files
sit in), the kernel's parent process is the template
(each dies with its parent: the template with the worker, a kernel with its
template, where a Popen kernel notices a lost grader itself), and every kernel forked from one template shares its string-hash seed where
fresh kernels draw one each, so code whose output depends on the order of a
set of strings varies from run to run rather than from student to student.
``random`` is reseeded by Python itself at each fork.

``ForkedKernelManager`` uses the template only for the standard IPython
kernel command started in a plain local process; anything else, or any
failure of the template, launches the kernel the usual way.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from ...errors import TemplateError

SERVER = Path(__file__).with_name("_template_server.py")
REPLY_TIMEOUT_SECONDS = 30

# What every graded kernel imports (the in-kernel grading API and the checks it runs, the traceback
# formatting a failed check prints), imported and compiled once in the template instead of once a kernel.
# Names only: this part imports nothing of the workbook itself.
PRELOAD = (
    "workbook.grading.answers", "workbook.grading.rubric", "workbook.selfcheck",
    "workbook.checks.patterns:compile_all",
    "stack_data", "pygments.lexers.python", "pygments.formatters.terminal256",
)


class ForkedKernel:
    """A kernel process forked by the template: the parts of ``Popen`` that jupyter_client uses.

    The template, not this process, is the kernel's parent and reaps it, so
    "still running" means the process exists and is not a zombie.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and not _running(self.pid):
            self.returncode = -1  # the template reaped it; its exit status is not ours to read
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
            time.sleep(0.01)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


class KernelTemplate:
    """One template process, started with one environment; forks kernels on request.

    ``wrapper`` is a command the template runs inside (a sandbox's, see grading/sandbox); the
    template then watches its sandbox's init instead of this process, which it cannot see.
    """

    def __init__(self, environment: dict[str, str], wrapper: tuple[str, ...] = (), preload: tuple[str, ...] = PRELOAD):
        self.environment = dict(environment)
        self.wrapper = tuple(wrapper)
        self.preload = tuple(preload)
        kernel_stdout = os.dup(1)  # the template's own stdout carries its answers; kernels get ours
        parent = "0" if self.wrapper else str(os.getpid())
        try:
            self.process = subprocess.Popen(
                [*self.wrapper, sys.executable, str(SERVER), parent, str(kernel_stdout), json.dumps(self.preload)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, pass_fds=(kernel_stdout,), cwd="/", env=self.environment,
            )
        finally:
            os.close(kernel_stdout)
        if self._reply().get("ready") is not True:
            self.close()
            raise TemplateError("the kernel template did not start")

    def fork(self, command: list[str], cwd: str, environment: dict[str, str], **extra) -> int:
        """Fork a kernel running ``command`` in ``cwd``; returns its process id (as the template sees it)."""
        if self.process.poll() is not None:
            raise TemplateError(f"the kernel template has exited ({self.process.returncode})")
        request = {"command": command, "cwd": cwd, "env": environment, **extra}
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        except OSError as exc:
            raise TemplateError(f"the kernel template is gone: {exc}") from None
        reply = self._reply()
        if "pid" not in reply:
            raise TemplateError(reply.get("error", "no answer from the kernel template"))
        return int(reply["pid"])

    def _reply(self) -> dict:
        ready, _, _ = select.select([self.process.stdout], [], [], REPLY_TIMEOUT_SECONDS)
        line = self.process.stdout.readline() if ready else b""
        try:
            return json.loads(line) if line else {}
        except ValueError:
            return {}

    def close(self) -> None:
        """Stop the template; kernels it forked die with it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            stream.close()


_templates: dict[int, KernelTemplate] = {}  # by process id: a forked worker never uses its parent's
_replaced: dict[int, list[KernelTemplate]] = {}  # kept until close: their kernels may still be running


def template_for(environment: dict[str, str], wrapper: tuple[str, ...] = ()) -> KernelTemplate:
    """This process's template for ``environment`` (inside ``wrapper``), started (or replaced) as needed."""
    pid = os.getpid()
    template = _templates.get(pid)
    if template is not None and template.process.poll() is not None:
        template = None  # it died; its kernels went with it
    elif template is not None and (template.environment, template.wrapper) != (environment, tuple(wrapper)):
        _replaced.setdefault(pid, []).append(template)  # killing it would kill the kernels it forked
        template = None
    if template is None:
        template = _templates[pid] = KernelTemplate(environment, wrapper)
    return template


def close_templates() -> None:
    """Stop this process's templates, and with them any kernel they forked that is still running."""
    pid = os.getpid()
    for template in [*_replaced.pop(pid, []), *filter(None, [_templates.pop(pid, None)])]:
        template.close()


def forkable(command: list[str]) -> bool:
    """Whether ``command`` is the standard IPython kernel of this very interpreter."""
    return (len(command) >= 3 and command[1:3] == ["-m", "ipykernel_launcher"]
            and os.path.realpath(command[0]) == os.path.realpath(sys.executable))


class ForkedKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose standard IPython kernels are forked from this process's template."""

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        provisioner = self.provisioner
        command = [os.path.expanduser(part) for part in kernel_cmd]  # as jupyter_client's launcher does
        if type(provisioner) is LocalProvisioner and forkable(command):
            environment = dict(kw.get("env") or os.environ)
            environment["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it
            try:
                pid = template_for(environment).fork(command, str(kw.get("cwd") or os.getcwd()), environment)
            except (TemplateError, OSError) as exc:
                self.log.info("Starting the kernel the usual way: %s", exc)
            else:
                provisioner.process = ForkedKernel(pid)
                provisioner.pid = provisioner.pgid = pid  # the child made itself a session leader
                provisioner.cwd = kw.get("cwd") or os.getcwd()
                self._reconcile_connection_info(provisioner.connection_info)
                return
        await super()._async_launch_kernel(kernel_cmd, **kw)
