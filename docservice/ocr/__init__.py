"""OCR pipeline for uploaded clinical documents: validate, OCR page by page, assemble, classify.

The document service uses it in three steps, so a job queue can run one page per task:

    info = inspect_document(path)                      # raises DocumentError -> 4xx
    results = [process_page(path, page.index, workdir=..., info=page, media_type=info.media_type)
               for page in info.pages]                 # one queue task each
    assemble_searchable_pdf([r.pdf_path for r in results], out)
    classify_document("\\f".join(r.text for r in results), image_stats=[...])

`process_document` does all of it with a process pool, for scripts and tests.
"""
from __future__ import annotations

from docservice.ocr.assemble import assemble_searchable_pdf
from docservice.ocr.classify import KINDS, Classification, classify_document
from docservice.ocr.errors import (
    CorruptDocument,
    CorruptImage,
    CorruptPdf,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedPdf,
    PageError,
    PageTimeout,
    RenderError,
    TesseractError,
    TooManyPages,
    TooManyPixels,
    UnsupportedDocument,
)
from docservice.ocr.inspect import DocumentInfo, PageInfo, inspect_document, inspect_page
from docservice.ocr.limits import DEFAULT_LIMITS, Limits, check_file_size
from docservice.ocr.pages import PageResult, process_page
from docservice.ocr.pipeline import DocumentResult, process_document
from docservice.ocr.rasterize import rasterize_page
from docservice.ocr.sniff import sniff_media_type
from docservice.ocr.tesseract import TesseractResult, run_tesseract

__all__ = [
    "DEFAULT_LIMITS",
    "KINDS",
    "Classification",
    "CorruptDocument",
    "CorruptImage",
    "CorruptPdf",
    "DocumentError",
    "DocumentInfo",
    "DocumentResult",
    "DocumentTooLarge",
    "EmptyDocument",
    "EncryptedPdf",
    "Limits",
    "PageError",
    "PageInfo",
    "PageResult",
    "PageTimeout",
    "RenderError",
    "TesseractError",
    "TesseractResult",
    "TooManyPages",
    "TooManyPixels",
    "UnsupportedDocument",
    "assemble_searchable_pdf",
    "check_file_size",
    "classify_document",
    "inspect_document",
    "inspect_page",
    "process_document",
    "process_page",
    "rasterize_page",
    "run_tesseract",
    "sniff_media_type",
]
