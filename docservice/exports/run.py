"""Export one case, or a batch of cases, from readiness to the stored record.

Nothing is half-stored: files are made in a private work folder, the Export rows, control
numbers and case statuses are committed together, and only then is the ZIP moved to where it
is kept (MEDLANE_HOME/exports). Writing back into Open Dental comes after the commit, so a slow
or failing Open Dental never holds the database and never undoes an export; its outcome is
recorded on the export and said in the answer.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from crosswalks import load_crosswalk
from docservice import audit
from docservice.checks.findings import Finding
from docservice.claimforms.build import SubmissionNumbers, build_submission
from docservice.claimforms.cms1500 import Cms1500Error, render_cms1500
from docservice.claimforms.x837p import ClaimFormatError, check_writable
from docservice.exports.context import ExportContext
from docservice.exports.contents import attachment_types, attachments_digest, gather_parts
from docservice.exports.errors import ExportRefused
from docservice.exports.files import CLAIM_FILE, MANIFEST_FILE, write_interchange, write_manifest, write_pdfs, write_zip
from docservice.exports.numbers import choose_numbers, claim_digest, next_control_number
from docservice.exports.readiness import check_readiness
from docservice.models import Case, Export, User, utcnow
from docservice.overrides import BEYOND_OVERRIDE, NOT_ALLOWED, decide_override
from docservice.settings import load_settings

# Without these a payer file cannot be written at all, so no override lets them through.
CANNOT_OVERRIDE = frozenset({
    "claim-not-built", "claim-no-lines", "settings-missing", "medical-plan-missing", "member-id-missing",
    "patient-address-missing", "patient-birthdate-missing", "documents-pending", "line-charge-missing",
})


@dataclass
class ExportResult:
    exports: list[Export]
    zip_path: Path
    refused: list[tuple[Case, ExportRefused]] = field(default_factory=list)

    @property
    def export(self) -> Export:
        return self.exports[0]


def export_case(session: Session, case: Case, *, home: Path, user: User | None, actor: str,
                override_reason: str = "", now: datetime | None = None) -> ExportResult:
    """Export one case: a ZIP with its packet, CMS-1500, 837P, narrative and manifest.

    Raises:
        ExportRefused: errors stand (and no admin override covers them).
        ExportFailed: MedLane could not write a valid file (nothing is stored).
    """
    return export_cases(session, [case], home=home, user=user, actor=actor, override_reason=override_reason,
                        now=now, batch=False)


def export_cases(session: Session, cases: Sequence[Case], *, home: Path, user: User | None, actor: str,
                 override_reason: str = "", now: datetime | None = None, batch: bool = True,
                 progress: Callable[[Case], None] | None = None) -> ExportResult:
    """Export every ready case into one ZIP with one 837P interchange and a folder per case.

    A case that is not ready is left out and reported in `refused`; when none is ready the
    first refusal is raised. With `batch=False` (one case) the files sit at the ZIP's root.
    """
    if not cases:
        raise ExportRefused("No case was given to export.", findings=[], code="nothing_to_export")
    now = (now or utcnow()).replace(microsecond=0)
    settings = load_settings(session)
    crosswalk = load_crosswalk()
    with _work_folder(home) as work:
        contexts, refused = [], []
        for case in cases:
            ctx = ExportContext(case=case, settings=settings, crosswalk=crosswalk, user=user,
                                work_dir=work / f"case-{case.id}", now=now, override_reason=override_reason.strip())
            ctx.work_dir.mkdir()
            try:
                prepare_case(ctx)
            except ExportRefused as refusal:
                refused.append((case, refusal))
            else:
                contexts.append(ctx)
            finally:
                if progress is not None:
                    progress(case)
        if not contexts:
            raise refused[0][1] if len(refused) == 1 else ExportRefused(
                f"None of the {len(refused)} cases is ready to export.",
                findings=[finding for _, refusal in refused for finding in refusal.findings], refused=refused)
        interchange = next_control_number(session, "interchange")
        group = next_control_number(session, "group")
        claim_text = write_interchange(contexts, settings=settings, numbers=(interchange, group), now=now)
        exports = [_record(session, ctx, interchange=interchange, actor=actor, batch=batch) for ctx in contexts]
        session.flush()
        zip_path = _zip(work, contexts, claim_text=claim_text, exports=exports, refused=refused, actor=actor,
                        batch=batch)
        for export in exports:
            audit.record("case.export", "case", export.case.id, actor=None if user else actor,
                         detail={"export_id": export.id, "files": len(export.files),
                                 "override": bool(export.overridden)})
        kept = _keep(zip_path, home=home, exports=exports)
        try:
            session.commit()
        except Exception:
            kept.unlink(missing_ok=True)
            raise
    return ExportResult(exports=exports, zip_path=kept, refused=refused)


def prepare_case(ctx: ExportContext) -> None:
    """Readiness, contents, numbers and the PDFs of one case (raises ExportRefused when not ready)."""
    ctx.findings = check_readiness(ctx)
    _refuse_unless_overridden(ctx)
    ctx.parts = gather_parts(ctx, store=_store())
    ctx.attachments_digest = attachments_digest(ctx.parts)
    ctx.claim_digest = claim_digest(ctx.case.claim)
    ctx.numbers = choose_numbers(ctx.case, prefix=ctx.settings.get("acn_prefix", "ML"),
                                 attachments=ctx.attachments_digest, claim_now=ctx.claim_digest)
    narrative = ctx.case.narrative
    ctx.submission = build_submission(ctx.case, ctx.case.claim, settings=ctx.settings, numbers=ctx.numbers,
                                      attachments=attachment_types(ctx),
                                      note=narrative.claim_note if narrative else "")
    try:
        check_writable(ctx.submission)
        write_pdfs(ctx)
    except (ClaimFormatError, Cms1500Error) as error:
        # What the checks could not foresee but the claim formats cannot carry: the case's own fix.
        raise ExportRefused(f"Case {ctx.case.id} cannot be written as a claim: {error}", findings=[Finding(
            rule="claim-format", severity="error", message=str(error),
            fix="Correct the value named (claim, case or settings), then export again.")]) from None


def printable_cms1500(session: Session, case: Case, *, home: Path, mode: str) -> bytes:
    """The CMS-1500 of the case's newest export, again: `mode` "data" for the pre-printed red form
    (shifted by the settings' printer offsets) or "full" for review.

    Raises:
        ExportRefused: the case was never exported (its numbers do not exist yet).
    """
    if not case.exports:
        raise ExportRefused(f"Case {case.id} has not been exported yet; export it first, then print its CMS-1500.",
                            findings=[], code="not_exported")
    latest = case.exports[-1]
    settings = load_settings(session)
    numbers = SubmissionNumbers(claim_control_number=latest.claim_control_number, acn=latest.acn,
                                frequency_code=latest.frequency_code, payer_claim_number=latest.payer_claim_number)
    with _work_folder(home) as work:
        ctx = ExportContext(case=case, settings=settings, crosswalk=load_crosswalk(), user=None, work_dir=work,
                            now=latest.exported_at)
        ctx.parts = gather_parts(ctx, store=_store())
        narrative = case.narrative
        submission = build_submission(case, case.claim, settings=settings, numbers=numbers,
                                      attachments=attachment_types(ctx), note=narrative.claim_note if narrative else "")
    printer = settings.get("cms1500") or {}
    return render_cms1500(submission, mode=mode,
                          offset_in=(printer.get("offset_x_in", 0.0), printer.get("offset_y_in", 0.0)))


def _refuse_unless_overridden(ctx: ExportContext) -> None:
    # The rule (who may override, with what reason) is the one a submission follows too.
    decision = decide_override(ctx.errors, user=ctx.user, reason=ctx.override_reason, cannot_override=CANNOT_OVERRIDE)
    if decision.allowed:
        return
    if decision.refusal == NOT_ALLOWED:
        message = (f"Case {ctx.case.id} is not ready to export: {len(ctx.errors)} error(s) stand, and only an admin "
                   "may override them.")
    elif decision.refusal == BEYOND_OVERRIDE:
        message = (f"Case {ctx.case.id} cannot be exported even with an override: a payer file cannot be "
                   "written without what these findings ask for.")
    else:
        message = (f"Case {ctx.case.id} is not ready to export: {len(ctx.errors)} error(s) stand. "
                   "Fix them, or an admin may override with a reason.")
    raise ExportRefused(message, findings=list(decision.standing))


def _record(session: Session, ctx: ExportContext, *, interchange: int, actor: str, batch: bool) -> Export:
    submission, case = ctx.submission, ctx.case
    overridden = sorted({finding.rule for finding in ctx.errors})
    export = Export(
        case=case, batch_id=f"interchange-{interchange}" if batch else "",
        acn=ctx.numbers.acn, claim_control_number=ctx.numbers.claim_control_number,
        frequency_code=ctx.numbers.frequency_code, payer_claim_number=ctx.numbers.payer_claim_number,
        interchange_control_number=interchange, attachments_digest=ctx.attachments_digest,
        claim_digest=ctx.claim_digest,
        totals={"charge": float(submission.total_charge), "lines": len(submission.lines), "warnings": ctx.warnings},
        claim_summary=claim_summary(ctx), override_reason=ctx.override_reason if overridden else "",
        overridden=overridden, pms={}, exported_by_id=ctx.user.id if ctx.user else None, exported_by=actor,
        exported_at=ctx.now,
    )
    session.add(export)
    case.status = "exported"
    return export


def claim_summary(ctx: ExportContext) -> dict:
    """What Open Dental's own claim needs of ours (`medlane od-claim`), and what the commlog says."""
    submission = ctx.submission
    accident = submission.accident
    return {
        "note": submission.note,
        "prior_authorization": submission.prior_authorization,
        "accident": {"related": accident.related, "date": accident.date.isoformat() if accident.date else None,
                     "state": accident.state} if accident else None,
        "lines": [{"code": line.code, "modifiers": list(line.modifiers)} for line in submission.lines],
        "attachments": len(ctx.parts),
    }


def _zip(work: Path, contexts: Sequence[ExportContext], *, claim_text: str, exports: Sequence[Export],
         refused, actor: str, batch: bool) -> Path:
    claim_path = work / CLAIM_FILE
    claim_path.write_text(claim_text, encoding="ascii")
    entries: list[tuple[str, Path]] = []
    for ctx, export in zip(contexts, exports):
        if not batch:
            ctx.files[CLAIM_FILE] = claim_path
        manifest, export.files = write_manifest(ctx, exported_by=actor, exported_at=export.exported_at)
        folder = "" if not batch else f"case-{ctx.case.id}/"
        entries += [(folder + name, path) for name, path in sorted(ctx.files.items())]
        entries.append((folder + MANIFEST_FILE, manifest))
    if batch:
        entries.insert(0, (CLAIM_FILE, claim_path))
        entries.append(("batch.json", _batch_summary(work, exports, refused)))
    return write_zip(work / "export.zip", entries)


def _batch_summary(work: Path, exports: Sequence[Export], refused) -> Path:
    summary = {
        "exported": [{"case_id": export.case.id, "acn": export.acn,
                      "claim_control_number": export.claim_control_number} for export in exports],
        "refused": [{"case_id": case.id, "message": refusal.message,
                     "rules": sorted({finding.rule for finding in refusal.findings})} for case, refusal in refused],
    }
    path = work / "batch.json"
    path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return path


def _keep(zip_path: Path, *, home: Path, exports: Sequence[Export]) -> Path:
    folder = home / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"export-{exports[0].id}.zip"
    shutil.move(zip_path, target)
    return target


@contextlib.contextmanager
def _work_folder(home: Path) -> Iterator[Path]:
    tmp = home / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix="export-", dir=tmp))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _store():
    from docservice.extensions import storage

    return storage.store
