"""The state one export carries from step to step (OCRmyPDF's PdfContext, for claims)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docservice.checks.findings import Finding
from docservice.claimforms.build import SubmissionNumbers
from docservice.claimforms.submission import ClaimSubmission
from docservice.models import Case, User


@dataclass
class PacketPart:
    """One thing the packet carries after its cover sheet: the narrative or a document."""

    kind: str  # a crosswalks.billing.PACKET_KINDS value
    title: str
    pdf_path: Path
    sha256: str  # of what it is made from (the signed text, or the original upload)
    document_id: int | None = None


@dataclass
class ExportContext:
    case: Case
    settings: dict
    crosswalk: object
    user: User | None
    work_dir: Path
    now: datetime
    override_reason: str = ""
    batch_id: str = ""
    findings: list[Finding] = field(default_factory=list)
    parts: list[PacketPart] = field(default_factory=list)
    attachments_digest: str = ""
    claim_digest: str = ""
    numbers: SubmissionNumbers | None = None
    submission: ClaimSubmission | None = None
    files: dict[str, Path] = field(default_factory=dict)  # name in the ZIP -> file
    warnings: list[str] = field(default_factory=list)  # what the biller must know before sending

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]
