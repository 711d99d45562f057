"""Build one searchable PDF page: the page image, upright and straight, under an invisible text layer.

The page image is, whenever the source allows, the source's own bytes: the original PDF page,
the JPEG file, the PNG's compressed data, a G4 re-encoding of a bilevel TIFF. Output is then
about the size of the input (OCRmyPDF #601, #1366: "output N times larger than input" is the
most common complaint about OCR'd PDFs). Orientation and skew corrections are applied as a
PDF transformation of those bytes, not by re-encoding them, and the invisible text layer
(`textlayer`: tesseract's words typeset in the OCR'd image's frame) is laid on top, upright.
"""
from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from docservice.ocr.inspect import open_pdf

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Correction:
    """How the OCR'd image differs from the page image.

    Attributes:
        rotation: Clockwise quarter turn in degrees (0, 90, 180, 270) that made the page upright.
        skew_degrees: The page's counter-clockwise skew, which was rotated away.
    """

    rotation: int = 0
    skew_degrees: float = 0.0


NO_CORRECTION = Correction()


def write_pdf_page(
    *,
    src: Path,
    index: int,
    out: Path,
    text_layer: Path | None = None,
    correction: Correction = NO_CORRECTION,
) -> Path:
    """Copy page `index` of the PDF `src` to `out`, corrected and with `text_layer` over it."""
    reader = open_pdf(src)
    base = reader.pages[index]
    return _write_composed(base, out=out, text_layer=text_layer, correction=correction)


def copy_pdf_page(*, src: Path, index: int, out: Path) -> Path:
    """Copy page `index` of the PDF `src` to `out` untouched (a born-digital page)."""
    writer = PdfWriter()
    writer.add_page(open_pdf(src).pages[index])
    with out.open("wb") as file:
        writer.write(file)
    return out


def write_image_page(
    xobject: StreamObject,
    *,
    size_px: tuple[int, int],
    dpi: tuple[float, float],
    out: Path,
    text_layer: Path | None = None,
    correction: Correction = NO_CORRECTION,
) -> Path:
    """Write a page showing one image at its physical size, corrected and with `text_layer` over it."""
    width_pt, height_pt = size_px[0] / dpi[0] * 72, size_px[1] / dpi[1] * 72
    holder = PdfWriter()
    base = holder.add_blank_page(width=width_pt, height=height_pt)
    resources = DictionaryObject({NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): holder._add_object(xobject)})})
    base[NameObject("/Resources")] = resources
    content = DecodedStreamObject()
    content.set_data(b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (width_pt, height_pt))
    base.replace_contents(content)
    return _write_composed(base, out=out, text_layer=text_layer, correction=correction)


def jpeg_xobject(data: bytes) -> StreamObject:
    """An image XObject holding a JPEG file's bytes unchanged (DCTDecode)."""
    with Image.open(io.BytesIO(data)) as image:
        width, height, mode = image.width, image.height, image.mode
    colour_space = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}.get(mode)
    if colour_space is None:
        raise ValueError(f"JPEG mode {mode} cannot be embedded as is")
    entries = _image_entries(width, height, bits=8, colour_space=NameObject(colour_space), filter_name="/DCTDecode")
    if mode == "CMYK" and b"Adobe" in data[:4096]:
        # Adobe's CMYK JPEGs store inverted values (Pillow and every viewer undo it the same way).
        entries[NameObject("/Decode")] = ArrayObject([NumberObject(v) for v in (1, 0, 1, 0, 1, 0, 1, 0)])
    return _stream(data, entries)


def png_xobject(data: bytes) -> StreamObject | None:
    """An image XObject holding a PNG file's compressed pixels unchanged, or None if it can't.

    A PNG's IDAT chunks are a zlib stream of PNG-filtered rows, which is exactly what PDF's
    FlateDecode with /Predictor 15 decodes (the img2pdf trick). Interlaced PNGs and those with an
    alpha channel cannot be passed through.
    """
    chunks = _png_chunks(data)
    if chunks is None or b"IHDR" not in chunks:
        return None
    width, height, bits, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    if interlace or colour_type not in (0, 2, 3):
        return None
    colours = {0: 1, 2: 3, 3: 1}[colour_type]
    if colour_type == 3:
        palette = b"".join(chunks.get(b"PLTE", []))
        if not palette:
            return None
        colour_space = ArrayObject(
            [NameObject("/Indexed"), NameObject("/DeviceRGB"), NumberObject(len(palette) // 3 - 1), ByteStringObject(palette)]
        )
    else:
        colour_space = NameObject("/DeviceGray" if colours == 1 else "/DeviceRGB")
    entries = _image_entries(width, height, bits=bits, colour_space=colour_space, filter_name="/FlateDecode")
    entries[NameObject("/DecodeParms")] = DictionaryObject(
        {
            NameObject("/Predictor"): NumberObject(15),
            NameObject("/Colors"): NumberObject(colours),
            NameObject("/BitsPerComponent"): NumberObject(bits),
            NameObject("/Columns"): NumberObject(width),
        }
    )
    return _stream(b"".join(chunks[b"IDAT"]), entries)


def g4_xobject(image: Image.Image) -> StreamObject:
    """An image XObject of a 1-bit image compressed with CCITT Group 4 (lossless, ~50 KB a page)."""
    bilevel = image if image.mode == "1" else image.convert("1")
    buffer = io.BytesIO()
    width, height = bilevel.size
    bilevel.save(buffer, "TIFF", compression="group4", strip_size=(width + 7) // 8 * height)
    tiff = buffer.getvalue()
    with Image.open(io.BytesIO(tiff)) as parsed:
        offsets, counts = parsed.tag_v2[273], parsed.tag_v2[279]
    data = b"".join(tiff[offset : offset + count] for offset, count in zip(offsets, counts))
    entries = _image_entries(width, height, bits=1, colour_space=NameObject("/DeviceGray"), filter_name="/CCITTFaxDecode")
    entries[NameObject("/DecodeParms")] = DictionaryObject(
        {
            NameObject("/K"): NumberObject(-1),
            NameObject("/BlackIs1"): BooleanObject(True),  # as Pillow writes mode "1" G4 strips
            NameObject("/Columns"): NumberObject(width),
            NameObject("/Rows"): NumberObject(height),
        }
    )
    return _stream(data, entries)


def encoded_png_xobject(image: Image.Image) -> StreamObject:
    """An image XObject of any 8-bit image, losslessly, via a PNG encoding (for TIFF photos)."""
    if image.mode not in ("L", "RGB", "P", "1"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    xobject = png_xobject(buffer.getvalue())
    if xobject is None:  # not reachable for the modes above; keep the type honest
        raise ValueError("cannot embed image")
    return xobject


def _write_composed(base: PageObject, *, out: Path, text_layer: Path | None, correction: Correction) -> Path:
    if base.rotation:
        base.transfer_rotation_to_content()
    box = base.cropbox
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    quarter = correction.rotation % 180 == 90
    out_width, out_height = (height, width) if quarter else (width, height)
    # Visual counter-clockwise angle that takes the page image to the OCR'd image. PDF space has
    # y up, so a visual counter-clockwise turn is a mathematically positive rotation there.
    angle = -correction.rotation - correction.skew_degrees
    placement = (
        Transformation()
        .translate(-left - width / 2, -bottom - height / 2)
        .rotate(angle)
        .translate(out_width / 2, out_height / 2)
    )
    writer = PdfWriter()
    page = writer.add_blank_page(width=out_width, height=out_height)
    page.merge_transformed_page(base, placement)
    if text_layer is not None:
        layer = PdfReader(text_layer).pages[0]
        scale = Transformation().scale(out_width / float(layer.mediabox.width), out_height / float(layer.mediabox.height))
        page.merge_transformed_page(layer, scale)
    page.compress_content_streams()
    with out.open("wb") as file:
        writer.write(file)
    return out


def _image_entries(width: int, height: int, *, bits: int, colour_space, filter_name: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(width),
            NameObject("/Height"): NumberObject(height),
            NameObject("/BitsPerComponent"): NumberObject(bits),
            NameObject("/ColorSpace"): colour_space,
            NameObject("/Filter"): NameObject(filter_name),
        }
    )


def _stream(data: bytes, entries: DictionaryObject) -> StreamObject:
    stream = StreamObject()
    stream._data = data  # already encoded by its /Filter: write the bytes as they are
    stream.update(entries)
    return stream


def _png_chunks(data: bytes) -> dict[bytes, list[bytes]] | None:
    if not data.startswith(_PNG_SIGNATURE):
        return None
    chunks: dict[bytes, list[bytes]] = {}
    position = len(_PNG_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            return None
        chunks.setdefault(kind, []).append(body)
        position += 12 + length
        if kind == b"IEND":
            break
    # A PNG whose zlib data does not even start is damaged; inspect would have refused it.
    if b"IDAT" not in chunks or not _zlib_header_ok(chunks[b"IDAT"][0]):
        return None
    return chunks


def _zlib_header_ok(first: bytes) -> bool:
    try:
        zlib.decompressobj().decompress(first[:64])
    except zlib.error:
        return False
    return True
