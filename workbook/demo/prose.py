"""What the demo's synthetic students write about their informational interviews.

Each required question has a few answers in the voice of a student's notes,
with the interviewee's first name, organization and field filled in, so a
class reads like many different conversations. Good answers are long and
varied enough to pass the interview check; thin ones are the kind of
half-note that does not. Everything is picked with the caller's seeded
``random.Random``.
"""

from __future__ import annotations

import random

GOOD_ANSWERS: dict[str, tuple[str, ...]] = {
    "average_day": (
        "{first} starts most days with a quick team check-in, spends the morning on client work and the "
        "afternoon on planning and email; the usual hours are eight to five.",
        "No two days look alike: a typical week mixes hands-on {field} work, two or three long meetings, "
        "and one afternoon kept free for paperwork and records.",
        "The day begins around half past seven with a look at the schedule; most hours go to working "
        "directly with people, and the last one to writing up notes.",
    ),
    "working_conditions": (
        "{organization} has an open-plan office with one quiet room; the team is about a dozen people and "
        "everyone may work from home one day each week.",
        "The setting is busy and sometimes loud, deadlines bunch up at the end of each month, but colleagues "
        "cover for each other when things get tight.",
        "Much of the work happens on site rather than at a desk, so sturdy shoes and patience with changing "
        "plans matter more than a fancy office.",
    ),
    "likes_dislikes": (
        "{first} loves seeing a project make a visible difference to real people, and dislikes the reporting "
        "that takes time away from the actual work.",
        "The best parts are the variety and the colleagues; the worst are the occasional evening shift and "
        "budgets that never quite stretch far enough.",
        "What keeps {first} in {field} is learning something new every month; the frustrating part is "
        "waiting on slow approvals from other departments.",
    ),
    "preparation": (
        "A degree in a related subject opened the door, but {first} said the internship in the final year "
        "taught more than any single course did.",
        "Most of the team came through a college program plus a certificate; volunteering in {field} "
        "beforehand helped {first} stand out at the first interview.",
        "Formal training matters, yet employers also look for summer or part-time experience, so {first} "
        "recommends pairing classes with a placement as early as possible.",
    ),
    "skills": (
        "Clear writing, careful attention to detail, and staying calm with an upset client were the three "
        "skills {first} named first, in that order.",
        "You need to be organised, curious and comfortable with spreadsheets; listening well turns out to "
        "matter as much as the technical knowledge does.",
        "Teamwork and time management come up every day, along with explaining complicated ideas in plain "
        "words to people outside {field}.",
    ),
    "entry_earnings": (
        "Starting salaries in this region are modest, roughly in the mid forties, and they climb steadily "
        "after the first two or three years.",
        "{first} said new staff usually begin near the bottom of the pay band, with a raise after probation "
        "and bigger steps after a professional certificate.",
        "Entry pay depends a lot on the employer: large organisations pay more and offer better benefits, "
        "while small ones give broader experience instead.",
    ),
    "advancement": (
        "People often move from a junior role to a senior one within four or five years, and some later "
        "lead a team or start their own practice.",
        "Growth at {organization} comes from taking on bigger projects; {first} was promoted after "
        "volunteering to coordinate a difficult one nobody else wanted.",
        "There is a clear ladder with three levels, and moving to another organisation is a common way to "
        "jump a level faster.",
    ),
    "outlook": (
        "Demand in {field} is growing because many experienced people retire soon, so {first} expects steady "
        "hiring for at least the next ten years.",
        "The market is crowded in the city but much easier in smaller towns, and new software keeps changing "
        "which tasks the job involves.",
        "Funding is the main uncertainty; even so, {first} sees more openings every year and thinks people "
        "with digital skills will be wanted.",
    ),
    "advice": (
        "Talk to as many people in the field as you can, keep in touch with them, and say yes to any chance "
        "to shadow someone for a day.",
        "{first} suggested joining the student chapter of the professional association, because that is "
        "where most openings are mentioned first.",
        "Build experience early through volunteering or a part-time job, and keep a simple record of what "
        "you did so you can describe it later.",
    ),
}

# Notes a student meant to finish later: blank, a placeholder, or a few words.
THIN_ANSWERS = ("", "n/a", "tbd", "Busy.", "It depends on the day.", "Good, mostly.", "Pretty normal hours.",
                "They said it was fine.")

GOOD_LEARNED = (
    "I had not realised how much of {field} is talking with people outside the team, or that an internship "
    "weighs as much as grades when {organization} hires.",
    "The path into this job is less fixed than I thought, certificates matter mostly after the first job, "
    "and the work itself changes every year.",
    "Three things surprised me: how early the day starts, how much writing the role involves, and that "
    "{organization} takes students for summer projects.",
)
THIN_LEARNED = ("A lot.", "It was interesting.", "Many things about the job.")

NEXT_STEPS = (
    "Write to {next} this month and look for a volunteer role in {field} before the spring term.",
    "Sign up for the related elective next term and ask {next} whether I could visit for a day.",
    "Update my resume with the skills {first} named and send it to {next} with a short note.",
)
THIN_NEXT_STEPS = ("Not sure yet.", "Think about it.")

REFLECTIONS = (
    {"went_well": "My one-minute introduction felt natural, and {first} relaxed once I said I was not asking "
                  "for a job, only for advice.",
     "surprised": "How openly {first} talked about pay, and how many of the team started in a different field.",
     "do_better": "I ran five minutes over; next time I will watch the clock and stop at the time I asked for."},
    {"went_well": "I had my questions printed, so I could listen instead of trying to remember what came next.",
     "surprised": "That {organization} hires so many people through referrals from its own staff.",
     "do_better": "I should have researched {organization} more, so I could ask sharper questions about its "
                  "recent projects."},
    {"went_well": "Asking about an average day first got {first} talking easily, and the rest followed from it.",
     "surprised": "How much of the job is paperwork compared with the hands-on part I had imagined.",
     "do_better": "Take shorter notes during the call and write them up the same evening, while it is fresh."},
)
THIN_REFLECTION = {"went_well": "It was fine.", "surprised": "Nothing really.", "do_better": "Be better prepared."}


def _fill(text: str, values: dict) -> str:
    return text.format(**values)


def good_answer(rng: random.Random, question_id: str, values: dict) -> str:
    """A full answer to one required question; ``values`` holds first, organization and field."""
    return _fill(rng.choice(GOOD_ANSWERS[question_id]), values)


def thin_answer(rng: random.Random) -> str:
    """A note too thin to count as an answer."""
    return rng.choice(THIN_ANSWERS)


def learned(rng: random.Random, values: dict, thin: bool = False) -> str:
    """What the student says they learned."""
    return rng.choice(THIN_LEARNED) if thin else _fill(rng.choice(GOOD_LEARNED), values)


def next_steps(rng: random.Random, values: dict, thin: bool = False) -> str:
    """The student's next steps; ``values`` also holds ``next``, the suggested person's name."""
    return rng.choice(THIN_NEXT_STEPS) if thin else _fill(rng.choice(NEXT_STEPS), values)


def reflection(rng: random.Random, values: dict, thin: bool = False) -> dict:
    """The three-part reflection graded by hand."""
    if thin:
        return dict(THIN_REFLECTION)
    return {key: _fill(text, values) for key, text in rng.choice(REFLECTIONS).items()}


def thank_you_note(values: dict, student: str, learned: str, next_steps: str, thin: bool = False) -> str:
    """The thank-you note, drawn from what the student learned and will do (no random draw: the seeded
    stream of the rest of the demo stays as it was)."""
    if thin:
        return "Thanks for your time, it was really helpful!"
    step = next_steps[:1].lower() + next_steps[1:]
    return (f"Dear {values['first']},\n\nThank you for taking the time to talk with me. {learned}\n\n"
            f"Next, I will {step}\n\nBest regards,\n{student}")
