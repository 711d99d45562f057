"""Reading clinical text, the same way on both sides: the flagger's notes and the documents' pages.

Both `plugin` and `docservice` read crosswalks, so the machinery that turns words into what they
mean lives here, with its rules as data (crosswalks/data/clinical_text.yaml):

- `dates`    one date parser for every form US clinical paperwork uses, relative ones anchored
- `numbers`  numbers written in words, and measures with their units
- `context`  whether a finding is the patient's own and current: present, negated, historical,
             family, hypothetical, resolved or post-operative (medspaCy's ConText), and the section
             of the document it stands in (medspaCy's sectionizer)
- `people`   the credentials and degrees written after a person's name (one list for every reader)
"""
