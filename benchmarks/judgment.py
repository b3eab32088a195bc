"""How fairly the text checks judge the labelled corpus (tests/checks/corpus), against issue 13's targets.

    python -m benchmarks judgment

Per check and item: good examples wrongly failed (false rejections), bad examples passed on the very
item that names their flaw (false acceptances), and the share sent to a person (review), for the
examples the checks were shaped on ("tune") and for those held out ("heldout"). Nothing is asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support import corpus  # noqa: E402 -- the corpus loader lives with the tests that share it

# Issue 13's targets: at least 97 of 100 good examples lose no point to a wrong verdict; at most one bad
# example in four scores on the item that names its flaw; at most one good example in ten goes to review.
TARGETS = {"good_without_wrong_rejection": 0.97, "max_false_acceptance": 0.25, "max_good_to_review": 0.10}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def summarise(examples: list[corpus.Example]) -> dict:
    """Counts and shares for one set of examples: overall and per item."""
    per_item: dict[str, dict] = {}
    good = good_rejected = good_reviewed = 0
    for example in examples:
        judged = corpus.verdicts(example)
        for v in judged:
            row = per_item.setdefault(v.item, {"good": 0, "false_rejections": 0, "good_to_review": 0,
                                               "bad": 0, "false_acceptances": 0, "bad_to_review": 0})
            if v.expected:
                row["good"] += 1
                row["false_rejections"] += v.wrong
                row["good_to_review"] += v.review
            else:
                row["bad"] += 1
                row["false_acceptances"] += v.wrong
                row["bad_to_review"] += v.review
        if example.good:
            good += 1
            good_rejected += any(v.wrong for v in judged)
            good_reviewed += any(v.review for v in judged)
    for row in per_item.values():
        row["false_acceptance_share"] = _share(row["false_acceptances"], row["bad"])
    return {
        "examples": len(examples), "good": good,
        "good_without_wrong_rejection": _share(good - good_rejected, good),
        "good_to_review": _share(good_reviewed, good),
        "items": per_item,
    }


def _meets(summary: dict) -> dict:
    worst = max((row["false_acceptance_share"] or 0.0) for row in summary["items"].values()) \
        if summary["items"] else 0.0
    return {
        "good_without_wrong_rejection": (summary["good_without_wrong_rejection"] or 1.0)
        >= TARGETS["good_without_wrong_rejection"],
        "false_acceptance": worst <= TARGETS["max_false_acceptance"],
        "good_to_review": (summary["good_to_review"] or 0.0) <= TARGETS["max_good_to_review"],
    }


def wrong(split: str | None = None) -> list[str]:
    """Every wrong or reviewed verdict, one line each: for reading while shaping the checks."""
    lines = []
    for example in corpus.examples(split=split):
        for v in corpus.verdicts(example):
            if v.wrong or v.review:
                what = "REVIEW" if v.review else ("FALSE REJECTION" if v.expected else "FALSE ACCEPTANCE")
                lines.append(f"{what:16} {example.check}/{example.id} {v.item}")
    return lines


def run() -> dict:
    results = {"targets": TARGETS}
    for split in corpus.SPLITS:
        by_check = {}
        for check in corpus.CHECKS:
            summary = summarise(corpus.examples(check, split))
            summary["meets_targets"] = _meets(summary)
            by_check[check] = summary
        results[split] = by_check
    return results


if __name__ == "__main__":
    print("\n".join(wrong(sys.argv[1] if len(sys.argv) > 1 else None)))
