"""Documents as a person checks them: their kind (learnt from a labelled corpus), whether they are this
case's patient's, and whether the same file was already uploaded to the case.

Modules: `kinds` (the kind model), `patient_lines` (the name and birth date a document states),
`identity` (compared with the case's patient), `duplicates` (the same file in the same case),
`review` (a person's corrections: kind, identity, case) and `schemas` (their API shapes).
"""
