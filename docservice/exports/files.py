"""The files of an export: packet, CMS-1500, 837P, narrative, manifest, and the ZIP around them."""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pikepdf

from docservice.claimforms.cms1500 import render_cms1500
from docservice.claimforms.submission import Envelope, Party
from docservice.claimforms.x837p import check_837p, validate_837p, write_837p
from docservice.exports.context import ExportContext
from docservice.exports.errors import ExportFailed

CLAIM_FILE = "claim.837p"
CMS1500_FILE = "cms1500.pdf"
MANIFEST_FILE = "manifest.json"
# Entries dated 1980-01-01 (the ZIP epoch): the same files give the same ZIP.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def write_pdfs(ctx: ExportContext) -> None:
    """The packet, the CMS-1500 rendition and the narrative, into the context's output folder."""
    from docservice.packets import PacketDocument, PacketRequest, build_packet

    out = output_dir(ctx)
    narrative = next((part for part in ctx.parts if part.kind == "narrative"), None)
    documents = [
        PacketDocument(title=part.title, kind=part.kind, pdf_path=part.pdf_path, document_id=part.document_id)
        for part in ctx.parts if part.document_id is not None
    ]
    profile = payer_limits(ctx)
    packet = build_packet(
        PacketRequest(submission=ctx.submission, narrative_pdf=narrative.pdf_path if narrative else None,
                      documents=documents, limit_bytes=profile["limit_bytes"], accepts=profile["accepts"]),
        out_dir=out,
    )
    for item in packet.files:
        ctx.files[item.name] = Path(item.path)
        if item.over_limit:
            # A single page no recompression brought under the payer's limit: it is sent, never dropped,
            # and the biller is told so (the payer may want it another way, e.g. by mail).
            ctx.warnings.append(f"{item.name} is larger than the payer's {profile['limit_bytes'] // 1024} KB "
                                "attachment limit: one page could not be made smaller.")
    cms = out / CMS1500_FILE
    cms.write_bytes(render_cms1500(ctx.submission, mode="full"))
    ctx.files[CMS1500_FILE] = cms
    if narrative is not None:
        copy = out / narrative.pdf_path.name
        copy.write_bytes(narrative.pdf_path.read_bytes())
        ctx.files[copy.name] = copy


def payer_limits(ctx: ExportContext) -> dict:
    from docservice.settings.store import payer_profile

    payer = ctx.submission.coverage.payer
    profile = payer_profile(ctx.settings, payer.name, payer_id=payer.payer_id) or {}
    limit = profile.get("attachment_limit_mb")
    return {"limit_bytes": int(limit * 1024 * 1024) if limit else None, "accepts": profile.get("accepts", "pdf")}


def write_interchange(contexts: Sequence[ExportContext], *, settings: dict, numbers: tuple[int, int],
                      now: datetime) -> str:
    """One 837P interchange for the claims, checked by our rules and by pyx12 before anyone sees it.

    Raises:
        ExportFailed: the file would not be valid (a defect of ours; nothing is stored).
    """
    submitter, receiver = settings.get("submitter") or {}, settings.get("receiver") or {}
    envelope = Envelope(
        submitter=Party(name=submitter.get("name", ""), id=submitter.get("id", ""),
                        contact_name=submitter.get("contact_name", ""), contact_phone=submitter.get("contact_phone", "")),
        receiver=Party(name=receiver.get("name", ""), id=receiver.get("id", "")),
        interchange_control_number=numbers[0],
        group_control_number=numbers[1],
        created_at=now,
        usage=settings.get("usage", "P"),
    )
    text = write_837p([ctx.submission for ctx in contexts], envelope=envelope)
    problems = check_837p(text) + validate_837p(text)
    if problems:
        raise ExportFailed("MedLane wrote an 837P that does not validate, so nothing was exported: "
                           f"{problems[0]} Please report this.")
    return text


def write_manifest(ctx: ExportContext, *, exported_by: str, exported_at: datetime) -> tuple[Path, list[dict]]:
    """manifest.json: the case, its numbers and every other file with its hash (not itself).

    Returns the manifest's path and its file entries (what the Export row records).
    """
    entries = file_entries(ctx)
    manifest = {
        "case_id": ctx.case.id,
        "acn": ctx.numbers.acn,
        "claim_control_number": ctx.numbers.claim_control_number,
        "files": entries,
        "totals": {"charge": float(ctx.submission.total_charge), "lines": len(ctx.submission.lines)},
        "exported_by": exported_by,
        "exported_at": exported_at.isoformat(timespec="seconds") + "Z",
    }
    if ctx.warnings:
        manifest["warnings"] = ctx.warnings
    path = output_dir(ctx) / MANIFEST_FILE
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path, entries


def file_entries(ctx: ExportContext) -> list[dict]:
    """Name, hash and page count (None for what is not a PDF) of every file of the case."""
    return [
        {"name": name, "sha256": sha256_of(path), "pages": page_count(path) if name.endswith(".pdf") else None}
        for name, path in sorted(ctx.files.items())
    ]


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def write_zip(target: Path, entries: Sequence[tuple[str, Path]]) -> Path:
    """A ZIP of (name inside, file) pairs, in the given order, with fixed entry dates."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target


def output_dir(ctx: ExportContext) -> Path:
    out = ctx.work_dir / "out"
    out.mkdir(parents=True, exist_ok=True)
    return out


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
