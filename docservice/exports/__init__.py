"""Export: what the biller hands to the payer, as one ZIP per case or one batch for many.

The steps, each reading and filling one `ExportContext`:

    readiness   -> may it go out? (the checks' errors, missing settings, unfinished documents)
    contents    -> the signed narrative and the documents, in reading order, and their digest
    numbers     -> ACN, claim control number, frequency code (original or replacement)
    files       -> packet PDF(s), CMS-1500, 837P, narrative PDF, manifest, into a ZIP
    record      -> the Export row, the case's status, the audit entry
    writeback   -> the packet, a commlog and the case status into Open Dental (when configured)

Entry points: `docservice.exports.run.export_case` and `export_cases`.
"""
