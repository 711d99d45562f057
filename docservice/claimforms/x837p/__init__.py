"""The 837P 5010 (005010X222A1) claim file: writing it and checking it.

- `write_837p(claims, envelope=...)`  a batch of `ClaimSubmission`s as one interchange
- `check_837p(text)`                   our meaning checks (qualifiers, pointers, counts, totals)
- `validate_837p(text)`                pyx12's structure and code-list verdict
- `check_writable(claim)`              refuse one claim an 837P cannot carry, before writing
- `ClaimFormatError`                   input an 837P cannot carry, as one sentence

Modules: `segments` spells values and segments; `inputs` refuses impossible input; one module per
loop group (`envelope`, `billing_provider`, `subscriber`, `claim`, `other_payer`,
`service_lines`), each writing from a small context (`context`); code lists and limits are data in
`codes.yaml`.
"""
from docservice.claimforms.x837p.errors import ClaimFormatError
from docservice.claimforms.x837p.semantics import check_837p
from docservice.claimforms.x837p.validate import validate_837p
from docservice.claimforms.x837p.writer import check_writable, write_837p

__all__ = ["ClaimFormatError", "check_837p", "check_writable", "validate_837p", "write_837p"]
