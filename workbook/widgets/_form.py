"""Labelled controls, a form that knows its fields, and escaped HTML pieces shared by the widgets."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import weakref

import ipywidgets as widgets
from ..journal.fields import parse_date as parse_day  # noqa: F401 -- the widgets read stored dates the journal's way
from ..journal.fields import visible_text

# Labels share one column so the boxes line up; a label too long for it is shown in full instead of cut.
LABEL_COLUMN = "15em"
LABEL_COLUMN_CHARS = 26
STYLE = {"description_width": "initial"}
NONE = ""  # the value of "no choice" options: a Dropdown cannot tell a None option from no selection
NAME_CLASS = "wb-name"  # a field holding a name: hidden characters are removed from it (journal/fields.py)

# Every text control by its model id, so the guard's "text on screen" message can find it.
TEXT_CONTROLS: "weakref.WeakValueDictionary[str, widgets.Widget]" = weakref.WeakValueDictionary()


def label_style(label: str) -> dict:
    """The description style that keeps ``label`` whole and, when it fits, in the shared column."""
    return {"description_width": LABEL_COLUMN if len(label) <= LABEL_COLUMN_CHARS else "initial"}


def fit_width(label: str, chars: int) -> str:
    """A control's width: its label's column plus room for ``chars`` characters and the control's chrome.

    ``ch`` is the width of a digit; letters of a proportional font average less, and
    ``1.15ch`` a character leaves room for wide ones (W, M) in a short value.
    """
    column = LABEL_COLUMN if len(label) <= LABEL_COLUMN_CHARS else f"{len(label) * 0.6 + 1:.1f}em"
    return f"calc({column} + {chars * 1.2:.1f}ch + 4.5em)"


def _tracked(control):
    TEXT_CONTROLS[control.model_id] = control
    control.add_class(f"wb-id-{control.model_id}")
    return control


def text_field(label: str, placeholder: str = "", width: str = "36em", *, chars: int | None = None,
               name: bool = False) -> widgets.Text:
    """A one-line text box; ``chars`` sizes it for a short value, ``name`` applies the rules of names."""
    control = widgets.Text(description=label, placeholder=placeholder, style=label_style(label),
                           layout=widgets.Layout(width=fit_width(label, chars) if chars else width))
    if chars:
        control.add_class("wb-short")
    if name:
        control.add_class(NAME_CLASS)
    return _tracked(control)


def long_field(label: str, rows: int = 3, placeholder: str = "", stacked: bool = False) -> widgets.Textarea:
    """A text area; ``stacked`` puts a long label above the box instead of beside it."""
    layout = widgets.Layout(width="95%", flex_flow="column" if stacked else "row")
    style = STYLE if stacked else label_style(label)
    return _tracked(widgets.Textarea(description=label, placeholder=placeholder, rows=rows, style=style,
                                     layout=layout))


def option_labels(options) -> list[str]:
    return [str(o[0]) if isinstance(o, tuple) else str(o) for o in options]


def choice_field(label: str, options, width: str | None = None, *, longest: int = 0) -> widgets.Dropdown:
    """A dropdown as wide as its longest option (or ``longest`` characters, for options that grow)."""
    chars = max([len(text) for text in option_labels(options)] + [longest, 6])
    return widgets.Dropdown(description=label, options=list(options), style=label_style(label),
                            layout=widgets.Layout(width=width or fit_width(label, chars)))


def date_field(label: str) -> widgets.DatePicker:
    # Wide enough for the label column plus a whole date and its calendar button.
    return widgets.DatePicker(description=label, style=label_style(label),
                              layout=widgets.Layout(width=fit_width(label, 14)))


def button(label: str, tooltip: str = "", style: str = "") -> widgets.Button:
    # flex none: a button beside a long message keeps its whole label instead of shrinking to "Sa...".
    return widgets.Button(description=label, tooltip=tooltip or label, button_style=style,
                          layout=widgets.Layout(width="auto", flex="none", overflow="visible"))


def row(*children, **layout) -> widgets.HBox:
    """Controls side by side that wrap onto the next line in a narrow window."""
    return widgets.HBox(list(children), layout=widgets.Layout(flex_flow="row wrap", align_items="center",
                                                              **layout))


def message_box(**layout) -> widgets.HTML:
    """An HTML line that takes the room left beside a button and wraps its text."""
    return widgets.HTML(layout=widgets.Layout(flex="1 1 16em", min_width="0", **layout))


def heading(text: str) -> widgets.HTML:
    """A section heading inside a widget: h3, the level under the notebook's own ## sections."""
    return widgets.HTML(f"<h3 class='wb-heading'>{html.escape(text)}</h3>")


def prompt(text: str, tag: str = "div") -> widgets.HTML:
    """Fixed or student text shown as HTML, escaped."""
    return widgets.HTML(f"<{tag}>{html.escape(text)}</{tag}>")


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def error_html(message: str) -> str:
    return (f'<div class="wb-error" role="alert" style="color:#b42318">'
            f"{html.escape(message)}</div>") if message else ""


def notice_html(message: str) -> str:
    return f'<div class="wb-notice" role="status" style="color:#555">{html.escape(message)}</div>' if message else ""


def table_html(headers, rows, empty: str = "Nothing here yet.", label: str = "") -> str:
    """An HTML table of text cells, every cell escaped."""
    if not rows:
        return f"<p><em>{html.escape(empty)}</em></p>"
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'>{html.escape(str(c))}</td>" for c in row) + "</tr>"
        for row in rows
    )
    # The box scrolls, not the notebook: a wide table keeps its scrollbar in view, under the rows.
    return (f"<div class='wb-scroll' tabindex='0' role='region' aria-label='{html.escape(label or 'table')}' "
            f"style='overflow:auto;max-width:100%;max-height:28em'>"
            f"<table class='wb-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


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
        """Clear the errors under the fields; a notice (what was removed from a name) stays until the next edit."""
        for message in self.messages.values():
            if "wb-notice" not in message.value:
                message.value = ""

    def label(self, key: str) -> str:
        """What the student sees as the name of field ``key`` (a journal key like "parts.fit" works too)."""
        found = self.field_for(key)
        description = self.fields[found].description if found else ""
        return description.rstrip(" :") or key

    def clean_names(self) -> dict[str, list[str]]:
        """Remove hidden characters from every name field on screen; ``{key: names of what was removed}``."""
        removed = {}
        for key, control in self.fields.items():
            if NAME_CLASS in control._dom_classes and isinstance(control.value, str):
                kept, gone = visible_text(control.value)
                if gone:
                    with self.quietly():
                        control.value = kept
                    removed[key] = gone
                    self.messages[key].value = notice_html(
                        f"Removed {len(gone)} invisible or direction-changing character(s) from "
                        f"{self.label(key)} ({', '.join(sorted(set(gone)))}): a name holds only characters that show.")
        return removed
