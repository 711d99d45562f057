"""Tables of the document service. Every change goes through an Alembic revision in migrations/versions.

The database, not the job queue, is the record of a document's progress: one `Page` row per
page carries its status, so work lost with a dead worker is found again and redone.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from crosswalks.clinical.context import CONTEXTS
from docservice.roles import ROLES  # noqa: F401 - named there, re-exported with the tables

# exported: a packet and claim were handed out; submitted: the biller says the payer has it.
CASE_STATUSES = ("new", "in_progress", "ready", "exported", "submitted", "closed", "dismissed")
INSURANCE_KINDS = ("dental", "medical")
INSURANCE_RELATIONSHIPS = ("self", "spouse", "child", "employee", "life_partner", "other")
# A page or document is one of these; the first two are in flight, the rest are final.
JOB_STATUSES = ("queued", "processing", "done", "needs_review", "failed")
FINAL_STATUSES = ("done", "needs_review", "failed")
# A document (or page) whose OCR finished with text: what facts, checks, letters and packets read.
READABLE_STATUSES = ("done", "needs_review")


def utcnow() -> datetime:
    """Naive UTC: stored alike on SQLite and PostgreSQL (`timestamp without time zone`)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class User(Base):
    """A person or program holding one API token. Only the token's hash is kept."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    # The token is "mlt_<token_id>_<secret>": token_id finds the row, the hash is compared in constant time.
    token_id: Mapped[str] = mapped_column(String(16), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Case(Base):
    """One potentially medical treatment episode: an Open Dental appointment and what it needs."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("practice", "apt_num", name="uq_cases_practice_apt_num"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice: Mapped[str] = mapped_column(String(64))
    apt_num: Mapped[int] = mapped_column(BigInteger)
    pat_num: Mapped[int] = mapped_column(BigInteger, index=True)
    # The appointment
    apt_start: Mapped[datetime] = mapped_column(DateTime, index=True)
    apt_provider: Mapped[str] = mapped_column(String(80), default="")
    apt_op: Mapped[str] = mapped_column(String(80), default="")
    apt_note: Mapped[str] = mapped_column(Text, default="")
    # The patient
    patient_name: Mapped[str] = mapped_column(String(200), default="")
    patient_birthdate: Mapped[date | None] = mapped_column(Date, nullable=True)
    patient_gender: Mapped[str] = mapped_column(String(20), default="")
    # {"line1", "line2", "city", "state", "zip"} as Open Dental has it; {} when not sent
    patient_address: Mapped[dict] = mapped_column(JSON, default=dict)
    patient_phone: Mapped[str] = mapped_column(String(30), default="")
    # The flag
    category: Mapped[str] = mapped_column(String(40), default="", index=True)
    categories: Mapped[list] = mapped_column(JSON, default=list)
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    needs: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    procedures: Mapped[list[Procedure]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Procedure.position"
    )
    problems: Mapped[list[Problem]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Problem.position"
    )
    insurance: Mapped[list[InsurancePlan]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="InsurancePlan.position"
    )
    documents: Mapped[list[Document]] = relationship(back_populates="case", order_by="Document.id")
    facts: Mapped[list[Fact]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Fact.id"
    )
    claim: Mapped[Claim | None] = relationship(back_populates="case", cascade="all, delete-orphan", uselist=False)
    narrative: Mapped[Narrative | None] = relationship(
        back_populates="case", cascade="all, delete-orphan", uselist=False
    )
    exports: Mapped[list[Export]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Export.id"
    )
    visits: Mapped[list[CaseVisit]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseVisit.apt_start"
    )


class Procedure(Base):
    """A planned procedure (CDT code, tooth, surface) of the case's appointment."""

    __tablename__ = "case_procedures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    proc_num: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    code: Mapped[str] = mapped_column(String(20))
    tooth: Mapped[str] = mapped_column(String(10), default="")
    surface: Mapped[str] = mapped_column(String(10), default="")
    descript: Mapped[str] = mapped_column(String(255), default="")
    fee: Mapped[Decimal | None] = mapped_column(Numeric(10, 2), nullable=True)

    case: Mapped[Case] = relationship(back_populates="procedures")


class CaseVisit(Base):
    """A later appointment that continues the case (a follow-up, the next stage): its note and procedures.

    Procedures are kept as the flagger sent them, a JSON list of {proc_num, code, tooth, surface,
    descript, fee}: the claim reads them with the visit's own date, nothing else joins them."""

    __tablename__ = "case_visits"
    __table_args__ = (UniqueConstraint("case_id", "apt_num", name="uq_case_visits_case_id_apt_num"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    apt_num: Mapped[int] = mapped_column(BigInteger, index=True)
    apt_start: Mapped[datetime] = mapped_column(DateTime)
    provider: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    procedures: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    case: Mapped[Case] = relationship(back_populates="visits")


class Problem(Base):
    """An active problem of the patient (ICD-10-CM)."""

    __tablename__ = "case_problems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    icd10: Mapped[str] = mapped_column(String(10), default="")
    name: Mapped[str] = mapped_column(String(255), default="")

    case: Mapped[Case] = relationship(back_populates="problems")


class InsurancePlan(Base):
    """A dental or medical plan on file for the patient."""

    __tablename__ = "case_insurance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(10))
    carrier: Mapped[str] = mapped_column(String(120), default="")
    plan: Mapped[str] = mapped_column(String(120), default="")
    group_number: Mapped[str] = mapped_column(String(40), default="")
    subscriber_id: Mapped[str] = mapped_column(String(40), default="")
    ordinal: Mapped[int] = mapped_column(Integer, default=1)
    # The patient's relationship to the subscriber (INSURANCE_RELATIONSHIPS); the subscriber's own
    # name, birth date and sex when the patient is not the subscriber.
    patient_relationship: Mapped[str] = mapped_column("relationship", String(20), default="self")
    subscriber_name: Mapped[str] = mapped_column(String(200), default="")
    subscriber_birthdate: Mapped[date | None] = mapped_column(Date, nullable=True)
    subscriber_gender: Mapped[str] = mapped_column(String(20), default="")
    payer_id: Mapped[str] = mapped_column(String(80), default="")  # Open Dental carrier ElectID

    case: Mapped[Case] = relationship(back_populates="insurance")


class Document(Base):
    """An uploaded original (stored by content hash, never altered) and what OCR made of it."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(80))
    filename: Mapped[str] = mapped_column(String(255), default="")
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    kind_source: Mapped[str] = mapped_column(String(20), default="")  # "upload" or "classifier"
    kind_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    kind_review: Mapped[bool] = mapped_column(default=False)  # the classifier was unsure: a person should look
    # Whether the document's own patient name / birth date match the case's patient (IDENTITY_STATUSES).
    # A mismatch keeps its facts out of the case until a person confirms it or moves the document.
    identity: Mapped[str] = mapped_column(String(20), default="unchecked")
    identity_detail: Mapped[dict] = mapped_column(JSON, default=dict)  # what was read and compared
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    pages_total: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    pdf_path: Mapped[str] = mapped_column(String(255), default="")  # relative to MEDLANE_HOME
    reason: Mapped[str] = mapped_column(String(255), default="")  # why it failed or needs review
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Set while one worker assembles the finished document, so two finishing workers do not both do it.
    finishing_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    case: Mapped[Case | None] = relationship(back_populates="documents")
    pages: Mapped[list[Page]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Page.index"
    )

    @property
    def pages_done(self) -> int:
        return sum(1 for page in self.pages if page.status in FINAL_STATUSES)


class Page(Base):
    """One page of a document and its OCR task: the unit of work a worker claims."""

    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "page_index", name="uq_pages_document_id_page_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column("page_index", Integer)  # 0-based
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    mean_confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    method: Mapped[str] = mapped_column(String(40), default="")
    pdf_path: Mapped[str] = mapped_column(String(255), default="")  # relative to MEDLANE_HOME
    reason: Mapped[str] = mapped_column(String(255), default="")  # why it failed or needs review
    image_kind: Mapped[str] = mapped_column(String(20), default="")  # text, photo, radiograph, born_digital
    # The engine's grey-level statistics of the page, kept for classifying the whole document.
    image_stats: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    queued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # "host:pid" of the worker process that claimed the page, and when.
    claimed_by: Mapped[str] = mapped_column(String(120), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    document: Mapped[Document] = relationship(back_populates="pages")


FACT_SOURCES = ("document", "appointment", "person")
# How the text speaks of a finding (the context reader's list); only "present" is the patient's current,
# affirmed finding.
FACT_CONTEXTS = CONTEXTS
IDENTITY_STATUSES = ("unchecked", "unknown", "match", "mismatch", "confirmed")


class Fact(Base):
    """One clinical or administrative fact read from a case's documents (or its appointment note).

    `value` is JSON: a number, a string, an ISO date, a bool or a small object, as the fact's
    name defines (docservice/facts/vocabulary.py). `negated` and `historical` say the text denied
    it or spoke of the past; such facts are kept (a check may need "pain denied") but never count
    as present. Where it came from is always kept: document, 1-based page, and the words read.
    """

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1-based
    source: Mapped[str] = mapped_column(String(20), default="document")  # FACT_SOURCES
    name: Mapped[str] = mapped_column(String(40), index=True)
    value: Mapped[object] = mapped_column(JSON)
    display: Mapped[str] = mapped_column(String(200), default="")  # the value as staff read it
    snippet: Mapped[str] = mapped_column(Text, default="")  # the words it was read from
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)  # offsets in the page text
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    negated: Mapped[bool] = mapped_column(default=False)
    historical: Mapped[bool] = mapped_column(default=False)
    context: Mapped[str] = mapped_column(String(20), default="present")  # FACT_CONTEXTS
    section: Mapped[str] = mapped_column(String(40), default="")  # the document section it was read in
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    case: Mapped[Case] = relationship(back_populates="facts")


EVIDENCE_ACTIONS = ("confirm", "correct", "enter")


class EvidenceConfirmation(Base):
    """A person's word on one value that drives the claim: confirmed as read, corrected, or entered.

    The latest row per (case, fact) wins over anything read from documents, before or after it.
    Rows are never updated: a new confirmation is a new row, so the history of who said what stays.
    """

    __tablename__ = "evidence_confirmations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    fact: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(10))  # EVIDENCE_ACTIONS
    value: Mapped[object] = mapped_column(JSON)
    display: Mapped[str] = mapped_column(String(200), default="")
    # The read fact it confirms (kept as a copy in `value`: re-reading deletes and recreates facts).
    fact_id: Mapped[int | None] = mapped_column(ForeignKey("facts.id", ondelete="SET NULL"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    user_name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


CLAIM_FORMS = ("cms1500",)


class Claim(Base):
    """The proposed medical claim of a case: claim-level fields, the diagnosis list and its lines.

    Every proposed value says why (`why`, keyed by field name); a value a person changed is
    listed in `edited`, and a rebuild keeps it.
    """

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    form: Mapped[str] = mapped_column(String(20), default="cms1500")
    payer: Mapped[str] = mapped_column(String(40), default="")  # crosswalk payer id the rules used
    # [{"code": "G47.33", "why": "...", "source": "problem"|"crosswalk"|"fact"|"person"}], principal first, <= 12
    diagnoses: Mapped[list] = mapped_column(JSON, default=list)
    # referring/ordering provider, prior authorization, accident, onset date...: name -> value
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
    why: Mapped[dict] = mapped_column(JSON, default=dict)  # field name -> reason
    edited: Mapped[list] = mapped_column(JSON, default=list)  # field names a person set
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)

    case: Mapped[Case] = relationship(back_populates="claim")
    lines: Mapped[list[ClaimLine]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimLine.position"
    )


class ClaimLine(Base):
    """One service line (CMS-1500 box 24 / 837P loop 2400)."""

    __tablename__ = "claim_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    procedure_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_procedures.id", ondelete="SET NULL"), nullable=True
    )
    cdt: Mapped[str] = mapped_column(String(20), default="")  # the dental code it came from
    code: Mapped[str] = mapped_column(String(20))  # CPT, HCPCS, or the CDT code itself
    system: Mapped[str] = mapped_column(String(10))  # CPT | HCPCS | CDT
    modifiers: Mapped[list] = mapped_column(JSON, default=list)  # up to 4
    units: Mapped[int] = mapped_column(Integer, default=1)
    charge: Mapped[Decimal | None] = mapped_column(Numeric(10, 2), nullable=True)
    pointers: Mapped[list] = mapped_column(JSON, default=list)  # 1-based positions in claim.diagnoses, <= 4
    description: Mapped[str] = mapped_column(String(255), default="")  # required for unlisted codes
    tooth: Mapped[str] = mapped_column(String(10), default="")
    service_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    rule: Mapped[str] = mapped_column(String(60), default="")  # crosswalk candidate id chosen
    why: Mapped[dict] = mapped_column(JSON, default=dict)  # field name -> reason
    edited: Mapped[list] = mapped_column(JSON, default=list)  # field names a person set

    claim: Mapped[Claim] = relationship(back_populates="lines")


NARRATIVE_STATUSES = ("draft", "signed")


class Narrative(Base):
    """The medical-necessity narrative of a case: drafted from a template, edited, signed by a dentist.

    Signing freezes the body: an edit after signing returns it to draft and clears the signature.
    """

    __tablename__ = "narratives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    template: Mapped[str] = mapped_column(String(60))  # e.g. "sleep.md.j2"
    status: Mapped[str] = mapped_column(String(20), default="draft")
    body: Mapped[str] = mapped_column(Text, default="")
    placeholders: Mapped[list] = mapped_column(JSON, default=list)  # missing values left visible in the body
    claim_note: Mapped[str] = mapped_column(String(80), default="")
    drafted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    drafted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    edited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    signed_name: Mapped[str] = mapped_column(String(120), default="")  # as printed under the signature
    body_sha256: Mapped[str] = mapped_column(String(64), default="")  # of the body that was signed

    case: Mapped[Case] = relationship(back_populates="narrative")


class AuditEntry(Base):
    """Who read or wrote which patient record, and when. Ids only: never names, notes or text."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    actor: Mapped[str] = mapped_column(String(80))  # user name, or "worker" / "cli"
    role: Mapped[str] = mapped_column(String(20), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)  # e.g. "case.read", "document.create"
    resource: Mapped[str] = mapped_column(String(20))  # "case", "document", "user"
    resource_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)  # ids and counts only
    remote_addr: Mapped[str] = mapped_column(String(64), default="")


class PracticeSettings(Base):
    """The practice's billing settings: one JSON document (docservice/settings), one row.

    Kept whole rather than as columns because the settings are read and validated as one object
    and changed by JSON merge patch; `version` counts changes so concurrent edits are detected.
    """

    __tablename__ = "practice_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(80), default="")


class ControlNumber(Base):
    """A counter that never repeats (X12 interchange and group control numbers)."""

    __tablename__ = "control_numbers"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Export(Base):
    """One export of a case: what was handed out, its numbers and hashes, and who did it.

    `attachments_digest` and `claim_digest` say what the export was made of, so a re-export
    knows whether the attachments changed (new ACN) or the claim changed after submission
    (a replacement claim).
    """

    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[str] = mapped_column(String(40), default="", index=True)
    acn: Mapped[str] = mapped_column(String(50), index=True)
    claim_control_number: Mapped[str] = mapped_column(String(38), index=True)
    frequency_code: Mapped[str] = mapped_column(String(1), default="1")
    payer_claim_number: Mapped[str] = mapped_column(String(50), default="")
    interchange_control_number: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    attachments_digest: Mapped[str] = mapped_column(String(64))
    claim_digest: Mapped[str] = mapped_column(String(64))
    files: Mapped[list] = mapped_column(JSON, default=list)  # [{"name", "sha256", "pages"}]
    totals: Mapped[dict] = mapped_column(JSON, default=dict)  # {"charge", "lines"}
    # The claim values the Open Dental side copies into Open Dental's own claim (od-claim).
    claim_summary: Mapped[dict] = mapped_column(JSON, default=dict)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    overridden: Mapped[list] = mapped_column(JSON, default=list)  # rule ids of the errors overridden
    pms: Mapped[dict] = mapped_column(JSON, default=dict)  # what was written back to Open Dental
    exported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    exported_by: Mapped[str] = mapped_column(String(80), default="")
    exported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Set when the biller marks the case submitted: from then on a changed claim is a replacement.
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    case: Mapped[Case] = relationship(back_populates="exports")
