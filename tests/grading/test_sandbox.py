"""The sandbox itself: what a grading kernel can and cannot see or do, fresh or forked from a template.

Real kernels under bubblewrap (make test installs it). Every probe runs in a
kernel started by ``SandboxedKernelManager`` (one sandbox per kernel, as plain
``nbgrader autograde`` uses it) and in one forked by
``SandboxedForkedKernelManager`` (one sandbox per worker, as ``workbook
autograde`` uses it); both must give the same answers.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import pytest

from workbook.errors import SandboxUnavailable
from workbook.grading.kernels.template import close_templates
from workbook.grading.sandbox import policy
from workbook.grading.sandbox.manager import SandboxedForkedKernelManager, SandboxedKernelManager

pytestmark = pytest.mark.slow

PROBE = r'''
import json, os, socket, subprocess, sys, errno
seen = {}
seen["cwd"] = os.getcwd()
seen["files"] = sorted(os.listdir("."))
seen["root"] = sorted(os.listdir("/"))
seen["etc_passwd"] = os.path.exists("/etc/passwd")
seen["course"] = os.path.exists(COURSE)
seen["host_tmp_marker"] = os.path.exists(HOST_TMP)
seen["slots"] = sorted(p for p in os.listdir(os.path.dirname(os.path.dirname(os.path.dirname(SOCK))))
                       if not p.startswith("."))  # /tmp of a fresh kernel also holds IPython's own folder
seen["sys_path_cwd"] = any(p in ("", ".", os.getcwd()) for p in sys.path)
seen["preloaded"] = sorted(m for m in ("workbook.grading.rubric", "workbook.checks.thank_you") if m in sys.modules)
import workbook
seen["workbook"] = os.path.dirname(workbook.__file__)
seen["env"] = sorted(os.environ)
seen["caps"] = open("/proc/self/status").read().split("CapEff:")[1].split()[0]
try:
    socket.create_connection(("127.0.0.1", PORT), timeout=2)
    seen["network"] = True
except OSError:
    seen["network"] = False
try:
    hog = bytearray(3 * 1024 ** 3)
    seen["memory"] = True
    del hog
except MemoryError:
    seen["memory"] = False
try:
    with open("big.bin", "wb") as handle:
        handle.write(b"0" * (80 * 1024 ** 2))
    seen["big_file"] = True
except OSError as exc:
    seen["big_file"] = exc.errno == errno.EFBIG and "EFBIG"
try:
    open("/usr/sitecustomize.py", "w")
    seen["write_usr"] = True
except OSError:
    seen["write_usr"] = False
open("written-by-kernel.txt", "w").write("x")
child = subprocess.Popen(["sleep", "4242"])
seen["child"] = child.pid
print("SEEN" + json.dumps(seen))
'''


async def _probe(manager_class, folder: Path, values: dict) -> dict:
    km = manager_class()
    await km.start_kernel(cwd=str(folder))
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=60)
        code = PROBE
        for name, value in values.items():
            code = code.replace(name, repr(value))
        code = code.replace("SOCK", repr(km.connection_file))
        printed = []
        await kc.execute_interactive(code, timeout=120, output_hook=lambda m: printed.append(
            m["content"].get("text") or m["content"].get("evalue") or ""))
        text = "".join(printed)
        assert "SEEN" in text, text
        seen = json.loads(text.split("SEEN", 1)[1].strip().splitlines()[0])
        seen["slot_files"] = sorted(os.listdir(km._slot / "work"))
        seen["kernel_pid"] = km.provisioner.pid
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
    seen["slot_left"] = km._slot.exists()
    return seen


def _sleepers() -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if cmdline.read_bytes().split(b"\0")[:2] == [b"sleep", b"4242"]:
                found.append(int(cmdline.parent.name))
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    import socket

    base = tmp_path_factory.mktemp("sandbox")
    course = base / "course"
    (course / "submitted" / "s1" / "a").mkdir(parents=True)
    (course / "gradebook.db").write_text("secret")
    folder = course / "submitted" / "s1" / "a"
    (folder / "journal.json").write_text("{}")
    (folder / "workbook").mkdir()
    (folder / "workbook" / "__init__.py").write_text("raise SystemExit('shadowed')")
    os.symlink("/etc/passwd", folder / "linked.txt")
    host_tmp = Path("/tmp") / f"sandbox-test-marker-{os.getpid()}"
    host_tmp.write_text("host")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    values = {"COURSE": str(course), "HOST_TMP": str(host_tmp), "PORT": listener.getsockname()[1]}
    os.environ["WORKBOOK_SECRET_TOKEN"] = "do-not-pass"
    try:
        results = {}
        for name, manager in (("fresh", SandboxedKernelManager), ("forked", SandboxedForkedKernelManager)):
            results[name] = asyncio.run(_probe(manager, folder, values))
            time.sleep(0.5)
            results[name]["sleepers_after"] = _sleepers()
            results[name]["host_files"] = sorted(os.listdir(folder))
        close_templates()
    finally:
        os.environ.pop("WORKBOOK_SECRET_TOKEN", None)
        host_tmp.unlink()
        listener.close()
    return results


KINDS = ("fresh", "forked")


@pytest.mark.parametrize("kind", KINDS)
def test_a_kernel_sees_its_students_files_in_a_folder_of_its_own(seen, kind):
    got = seen[kind]
    assert got["cwd"] == "/submission"
    assert got["files"] == ["journal.json", "workbook"]  # the link was not copied
    assert "written-by-kernel.txt" in got["slot_files"]
    assert "written-by-kernel.txt" not in got["host_files"]  # never reaches the course
    assert got["slot_left"] is False


@pytest.mark.parametrize("kind", KINDS)
def test_a_kernel_sees_nothing_of_the_course_the_host_or_other_kernels(seen, kind):
    got = seen[kind]
    assert got["course"] is False
    assert got["etc_passwd"] is False
    assert got["host_tmp_marker"] is False
    # A course cloned under /tmp keeps its interpreter there, read-only: those folders are no slots.
    shown = policy.roots_under_tmp()
    interpreters = {Path(root).relative_to("/tmp").parts[0] for root in shown}
    assert len([s for s in got["slots"] if s not in interpreters]) == 1  # the folder of slots holds its own only
    # The top folders of the interpreter's own paths (/root for pyenv, /work or /check for the clone) and no more.
    interpreter_tops = {Path(root).parts[1] for root in policy.read_only_roots()}
    assert set(got["root"]) <= {"usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc", "dev", "proc",
                                "tmp", "submission", ".park", *interpreter_tops,
                                *(f"{policy.SHOWN_PARK[1:]}{n}" for n in range(len(shown)))}


@pytest.mark.parametrize("kind", KINDS)
def test_a_kernel_imports_the_installed_workbook_never_the_students(seen, kind):
    import workbook

    got = seen[kind]
    assert got["sys_path_cwd"] is False
    assert got["workbook"] == os.path.dirname(workbook.__file__)
    # A forked kernel's template imported the grading API and the checks in the sandbox, once for all its kernels.
    assert got["preloaded"] == ([] if kind == "fresh" else ["workbook.checks.thank_you", "workbook.grading.rubric"])


@pytest.mark.parametrize("kind", KINDS)
def test_a_kernel_has_no_network_no_privilege_and_limits(seen, kind):
    got = seen[kind]
    assert got["network"] is False
    assert got["caps"] == "0000000000000000"
    assert got["memory"] is False
    assert got["big_file"] == "EFBIG"
    assert got["write_usr"] is False
    assert "WORKBOOK_SECRET_TOKEN" not in got["env"] and "WORKBOOK_JOURNAL" not in got["env"]
    assert "JPY_PARENT_PID" not in got["env"]


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_a_kernel_starts_outlives_it(seen, kind):
    assert seen[kind]["sleepers_after"] == []


def test_fresh_and_forked_kernels_see_the_same_world(seen):
    keys = ("cwd", "files", "root", "sys_path_cwd", "workbook", "env", "caps", "network", "memory", "big_file")
    assert {k: seen["fresh"][k] for k in keys} == {k: seen["forked"][k] for k in keys}


def test_grading_refuses_in_one_line_where_bubblewrap_cannot_run(monkeypatch):
    monkeypatch.setattr(policy, "BWRAP", "no-such-bwrap-here")
    policy.probe.cache_clear()
    try:
        reason = policy.probe()
        assert reason.startswith("bubblewrap (bwrap) is not installed") and "\n" not in reason
        with pytest.raises(SandboxUnavailable, match="--no-sandbox"):
            policy.require()
        from workbook.grading import runner

        with pytest.raises(SandboxUnavailable):
            runner.autograde("/nonexistent-course", "informational_interview")
    finally:
        monkeypatch.undo()
        policy.probe.cache_clear()
    assert policy.probe() == ""
