"""An nbgrader step that makes a graded notebook safe to open: no student script runs in a grader's browser.

Run in the autograde pipeline (so the formgrader shows the sanitized
notebook) and again when feedback is generated. Student-authored markdown is
rendered with nbconvert's own renderer and cleaned by nh3 (the Ammonia HTML
sanitizer), and stored as that clean HTML; every output keeps only the kinds
of data a page can show without running code (plain text, cleaned HTML and
markdown, real base64 images), with no output metadata (which can name files
to load). Locked cells are the instructor's and are left as they are, but
their outputs are cleaned too: a student's code produced them.
"""

from __future__ import annotations

import re

import nh3
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool
from nbgrader import utils

KEPT_IMAGES = ("image/png", "image/jpeg", "image/gif")
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_CELL_ID = re.compile(r"[a-zA-Z0-9-_]{1,64}")
# Tags a notebook page may show; links keep only safe schemes (nh3's default), no style or script.
TAGS = nh3.ALLOWED_TAGS | {"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
                           "pre", "code", "span", "div", "dl", "dt", "dd", "sup", "sub", "hr", "br", "img"}
ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "*": {"class", "title", "colspan", "rowspan", "align"},
              "img": {"alt", "width", "height"}}


def clean_html(html: str) -> str:
    """``html`` with everything that could run or load something removed."""
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     strip_comments=True)


def markdown_html(source: str) -> str:
    """Markdown rendered as nbconvert renders it for a page, then cleaned."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return clean_html(markdown2html_mistune(source))


def clean_output(output) -> None:
    """Keep only what a page shows without running code; drop metadata."""
    if "metadata" in output:
        output["metadata"] = {}
    data = output.get("data")
    if data is None:
        return
    kept = {}
    if isinstance(data.get("text/plain"), (str, list)):
        kept["text/plain"] = data["text/plain"]
    for mime in ("text/html", "text/markdown"):
        value = data.get(mime)
        if isinstance(value, list):
            value = "".join(value)
        if isinstance(value, str):
            kept["text/html"] = clean_html(value) if mime == "text/html" else markdown_html(value)
            break
    for mime in KEPT_IMAGES:
        value = data.get(mime)
        if isinstance(value, str) and _BASE64.fullmatch(value):
            kept[mime] = value
    if not kept:
        kept["text/plain"] = "[output not shown: it could run code in the reader's browser]"
    output["data"] = kept


class SanitizeStudentContent(Preprocessor):
    """Clean student markdown and every output of a notebook before anyone's browser shows it."""

    enabled = Bool(True, help="Run this step (nbconvert's own preprocessors default to off).").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if not _CELL_ID.fullmatch(str(cell.get("id", "x"))):
            cell["id"] = f"cell-{index}"
        cell.pop("attachments", None)
        if cell.cell_type == "markdown" and not utils.is_locked(cell):
            cell.source = markdown_html(cell.source)
        for output in cell.get("outputs", []):
            clean_output(output)
        return cell, resources
