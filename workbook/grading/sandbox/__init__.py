"""Every grading kernel in a bubblewrap sandbox: it sees the interpreter and one student's files, nothing else.

May import: the standard library, jupyter_client, ``workbook.system``, ``workbook.errors`` and ``grading.kernels``
(the template it forks from); nothing else of the workbook (``_confine.py`` runs inside the sandbox and imports
nothing at all).

- ``policy``: what a kernel may see and use (read-only system and interpreter, its own folder, limits),
  the bubblewrap command line, and whether bubblewrap can run here;
- ``manager``: the kernel manager nbgrader's Execute uses: each kernel in a fresh sandbox, or (for
  ``workbook autograde``) forked inside one sandbox per worker and then shut into namespaces of its own;
- ``_confine``: the last steps inside the sandbox before ipykernel starts: limits, no ptrace, the
  per-kernel namespaces of a forked kernel.

A kernel's folder is a private copy of the student's grading folder (regular files only), seen at
``/submission``: what the student's code writes there never reaches the course, the gradebook or the
feedback. Its connection file and ZMQ sockets (``ipc`` transport, since the kernel has no network)
sit in a folder of their own, bound at the same path inside and out.
"""
