"""Network growth, drawn: the week-by-week numbers of a journal and the figures made from them.

May import: ``workbook.journal``, ``workbook.course``, ``workbook.checks`` and matplotlib (only when a
figure is drawn).

- ``growth``: a journal's contacts, interviews and thank-you notes by week of the term (pure);
- ``figure``: the student's growth figure and its referral panel;
- ``palette``: the colours every growth figure uses, the class report's included.
"""
