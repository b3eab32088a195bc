"""nbgrader exchange plug-ins that keep collected work private (named in the course's nbgrader_config.py).

The one module of ``course/`` that imports nbgrader at its top: nbgrader loads it, through
``c.ExchangeFactory``, only in the instructor's collect and release_feedback; nothing else imports it.

- ``PrivateCollect``: nbgrader's collect copies each submission with ``shutil.copytree``, which keeps
  the exchange's modes (a 0777 folder, 0644 files); the collected copy is made owner-only.
- ``ReadableFeedbackRelease``: feedback pages are owner-only in the course, and release_feedback
  copies them with their mode; the released copy gets the 0644 that nbgrader's exchange relies on
  (the page's name is a secret hash in a folder others may pass through but not list).
"""

from __future__ import annotations

import os
import stat

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.release_feedback import ExchangeReleaseFeedback

from .private import make_private

RELEASED_PAGE = stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH


class PrivateCollect(ExchangeCollect):
    """nbgrader's collect, leaving every collected submission (and the folders above it) owner-only."""

    def do_copy(self, src, dest, log=None):
        super().do_copy(src, dest, log)
        make_private(dest)
        # submitted/ and submitted/STUDENT/, made by collect under whatever umask the instructor has.
        student_folder = os.path.dirname(os.path.abspath(dest))
        for folder in (student_folder, os.path.dirname(student_folder)):
            mode = stat.S_IMODE(os.lstat(folder).st_mode)
            if mode & 0o077:
                os.chmod(folder, mode & 0o700)


class ReadableFeedbackRelease(ExchangeReleaseFeedback):
    """nbgrader's release_feedback, giving each released page the mode students need to fetch it."""

    def copy_files(self):
        before = set(os.listdir(self.dest_path)) if os.path.isdir(self.dest_path) else set()
        super().copy_files()
        for name in os.listdir(self.dest_path):
            path = os.path.join(self.dest_path, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and (
                    name not in before or not info.st_mode & stat.S_IROTH):
                os.chmod(path, RELEASED_PAGE)
