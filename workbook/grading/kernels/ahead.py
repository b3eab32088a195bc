"""Start the next notebook's kernel while the current notebook runs.

A process that grades many students one after another (each worker of
``workbook autograde``) spends part of every student waiting rather than
computing: the kernel boots, jupyter_client then listens a fixed while for
stray start-up messages, and after the last cell it polls until the killed kernel
is gone. ``KernelAhead`` keeps one kernel started, and made ready, for the
next notebook while the current one runs, and retires a used kernel without
waiting for it, so those pauses overlap real work.

A kernel started ahead is used only when a fresh start would have been the
same: the same kernel manager class and configuration, kernel name, launch
arguments and environment (``Launch``). The one thing that cannot be known
ahead is the folder, because nbgrader creates the student's autograded/
folder just before executing it. So the kernel boots in an empty folder of
its own and, before the first cell, moves into the notebook's folder by a
silent ``os.chdir`` that binds no name and counts no execution. Imports
follow it, since IPython puts ``''`` (the current folder), not a fixed path,
on ``sys.path``. Whatever goes wrong with a kernel started ahead (it died,
never became ready, cannot move), it is dropped and the notebook gets a
fresh kernel exactly as without this module.

Kernels started ahead with jupyter_client's standard manager are forked
from a template process that has already imported ipykernel
(``template``), which saves most of each kernel's start-up CPU.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from dataclasses import dataclass, field

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import ensure_async, run_sync
from nbclient.util import run_hook

from .template import ForkedKernelManager, close_templates

# How long a kernel started ahead may take to move into the notebook's folder.
MOVE_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Launch:
    """Everything that decides how a kernel is started, except its folder."""

    manager_class: type
    config: str
    kernel_name: str
    arguments: tuple[str, ...]
    environment: tuple[tuple[str, str], ...]


def launch_for(client) -> Launch:
    """The launch a fresh kernel for ``client`` (an nbclient NotebookClient) would get now."""
    name = client.kernel_name or client.nb.metadata.get("kernelspec", {}).get("name") or ""
    arguments = list(client.extra_arguments)
    # nbclient adds an in-memory history file for IPython kernels; a kernel ahead must get it too.
    if client.ipython_hist_file and not any(a.startswith("--HistoryManager.hist_file") for a in arguments):
        arguments.append(f"--HistoryManager.hist_file={client.ipython_hist_file}")
    return Launch(client.kernel_manager_class, repr(client.config), name, tuple(arguments),
                  tuple(sorted(os.environ.items())))


def forked_manager(manager_class: type) -> type:
    """The manager that forks kernels ahead for ``manager_class`` (itself when it has none)."""
    if manager_class is AsyncKernelManager:
        return ForkedKernelManager
    return getattr(manager_class, "forked_variant", None) or manager_class


@dataclass
class _Spare:
    launch: Launch
    km: object
    kc: object
    ready: asyncio.Future
    folder: str


@dataclass
class KernelAhead:
    """One kernel kept started ahead, for the next notebook this process executes.

    ``handed_over``, ``fresh`` and ``dropped`` count notebooks that got a
    kernel started ahead, notebooks that got a fresh one, and kernels started
    ahead that were never used.
    """

    handed_over: int = 0
    fresh: int = 0
    dropped: int = 0
    _spare: _Spare | None = None
    _retiring: list = field(default_factory=list)

    # -- the three moments of a notebook ---------------------------------------------------------

    async def hand_over(self, client, launch: Launch, folder: str) -> bool:
        """Give ``client`` the kernel started ahead, moved into ``folder``; False when there is none to give."""
        spare, self._spare = self._spare, None
        if spare is None:
            self.fresh += 1
            return False
        try:
            if spare.launch != launch:
                raise LookupError("started for another launch")
            await spare.ready
            if not await spare.km.is_alive():
                raise RuntimeError("the kernel started ahead died")
            # A sandboxed kernel works in a folder of its own: the student's files are copied in first.
            prepare = getattr(spare.km, "prepare_folder", None)
            await _move(spare.kc, prepare(folder) if prepare else folder)
        except Exception as exc:
            client.log.info("Not using the kernel started ahead (%s); starting a fresh one", exc)
            self.fresh += 1
            await self._drop(spare)
            return False
        shutil.rmtree(spare.folder, ignore_errors=True)
        client.km, client.kc = spare.km, spare.kc
        client.kc.allow_stdin = False  # as nbclient sets it on every kernel it starts
        await run_hook(client.on_notebook_start, notebook=client.nb)
        self.handed_over += 1
        return True

    async def start_next(self, client, launch: Launch) -> None:
        """Start a kernel for the notebook after this one; it boots while this notebook runs."""
        folder = km = None
        try:
            folder = tempfile.mkdtemp(prefix="kernel-ahead-")
            # IPython kernels are forked from a template that has imported ipykernel: the standard manager's
            # by ForkedKernelManager, a sandboxed manager's by the variant it names.
            manager = forked_manager(launch.manager_class)
            km = manager(kernel_name=launch.kernel_name, config=client.config) \
                if launch.kernel_name else manager(config=client.config)
            await km.start_kernel(extra_arguments=list(launch.arguments), cwd=folder, env=dict(launch.environment))
            kc = km.client()
            await ensure_async(kc.start_channels())
        except Exception as exc:  # the notebook after this one simply gets a fresh kernel
            client.log.info("Could not start a kernel ahead: %s", exc)
            if km is not None:
                await _shut_down(km, client.log)
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            return
        ready = asyncio.ensure_future(kc.wait_for_ready(timeout=client.startup_timeout))
        self._spare = _Spare(launch, km, kc, ready, folder)

    async def retire(self, client) -> None:
        """Take ``client``'s used kernel away from it and shut it down in the background."""
        km, kc = client.km, client.kc
        client.km = client.kc = None
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            self._retiring = [t for t in self._retiring if not t.done()]
            self._retiring.append(asyncio.ensure_future(_shut_down(km, client.log)))

    async def aclose(self) -> None:
        """Shut down the kernel started ahead and wait for every retired kernel to be gone."""
        spare, self._spare = self._spare, None
        if spare is not None:
            await self._drop(spare)
        retiring, self._retiring = self._retiring, []
        await asyncio.gather(*retiring, return_exceptions=True)

    close = run_sync(aclose)

    async def _drop(self, spare: _Spare) -> None:
        self.dropped += 1
        spare.ready.cancel()
        spare.kc.stop_channels()
        await _shut_down(spare.km, None)
        shutil.rmtree(spare.folder, ignore_errors=True)


async def _move(kc, folder: str) -> None:
    """Change the kernel's working folder without leaving a trace in the student's session."""
    # __import__ binds no name; silent with no history keeps In/Out and the execution count untouched.
    code = f"__import__('os').chdir({folder!r})"
    reply = await kc.execute(code, silent=True, store_history=False, allow_stdin=False,
                             reply=True, timeout=MOVE_TIMEOUT_SECONDS)
    if reply["content"].get("status") != "ok":
        raise RuntimeError(f"could not move the kernel into {folder}: {reply['content'].get('evalue', '')}")


async def _shut_down(km, log) -> None:
    """Kill a kernel at once and free its files; a kernel that is already gone needs nothing more."""
    try:
        if await km.is_alive():
            await km.shutdown_kernel(now=True)
    except Exception as exc:
        if log is not None:
            log.debug("Killing a kernel: %s", exc)
    try:
        await km.cleanup_resources()
    except Exception as exc:  # a kernel that never started has little to free
        if log is not None:
            log.debug("Freeing a kernel's files: %s", exc)


_for_this_process: KernelAhead | None = None
_owner_pid = 0


def for_this_process() -> KernelAhead:
    """This process's ``KernelAhead`` (a forked child gets its own, never its parent's kernels)."""
    global _for_this_process, _owner_pid
    if _for_this_process is None or _owner_pid != os.getpid():
        _for_this_process, _owner_pid = KernelAhead(), os.getpid()
    return _for_this_process


def close_for_this_process() -> KernelAhead | None:
    """Stop this process's kernels (the one started ahead, those still shutting down) and forget them.

    Returns the closed ``KernelAhead`` for its counts, or None if this process never had one.
    """
    global _for_this_process
    closed = _for_this_process if _owner_pid == os.getpid() else None
    _for_this_process = None
    if closed is not None:
        closed.close()
    close_templates()
    return closed
