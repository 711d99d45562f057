"""Fixtures of the document-review tests: an OCR engine that reads what the test says, cases, uploads."""
from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from tests.docservice import samples
from tests.docservice.fakes import FakeEngine


class ScriptedEngine(FakeEngine):
    """OCR reads `texts` (page i gets texts[i]); classify answers `classification` when one is set."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.classification = None

    def process_page(self, src, index, *, workdir, timeout):
        result = super().process_page(src, index, workdir=workdir, timeout=timeout)
        text = self.texts[index] if index < len(self.texts) else ""
        return type(result)(**{**result.__dict__, "text": text})

    def classify(self, text, *, image_stats=None):
        return self.classification or super().classify(text, image_stats=image_stats)


@pytest.fixture
def engine() -> ScriptedEngine:
    return ScriptedEngine()


@pytest.fixture
def app(make_app, engine):
    return make_app(OCR_ENGINE=engine)


@pytest.fixture
def new_case(client, auth) -> Callable[..., int]:
    """new_case(apt_num=..., patient={...}) -> the id of a case posted by the flagger (patient Jane Roe, 1970-01-31)."""

    def post(**changes) -> int:
        response = client.post("/api/v1/cases", json=samples.case_body(**changes), headers=auth("service"))
        assert response.status_code in (200, 201), response.json
        return response.json["id"]

    return post


@pytest.fixture
def upload_text(client, auth, engine) -> Callable[..., object]:
    """upload_text(case_id, "page 1 text", ..., variant=0) -> the response; `variant` makes different bytes."""

    def upload(case_id: int | None, *pages: str, variant: int = 0, role: str = "assistant", name: str = "scan.pdf"):
        engine.texts = list(pages)
        data = {"file": (io.BytesIO(samples.blank_pdf(len(pages), size=(425 + variant, 550))), name)}
        url = f"/api/v1/cases/{case_id}/documents" if case_id is not None else "/api/v1/documents"
        return client.post(url, data=data, headers=auth(role))

    return upload


@pytest.fixture
def pdf_bytes() -> Callable[..., bytes]:
    """pdf_bytes(pages, variant) -> a blank scanned PDF (keep the bytes to upload the same file twice)."""
    return lambda pages=1, variant=0: samples.blank_pdf(pages, size=(425 + variant, 550))


@pytest.fixture
def simple_facts(monkeypatch):
    """Fact extraction reduced to one rule ("REI <n>" is an AHI fact), so these tests follow which
    documents are read, whatever the real wording rules (being rewritten elsewhere) make of them."""
    import re

    import docservice.facts.store as store
    from docservice.facts.extract import ExtractedFact

    def read(text, *, page=None, source="document", **_):
        return [ExtractedFact(name="ahi", value=float(found.group(1)), display=f"AHI {found.group(1)}",
                              snippet=found.group(0), start=found.start(), end=found.end(), page=page, source=source)
                for found in re.finditer(r"REI (\d+)", text)]

    monkeypatch.setattr(store, "extract_text_facts", read)
