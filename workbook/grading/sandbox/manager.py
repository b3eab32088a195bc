"""Kernel managers whose IPython kernels run sandboxed: nbgrader's Execute starts them like any other.

``SandboxedKernelManager`` (named in nbgrader_config.py as Execute's
``kernel_manager_class``) starts each kernel in a fresh bubblewrap sandbox.
Each kernel gets a slot: a private folder holding ``work`` (a copy of the
regular files of the student's grading folder, seen at /submission) and
``sock`` (its connection file and ZMQ ``ipc`` sockets, bound at the same path
inside and out, since the kernel has no network). The slot is deleted with
the kernel, so nothing the student's code writes reaches the course.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

import zmq
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import Integer

from ..kernels.template import ForkedKernel, template_for
from ...errors import TemplateError
from ...system import descendants
from . import policy

# How long the grader waits for a forked kernel to appear in its own PID namespace.
FORK_APPEARS_SECONDS = 10

MAX_COPIED_BYTES = 256 * 1024 ** 2


def copy_regular_files(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Copy the regular files and folders under ``source`` into ``target``, never following a link."""
    source, target, copied = Path(source), Path(target), 0
    for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if not (here / d).is_symlink()]
        for name in dirnames:
            (target / (here / name).relative_to(source)).mkdir(exist_ok=True)
        for name in filenames:
            path = here / name
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode) or copied + info.st_size > MAX_COPIED_BYTES:
                continue
            shutil.copyfile(path, target / path.relative_to(source), follow_symlinks=False)
            copied += info.st_size


def is_ipython_kernel(command: list[str]) -> bool:
    """Whether ``command`` is jupyter_client's ``python -m ipykernel_launcher ...`` for some interpreter."""
    return len(command) >= 3 and command[1:3] == ["-m", "ipykernel_launcher"]


class SandboxedKernelManager(AsyncKernelManager):
    """An AsyncKernelManager that starts its IPython kernel in a bubblewrap sandbox of its own.

    ``forked_variant`` names the manager a process grading many students uses for kernels started
    ahead (``grading.kernels.ahead``): the same sandbox, forked from a template.
    """

    memory_limit = Integer(policy.Limits.memory, help="Bytes of address space a kernel may use.").tag(config=True)
    process_limit = Integer(policy.Limits.processes, help="Processes a kernel's user may run (RLIMIT_NPROC).").tag(
        config=True)
    file_size_limit = Integer(policy.Limits.file_size, help="Bytes of any one file a kernel writes.").tag(config=True)

    sandbox_name = "bubblewrap"

    max_message_bytes = Integer(
        64 * 1024 ** 2, help="Bytes of one message the grader accepts from a kernel; a larger one is dropped."
    ).tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # A kernel that prints 200 MB in one line would make the grader hold it several times over.
        self.context.setsockopt(zmq.MAXMSGSIZE, self.max_message_bytes)

    def limits(self) -> policy.Limits:
        return policy.Limits(self.memory_limit, self.process_limit, self.file_size_limit)

    # -- the slot ------------------------------------------------------------------------------

    def _slot_parent(self) -> str | None:
        """Where this kernel's slot goes (None: the system's temporary folder)."""
        return None

    def _make_slot(self) -> Path:
        slot = Path(tempfile.mkdtemp(prefix="workbook-kernel-", dir=self._slot_parent()))
        (slot / "work").mkdir()
        (slot / "sock").mkdir(mode=0o700)
        self._slot = slot
        self.transport = "ipc"
        self.ip = str(slot / "sock" / "kernel")
        self.connection_file = str(slot / "sock" / "kernel.json")
        return slot

    def prepare_folder(self, folder: str) -> str:
        """Copy the grading ``folder``'s files into the kernel's own; returns the folder as the kernel sees it."""
        copy_regular_files(folder, self._slot / "work")
        return policy.WORK

    async def _async_pre_start_kernel(self, **kw):
        policy.require()
        self._make_slot()
        cmd, kw = await super()._async_pre_start_kernel(**kw)
        # Interrupts go over the control channel: a signal to the sandbox would reach bubblewrap first.
        self.kernel_spec.interrupt_mode = "message"
        return cmd, kw

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        if not is_ipython_kernel(kernel_cmd):
            raise RuntimeError(f"only the IPython kernel can be sandboxed, not {kernel_cmd[:3]}")
        if kw.get("cwd"):
            self.prepare_folder(kw["cwd"])
        kw["env"] = dict(kw.get("env") or os.environ)
        await super()._async_launch_kernel(self.sandboxed_command(kernel_cmd, kw["env"]), **kw)

    def sandboxed_command(self, kernel_cmd: list[str], env: dict[str, str]) -> list[str]:
        """bubblewrap around the kernel: the shared read-only world, this kernel's slot, its limits."""
        slot = self._slot
        return [*policy.base_arguments(), *policy.setenv_arguments(policy.environment(env)),
                "--bind", str(slot / "work"), policy.WORK, "--bind", str(slot / "sock"), str(slot / "sock"),
                "--chdir", policy.WORK, "--",
                sys.executable, "-P", str(policy.CONFINE), json.dumps(self.limits().as_dict()), *kernel_cmd[3:]]

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        slot = getattr(self, "_slot", None)
        if slot is not None and not restart:
            shutil.rmtree(slot, ignore_errors=True)


_roots: dict[int, Path] = {}  # by process id: the folder holding this worker's kernel slots


def _worker_root() -> Path:
    pid = os.getpid()
    if pid not in _roots or not _roots[pid].is_dir():
        _roots[pid] = Path(tempfile.mkdtemp(prefix="workbook-sandbox-"))
    return _roots[pid]


def _status_fields(pid: int) -> dict[str, list[str]]:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    return {k: v.split() for k, _, v in (line.partition(":") for line in text.splitlines())}


def host_pid(sandbox_pid: int, forked: int) -> int:
    """The host's id of the kernel whose parent is ``forked`` (an id inside the sandbox of ``sandbox_pid``)."""
    deadline = time.monotonic() + FORK_APPEARS_SECONDS
    while time.monotonic() < deadline:
        parent = None
        for pid in descendants(sandbox_pid):
            fields = _status_fields(pid)
            if len(fields.get("NSpid", [])) >= 2 and fields["NSpid"][1] == str(forked):
                parent = pid
                break
        if parent is not None:
            for pid in descendants(parent):
                if _status_fields(pid).get("PPid") == [str(parent)]:
                    return pid
        time.sleep(0.005)
    raise TemplateError("the forked kernel did not appear in its sandbox")


class SandboxedForkedKernelManager(SandboxedKernelManager):
    """Sandboxed kernels forked from a template that runs in one sandbox per grading worker.

    The template has imported ipykernel once; each fork shuts itself into namespaces of its own
    (``_confine.nest``) before it becomes a kernel, so a kernel sees only its own slot, as a kernel
    of ``SandboxedKernelManager`` does. Any failure of the template starts a fresh sandbox instead.
    """

    def _slot_parent(self) -> str:
        return str(_worker_root())  # every slot of this worker, bound into its template's sandbox

    def template_wrapper(self, env: dict[str, str]) -> tuple[tuple[str, ...], dict[str, str]]:
        """The template's sandbox command and environment: the shared world, every slot of this worker."""
        root = str(_worker_root())
        template_env = {**policy.environment(env), "WORKBOOK_CONFINE": str(policy.CONFINE)}
        # Root nests kernels without a user namespace, so its template keeps the two capabilities that
        # takes; each kernel drops every capability before it runs a line (_confine.confine).
        keep = ["--cap-add", "CAP_SYS_ADMIN", "--cap-add", "CAP_SETPCAP"] if os.geteuid() == 0 else []
        wrapper = (*policy.base_arguments(), *keep, *policy.setenv_arguments(template_env),
                   "--bind", root, root, "--chdir", "/", "--")
        return wrapper, template_env

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        provisioner = self.provisioner
        if not is_ipython_kernel(kernel_cmd) or type(provisioner) is not LocalProvisioner:
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        if kw.get("cwd"):
            self.prepare_folder(kw["cwd"])
        env = dict(kw.get("env") or os.environ)
        try:
            wrapper, template_env = self.template_wrapper(env)
            template = template_for(template_env, wrapper)
            forked = template.fork([sys.executable, "-m", "ipykernel_launcher", *kernel_cmd[3:]], policy.WORK,
                                   policy.environment(env), nest={"root": str(_worker_root()), "slot": str(self._slot),
                                                                  "limits": self.limits().as_dict(),
                                                                  "shown": policy.roots_under_tmp()})
            pid = host_pid(template.process.pid, forked)
        except (TemplateError, OSError) as exc:
            self.log.info("Starting the sandboxed kernel the usual way: %s", exc)
            await super()._async_launch_kernel(kernel_cmd, **kw)
            return
        provisioner.process = ForkedKernel(pid)
        provisioner.pid = provisioner.pgid = pid
        provisioner.cwd = policy.WORK
        self._reconcile_connection_info(provisioner.connection_info)


SandboxedKernelManager.forked_variant = SandboxedForkedKernelManager
