"""The practice letterhead, printed alike at the top of the narrative letter and of the cover sheet."""
from __future__ import annotations

from dataclasses import dataclass

from fpdf import FPDF

from docservice.claimforms.submission import Address, Provider
from docservice.packets.fonts import encode_for_font


@dataclass(frozen=True)
class Letterhead:
    """The practice's name and contact line."""

    name: str
    address: str = ""  # one line: "12 Test Street, Suite 4, Testville, TX 75001-1234"
    phone: str = ""  # as printed: "(555) 010-0199"
    npi: str = ""

    @classmethod
    def from_provider(cls, provider: Provider) -> Letterhead:
        """The letterhead of a (billing) provider as the claim names it."""
        return cls(name=provider.name, address=format_address(provider.address),
                   phone=format_phone(provider.phone), npi=provider.npi)

    @property
    def contact_line(self) -> str:
        parts = [self.address, f"Phone {self.phone}" if self.phone else "", f"NPI {self.npi}" if self.npi else ""]
        return "  ·  ".join(part for part in parts if part)


def draw_letterhead(pdf: FPDF, letterhead: Letterhead, *, font: str) -> None:
    """The practice name in bold, its contact line below, and a rule, from the current position."""
    pdf.set_font(font, "B", 13)
    pdf.multi_cell(0, 6, encode_for_font(letterhead.name, font), align="C", new_x="LMARGIN", new_y="NEXT")
    if letterhead.contact_line:
        pdf.set_font(font, "", 8.5)
        pdf.multi_cell(0, 4.2, encode_for_font(letterhead.contact_line, font), align="C",
                       new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    with pdf.local_context(draw_color=(120, 120, 120), line_width=0.3):
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)


def format_phone(digits: str) -> str:
    """(555) 010-0199 for ten digits; anything else as given."""
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 and digits.isdigit() else digits


def format_address(address: Address | None) -> str:
    """One line: street, suite, city, state and ZIP (ZIP+4 with its dash)."""
    if address is None:
        return ""
    zip_code = f"{address.zip[:5]}-{address.zip[5:]}" if len(address.zip) == 9 else address.zip
    city = " ".join(part for part in (f"{address.city},", address.state, zip_code) if part.strip(","))
    return ", ".join(part for part in (address.line1, address.line2, city) if part)
