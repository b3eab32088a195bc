"""The fixed words of the chapter: contact categories, statuses, interaction kinds.

Each vocabulary maps a stable key (what the journal stores) to the label a
student sees. Keys never change once released, because journals on disk hold
them; labels may be reworded freely.
"""

CATEGORIES = {
    "family_friends": "Family and friends",
    "school": "School (professors, staff, classmates)",
    "alumni": "Alumni",
    "work": "Work (co-workers, supervisors)",
    "associations": "Associations and clubs",
    "community": "Community",
    "online": "Online",
}

STATUSES = {
    "to_contact": "To contact",
    "requested": "Requested",
    "interviewed": "Interviewed",
    "thanked": "Thanked",
    "keep_in_touch": "Keep in touch",
}

INTERACTION_KINDS = {
    "request_email": "Request email",
    "call": "Call",
    "informational_interview": "Informational interview",
    "thank_you": "Thank-you note",
    "follow_up": "Follow-up",
    "event": "Event",
}

# A contact with a priority is someone the student plans to ask for an interview.
PRIORITIES = {
    "high": "High",
    "medium": "Medium",
    "low": "Low",
}

# The four areas an interview question plan covers (a plan's questions store the key).
QUESTION_CATEGORIES = {
    "career_field": "The career field",
    "organization_industry": "The organization and industry",
    "growth_salary": "Future growth and pay",
    "referrals": "Referrals and next steps",
}

# Speaking-time targets a pitch can be written for, in seconds.
PITCH_TARGETS = (15, 30, 60)


def label(vocabulary, key):
    """The student-facing label for ``key``, or ``key`` itself if unknown."""
    return vocabulary.get(key, key)
