"""The guard: an invisible anywidget inside every journal widget, its front-end half in ``_guard.js``.

ipywidgets alone cannot keep a focused dropdown's arrow keys from JupyterLab,
save when a field loses focus or the page goes, or notice that the kernel is
gone (the Python side cannot speak once it is). anywidget gives the widget a
few lines of browser code without a JupyterLab extension of our own to build.

The guard sends two messages: ``{"kind": "values", "values": {model_id: text}}``
(the text in each field as the browser has it, which may be ahead of what
ipywidgets has synced; the widget sets it and saves at once) and
``{"kind": "look"}`` (the student came back: look at the journal again).
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import ipywidgets as widgets

_ESM = (Path(__file__).with_name("_guard.js")).read_text(encoding="utf-8")
_CSS = (Path(__file__).with_name("_guard.css")).read_text(encoding="utf-8")


class Guard(anywidget.AnyWidget):
    """Invisible; calls ``on_values(values)`` and ``on_look()`` when the browser asks.

    Its stylesheet (``_guard.css``) holds the workbook's layout rules for the page.
    """

    _esm = _ESM
    _css = _CSS

    def __init__(self, on_values, on_look, **kwargs):
        super().__init__(layout=widgets.Layout(display="none"), **kwargs)
        self._on_values, self._on_look = on_values, on_look
        self.on_msg(self._received)

    def _received(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        if content.get("kind") == "values" and isinstance(content.get("values"), dict):
            self._on_values({str(k): v for k, v in content["values"].items() if isinstance(v, str)})
        elif content.get("kind") == "look":
            self._on_look()
