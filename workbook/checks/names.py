"""Whether two ways of writing a person's name are the same person, read loosely.

"Rob" signs for "Robert Mensah", "José Hernández" for "Jose Hernandez",
"ZHANG Wei" for "Wei Zhang": names are compared word by word after folding
accents and other scripts to ASCII (anyascii carries the tables), in either
order, with common short forms of given names and a small allowance for a
typo (rapidfuzz). A single given name, or a family name, is enough.
"""

from __future__ import annotations

import re
import unicodedata


# Short forms of given names, each with its full forms.
_NICKNAMES = {
    "rob": "robert", "bob": "robert", "bobby": "robert", "robbie": "robert", "bert": "robert albert",
    "liz": "elizabeth", "beth": "elizabeth bethany", "lizzie": "elizabeth", "betty": "elizabeth", "eliza": "elizabeth",
    "bill": "william", "will": "william", "billy": "william", "liam": "william", "jim": "james", "jimmy": "james",
    "jamie": "james", "mike": "michael", "mick": "michael", "mikey": "michael", "dave": "david", "davey": "david",
    "dan": "daniel", "danny": "daniel", "tom": "thomas tomas", "tommy": "thomas", "tony": "anthony antonio",
    "chris": "christopher christina christine", "kate": "katherine catherine kathryn", "katie": "katherine",
    "kathy": "katherine", "cathy": "catherine", "sam": "samuel samantha", "sammy": "samuel samantha",
    "alex": "alexander alexandra alejandro", "sasha": "alexander alexandra", "nick": "nicholas nicolas",
    "joe": "joseph jose", "pepe": "jose", "jo": "joanna josephine", "matt": "matthew", "pat": "patrick patricia",
    "patty": "patricia", "jen": "jennifer", "jenny": "jennifer", "meg": "margaret megan", "maggie": "margaret",
    "peggy": "margaret", "ed": "edward edwin", "eddie": "edward", "ted": "edward theodore", "ben": "benjamin",
    "andy": "andrew", "drew": "andrew", "steve": "steven stephen", "greg": "gregory", "jeff": "jeffrey",
    "josh": "joshua", "zach": "zachary", "nate": "nathan nathaniel", "abby": "abigail", "becky": "rebecca",
    "debbie": "deborah", "deb": "deborah", "sue": "susan suzanne", "vicky": "victoria", "tori": "victoria",
    "manny": "manuel", "paco": "francisco", "pancho": "francisco", "lupe": "guadalupe", "chuy": "jesus",
    "fer": "fernando", "javi": "javier", "sandy": "sandra alexandra", "ron": "ronald", "don": "donald",
    "rick": "richard", "dick": "richard", "rich": "richard", "larry": "lawrence", "terry": "terence teresa",
    "gabe": "gabriel", "frank": "francis franklin", "fran": "frances francesca", "al": "albert alan alfred",
    "charlie": "charles charlotte", "chuck": "charles", "fred": "frederick alfred", "harry": "henry harold",
    "hank": "henry", "jack": "john jackson", "johnny": "john", "jon": "jonathan john", "ken": "kenneth",
    "kim": "kimberly", "len": "leonard", "lou": "louis louise", "mandy": "amanda", "mo": "mohammed muhammad",
    "nat": "natalie nathan", "phil": "phillip philip", "ray": "raymond", "rosie": "rosemary rosa",
    "stu": "stuart", "tim": "timothy", "val": "valerie", "vince": "vincent", "walt": "walter",
}
_WORD = re.compile(r"[a-z0-9]+")
# Titles and letters after a name that say nothing about who it is.
_TITLES = frozenset("mr mrs ms mx dr prof sir madam miss rev jr sr ii iii iv phd md rn bsn msw mba bsc ba bfa "
                    "ma msc cpa".split())
TYPO_SCORE = 85  # rapidfuzz ratio at which two name words are one word with a slip of the keyboard


def name_words(name: str) -> list[str]:
    """The words of a name folded to lower-case ASCII, titles and degrees left out."""
    from anyascii import anyascii  # imported on use: every graded kernel imports the checks
    plain = anyascii(unicodedata.normalize("NFKC", name)).casefold()
    return [w for w in _WORD.findall(plain) if w not in _TITLES]


def _same_word(a: str, b: str) -> bool:
    from rapidfuzz import fuzz  # imported on use: every graded kernel imports the checks

    if a == b:
        return True
    if b in _NICKNAMES.get(a, "").split() or a in _NICKNAMES.get(b, "").split():
        return True
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= TYPO_SCORE


def same_person(signed: str, known: str) -> bool:
    """Whether ``signed`` (as written under an email) names the person the journal calls ``known``.

    Every word of the signature must be a word of the known name (in any
    order, a nickname or a near-typo counting), so a lone given or family
    name matches, and another person's name does not.
    """
    mine, theirs = name_words(signed), name_words(known)
    if not mine or not theirs:
        return False
    return all(any(_same_word(word, other) for other in theirs) for word in mine)


def looks_like_name(line: str) -> bool:
    """True for a line that could be a signature: one to five words, no sentence in it."""
    found = line.split()
    if not 1 <= len(found) <= 5 or line.rstrip().endswith((".", "?", "!", ":")) or "@" in line or "/" in line:
        return False
    letters = [w for w in found if any(c.isalpha() for c in w)]
    return bool(letters) and all(not w[:1].islower() or w.casefold() in {"de", "da", "van", "von", "del", "la", "le",
                                                                         "bin", "al", "ibn", "di"}
                                 for w in letters if w[:1].isascii())
