"""The candidate's own papers: the CV-postkort (for employers) and the kompetencekort (for the
jobcentre and a company during a placement).

Pure functions build the texts from the stored interview (``fields``, ``competences``); only
``sources`` reads answers, and it never hands out a sensitive item or anything from the family,
health or asylum sections. Rendering (``cv_pdf``, ``card_pdf``) imports reportlab when called.
"""
