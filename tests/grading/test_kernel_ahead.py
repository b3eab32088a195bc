"""A kernel started ahead runs the next notebook exactly as a fresh kernel would, or is not used at all."""

import os
import signal

import nbformat
import pytest

from workbook.grading.execute import ExecuteSkippingDisplays
from workbook.grading.kernels import ahead as kernel_ahead

pytestmark = pytest.mark.slow

# What a notebook can observe about its kernel's start, except the process id.
PROBE = [
    "try:\n    os\nexcept NameError:\n    print('os is not bound')",
    "import os, sys\nprint(repr(os.getcwd()))\nprint(os.environ.get('AHEAD_PROBE'))\nprint(len(In), sys.path.count(''))",
    "import helper\nprint(helper.WHERE)",
]
HOSTILE_NAMES = ["plain", "it's \"odd\"\\n", "new\nline ünïcode '); raise SystemExit('", "x" * 120]


def notebook():
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in [*PROBE, "print(os.getpid())"]],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )


def folder_for(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "helper.py").write_text(f"WHERE = {name!r}\n", encoding="utf-8")
    return folder


def run(folder, ahead: bool):
    """Execute the probe notebook in ``folder``; (what it printed, execution counts, kernel pid)."""
    # The unsandboxed machinery (--no-sandbox); sandboxed kernels, fresh and forked, are compared in
    # test_sandbox.py, and the red-team suite grades with sandboxed kernels started ahead.
    step = ExecuteSkippingDisplays(timeout=60, start_kernels_ahead=ahead, sandbox=False)
    done, _ = step.preprocess(notebook(), {"metadata": {"path": str(folder)}})
    printed = ["".join(o.get("text", "") for o in c.outputs) for c in done.cells]
    return printed[:-1], [c.execution_count for c in done.cells], int(printed[-1])


def expected(folder):
    return ["os is not bound\n", f"{str(folder)!r}\nseen\n3 1\n", f"{folder.name}\n"]


@pytest.fixture
def ahead(monkeypatch):
    monkeypatch.setenv("AHEAD_PROBE", "seen")
    yield kernel_ahead.for_this_process()
    kernel_ahead.close_for_this_process()


def test_each_notebook_after_the_first_gets_a_kernel_started_ahead_that_behaves_as_a_fresh_one(ahead, tmp_path):
    pids = []
    for name in HOSTILE_NAMES:
        folder = folder_for(tmp_path, name)
        printed, counts, pid = run(folder, ahead=True)
        assert printed == expected(folder), name
        assert counts == [1, 2, 3, 4]
        pids.append(pid)
    assert len(set(pids)) == len(HOSTILE_NAMES)
    assert (ahead.handed_over, ahead.fresh, ahead.dropped) == (len(HOSTILE_NAMES) - 1, 1, 0)
    fresh = folder_for(tmp_path, "fresh")
    assert run(fresh, ahead=False)[:2] == (expected(fresh), [1, 2, 3, 4])


def test_a_kernel_started_with_other_settings_is_dropped_not_used(ahead, tmp_path, monkeypatch):
    run(folder_for(tmp_path, "first"), ahead=True)
    monkeypatch.setenv("AHEAD_PROBE", "changed since")
    second = folder_for(tmp_path, "second")
    printed, _, _ = run(second, ahead=True)
    assert printed[1] == f"{str(second)!r}\nchanged since\n3 1\n"
    assert (ahead.handed_over, ahead.fresh, ahead.dropped) == (0, 2, 1)


def test_a_kernel_started_ahead_that_died_is_replaced_by_a_fresh_one(ahead, tmp_path):
    run(folder_for(tmp_path, "first"), ahead=True)
    spare_pid = ahead._spare.km.provisioner.process.pid
    os.kill(spare_pid, signal.SIGKILL)
    second = folder_for(tmp_path, "second")
    printed, _, pid = run(second, ahead=True)
    assert printed == expected(second)
    assert pid != spare_pid
    assert (ahead.handed_over, ahead.fresh, ahead.dropped) == (0, 2, 1)


def test_when_no_kernel_can_be_started_ahead_every_notebook_gets_a_fresh_one(ahead, tmp_path, monkeypatch):
    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kernel_ahead.tempfile, "mkdtemp", disk_full)  # no folder for a kernel ahead to boot in
    for name in ("first", "second"):
        folder = folder_for(tmp_path, name)
        assert run(folder, ahead=True)[0] == expected(folder)
    assert (ahead.handed_over, ahead.fresh, ahead.dropped) == (0, 2, 0)


def test_closing_stops_the_kernel_started_ahead_and_every_used_one(ahead, tmp_path):
    used = [run(folder_for(tmp_path, name), ahead=True)[2] for name in ("a", "b")]
    spare = ahead._spare.km.provisioner.process.pid
    kernel_ahead.close_for_this_process()
    for pid in [*used, spare]:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert ahead._spare is None and ahead.dropped == 1


def test_off_by_default_so_plain_nbgrader_starts_kernels_as_it_always_has(tmp_path):
    before = kernel_ahead._for_this_process
    folder = folder_for(tmp_path, "plain")
    assert run(folder, ahead=False)[0] == ["os is not bound\n", f"{str(folder)!r}\nNone\n3 1\n", "plain\n"]
    assert kernel_ahead._for_this_process is before
    assert ExecuteSkippingDisplays().start_kernels_ahead is False


def test_a_forked_process_gets_its_own_kernels_never_its_parents():
    parent = kernel_ahead.for_this_process()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        os.write(write, b"own" if kernel_ahead.for_this_process() is not parent else b"shared")
        os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read, 16) == b"own"
    assert kernel_ahead.for_this_process() is parent


def test_launches_differ_when_anything_but_the_folder_differs():
    step = ExecuteSkippingDisplays()
    step.nb = notebook()
    base = kernel_ahead.launch_for(step)
    assert base == kernel_ahead.launch_for(step)
    assert base.kernel_name == "python3"
    assert base.arguments == ("--HistoryManager.hist_file=:memory:",)
    step.extra_arguments = ["--matplotlib=inline"]
    assert kernel_ahead.launch_for(step).arguments == ("--matplotlib=inline", "--HistoryManager.hist_file=:memory:")
    step.extra_arguments = []
    step.kernel_name = "python3-other"
    assert kernel_ahead.launch_for(step) != base
