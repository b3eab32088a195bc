"""The last steps inside the sandbox before a kernel runs a line of a student's code.

Run as a script (fresh kernels: ``python -P _confine.py LIMITS -f CONNECTION ...``) or loaded by file
path into the kernel template (forked kernels); it imports nothing of the workbook, so a kernel's
modules are those of a kernel jupyter_client would start.

``confine`` sets the resource limits, makes the process undumpable (no other process of the same user
may read its memory through /proc) and forbids gaining privileges. ``nest`` gives a kernel forked in
a worker's sandbox namespaces of its own (user, mount, PID, IPC): it sees only its own folder at
/submission and its own socket folder, and, as PID 1 of its namespace, takes every process it starts
with it when it dies.
"""

import ctypes
import json
import os
import resource
import signal
import sys

PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT = 1, 4, 24, 38, 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
CLONE_NEWNS, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWIPC = 0x00020000, 0x10000000, 0x20000000, 0x08000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 4096, 16384, 1 << 18
WORK = "/submission"
PARK = "/.park"  # an empty folder of the template's sandbox (policy.PARK)
SHOWN_PARK = "/.shown"  # empty folders of the template's sandbox, numbered (policy.SHOWN_PARK)
MS_REMOUNT = 32
MNT_DETACH = 2

_libc = ctypes.CDLL(None, use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_capabilities() -> None:
    """Give up every capability, for good (bounding and ambient sets included)."""
    for cap in range(64):
        if _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == 22:  # EINVAL: no such cap
            break
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    _check(_libc.capset(ctypes.byref(_CapHeader(0x20080522, 0)), (_CapData * 2)()), "capset")


def confine(limits: dict) -> None:
    """Apply ``limits`` (bytes of memory, processes, bytes per file written) and shut off privileges."""
    for name, value in (("RLIMIT_AS", limits.get("memory")), ("RLIMIT_NPROC", limits.get("processes")),
                        ("RLIMIT_FSIZE", limits.get("file_size")), ("RLIMIT_CORE", 0)):
        if value is not None:
            resource.setrlimit(getattr(resource, name), (int(value), int(value)))
    # A write past the file-size limit fails with EFBIG instead of killing the kernel outright.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    drop_capabilities()
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    _check(_libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "dumpable")


def _mount(source, target, fstype, flags, data=None) -> None:
    _check(_libc.mount(source.encode() if source else None, target.encode(), fstype.encode() if fstype else None,
                       flags, data.encode() if data else None), f"mount {target}")


def _write(path: str, text: str) -> None:
    with open(path, "w") as handle:
        handle.write(text)


def nest(root: str, slot: str, shown=()) -> None:
    """Shut this (forked, single-threaded) process into namespaces of its own; returns in the new PID namespace.

    ``root`` holds every kernel's slot of this worker; ``slot`` (a folder in it) holds this kernel's
    ``work`` folder, bound at /submission, and its ``sock`` folder, kept at its own path. /tmp (and
    ``root``) are fresh, empty tmpfs: nothing of another slot or an earlier kernel is in sight. The caller continues as PID 1 of a new PID
    namespace; the process that called ``nest`` waits for it and exits with it. ``shown``: read-only
    folders inside /tmp (an interpreter installed there) that the new /tmp must not cover.
    """
    uid, gid = os.geteuid(), os.getegid()
    # Root (whose template keeps CAP_SYS_ADMIN for this) needs no user namespace, and could not map
    # itself into one without CAP_SETFCAP; anyone else gets one, as bubblewrap itself does.
    as_user = uid != 0
    _check(_libc.unshare((CLONE_NEWUSER if as_user else 0) | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWIPC), "unshare")
    if as_user:
        _map_self(uid, gid)
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    sock = os.path.join(slot, "sock")
    _mount(os.path.join(slot, "work"), WORK, None, MS_BIND)
    _mount(sock, PARK, None, MS_BIND)  # parked while every other slot is covered
    for n, folder in enumerate(shown):
        _mount(folder, f"{SHOWN_PARK}{n}", None, MS_BIND | MS_REC)
    # A /tmp of its own hides every other slot (the worker's root lies in the template's /tmp) and
    # whatever earlier kernels of this worker left in /tmp; then the socket folder comes back.
    _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    if not (root + os.sep).startswith("/tmp/"):
        _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755")
    os.makedirs(sock)
    _mount(PARK, sock, None, MS_BIND)
    _check(_libc.umount2(PARK.encode(), MNT_DETACH), "umount")
    for n, folder in enumerate(shown):
        os.makedirs(folder)
        _mount(f"{SHOWN_PARK}{n}", folder, None, MS_BIND | MS_REC)
        _mount(None, folder, None, MS_REMOUNT | MS_BIND | MS_RDONLY)
        _check(_libc.umount2(f"{SHOWN_PARK}{n}".encode(), MNT_DETACH), "umount")
    child = os.fork()  # the first child of a new PID namespace is its PID 1
    if child:
        _wait_and_exit(child)
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # dies with the waiting parent
    if as_user:
        # The mounts above were made in this user namespace, so a process with its capabilities could
        # undo them; a further user and mount namespace locks them in place (mounts copied into a less
        # privileged namespace cannot be unmounted to reveal what they cover). Root drops its
        # capabilities in confine() instead.
        _check(_libc.unshare(CLONE_NEWUSER | CLONE_NEWNS), "unshare (lock)")
        _map_self(uid, gid)
    os.chdir(WORK)


def _map_self(uid: int, gid: int) -> None:
    _write("/proc/self/setgroups", "deny")
    _write("/proc/self/uid_map", f"{uid} {uid} 1")
    _write("/proc/self/gid_map", f"{gid} {gid} 1")


def _wait_and_exit(child: int) -> None:
    # This process is the kernel's parent outside its namespace: it reaps it and leaves with it.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)
    while True:
        try:
            pid, status = os.waitpid(child, 0)
        except ChildProcessError:
            os._exit(0)
        except InterruptedError:
            continue
        if pid == child:
            os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


# What ipykernel is told in the sandbox, fresh or forked: never put the student's folder on sys.path,
# and (having no JPY_PARENT_PID, whose process it could not see) print no "ipython kernel" banner.
KERNEL_ARGUMENTS = ("--IPKernelApp.ignore_cwd=True", "--IPKernelApp.log_level=CRITICAL")


def run_kernel(argv: list) -> None:
    """Start ipykernel as ``python -m ipykernel_launcher ARGV`` would, never importing from the student's folder.

    Not even last on sys.path: an editable install's finder comes after the path finder, which would
    then find a submitted ``workbook/`` first.
    """
    sys.argv = ["ipykernel_launcher", *argv, *KERNEL_ARGUMENTS]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    # Run with ``python -P``: neither this script's folder nor the kernel's is on sys.path.
    confine(json.loads(sys.argv[1]))
    run_kernel(sys.argv[2:])
