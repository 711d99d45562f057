"""House styles: how a hospital, a small clinic, an EHR printout, a dictation, a fax, a terse note, a form
or a table lays out the same content; also an EHR encounter print with banner and signature footer,
underlined or numbered headings, a bare text box, run-in paragraphs, a dental practice program's
printout and an interoffice memo header (To/From/Date/Re: not an e-mail); then headers, footers,
fax stamps and OCR noise.

Deliberately absent (the classifier's own tests use them, to measure on styles never trained on):
e-mail headers, markdown, HL7 / X12 / XML / JSON exports, plain prose without any heading, all
lower-case shorthand, British hospital letters, numbered questions and checkbox forms.
"""
from __future__ import annotations

import random
import textwrap

from kind_corpus.common import Draft, Section, address, fmt_date, maybe, phone, pick, town

STYLES = ("hospital", "clinic", "ehr_caps", "dictated", "terse", "form", "table",
          "ehr_print", "underlined", "numbered", "bare", "inline", "dental_pm", "memo")

HOSPITAL_WORDS = ("Regional Medical Center", "University Hospital", "Memorial Hospital", "Health System",
                  "Community Hospital", "Medical Center", "Children's Hospital", "General Hospital")
CLINIC_WORDS = ("Family Dental", "Dental Sleep Solutions", "Oral Surgery Associates", "Family Medicine",
                "Smile Studio", "Dental Group", "Internal Medicine Clinic", "Sleep & TMJ Center",
                "Oral & Facial Surgery", "Pediatric Dentistry", "ENT Associates", "Urgent Care")
CONFIDENTIAL = (
    "CONFIDENTIAL: This document contains protected health information. Redisclosure is prohibited.",
    "Confidential patient information - handle according to HIPAA.",
    "This information has been disclosed to you from records protected by federal and state law.",
    "PRIVILEGED AND CONFIDENTIAL",
)


def render(draft: Draft, style: str, r: random.Random) -> str:
    """The draft's text in one house style, with that style's header and footer."""
    if draft.short:
        return _render_short(draft, r)
    body = {
        "hospital": _hospital,
        "clinic": _clinic,
        "ehr_caps": _ehr_caps,
        "dictated": _dictated,
        "terse": _terse,
        "form": _form,
        "table": _table_style,
        "ehr_print": _ehr_print,
        "underlined": _underlined,
        "numbered": _numbered,
        "bare": _bare,
        "inline": _inline,
        "dental_pm": _dental_pm,
        "memo": _memo,
    }[style](draft, r)
    return body


# ------------------------------------------------------------------------------ pieces


def facility_name(draft: Draft, r: random.Random, *, hospital: bool) -> str:
    if draft.facility:
        return draft.facility
    return f"{town(r)} {pick(r, HOSPITAL_WORDS if hospital else CLINIC_WORDS)}"


def banner(draft: Draft, r: random.Random, *, caps: bool = False) -> list[str]:
    """The patient block: name, birth date, record numbers, in one of several arrangements."""
    p = draft.patient
    name = p.name(r)
    dob = fmt_date(r, p.birth)
    mrn = str(r.randint(100000, 99999999))
    labels = pick(r, (("Patient", "DOB", "MRN"), ("Patient Name", "Date of Birth", "Medical Record #"),
                      ("Name", "D.O.B.", "MR#"), ("PT", "DOB", "ACCT"), ("Patient", "Birth Date", "Chart #"),
                      ("Pt Name", "DOB", "Patient ID")))
    if caps:
        labels = tuple(label.upper() for label in labels)
        name = name.upper()
    arrangement = r.randrange(4)
    if arrangement == 0:
        lines = [f"{labels[0]}: {name}    {labels[1]}: {dob}    {labels[2]}: {mrn}"]
    elif arrangement == 1:
        lines = [f"{labels[0]}: {name}", f"{labels[1]}: {dob}", f"{labels[2]}: {mrn}"]
    elif arrangement == 2:
        head = f"{labels[0]:<28}{labels[1]:<16}{labels[2]}"
        lines = [head, f"{name:<28}{dob:<16}{mrn}"]
    else:
        lines = [f"{labels[0]}: {name} ({p.sex}, {labels[1]} {dob})"]
    if maybe(r, 0.4) and draft.doc_date:
        lines.append(f"{pick(r, ('Date of Service', 'Date', 'Visit Date', 'Report Date', 'DOS'))}: "
                     f"{fmt_date(r, draft.doc_date)}")
    return lines


def heading_text(section: Section, r: random.Random, *, caps: bool) -> str:
    heading = section.heading.upper() if caps else section.heading
    return heading + pick(r, (":", ":", "", " -"))


def section_lines(section: Section, r: random.Random, *, caps: bool, table: bool) -> list[str]:
    out = []
    if section.table is not None:
        out.extend(render_table(section.table, r) if table or maybe(r, 0.5) else _table_as_lines(section.table))
    out.extend(section.lines)
    return [line.upper() if caps else line for line in out]


def render_table(table: tuple[list[str], list[list[str]]], r: random.Random) -> list[str]:
    """Space-aligned or ruled columns, as a report writer prints them."""
    header, rows = table
    widths = [max(len(str(cell)) for cell in column) + 2 for column in zip(header, *rows)]
    ruled = maybe(r, 0.35)

    def line(cells):
        text = "".join(str(cell).ljust(width) for cell, width in zip(cells, widths)).rstrip()
        return f"| {text} |" if ruled else text

    rule = "+" + "-" * (sum(widths) + 2) + "+" if ruled else "-" * sum(widths)
    out = [rule] if ruled else []
    out += [line(header), rule] + [line(row) for row in rows]
    if ruled:
        out.append(rule)
    return out


def _table_as_lines(table: tuple[list[str], list[list[str]]]) -> list[str]:
    header, rows = table
    return ["  ".join(f"{h} {c}" if i else str(c) for i, (h, c) in enumerate(zip(header, row))) for row in rows]


def signature(draft: Draft, r: random.Random) -> list[str]:
    if not draft.author:
        return []
    lead = pick(r, ("Electronically signed by", "Signed:", "Reviewed and signed by", "Attending:", "Provider:",
                    "Authenticated by", "", "Dictated by:", "Interpreted by:", "Signed electronically:"))
    when = fmt_date(r, draft.doc_date) if draft.doc_date else ""
    line = f"{lead} {draft.author}".strip()
    if when and maybe(r, 0.6):
        line += f" {pick(r, ('on', '', ' - '))} {when}".replace("  ", " ")
    return [line]


def _paragraphs(section: Section, r: random.Random) -> str:
    lines = section.lines + (_table_as_lines(section.table) if section.table else [])
    text = " ".join(line.rstrip(".") + "." for line in lines if line)
    return text


# ------------------------------------------------------------------------------ styles


def _hospital(draft: Draft, r: random.Random) -> str:
    out = [facility_name(draft, r, hospital=True).upper() if maybe(r, 0.5) else facility_name(draft, r, hospital=True)]
    if draft.department:
        out.append(pick(r, ("Department of ", "Dept. of ", "", "Division of ")) + draft.department)
    if maybe(r, 0.6):
        out.append(address(r) + (f"  Tel {phone(r)}" if maybe(r, 0.5) else ""))
    out.append("")
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r) + _footer(r))
    out.append(draft.title.upper() if maybe(r, 0.7) else draft.title)
    out += banner(draft, r)
    if maybe(r, 0.4):
        out.append(f"{pick(r, ('Ordering', 'Referring', 'Attending', 'Requesting'))} "
                   f"{pick(r, ('Physician', 'Provider', 'MD'))}: {pick(r, ('Dr. ', ''))}{draft.recipient or 'on file'}")
    out.append("")
    for section in draft.sections:
        if section.heading:
            out.append(heading_text(section, r, caps=maybe(r, 0.7)))
        out += section_lines(section, r, caps=False, table=False)
        out.append("")
    out += signature(draft, r)
    return "\n".join(out + _footer(r))


def _clinic(draft: Draft, r: random.Random) -> str:
    name = facility_name(draft, r, hospital=False)
    out = [name, f"{address(r)} | {phone(r)}" if maybe(r, 0.7) else phone(r), ""]
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r) + _footer(r, light=True))
    out.append(draft.title)
    out += banner(draft, r)
    out.append("")
    for section in draft.sections:
        lines = section_lines(section, r, caps=False, table=False)
        if not section.heading:
            out += lines
        elif maybe(r, 0.5) and lines and section.table is None:
            out.append(f"{section.heading}: {lines[0]}")
            out += lines[1:]
        else:
            out.append(section.heading + ":")
            out += lines
    out.append("")
    out += signature(draft, r)
    return "\n".join(out + _footer(r, light=True))


def _ehr_caps(draft: Draft, r: random.Random) -> str:
    system = pick(r, ("EPIC", "CERNER", "MEDITECH", "ATHENA", "ECW", "NEXTGEN", "ALLSCRIPTS", "PCC"))
    run = fmt_date(r, draft.doc_date) if draft.doc_date else "01/01/2025"
    out = [f"RUN DATE: {run}  RUN TIME: {r.randint(0, 23):02d}{r.randint(0, 59):02d}  "
           f"{pick(r, ('PAGE 1', 'PG 1 OF 2', 'PAGE: 1', ''))}".rstrip(),
           facility_name(draft, r, hospital=maybe(r, 0.6)).upper() + f"  ({system})" * maybe(r, 0.3)]
    out.append("-" * r.randint(30, 72))
    out += banner(draft, r, caps=True)
    out.append(f"ENCOUNTER #: {r.randint(10**6, 10**9)}" if maybe(r, 0.5) else "")
    out.append("")
    if draft.letter:
        out += [line.upper() for line in _letter_body(draft, r)]
        return "\n".join(out + _footer(r))
    if draft.title:
        out.append(pick(r, ("*** {} ***", "===== {} =====", "{}", "DOCUMENT TYPE: {}", "NOTE TYPE: {}")).format(
            draft.title.upper()))
    for section in draft.sections:
        if section.heading:
            out.append(pick(r, ("----- {} -----", "{}:", "[{}]", "{}")).format(section.heading.upper()))
        out += section_lines(section, r, caps=True, table=False)
    out += [line.upper() for line in signature(draft, r)]
    out.append(f"PRINTED BY: {pick(r, ('JSMITH', 'MEDREC01', 'HIMDEPT', 'FRONTDESK2', 'ROI'))}")
    return "\n".join(out + _footer(r))


def _dictated(draft: Draft, r: random.Random) -> str:
    out = []
    if maybe(r, 0.6):
        out += [facility_name(draft, r, hospital=maybe(r, 0.5)), ""]
    if draft.letter or maybe(r, 0.35):
        out += _letter_body(draft, r, dictated=True)
    else:
        out.append(draft.title.upper())
        p = draft.patient
        out.append(f"{pick(r, ('PATIENT', 'NAME', 'RE'))}: {p.name(r)}   "
                   f"{pick(r, ('DOB', 'DATE OF BIRTH', 'D.O.B.'))}: {fmt_date(r, p.birth)}")
        out.append("")
        for section in draft.sections:
            out.append(f"{section.heading.upper()}: {_paragraphs(section, r)}" if section.heading else _paragraphs(section, r))
            out.append("")
        out += signature(draft, r)
    initials = "".join(pick(r, "ABCDEFGHJKLMNPRSTW") for _ in range(2))
    d1 = draft.doc_date
    if d1 is not None:
        out.append(f"D: {fmt_date(r, d1)}  T: {fmt_date(r, d1)}  {initials}/{initials.lower()[::-1]}")
    out.append(pick(r, ("Dictated but not read.", "This report was transcribed using voice recognition software; "
                        "errors may occur.", "Job #" + str(r.randint(10000, 999999)), "", "cc: chart")))
    return "\n".join(out)


def _terse(draft: Draft, r: random.Random) -> str:
    abbreviations = {
        "History": "Hx", "history": "hx", "patient": "pt", "Patient": "Pt", "with": "w/", "without": "w/o",
        "Assessment": "A", "Diagnosis": "Dx", "Treatment": "Tx", "Impression": "Imp", "Recommendation": "Rec",
        "Recommendations": "Recs", "Findings": "Fx", "Plan": "P", "follow up": "f/u", "Follow-up": "F/U",
        "right": "R", "left": "L", "bilateral": "bilat", "complains of": "c/o", "secondary to": "2/2",
        "evaluation": "eval", "approximately": "approx", "symptoms": "sx", "Physician": "Phys",
    }

    def shorten(text: str) -> str:
        for long, short in abbreviations.items():
            if maybe(r, 0.7):
                text = text.replace(long, short)
        return text

    out = [shorten(draft.title) if maybe(r, 0.6) else draft.title.upper()]
    p = draft.patient
    out.append(f"{pick(r, ('Pt', 'Name', 'Patient'))}: {p.name(r)} {pick(r, ('DOB', 'dob', 'D.O.B.'))} "
               f"{fmt_date(r, p.birth)}" + (f"  {fmt_date(r, draft.doc_date)}" if draft.doc_date else ""))
    if draft.letter:
        body = _letter_body(draft, r)
        out += [shorten(line) for line in body[2:] if line]
        return "\n".join(out)
    for section in draft.sections:
        lines = section_lines(section, r, caps=False, table=False)
        head = shorten(section.heading)
        out.append((f"{head}: " if head else "") + "; ".join(shorten(line).rstrip(".") for line in lines))
    if draft.author:
        out.append(f"-- {draft.author}")
    return "\n".join(out)


def _form(draft: Draft, r: random.Random) -> str:
    """Key-value form: one field per line, labels padded or dotted."""
    out = [facility_name(draft, r, hospital=maybe(r, 0.4)).upper(), draft.title.upper(), ""]
    p = draft.patient
    fields = [("Patient name", p.name(r)), ("Date of birth", fmt_date(r, p.birth)), ("Sex", p.sex)]
    if draft.doc_date:
        fields.append((pick(r, ("Date", "Date of service", "Form date")), fmt_date(r, draft.doc_date)))
    filler = pick(r, (" ", ".", "_"))
    width = r.randint(18, 30)

    def field_line(label: str, value: str) -> str:
        label = label.rstrip(":")
        if filler == " ":
            return f"{label}:".ljust(width) + value
        return f"{label} ".ljust(width, filler) + f" {value}"

    out += [field_line(label, value) for label, value in fields]
    out.append("")
    if draft.letter:
        body = _letter_body(draft, r)
        out.append(field_line(pick(r, ("Details", "Comments", "Narrative", "Letter")), ""))
        out += body[2:]
    for section in draft.sections:
        lines = section_lines(section, r, caps=False, table=False)
        if not section.heading:
            out += lines
        elif len(lines) == 1 or all(":" in line for line in lines):
            if len(lines) == 1:
                out.append(field_line(section.heading, lines[0]))
            else:
                out.append(section.heading.upper())
                for line in lines:
                    label, _, value = line.partition(":")
                    out.append(field_line(label.strip(), value.strip()))
        else:
            out.append(field_line(section.heading, lines[0] if lines else ""))
            out += [" " * width + line for line in lines[1:]]
    out.append("")
    if draft.author:
        out.append(field_line(pick(r, ("Provider signature", "Signed", "Physician", "Completed by")), draft.author))
    return "\n".join(out)


def _table_style(draft: Draft, r: random.Random) -> str:
    """Tables first: patient grid, then each section with a table as a table, the rest as two columns."""
    out = [facility_name(draft, r, hospital=maybe(r, 0.6)), draft.title.upper()]
    p = draft.patient
    grid = (["Patient", "DOB", "Sex", "Date"],
            [[p.name(r), fmt_date(r, p.birth), p.sex, fmt_date(r, draft.doc_date) if draft.doc_date else ""]])
    out += render_table(grid, r)
    out.append("")
    if draft.letter:
        out += _letter_body(draft, r)[2:]
        return "\n".join(out + _footer(r, light=True))
    for section in draft.sections:
        if section.table is not None:
            out.append(section.heading.upper())
            out += render_table(section.table, r)
            out += section.lines
        else:
            wrapped = textwrap.wrap(" ".join(section.lines), 60) or [""]
            label = section.heading[:22]
            out.append(f"{label:<24}{wrapped[0]}")
            out += [" " * 24 + line for line in wrapped[1:]]
    out.append("")
    out += signature(draft, r)
    return "\n".join(out + _footer(r, light=True))


def _title(draft: Draft, r: random.Random, *, keep: float = 0.7) -> list[str]:
    """The document's own title, when it has one and this house prints it."""
    if not draft.title or not maybe(r, keep):
        return []
    return [draft.title.upper() if maybe(r, 0.4) else draft.title]


def _flat(section: Section, r: random.Random) -> list[str]:
    return section_lines(section, r, caps=False, table=False)


def _ehr_print(draft: Draft, r: random.Random) -> str:
    """An EHR's printed encounter: a banner of fields, headings in title case, a signature and print footer."""
    p = draft.patient
    facility = facility_name(draft, r, hospital=maybe(r, 0.4))
    sep = pick(r, (" | ", "   ", "  ·  ", " / "))
    when = fmt_date(r, draft.doc_date) if draft.doc_date else ""
    out = [facility + (f"{sep}{pick(r, ('Main Campus', 'Suite 200', 'North Office', 'Clinic B'))}" if maybe(r, 0.3) else "")]
    out.append(sep.join([f"{pick(r, ('Patient', 'Name', 'Pt'))}: {p.name(r)}", f"{pick(r, ('DOB', 'Birthdate', 'DOB/Age'))}: {fmt_date(r, p.birth)}",
                         f"{pick(r, ('MRN', 'Chart', 'Acct', 'PID'))}: {r.randint(10000, 9999999)}"]))
    if draft.letter:
        return "\n".join(out + [""] + _letter_body(draft, r) + _footer(r))
    meta = [f"{pick(r, ('Date of Service', 'Encounter Date', 'Visit date', 'Service date', 'Date'))}: {when}"]
    if draft.author and maybe(r, 0.6):
        meta.append(f"{pick(r, ('Provider', 'Rendering', 'Author', 'Clinician'))}: {draft.author}")
    if maybe(r, 0.4):
        meta.append(f"{pick(r, ('Location', 'Dept', 'Place of service'))}: {draft.department or pick(r, ('Office', 'Clinic', 'Op 3'))}")
    out.append(sep.join(meta))
    out.append(pick(r, ("", "_" * r.randint(40, 70), "=" * r.randint(40, 70))))
    out += _title(draft, r, keep=0.8)
    for section in draft.sections:
        lines = _flat(section, r)
        if section.heading:
            out.append(pick(r, ("{}", "{}:", "{}:", "  {}")).format(section.heading.title() if maybe(r, 0.5) else section.heading))
            out += [pick(r, ("", "  ", "    ")) + line for line in lines]
        else:
            out += lines
        if maybe(r, 0.5):
            out.append("")
    out.append("")
    if draft.author:
        out.append(pick(r, ("Electronically signed by {a} on {d}", "Signed: {a} {d}", "{a} - {d}", "Note finalized by {a} ({d})",
                            "Authenticated: {a}")).format(a=draft.author, d=f"{when} {r.randint(7, 18)}:{r.randint(0, 59):02d}"))
    out.append(pick(r, (f"Printed by {pick(r, ('frontdesk', 'kjones', 'records'))} on {when}", f"Page 1 of {r.randint(1, 3)}",
                        "Generated from the electronic health record", "This note may contain PHI", "")))
    return "\n".join(out)


def _underlined(draft: Draft, r: random.Random) -> str:
    """Headings underlined with a rule; no letterhead, a short patient line."""
    rule = pick(r, ("-", "=", "~"))
    out = []
    if maybe(r, 0.4):
        out += [facility_name(draft, r, hospital=maybe(r, 0.3)), ""]
    title = _title(draft, r, keep=0.8)
    if title:
        out += [title[0], rule * len(title[0])]
    out.append(f"{draft.patient.name(r)}" + (f", {fmt_date(r, draft.doc_date)}" if draft.doc_date else ""))
    out.append("")
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r)[2:])
    for section in draft.sections:
        if section.heading:
            out += [section.heading, rule * len(section.heading)]
        out += _flat(section, r)
        out.append("")
    if draft.author:
        out.append(pick(r, ("", "-- ", "Signed, ")) + draft.author)
    return "\n".join(out)


def _numbered(draft: Draft, r: random.Random) -> str:
    """Sections numbered 1., 2., 3. (or A., B.), each heading in capitals."""
    marks = pick(r, ("{n}.", "{n})", "{a}.", "{a})", "({n})"))
    out = [facility_name(draft, r, hospital=maybe(r, 0.5))] if maybe(r, 0.5) else []
    out += _title(draft, r, keep=0.8)
    out += [f"{pick(r, ('Patient', 'Name', 'Pt'))}: {draft.patient.name(r)}   {pick(r, ('DOB', 'Born'))} {fmt_date(r, draft.patient.birth)}", ""]
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r))
    n = 0
    for section in draft.sections:
        lines = _flat(section, r)
        if not section.heading:
            out += lines
            continue
        n += 1
        mark = marks.format(n=n, a="ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26])
        head = section.heading.upper() if maybe(r, 0.6) else section.heading
        if len(lines) == 1 and maybe(r, 0.6):
            out.append(f"{mark} {head}: {lines[0]}")
        else:
            out.append(f"{mark} {head}:")
            out += ["    " + line for line in lines]
    out += [""] + signature(draft, r)
    return "\n".join(out)


def _bare(draft: Draft, r: random.Random) -> str:
    """What a clinician types into a blank box: maybe a date, heading: text lines, initials at the end."""
    out = []
    if draft.doc_date and maybe(r, 0.6):
        out.append(fmt_date(r, draft.doc_date) + (f"  {draft.author}" if draft.author and maybe(r, 0.3) else ""))
    out += _title(draft, r, keep=0.35)
    if maybe(r, 0.35):
        out.append(f"{pick(r, ('Pt', 'Patient', 'Re'))}: {draft.patient.name(r)}")
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r)[2:])
    for section in draft.sections:
        lines = _flat(section, r)
        if section.heading and lines:
            joiner = pick(r, (". ", ", ", "; "))
            out.append(f"{section.heading}{pick(r, (':', ':', ' -', ':'))} {joiner.join(line.rstrip('.') for line in lines)}")
        else:
            out += lines
    if draft.author and maybe(r, 0.7):
        name = draft.author.split(",")[0]
        out.append(pick(r, (name, f"/{name}/", "- " + "".join(w[0] for w in name.split() if w), draft.author)))
    return "\n".join(out)


def _inline(draft: Draft, r: random.Random) -> str:
    """Sections run together in one or two paragraphs, each announced by a capitalised label."""
    head = []
    if maybe(r, 0.5):
        head.append(facility_name(draft, r, hospital=maybe(r, 0.4)))
    head += _title(draft, r, keep=0.6)
    head.append(f"{draft.patient.name(r)}  {fmt_date(r, draft.patient.birth)}" if maybe(r, 0.6) else "")
    if draft.letter:
        return "\n".join(head + _letter_body(draft, r)[2:])
    parts = []
    caps = maybe(r, 0.6)
    for section in draft.sections:
        text = _paragraphs(section, r)
        label = section.heading.upper() if caps else section.heading
        parts.append(f"{label}: {text}" if label else text)
    if maybe(r, 0.5) and len(parts) > 3:
        cut = len(parts) // 2
        body = [" ".join(parts[:cut]), " ".join(parts[cut:])]
    else:
        body = [" ".join(parts)]
    width = r.randint(70, 110)
    wrapped = [line for paragraph in body for line in (textwrap.wrap(paragraph, width) + [""])]
    tail = [draft.author] if draft.author else []
    return "\n".join([line for line in head if line] + [""] + wrapped + tail)


def _dental_pm(draft: Draft, r: random.Random) -> str:
    """A practice-management program's printout: report header, an entry line, the entry's text, a print footer."""
    p = draft.patient
    program_title = pick(r, ("Clinical Notes Report", "Patient Chart - Notes", "Progress Notes", "Chart Entries", "Document Center",
                             "Patient Documents"))
    out = [f"{program_title}{' ' * r.randint(2, 20)}{facility_name(draft, r, hospital=False)}",
           f"{pick(r, ('Patient', 'For'))}: {p.name(r)} ({pick(r, ('ID', 'Chart', 'Pat#'))} {r.randint(100, 99999)})"
           + (f"   Birthdate {fmt_date(r, p.birth)}" if maybe(r, 0.5) else ""),
           "-" * r.randint(50, 80)]
    when = fmt_date(r, draft.doc_date) if draft.doc_date else ""
    who = draft.author.split(",")[0] if draft.author else pick(r, ("DDS1", "HYG2", "DR"))
    entry = pick(r, ("{d}  {w}  [{t}]", "{d} - {t} - {w}", "Date: {d}   Provider: {w}   Type: {t}", "{d}  {t}"))
    out.append(entry.format(d=when, w=who, t=draft.title or pick(r, ("Note", "Clinical", "Misc"))))
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r)[2:])
    for section in draft.sections:
        lines = _flat(section, r)
        if section.heading and lines:
            out.append(f"{section.heading}: {lines[0]}")
            out += lines[1:]
        else:
            out += lines
    out += ["", pick(r, (f"Printed {when}", f"Page 1", f"{p.name(r)}  Page 1 of 1", "End of report", ""))]
    return "\n".join(out)


def _memo(draft: Draft, r: random.Random) -> str:
    """An interoffice memo header (To / From / Date / Re) over any document: who sends it is not what it is."""
    sender = draft.author or facility_name(draft, r, hospital=maybe(r, 0.4))
    to = draft.recipient or pick(r, ("Medical Records", "Front desk", "Referral coordinator", "Billing", "Chart", "Records dept"))
    fields = [(pick(r, ("TO", "To")), to), (pick(r, ("FROM", "From")), sender)]
    if draft.doc_date:
        fields.append((pick(r, ("DATE", "Date")), fmt_date(r, draft.doc_date)))
    fields.append((pick(r, ("RE", "Re", "Regarding", "Patient")), f"{draft.patient.name(r)}" + (f" - {draft.title}" if draft.title and maybe(r, 0.6) else "")))
    if maybe(r, 0.3):
        fields.append((pick(r, ("CC", "cc")), pick(r, ("chart", "patient", "PCP", "file"))))
    width = max(len(label) for label, _ in fields) + 2
    out = [f"{label}:".ljust(width) + value for label, value in fields]
    out.append(pick(r, ("-" * r.randint(30, 60), "", "_" * r.randint(30, 60))))
    if draft.letter:
        return "\n".join(out + _letter_body(draft, r)[2:])
    for section in draft.sections:
        lines = _flat(section, r)
        if section.heading and lines:
            out.append(f"{section.heading}: {lines[0]}" if maybe(r, 0.6) else section.heading)
            out += lines[1:] if out[-1] != section.heading else lines
        else:
            out += lines
    if draft.author and maybe(r, 0.5):
        out += ["", draft.author]
    return "\n".join(out)


def _render_short(draft: Draft, r: random.Random) -> str:
    lines = [draft.title] + [line for section in draft.sections for line in section.lines]
    joiner = pick(r, ("\n", "  ", " ", "\n"))
    return joiner.join(lines)


# ------------------------------------------------------------------------------ letters


def _letter_body(draft: Draft, r: random.Random, *, dictated: bool = False) -> list[str]:
    p = draft.patient
    out = []
    if draft.doc_date:
        out.append(fmt_date(r, draft.doc_date))
    if draft.recipient and maybe(r, 0.7):
        out += [draft.recipient, address(r)] if maybe(r, 0.5) else [draft.recipient]
    out.append("")
    re_label = pick(r, ("Re:", "RE:", "Patient:", "Regarding:", "RE: Patient"))
    separator = pick(r, (", DOB ", "  DOB: ", " (DOB ", "   Date of Birth: "))
    out.append(f"{re_label} {p.name(r)}{separator}{fmt_date(r, p.birth)}" + (")" if "(" in separator else ""))
    if draft.title and maybe(r, 0.5):
        out.append(draft.title if maybe(r, 0.5) else draft.title.upper())
    out.append("")
    out.append(draft.salutation or pick(r, ("Dear Doctor:", "Dear Colleague:", "To Whom It May Concern:")))
    out.append("")
    for section in draft.sections:
        text = _paragraphs(section, r)
        if maybe(r, 0.25) and not dictated and section.heading:
            text = f"{section.heading}: {text}"
        out += textwrap.wrap(text, r.randint(64, 96)) if maybe(r, 0.7) else [text]
        out.append("")
    out.append(draft.closing or pick(r, ("Sincerely,", "Respectfully,", "Best regards,", "Thank you,")))
    out.append("")
    if draft.author:
        out.append(draft.author)
    return out


def _footer(r: random.Random, *, light: bool = False) -> list[str]:
    out = [""]
    if maybe(r, 0.5):
        out.append(pick(r, ("Page 1 of 1", "Page 1 of 2", "Pg 1/1", "- 1 -", "1 of 3")))
    if not light and maybe(r, 0.4):
        out.append(pick(r, CONFIDENTIAL))
    if maybe(r, 0.2):
        out.append(f"Printed {r.randint(1, 12)}/{r.randint(1, 28)}/2025 {r.randint(1, 12)}:{r.randint(0, 59):02d} PM")
    return out


# ------------------------------------------------------------------------------ wrappers and noise


def fax_wrap(text: str, draft: Draft, r: random.Random) -> str:
    """A fax cover sheet, then the document with the fax machine's line on each page."""
    pages = r.randint(2, 6)
    sender = facility_name(draft, r, hospital=maybe(r, 0.5))
    cover = [
        pick(r, ("FAX COVER SHEET", "FACSIMILE TRANSMITTAL", "Fax", "F A X", "TELECOPY COVER")),
        f"Date: {fmt_date(r, draft.doc_date) if draft.doc_date else ''}",
        f"To: {pick(r, ('Medical Records', 'Dental office', 'Front desk', 'Referral coordinator', 'Dr. ' + draft.recipient.split(',')[0] if draft.recipient else 'Records'))}",
        f"Fax: {phone(r)}",
        f"From: {sender}",
        f"Phone: {phone(r)}",
        f"Pages (including cover): {pages}" if maybe(r, 0.6) else f"# of pages: {pages}",
    ]
    if maybe(r, 0.6):
        cover.append(f"Re: {pick(r, ('Records request', 'Requested records', 'Patient records', draft.patient.name(r), 'Medical records - see attached'))}")
    if maybe(r, 0.4):
        cover.append(pick(r, ("[ ] Urgent  [ ] For review  [X] Please reply", "Urgent  For Review  Please Comment",
                              "Comments: see attached", "Comments:")))
    cover.append(pick(r, (
        "CONFIDENTIALITY NOTICE: The documents accompanying this facsimile transmission contain confidential "
        "information which is legally privileged. If you have received this fax in error, please notify us by "
        "telephone immediately.",
        "This facsimile may contain protected health information. If you are not the intended recipient, "
        "destroy it and call the sender.",
        "NOTICE: This fax is intended only for the addressee.")))
    stamp = pick(r, ("{d} {h:02d}:{m:02d}  {f}  {s}  PAGE {p:02d}/{n:02d}",
                     "{d} {h:02d}:{m:02d} FROM:{f} TO:{t} P.{p}/{n}",
                     "Received: {d} {h:02d}:{m:02d}; {f} -> {s}; Page {p}",
                     "{s} FAX {f}  {d}  P{p}"))
    d = fmt_date(r, draft.doc_date) if draft.doc_date else "03/02/2025"
    values = dict(d=d, h=r.randint(0, 23), m=r.randint(0, 59), f=phone(r), t=phone(r), s=sender.upper()[:24], n=pages)
    body_pages = text.split("\f")
    out = ["\n".join(cover)]
    for number, page in enumerate(body_pages, start=2):
        out.append(stamp.format(p=number, **values) + "\n" + page)
    return "\f".join(out)


SUBSTITUTIONS = (("l", "1"), ("I", "l"), ("O", "0"), ("o", "0"), ("e", "c"), ("rn", "m"), ("m", "rn"),
                 ("S", "5"), ("B", "8"), ("a", "o"), ("h", "b"), ("t", "f"), ("i", "l"), ("c", "e"),
                 ("n", "ri"), ("d", "cl"), ("g", "q"), ("E", "F"), ("u", "v"), ("y", "v"))
STRAY = "~'`.,:;|_-!\"^*"


def ocr_noise(text: str, r: random.Random, *, level: float) -> str:
    """What a poor scan does to text: swapped look-alike letters, broken and joined words, stray marks."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        roll = r.random()
        if roll < level * 0.35:
            for wrong, right in SUBSTITUTIONS:
                if text.startswith(wrong, i) and maybe(r, 0.5):
                    out.append(right)
                    i += len(wrong)
                    break
            else:
                out.append(ch)
                i += 1
            continue
        if roll < level * 0.55 and ch.isalpha():
            out.append(ch + " ")  # a word broken in two
        elif roll < level * 0.7 and ch == " ":
            pass  # two words run together
        elif roll < level * 0.85:
            out.append(r.choice(STRAY) + ch)
        elif roll < level * 0.95 and ch.isalpha():
            pass  # a lost letter
        else:
            out.append(ch)
        i += 1
    noisy = "".join(out)
    if maybe(r, 0.3):  # a smudge line, a hole punch, a skewed rule
        lines = noisy.split("\n")
        lines.insert(r.randrange(len(lines) + 1), r.choice(("", "|", "~ .", "i", "' '", "_____", "= :", ".")))
        noisy = "\n".join(lines)
    return noisy


def fax_stamp(text: str, r: random.Random) -> str:
    """A fax machine's line across the top of every page, without a cover sheet."""
    stamp = pick(r, ("{mon}-{d:02d}-{y} {h:02d}:{m:02d} FROM:{f} TO:{t} P.{p}",
                     "{y}/{mm:02d}/{d:02d} {h:02d}:{m:02d}  FAX {f}  #{job} P.{p:03d}/{n:03d}",
                     "RECEIVED {mm:02d}/{d:02d}/{y} {h:02d}:{m:02d} {f}  Pg {p}",
                     "{f}   {mon} {d} {y} {h}:{m:02d}{ap}   p{p}"))
    values = dict(mon=pick(r, ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
                  d=r.randint(1, 28), mm=r.randint(1, 12), y=pick(r, (2023, 2024, 2025)), h=r.randint(0, 23), m=r.randint(0, 59),
                  f=phone(r), t=phone(r), job=r.randint(100, 9999), ap=pick(r, ("AM", "PM")))
    pages = text.split("\f")
    return "\f".join(stamp.format(p=number, n=len(pages), **values) + "\n" + page for number, page in enumerate(pages, start=1))


def add_pages(text: str, r: random.Random) -> str:
    """Split a long text into pages (form feeds) with a repeated page header."""
    lines = text.split("\n")
    if len(lines) < 30 or not maybe(r, 0.4):
        return text
    cut = r.randint(len(lines) // 3, 2 * len(lines) // 3)
    header = pick(r, ("Page 2", "(continued)", "Continued from page 1", lines[0][:40], "PAGE 2 OF 2"))
    return "\n".join(lines[:cut]) + "\f" + header + "\n" + "\n".join(lines[cut:])
