"""`check_837p`: what an 837P must mean, checked on the text itself.

pyx12 checks the shape of an interchange, not its meaning: it accepts ICD-9 qualifiers on ICD-10
codes, pointers past the last diagnosis and totals that do not add up. These checks read the text
back segment by segment, on purpose without any of the writer's code, so a writer bug cannot hide
behind the same bug here. Findings name MedLane's claim numbers and line numbers, never a patient.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

# X12 facts restated here rather than imported from the writer's modules or codes.yaml: this check
# must not share a mistake with the code it checks.
ISA_LENGTH = 106  # the fixed-width ISA, terminator included
_ICD10_PRINCIPAL = "ABK"
_ICD10_OTHER = "ABF"
_DIAGNOSIS_QUALIFIERS = {_ICD10_PRINCIPAL, _ICD10_OTHER, "BK", "BF"}  # BK/BF: the ICD-9 ones
_MAX_POINTERS = 4


@dataclass
class _Line:
    number: str
    charge: Decimal | None = None
    pointers: list[str] = field(default_factory=list)
    control_numbers: list[str] = field(default_factory=list)


@dataclass
class _Claim:
    number: str
    total: Decimal | None
    diagnosis_qualifiers: list[str] | None = None  # None when the claim has no diagnosis HI
    attachments: list[_Segment] = field(default_factory=list)  # its PWK segments
    lines: list[_Line] = field(default_factory=list)

    @property
    def diagnoses(self) -> int:
        return len(self.diagnosis_qualifiers or ())


def check_837p(text: str) -> list[str]:
    """Sentences for each meaning problem found in the interchange `text`; empty when none."""
    segments = _split(text)
    if segments is None:
        return ["The text is not an X12 interchange (it must start with a complete ISA segment)."]
    findings = _check_envelope_counts(segments)
    claims = _read_claims(segments)
    for claim in claims:
        findings += _check_claim(claim)
    findings += _check_line_control_numbers_unique(claims)
    return findings


# -------------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Segment:
    """One segment read back: its id and raw elements, split into components on demand."""

    id: str
    elements: tuple[str, ...]  # elements[0] is the first data element (XX01)
    component_separator: str

    def element(self, position: int) -> str:
        return self.elements[position - 1] if len(self.elements) >= position else ""

    def components(self, position: int) -> list[str]:
        return self.element(position).split(self.component_separator)


def _split(text: str) -> list[_Segment] | None:
    """The interchange's segments. Delimiters are taken from the ISA itself, as every X12 reader
    does: element separator after "ISA", component separator in ISA16, terminator after it."""
    body = text.lstrip()
    if not body.startswith("ISA") or len(body) < ISA_LENGTH:
        return None
    element, component, terminator = body[3], body[104], body[105]
    segments = []
    for raw in body.split(terminator):
        values = raw.strip("\r\n ").split(element)
        if values[0]:
            segments.append(_Segment(id=values[0], elements=tuple(values[1:]), component_separator=component))
    return segments


def _read_claims(segments: list[_Segment]) -> list[_Claim]:
    """The claims (CLM ... up to the next CLM, HL or SE), with their HI and 2400 lines."""
    claims: list[_Claim] = []
    claim: _Claim | None = None
    line: _Line | None = None
    for segment in segments:
        seg_id = segment.id
        if seg_id in ("HL", "SE"):
            claim, line = None, None
        elif seg_id == "CLM":
            claim = _Claim(number=segment.element(1), total=_decimal(segment.element(2)))
            claims.append(claim)
            line = None
        elif claim is None:
            continue
        elif seg_id == "HI" and segment.components(1)[0] in _DIAGNOSIS_QUALIFIERS:
            # (other HI segments carry condition codes or anaesthesia procedures, not diagnoses)
            claim.diagnosis_qualifiers = [segment.components(n)[0] for n in range(1, len(segment.elements) + 1)]
        elif seg_id == "LX":
            line = _Line(number=segment.element(1))
            claim.lines.append(line)
        elif seg_id == "SV1" and line is not None:
            line.charge = _decimal(segment.element(2))
            line.pointers = [p for p in segment.components(7) if p]
        elif seg_id == "REF" and line is not None and segment.element(1) == "6R":
            line.control_numbers.append(segment.element(2))
        elif seg_id == "PWK":
            claim.attachments.append(segment)
    return claims


# -------------------------------------------------------------------------------- checks


def _check_envelope_counts(segments: list[_Segment]) -> list[str]:
    """SE01 counts ST..SE; GE01 counts transaction sets; IEA01 counts groups; numbers match."""
    findings: list[str] = []
    groups = transactions = 0
    st_index: int | None = None
    st_number = gs_number = ""
    isa_number = segments[0].element(13)
    for index, segment in enumerate(segments):
        if segment.id == "GS":
            groups, transactions, gs_number = groups + 1, 0, segment.element(6)
        elif segment.id == "ST":
            transactions, st_index, st_number = transactions + 1, index, segment.element(2)
        elif segment.id == "SE" and st_index is not None:
            counted = index - st_index + 1
            findings += _count_mismatch(segment, counted=counted, what="the transaction set", unit="segments")
            findings += _number_mismatch(segment, expected=st_number, header="ST02", what="transaction set")
            st_index = None
        elif segment.id == "GE":
            findings += _count_mismatch(segment, counted=transactions, what="the group", unit="transaction sets")
            findings += _number_mismatch(segment, expected=gs_number, header="GS06", what="group")
        elif segment.id == "IEA":
            findings += _count_mismatch(segment, counted=groups, what="the interchange", unit="groups")
            findings += _number_mismatch(segment, expected=isa_number, header="ISA13", what="interchange")
    if st_index is not None:
        findings.append("The transaction set has no SE trailer.")
    if not any(segment.id == "IEA" for segment in segments):
        findings.append("The interchange has no IEA trailer.")
    return findings


def _count_mismatch(trailer: _Segment, *, counted: int, what: str, unit: str) -> list[str]:
    stated = trailer.element(1)
    if stated == str(counted):
        return []
    return [f"{trailer.id}01 says {stated or 'nothing'}, but {what} has {counted} {unit}."]


def _number_mismatch(trailer: _Segment, *, expected: str, header: str, what: str) -> list[str]:
    if trailer.element(2) == expected:
        return []
    return [f"{trailer.id}02 does not repeat {header}, the {what} control number."]


def _check_pwk(claim: _Claim, segment: _Segment) -> list[str]:
    findings = []
    if segment.element(5) != "AC":
        findings.append(f"Claim {claim.number}: a PWK lacks PWK05 AC before its attachment control number.")
    if not 2 <= len(segment.element(6)) <= 80:
        findings.append(f"Claim {claim.number}: a PWK's attachment control number (PWK06) must be 2 to 80 characters.")
    return findings


def _check_diagnosis_qualifiers(claim: _Claim) -> list[str]:
    """ABK for the principal diagnosis, ABF for the others: the ICD-10-CM qualifiers (BK/BF are ICD-9)."""
    qualifiers = claim.diagnosis_qualifiers
    if qualifiers is None:
        return [f"Claim {claim.number}: there is no HI diagnosis segment."]
    findings = []
    for position, qualifier in enumerate(qualifiers, 1):
        expected = _ICD10_PRINCIPAL if position == 1 else _ICD10_OTHER
        if qualifier != expected:
            findings.append(
                f"Claim {claim.number}: diagnosis {position} uses qualifier {qualifier}; ICD-10-CM needs {expected}."
            )
    return findings


def _check_claim(claim: _Claim) -> list[str]:
    name = f"Claim {claim.number}"
    findings = _check_diagnosis_qualifiers(claim)
    for attachment in claim.attachments:
        findings += _check_pwk(claim, attachment)
    if not claim.lines:
        findings.append(f"{name}: there is no service line.")
    for line in claim.lines:
        findings += _check_line(claim, line)
    charges = [line.charge for line in claim.lines]
    if claim.total is None or any(charge is None for charge in charges):
        findings.append(f"{name}: a charge amount (CLM02 or SV102) is not a number.")
    elif claim.total != sum(charges, Decimal("0")):
        findings.append(f"{name}: CLM02 is {claim.total}, but its lines add up to {sum(charges, Decimal('0'))}.")
    return findings


def _check_line(claim: _Claim, line: _Line) -> list[str]:
    where = f"Claim {claim.number}, line {line.number}"
    findings: list[str] = []
    if not line.control_numbers:
        findings.append(f"{where}: there is no REF*6R line control number.")
    if not line.pointers:
        findings.append(f"{where}: SV107 has no diagnosis pointer.")
    if len(line.pointers) > _MAX_POINTERS:
        findings.append(f"{where}: SV107 has {len(line.pointers)} pointers; at most {_MAX_POINTERS} are allowed.")
    listed = claim.diagnoses
    for pointer in line.pointers:
        if not pointer.isdigit() or not 1 <= int(pointer) <= listed:
            findings.append(f"{where}: SV107 points at diagnosis {pointer}, but HI lists {listed}.")
    return findings


def _check_line_control_numbers_unique(claims: list[_Claim]) -> list[str]:
    counts = Counter(number for claim in claims for line in claim.lines for number in line.control_numbers)
    return [
        f"The line control number {number} (REF*6R) appears {count} times; each line needs its own."
        for number, count in sorted(counts.items())
        if count > 1
    ]


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None
