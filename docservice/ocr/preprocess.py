"""Prepare a scanned page for OCR: resolution, orientation, skew, background, binarization.

All steps work on in-memory numpy arrays (greyscale uint8); only the final OCR input is written
to disk, once, by the caller. Angles follow one convention throughout: positive is
counter-clockwise as seen on screen, like `PIL.Image.rotate`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from docservice.ocr.tesseract import Orientation, run_osd

log = logging.getLogger(__name__)

TARGET_DPI = 300
# Below this, text is upscaled to TARGET_DPI: tesseract's models are trained on glyphs about
# 20-30 px tall, and 150 dpi faxes (or 204x98 "standard" faxes) give half that.
MIN_OCR_DPI = 250
# The skew angle is estimated on a thumbnail of about this resolution: 0.04 s instead of 1.4 s
# on the full page, within 1 degree on all 64 synthetic pages we tried (40 dpi missed 2).
THUMBNAIL_DPI = 60
# Skews smaller than this are left alone: rotating costs time and softens glyph edges.
MIN_SKEW_DEGREES = 0.3
# Paper noise (std of the flattened paper) above which binarization switches to Sauvola; clean
# scans, faxes and JPEG q90 measure 2-7, our degraded pages 20 and more.
NOISY_PAPER_STD = 12.0
SAUVOLA_WINDOW = 31  # px at 300 dpi: a bit over a text line's height
SAUVOLA_K = 0.35  # best of 0.2/0.35 and windows 31/61 on our degraded pages
# Larger "skews" are not scanner skew (a diagram, a photo): never rotate by them.
MAX_SKEW_DEGREES = 15.0
# `projection_skew` works at this resolution: 11 pt capitals are 15 px tall there.
PROFILE_DPI = 100
MIN_PROFILE_INK = 200  # ink pixels at PROFILE_DPI: a few words
# How much sharper than at 0 degrees the best line profile must be to count as a skew: 1.35-1.5x
# on our JPEG pages skewed by 1 degree, 2.2-2.6x at 3-10 degrees, 1.0 straight or on noise.
MIN_PROFILE_GAIN = 1.2


@dataclass(frozen=True)
class ImageStats:
    """Grey-level statistics of a page thumbnail, to tell text pages from photos and radiographs.

    Attributes:
        paper_fraction: Share of pixels at the local paper brightness (high on text pages).
        bright_tile_fraction: Share of page tiles whose brightest pixels look like paper.
        dark_fraction: Share of very dark pixels (the field around a radiograph).
        colourfulness: Hasler-Suesstrunk colourfulness; above about 20 is a colour photo.
        kind: "text", "photo" or "radiograph".
    """

    paper_fraction: float
    bright_tile_fraction: float
    dark_fraction: float
    colourfulness: float
    kind: str

    @property
    def is_text(self) -> bool:
        return self.kind == "text"


def to_grey(image: Image.Image) -> np.ndarray:
    """Return an 8-bit greyscale array of any Pillow image (1-bit, palette, 16-bit, colour, alpha)."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        # 16-bit radiographs and scans: scale the used range to 8 bits; Pillow's convert("L")
        # would clip everything above 255 to white.
        pixels = np.asarray(image, dtype=np.float32)
        low, high = np.percentile(pixels, (0.5, 99.5))
        scaled = (pixels - low) * (255.0 / max(high - low, 1.0))
        return np.clip(scaled, 0, 255).astype(np.uint8)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        # Transparent areas are paper, not black.
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    if image.mode != "L":
        image = image.convert("L")
    return np.asarray(image)


def upscale_low_resolution(
    grey: np.ndarray, dpi: tuple[float, float], *, target_dpi: int = TARGET_DPI
) -> tuple[np.ndarray, tuple[float, float]]:
    """Resample a low-resolution page (a fax) to `target_dpi`, making its pixels square.

    Each axis is scaled on its own, so a 204x98 dpi standard-mode fax becomes 300x300.

    Returns:
        The image and its new resolution (unchanged if it was already fine).
    """
    if min(dpi) >= MIN_OCR_DPI and abs(dpi[0] - dpi[1]) < 1:
        return grey, dpi
    scale_x, scale_y = target_dpi / dpi[0], target_dpi / dpi[1]
    if scale_x <= 1 and scale_y <= 1:
        return grey, dpi
    height, width = grey.shape
    size = (max(1, round(width * scale_x)), max(1, round(height * scale_y)))
    # Cubic interpolation of a 1-bit fax gives smooth grey edges that the binarization below
    # turns into cleaner strokes than nearest-neighbour blocks would.
    return cv2.resize(grey, size, interpolation=cv2.INTER_CUBIC), (float(target_dpi), float(target_dpi))


def soften_bilevel(grey: np.ndarray) -> np.ndarray:
    """Blur a 1-bit page slightly so binarization can redo its thresholding.

    Scanners in black-and-white mode often dither: grey paper and soft strokes become a dot
    pattern that tesseract reads as noise (CER 74%, 15 s a page, on a dithered copy of one of
    our degraded test pages). A Gaussian of 1 px at 300 dpi averages the dots back to grey (CER 0%,
    0.8 s) and leaves cleanly thresholded pages unchanged.
    """
    return cv2.GaussianBlur(grey, (0, 0), 1.0)


def make_thumbnail(grey: np.ndarray, dpi: float, *, target_dpi: float = THUMBNAIL_DPI) -> np.ndarray:
    """Downsample by area averaging to about `target_dpi`."""
    factor = max(1, round(dpi / target_dpi))
    if factor == 1:
        return grey
    height, width = grey.shape
    return cv2.resize(grey, (max(1, width // factor), max(1, height // factor)), interpolation=cv2.INTER_AREA)


def estimate_skew(grey: np.ndarray, *, dpi: float) -> tuple[bool, float]:
    """Estimate the text-line angle of a page on a cleaned thumbnail.

    The thumbnail's background is flattened first: on a raw thumbnail of an unevenly lit page the
    Hough transform locks on to the lighting gradient and reports 0 degrees. (Binarizing it as
    well made short, sparse pages ambiguous at 45 degrees in our tests.)

    Args:
        grey: The page.
        dpi: Its resolution.

    Returns:
        (sideways, skew): whether text lines run vertically (the page is turned by 90 or 270
        degrees: orientation detection must decide which), and the page's own skew in degrees,
        counter-clockwise, within +-MAX_SKEW_DEGREES; 0.0 when there is no clear line direction.
    """
    thumbnail = make_thumbnail(grey, dpi)
    flat = flatten_background(thumbnail, dpi=min(dpi, THUMBNAIL_DPI))
    return _dominant_line_direction(_hough_peaks(flat))


def _hough_peaks(flat: np.ndarray) -> list[tuple[float, float]]:
    """The strongest straight lines of a page's edges, as (correction in degrees, strength).

    The correction is the counter-clockwise turn that makes the line horizontal (within +-45
    degrees) or vertical (beyond), as `deskew.determine_skew(angle_pm_90=True)` states it; the
    strength is the number of edge pixels on the line.
    """
    # deskew imports scikit-image and SciPy (seconds): only a process that really OCRs pays for them,
    # not every command and server that merely imports the OCR package.
    from deskew import determine_skew_dev

    _, (_, (strengths, angles, _), _) = determine_skew_dev(flat, angle_pm_90=True, min_deviation=np.deg2rad(1.0))
    return [(float(np.rad2deg(angle % np.pi - np.pi / 2)), float(strength)) for angle, strength in zip(angles, strengths)]


def _dominant_line_direction(peaks: list[tuple[float, float]]) -> tuple[bool, float]:
    """Pick the page's skew from Hough line peaks: (sideways, counter-clockwise skew).

    `deskew.determine_skew` takes the angle shared by the most of its 20 peaks, however weak.
    Weak diagonal peaks, at exactly 45 degrees and at 20-30, are common on text pages; on a
    JPEG of a page skewed by -6 degrees they outnumbered the five text-line peaks, each two to
    four times as strong, so the page was read unstraightened and tesseract found no text at all
    (and the same page as PNG won by a single vote). Here only angles a scanner can plausibly
    skew a sheet by compete, and each peak counts by its strength: 19 of 1152 synthetic pages
    (PNG, JPEG q40-95, fax, degraded, sideways; -10 to 10 degrees) were more than 1 degree off
    before, none after.
    """
    votes: dict[float, float] = {}
    family = {False: 0.0, True: 0.0}  # total strength of horizontal and of vertical lines
    for correction, strength in peaks:
        sideways = abs(correction) > 45
        # Fold the quarter turn out: it is the orientation step's business. determine_skew
        # gives the rotation that straightens the lines; the page's own skew is the opposite.
        skew = -(((correction + 45) % 90) - 45)
        if abs(skew) > MAX_SKEW_DEGREES:
            continue  # never scanner skew: a diagonal, a diagram, grid aliasing
        key = round(skew, 3)  # peaks lie on a 1-degree grid; rounding merges float noise
        votes[key] = votes.get(key, 0.0) + strength
        family[sideways] += strength
    if not votes:
        return False, 0.0  # no line direction at all: a blank or odd page
    skew = max(votes, key=votes.__getitem__)
    return family[True] > family[False], skew + 0.0  # + 0.0: no -0.0 in results and logs


def projection_skew(bilevel: np.ndarray, *, dpi: float = TARGET_DPI) -> float | None:
    """A second opinion on a binarized page's skew, from the profiles of its text lines.

    Independent of the Hough estimate in `estimate_skew`, for when OCR suggests that one failed:
    ink is projected along each candidate angle within +-MAX_SKEW_DEGREES, and text lines give
    the sharpest profile (the largest sum of squared row counts) when the angle is theirs. Works
    on the ink's coordinates at 100 dpi (about 10 ms a page) instead of rotating the image per angle.

    Returns:
        The page's counter-clockwise skew in degrees (0.1 degree steps), or None when there is
        too little ink, or no angle gives a clearly sharper profile than 0 degrees (a blank page,
        noise, a picture).
    """
    small = make_thumbnail(bilevel, dpi, target_dpi=PROFILE_DPI)
    rows, cols = np.nonzero(small < 128)
    if rows.size < MIN_PROFILE_INK:
        return None
    rows, cols = rows.astype(np.float64), cols.astype(np.float64)
    coarse = _sharpest_angle(rows, cols, np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 0.01, 0.5))
    fine = _sharpest_angle(rows, cols, np.arange(coarse - 0.5, coarse + 0.51, 0.1))
    if _profile_sharpness(rows, cols, fine) < MIN_PROFILE_GAIN * _profile_sharpness(rows, cols, 0.0):
        return None
    return round(fine, 1) + 0.0


def _sharpest_angle(rows: np.ndarray, cols: np.ndarray, angles: np.ndarray) -> float:
    sharpness = [_profile_sharpness(rows, cols, angle) for angle in angles]
    return float(angles[int(np.argmax(sharpness))])


def _profile_sharpness(rows: np.ndarray, cols: np.ndarray, degrees: float) -> float:
    # A line skewed counter-clockwise by a rises to the right: row + col * tan(a) is constant
    # along it (rows grow downwards).
    bins = np.round(rows + cols * np.tan(np.deg2rad(degrees))).astype(np.int64)
    counts = np.bincount(bins - bins.min())
    return float(np.dot(counts, counts)) / rows.size


def detect_orientation(grey: np.ndarray, *, workdir: Path, timeout: float, dpi: float = TARGET_DPI) -> Orientation | None:
    """Ask tesseract OSD which way up the page is, on a half-resolution copy.

    OSD costs about 0.5 s at 150 dpi (1.1 s at 300 dpi, with the same answers on our pages), a
    large share of a page's OCR time, so the pipeline only calls it when a page looks sideways
    or OCRs with low confidence.

    Returns:
        The clockwise correction, or None when OSD found too little text to say.

    Raises:
        PageTimeout: OSD ran longer than `timeout`.
    """
    path = workdir / "osd.png"
    Image.fromarray(np.ascontiguousarray(grey[::2, ::2])).save(path, "PNG", compress_level=1)
    return run_osd(path, timeout=timeout, dpi=round(dpi / 2))


def rotate_and_deskew(grey: np.ndarray, *, rotation: int, skew_degrees: float) -> np.ndarray:
    """Turn the page upright and straighten it.

    Args:
        grey: The page.
        rotation: Clockwise quarter turns to apply, in degrees (0, 90, 180, 270), as tesseract OSD
            and PDF /Rotate state them.
        skew_degrees: The page's counter-clockwise skew; the page is rotated by its opposite
            about its centre, keeping its size and filling the corners with white.
    """
    if rotation % 360:
        grey = np.ascontiguousarray(np.rot90(grey, k=-(rotation // 90)))
    if abs(skew_degrees) < MIN_SKEW_DEGREES or abs(skew_degrees) > MAX_SKEW_DEGREES:
        return grey
    height, width = grey.shape
    # cv2's angle is counter-clockwise with the y axis down, like ours.
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -skew_degrees, 1.0)
    return cv2.warpAffine(
        grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )


def flatten_background(grey: np.ndarray, *, dpi: float = TARGET_DPI) -> np.ndarray:
    """Divide out uneven lighting and paper tint so the paper is uniformly white.

    The background is estimated at low resolution by a grey-level closing (a local maximum wider
    than any stroke, which removes the ink), then smoothed and scaled back up.
    """
    factor = max(1, round(dpi / 50))  # work at about 50 dpi: strokes are 1-2 px there
    height, width = grey.shape
    small = cv2.resize(grey, (max(1, width // factor), max(1, height // factor)), interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7))
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), 3)
    background = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(background, 1), scale=255)
    return flat


def binarize(flat: np.ndarray) -> np.ndarray:
    """Threshold a flattened page to black text on white (0/255).

    Clean pages take a global Otsu threshold (10 ms). Noisy ones, where flattening has amplified
    the noise in dark corners, are smoothed and take Sauvola's local threshold instead, which
    rises with local variance and so leaves noise as paper: on our heavily degraded pages (6 deg
    skew, 55% light fall-off, blur, noise sigma 35, JPEG q40) CER went from 5-98% with Otsu to
    0-0.2%, for 0.15 s more a page.

    Args:
        flat: A page from `flatten_background`.

    Returns:
        A uint8 array of 0 and 255.
    """
    if estimate_noise(flat) < NOISY_PAPER_STD:
        denoised = cv2.medianBlur(flat, 3)  # salt-and-pepper specks
        _, bilevel = cv2.threshold(denoised, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        return bilevel
    smoothed = cv2.medianBlur(cv2.GaussianBlur(flat, (0, 0), 1.0), 3)
    return _sauvola(smoothed)


def estimate_noise(flat: np.ndarray) -> float:
    """Standard deviation of the paper of a flattened page (about 2 clean, over 20 when noisy)."""
    sample = flat[::4, ::4]
    paper = sample[sample > 160]
    return float(paper.std()) if paper.size else 0.0


def _sauvola(grey: np.ndarray, *, window: int = SAUVOLA_WINDOW, k: float = SAUVOLA_K) -> np.ndarray:
    # T = m * (1 + k * (s / R - 1)) with local mean m and deviation s over the window (Sauvola
    # and Pietikainen 2000, R = 128). Box filters make it O(1) per pixel; OpenCV in-place ops
    # keep it to three 34 MB float buffers a page (numpy temporaries made it 3x slower).
    pixels = grey.astype(np.float32)
    mean = cv2.boxFilter(pixels, cv2.CV_32F, (window, window))
    spread = cv2.sqrBoxFilter(pixels, cv2.CV_32F, (window, window))
    square = cv2.multiply(mean, mean)
    cv2.subtract(spread, square, dst=spread)
    cv2.max(spread, 0, dst=spread)
    cv2.sqrt(spread, dst=spread)
    cv2.multiply(mean, spread, dst=spread, scale=k / 128.0)
    cv2.scaleAdd(mean, 1.0 - k, spread, dst=spread)  # spread is now the threshold
    return cv2.compare(pixels, spread, cv2.CMP_GT)


def measure_image(image: Image.Image, dpi: tuple[float, float]) -> ImageStats:
    """Compute the statistics that tell a text page from a photo or a radiograph."""
    thumbnail = image.copy()
    factor = max(1, round(max(dpi) / 75))
    if factor > 1:
        thumbnail = thumbnail.reduce(factor) if thumbnail.mode in ("L", "RGB") else thumbnail.resize(
            (max(1, image.width // factor), max(1, image.height // factor))
        )
    colourfulness = _colourfulness(thumbnail)
    grey = to_grey(thumbnail).astype(np.float32)
    return _classify_grey_levels(grey, colourfulness=colourfulness)


def looks_like_photo_or_radiograph(image: Image.Image, dpi: tuple[float, float] = (300.0, 300.0)) -> bool:
    """True for pictures (photos, radiographs), which must never be binarized or deskewed."""
    return not measure_image(image, dpi).is_text


def _classify_grey_levels(grey: np.ndarray, *, colourfulness: float) -> ImageStats:
    top = float(np.percentile(grey, 99)) or 1.0
    tiles = _tile_percentiles(grey, percentile=90, grid=(12, 9))
    bright_tiles = float(np.mean(tiles >= 0.5 * top))
    # A pixel is paper when it is within 15% of its tile's paper level and that level is bright.
    paper_level = cv2.resize(tiles.astype(np.float32), (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    paper = (grey >= 0.85 * paper_level) & (paper_level >= 0.5 * top)
    paper_fraction = float(np.mean(paper))
    dark_fraction = float(np.mean(grey < 0.25 * top))
    if paper_fraction >= 0.6 and bright_tiles >= 0.75 and colourfulness < 30:
        kind = "text"
    elif dark_fraction >= 0.25 and colourfulness < 12:
        kind = "radiograph"
    else:
        kind = "photo"
    return ImageStats(
        paper_fraction=round(paper_fraction, 3),
        bright_tile_fraction=round(bright_tiles, 3),
        dark_fraction=round(dark_fraction, 3),
        colourfulness=round(colourfulness, 1),
        kind=kind,
    )


def _tile_percentiles(grey: np.ndarray, *, percentile: float, grid: tuple[int, int]) -> np.ndarray:
    rows, cols = grid
    height, width = grey.shape
    result = np.empty((rows, cols), dtype=np.float32)
    for row in range(rows):
        for col in range(cols):
            tile = grey[row * height // rows : (row + 1) * height // rows, col * width // cols : (col + 1) * width // cols]
            result[row, col] = np.percentile(tile, percentile) if tile.size else 0.0
    return result


def _colourfulness(image: Image.Image) -> float:
    if image.mode not in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV"):
        return 0.0
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32)
    red, green, blue = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    rg = red - green
    yb = 0.5 * (red + green) - blue
    return float(np.hypot(rg.std(), yb.std()) + 0.3 * np.hypot(rg.mean(), yb.mean()))
