"""pandas views of a journal, for analysis and plots. Imported only when asked for."""

from __future__ import annotations

import pandas as pd

from .entries import CONTACT_FIELDS, INTERACTION_FIELDS
from .vocabulary import CATEGORIES, INTERACTION_KINDS, STATUSES


def contacts_frame(doc: dict) -> pd.DataFrame:
    """One row per contact, indexed by id; dates as datetimes, categories as ordered categoricals."""
    frame = pd.DataFrame(doc["contacts"], columns=["id", *CONTACT_FIELDS]).set_index("id")
    frame["category"] = pd.Categorical(frame["category"], categories=list(CATEGORIES))
    frame["status"] = pd.Categorical(frame["status"], categories=list(STATUSES), ordered=True)
    for column in ("added", "follow_up"):
        frame[column] = pd.to_datetime(frame[column], errors="coerce")
    return frame


def interactions_frame(doc: dict) -> pd.DataFrame:
    """One row per interaction, with the contact's name and category alongside."""
    frame = pd.DataFrame(doc["interactions"], columns=["id", *INTERACTION_FIELDS]).set_index("id")
    names = {c["id"]: (c["name"], c["category"]) for c in doc["contacts"]}
    frame["contact_name"] = frame["contact_id"].map(lambda cid: names.get(cid, ("", ""))[0])
    frame["category"] = pd.Categorical(
        frame["contact_id"].map(lambda cid: names.get(cid, ("", ""))[1]), categories=list(CATEGORIES)
    )
    frame["kind"] = pd.Categorical(frame["kind"], categories=list(INTERACTION_KINDS))
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    frame["minutes"] = frame["minutes"].astype("Int64")
    return frame
