"""Labelled controls, a form that knows its fields, and escaped HTML pieces shared by the widgets."""

from __future__ import annotations

import contextlib
import datetime as dt
import html

import ipywidgets as widgets
from ..journal.fields import parse_date as parse_day  # noqa: F401 -- the widgets read stored dates the journal's way

# Labels share one column so the boxes line up; a label too long for it is shown in full instead of cut.
LABEL_COLUMN = "15em"
LABEL_COLUMN_CHARS = 26
STYLE = {"description_width": "initial"}
NONE = ""  # the value of "no choice" options: a Dropdown cannot tell a None option from no selection


def label_style(label: str) -> dict:
    """The description style that keeps ``label`` whole and, when it fits, in the shared column."""
    return {"description_width": LABEL_COLUMN if len(label) <= LABEL_COLUMN_CHARS else "initial"}


def text_field(label: str, placeholder: str = "", width: str = "36em") -> widgets.Text:
    return widgets.Text(description=label, placeholder=placeholder, style=label_style(label),
                        layout=widgets.Layout(width=width))


def long_field(label: str, rows: int = 3, placeholder: str = "", stacked: bool = False) -> widgets.Textarea:
    """A text area; ``stacked`` puts a long label above the box instead of beside it."""
    layout = widgets.Layout(width="95%", flex_flow="column" if stacked else "row")
    style = STYLE if stacked else label_style(label)
    return widgets.Textarea(description=label, placeholder=placeholder, rows=rows, style=style, layout=layout)


def choice_field(label: str, options, width: str = "36em") -> widgets.Dropdown:
    return widgets.Dropdown(description=label, options=list(options), style=label_style(label),
                            layout=widgets.Layout(width=width))


def date_field(label: str) -> widgets.DatePicker:
    # Wide enough for the label column plus a whole date and its calendar button.
    return widgets.DatePicker(description=label, style=label_style(label), layout=widgets.Layout(width="26em"))


def button(label: str, tooltip: str = "", style: str = "") -> widgets.Button:
    return widgets.Button(description=label, tooltip=tooltip or label, button_style=style,
                          layout=widgets.Layout(width="auto"))


def prompt(text: str, tag: str = "div") -> widgets.HTML:
    """Fixed or student text shown as HTML, escaped."""
    return widgets.HTML(f"<{tag}>{html.escape(text)}</{tag}>")


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def error_html(message: str) -> str:
    return (f'<div class="wb-error" role="alert" style="color:#b42318">'
            f"{html.escape(message)}</div>") if message else ""


def table_html(headers, rows, empty: str = "Nothing here yet.") -> str:
    """An HTML table of text cells, every cell escaped."""
    if not rows:
        return f"<p><em>{html.escape(empty)}</em></p>"
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{html.escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return f"<table class='wb-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def contact_label(contact: dict) -> str:
    """How a contact appears in a chooser: name, and the organization when there is one."""
    org = contact.get("organization")
    return f"{contact['name']} ({org})" if org else contact["name"]


def contact_options(contacts, blank: str, exclude: str | None = None) -> list[tuple[str, str]]:
    """Chooser options: a blank first, then every contact by name."""
    ordered = sorted((c for c in contacts if c["id"] != exclude),
                     key=lambda c: (c["name"].casefold(), str(c.get("organization") or "").casefold()))
    return [(blank, NONE)] + [(contact_label(c), c["id"]) for c in ordered]


def set_options(dropdown: widgets.Dropdown, options, value) -> None:
    """Replace a chooser's options and keep ``value`` selected (the blank when it is gone)."""
    values = [v for _, v in options]
    if list(dropdown.options) != list(options):
        dropdown.options = options
    dropdown.value = value if value in values else values[0]


class Form:
    """Named controls with a message line under each, change notifications and quiet loading."""

    def __init__(self, fields: dict):
        self.fields = fields
        self.messages = {key: widgets.HTML() for key in fields}
        self._quiet = 0
        self._listeners = []
        for key, control in fields.items():
            control.observe(lambda change, key=key: self._changed(key), "value")

    @contextlib.contextmanager
    def quietly(self):
        """Change values without it counting as the student's edit."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    @property
    def loading(self) -> bool:
        return self._quiet > 0

    def on_change(self, callback) -> None:
        self._listeners.append(callback)

    def _changed(self, key: str) -> None:
        if self._quiet:
            return
        self.messages[key].value = ""
        for callback in self._listeners:
            callback()

    def row(self, key: str, label: widgets.Widget | None = None) -> widgets.VBox:
        parts = [label] if label is not None else []
        return widgets.VBox([*parts, self.fields[key], self.messages[key]])

    def values(self) -> dict:
        return {key: control.value for key, control in self.fields.items()}

    def load(self, values: dict) -> None:
        with self.quietly():
            for key, value in values.items():
                if key in self.fields:
                    self.fields[key].value = value

    def field_for(self, name) -> str | None:
        """The form key an error's field name refers to ("interviews.answers.skills" -> "answers.skills")."""
        if not isinstance(name, str):
            return None
        parts = name.split(".")
        for start in range(len(parts)):
            candidate = ".".join(parts[start:])
            if candidate in self.fields:
                return candidate
        return None

    def show_error(self, field, message: str) -> bool:
        """Put ``message`` under the field it concerns; False when no field matches."""
        key = self.field_for(field)
        if key is None:
            return False
        self.messages[key].value = error_html(message)
        return True

    def clear_errors(self) -> None:
        for message in self.messages.values():
            message.value = ""
