"""A kernel forked from the template is, to the code it runs, the kernel jupyter_client would have started."""

import json
import os
import signal
import time

import nbformat
import pytest
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

from workbook.grading.execute import ExecuteSkippingDisplays
from workbook.grading.kernels import ahead as kernel_ahead, template as kernel_template

pytestmark = pytest.mark.slow

# Everything a notebook can see of how its kernel process was started.
FINGERPRINT = r'''
import json, os, signal, stat, sys, threading
print(json.dumps({
    "argv": [os.path.basename(sys.argv[0])] + ["CONNECTION" if a.endswith(".json") else a for a in sys.argv[1:]],
    "orig_argv": ["CONNECTION" if a.endswith(".json") else a for a in sys.orig_argv[1:]],
    "executable": sys.executable, "flags": str(sys.flags), "path": sys.path,
    "cwd": os.getcwd(), "environment": {k: v for k, v in os.environ.items() if k != "JPY_PARENT_PID"},
    "parent_named": os.environ.get("JPY_PARENT_PID") == str(GRADER),
    "session_leader": os.getsid(0) == os.getpid(),
    "signals": {s.name: str(signal.getsignal(s)) for s in signal.valid_signals()
                if isinstance(s, signal.Signals) and s not in (signal.SIGKILL, signal.SIGSTOP)},
    "stdin_is_a_pipe": stat.S_ISFIFO(os.fstat(0).st_mode),
    "stdout_is_stderr": os.path.samestat(os.fstat(1), os.fstat(2)),
    "threads": threading.active_count(), "main": __name__, "modules": sorted(sys.modules),
}))
'''


def fingerprint(folder, ahead: bool, manager=AsyncKernelManager) -> dict:
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(FINGERPRINT.replace("GRADER", str(os.getpid()))),
               nbformat.v4.new_code_cell("print(os.getppid())")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    ExecuteSkippingDisplays(timeout=60, start_kernels_ahead=ahead, kernel_manager_class=manager).preprocess(
        notebook, {"metadata": {"path": str(folder)}})
    seen = json.loads(notebook.cells[0].outputs[0]["text"])
    seen["parent"] = int(notebook.cells[1].outputs[0]["text"])
    return seen


def preloaded_modules() -> set[str]:
    """The modules a plain interpreter holds after the template's own imports and its preload."""
    import subprocess
    import sys

    script = ("import importlib.util, json, sys; from ipykernel import ipkernel, kernelapp; "
              f"spec = importlib.util.spec_from_file_location('template_server', {str(kernel_template.SERVER)!r}); "
              "server = importlib.util.module_from_spec(spec); spec.loader.exec_module(server); "
              f"server._preload({list(kernel_template.PRELOAD)!r}); print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout)) - {"template_server"}


@pytest.fixture
def ahead(tmp_path):
    yield kernel_ahead.for_this_process()
    kernel_ahead.close_for_this_process()


def test_a_forked_kernel_looks_exactly_like_a_fresh_one_except_for_its_parent(ahead, tmp_path):
    fresh = fingerprint(tmp_path, ahead=False)
    fingerprint(tmp_path, ahead=True)  # starts a kernel ahead: forked from this process's template
    forked = fingerprint(tmp_path, ahead=True)
    assert ahead.handed_over == 1
    template = kernel_template._templates[os.getpid()].process.pid
    assert (fresh.pop("parent"), forked.pop("parent")) == (os.getpid(), template)
    # The template imported PRELOAD for every kernel: exactly those modules (and what they import) are extra.
    assert {"workbook.grading.rubric", "workbook.checks.patterns"} <= set(forked["modules"]) - set(fresh["modules"])
    assert set(forked.pop("modules")) == set(fresh.pop("modules")) | preloaded_modules()
    assert forked == fresh
    assert fresh["parent_named"] and fresh["session_leader"] and fresh["stdin_is_a_pipe"]


def test_only_the_standard_ipython_kernel_of_this_interpreter_is_forked():
    python = os.sys.executable
    assert kernel_template.forkable([python, "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not kernel_template.forkable(["/usr/bin/python3-other", "-m", "ipykernel_launcher", "-f", "c.json"])
    assert not kernel_template.forkable([python, "-m", "other_kernel", "-f", "c.json"])
    assert not kernel_template.forkable([python])


def test_a_dead_template_means_kernels_start_the_usual_way_then_a_new_template(tmp_path):
    environment = dict(os.environ, JPY_PARENT_PID=str(os.getpid()))
    template = kernel_template.template_for(environment)
    template.process.kill()
    template.process.wait()
    with pytest.raises(kernel_template.TemplateError):
        template.fork(["python", "-m", "ipykernel_launcher"], str(tmp_path), environment)
    replacement = kernel_template.template_for(environment)
    assert replacement is not template and replacement.process.poll() is None
    kernel_template.close_templates()
    assert replacement.process.poll() is not None


def test_a_manager_whose_template_fails_launches_its_kernel_the_usual_way(tmp_path, monkeypatch):
    def broken(_environment):
        raise kernel_template.TemplateError("no template here")

    monkeypatch.setattr(kernel_template, "template_for", broken)
    km = kernel_template.ForkedKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=str(tmp_path))
    try:
        assert not isinstance(km.provisioner.process, kernel_template.ForkedKernel)
        assert run_sync(km.is_alive)()
    finally:
        run_sync(km.shutdown_kernel)(now=True)


def test_a_forked_kernel_is_stopped_reaped_and_reported_dead(tmp_path):
    km = kernel_template.ForkedKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=str(tmp_path))
    try:
        process = km.provisioner.process
        assert isinstance(process, kernel_template.ForkedKernel)
        assert run_sync(km.is_alive)()
        os.kill(process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while run_sync(km.is_alive)() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not run_sync(km.is_alive)()  # the template reaped it: no zombie counts as alive
        assert not os.path.exists(f"/proc/{process.pid}")
    finally:
        run_sync(km.shutdown_kernel)(now=True)
        kernel_template.close_templates()


def test_kernels_of_another_manager_class_are_started_ahead_but_never_forked(ahead, tmp_path):
    class Custom(AsyncKernelManager):
        pass

    fingerprint(tmp_path, ahead=True, manager=Custom)
    second = fingerprint(tmp_path, ahead=True, manager=Custom)
    assert ahead.handed_over == 1
    assert second["parent"] == os.getpid()
    assert os.getpid() not in kernel_template._templates


def test_a_new_environment_gets_a_new_template_without_killing_kernels_of_the_old_one(tmp_path, monkeypatch):
    km = kernel_template.ForkedKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=str(tmp_path))
    try:
        old = kernel_template._templates[os.getpid()]
        monkeypatch.setenv("WORKBOOK_TEMPLATE_PROBE", "another environment")
        new = kernel_template.template_for(dict(os.environ, JPY_PARENT_PID=str(os.getpid())))
        assert new is not old and old.process.poll() is None
        assert run_sync(km.is_alive)()
    finally:
        run_sync(km.shutdown_kernel)(now=True)
        kernel_template.close_templates()
    assert old.process.poll() is not None and new.process.poll() is not None
