"""`medlane od-claim CASE_ID`: fill in the medical claim staff made in Open Dental from a case's export.

For offices that send through Open Dental's own clearinghouse. The API cannot create a medical
claim, so staff make it (Account > New Claim > Medical); then this command

1. reads the case and its newest export from the document service (`case_export`),
2. finds the claim holding the case's procedures: unsent, on a medical plan (`matching`),
3. writes the export's note (ACN first), prior authorization and accident fields (`fields`),
4. prints what staff must still type, which the API cannot set (the ACN as Attachment ID) (`run`).
"""
