"""One rule set: the checks a student runs in a notebook are the ones the autograder calls.

Each check is a pure function that returns a `Report`.
"""

from .follow_up import check_follow_up
from .interview import check_interview
from .network import check_network, check_network_map
from .pitch import check_pitch
from .question_plan import check_question_plan
from .report import Item, Report
from .request_email import check_request_email

__all__ = [
    "Item", "Report", "check_follow_up", "check_interview", "check_network", "check_network_map",
    "check_pitch", "check_question_plan", "check_request_email",
]
