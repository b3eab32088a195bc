"""Write the instructor's model answers: ``python source/model_answers.py`` (from the course root).

Each assignment folder in source/ holds a ``journal.json`` that earns full marks, so ``nbgrader
validate source/ASSIGNMENT/ASSIGNMENT.ipynb`` passes and the source notebook's widgets show the
instructor what a full-marks submission looks like. The course's nbgrader_config.py keeps these
files out of release/ and never copies them over a student's journal when autograding. They are
written through the same typed-answers functions the assignments offer, so they have exactly the
shape the widgets save. Their dates are fixed days already past: a date that is past stays past,
and no rule ties a journal to the term.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parent
sys.path.insert(0, str(SOURCE.parent))

from workbook.grading import answers  # noqa: E402

STUDENT = "Sam Lee"  # the model student; the request email is signed with this name

INTERVIEW = {
    "name": "Dana Whitfield", "category": "alumni", "occupation": "Environmental engineer",
    "organization": "Riverbend Water Authority", "date": "2026-10-20", "minutes": 30,
    "answers": {
        "average_day": "Mornings go to site inspections at the treatment plant; afternoons are design reviews "
                       "and calls with contractors, usually eight to five with a late night before deadlines.",
        "working_conditions": "About half the week is outdoors in all weather, the rest in an open office; "
                              "the team is small, friendly and shares the on-call rota fairly.",
        "likes_dislikes": "She likes seeing a project protect a whole town's water, and dislikes the slow "
                          "permit paperwork that can stall good work for months.",
        "preparation": "A civil or environmental engineering degree, one summer internship with a utility, "
                       "and later the professional engineer licence after four years of supervised work.",
        "skills": "Careful numerical modelling, clear report writing, patience with regulators, and the knack "
                  "of explaining technical risks to council members without jargon.",
        "entry_earnings": "New graduates in this region start somewhere near sixty thousand a year, rising "
                          "noticeably once they pass the licence exam and lead projects.",
        "advancement": "People move from staff engineer to project lead within five years, then toward "
                       "managing a department or specialising as a consultant on flood risk.",
        "outlook": "Demand is strong because ageing pipes and stricter rules on runoff mean every county "
                   "needs more engineers than universities currently produce.",
        "advice": "Take the hydrology elective, join the student chapter of the water association, and ask "
                  "for a field day with a utility before choosing a specialty.",
    },
    "learned": "I had not realised how much of the job is communication with the public, that licensing "
               "takes four supervised years, and that small utilities hire interns every summer.",
    "next_steps": "Email Priya Raman this week and sign up for the hydrology elective next term.",
    "thank_you_sent": "2026-10-21",
    "thank_you_note": "Dear Ms. Whitfield,\n\nThank you for your time yesterday. I had not expected how much of "
                      "your week goes to public meetings on flood risk, and your tip about the hydrology elective "
                      "was exactly what I needed.\n\nI will write to Priya Raman this week and sign up for the "
                      "elective next term.\n\nBest regards,\nSam Lee",
    "next_contact": {"name": "Priya Raman", "occupation": "Hydrologist", "organization": "State Water Board"},
    "reflection": {
        "went_well": "My thirty-second pitch opened the call naturally, and because I had read the authority's "
                     "annual report Dana answered the salary question with real figures.",
        "surprised": "She spends more of her week in public meetings explaining flood risk than running models, "
                     "which changes which courses I should take.",
        "do_better": "Next time I will put my questions in priority order and keep a visible clock, because we "
                     "ran four minutes over and I never reached the question on advancement until the end.",
    },
}

CONTACTS = [
    {"name": "Rosa Alvarez", "category": "family_friends", "occupation": "Nurse", "organization": "Mercy Hospital",
     "how_found": "My aunt", "why": "She knows how hospital teams hire"},
    {"name": "Leo Park", "category": "work", "occupation": "Data analyst", "organization": "Northwind",
     "introduced_by": "Rosa Alvarez", "how_found": "Rosa's neighbour", "why": "He analyses hospital data"},
    {"name": "Dr. Amal Haddad", "category": "school", "occupation": "Professor", "how_found": "Statistics professor",
     "why": "She supervises student research projects"},
    {"name": "Jun Sato", "category": "alumni", "occupation": "Planner", "organization": "County Planning",
     "how_found": "Alumni directory", "why": "Graduated into county planning"},
    {"name": "Priya Nair", "category": "associations", "how_found": "Hiking club treasurer",
     "why": "Works for the parks department"},
    {"name": "Tom Becker", "category": "community", "how_found": "Volunteer at the food bank",
     "why": "Runs logistics for a regional charity"},
    {"name": "Ines Costa", "category": "online", "how_found": "Water-quality forum", "why": "Writes about monitoring"},
    {"name": "Mark Olsen", "category": "work", "how_found": "My manager at the cafe", "why": "Knows local employers"},
    {"name": "Dana Levi", "category": "school", "how_found": "Lab partner", "why": "Interning at a utility"},
    {"name": "Omar Said", "category": "family_friends", "how_found": "Family friend", "why": "Civil engineer"},
]

PITCH = {
    "name_studies": "I'm Sam Lee, a third-year biology student with a minor in data science.",
    "career_interest": "I want to work in public health research on water quality.",
    "position_sought": "I'm looking for a summer research internship in a county lab.",
    "experience": "Last summer I sampled creeks for the watershed council and mapped the results.",
    "leadership_teamwork": "I lead the field team of our campus environmental club.",
}

QUESTIONS = [
    "What does a typical week look like in your role?",
    "How did you get into this career?",
    "What training best prepared you for the work?",
    "Which skills matter most in your daily tasks?",
    "What is the work environment like in your organization?",
    "How does your organization fill its openings?",
    "What is a typical starting salary range in this field?",
    "How do you see the outlook for this field over the next decade?",
    "What do you like most and least about the job?",
    "Who else would you suggest I speak with?",
]

EMAIL = {
    "your_name": "Sam Lee", "subject": "A short conversation about your work",
    "body": "Dear Ms. Whitfield,\n\nProfessor Diaz suggested I contact you. I am a biology student curious "
            "about water engineering, and I would value your advice and information about the field; I am "
            "not asking for a job. Could we talk for 20 minutes at your convenience?\n\nBest regards,\nSam Lee",
}

WRITERS = {
    "informational_interview": lambda folder: answers.save_typed_interview(INTERVIEW, folder=folder),
    "network_map": lambda folder: answers.save_typed_contacts(CONTACTS, folder=folder),
    "pitch": lambda folder: answers.save_typed_pitch(PITCH, target_seconds=30, folder=folder),
    "question_plan": lambda folder: answers.save_typed_question_plan(QUESTIONS, folder=folder),
    "request_email": lambda folder: answers.save_typed_request_email(EMAIL, folder=folder),
}


def model_answer(assignment: str) -> dict:
    """The model answer's journal document for ``assignment``."""
    with tempfile.TemporaryDirectory() as folder:
        WRITERS[assignment](folder)
        doc = json.loads(answers.journal_file(folder).read_text(encoding="utf-8"))
    doc["student"]["name"] = STUDENT
    return doc


if __name__ == "__main__":
    for name in sorted(WRITERS):
        target = SOURCE / name / "journal.json"
        target.write_text(json.dumps(model_answer(name), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                          encoding="utf-8")
        print("wrote", target.relative_to(SOURCE.parent))
