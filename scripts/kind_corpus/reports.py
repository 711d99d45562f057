"""What sleep studies, pathology reports and radiology reports say, in many wordings and section orders."""
from __future__ import annotations

import random

from kind_corpus.common import Draft, Section, day, doctor, fmt_date, maybe, num, person, pick, some

# ------------------------------------------------------------------------------ sleep studies

SLEEP_TITLES = ("Polysomnography Report", "Diagnostic Polysomnogram", "Overnight Sleep Study", "Home Sleep Apnea Test",
                "HSAT Interpretation", "Sleep Study Interpretation", "Nocturnal Polysomnography", "Split Night Study",
                "CPAP Titration Study", "Level III Portable Sleep Study", "Sleep Study Report", "Out of Center Sleep Test",
                "Home Sleep Test Results", "Attended In-Lab PSG", "Sleep Evaluation - Study Results",
                "Baseline Polysomnogram", "Type 3 Home Sleep Testing Report", "Unattended Sleep Study",
                "PSG Report", "Sleep Laboratory Report")
SLEEP_DEVICES = ("WatchPAT 300", "ApneaLink Air", "Alice NightOne", "NOX T3", "Embletta", "Compumedics Grael",
                 "SleepImage ring", "Sunrise chin sensor", "Alice 6 LDx", "Somte PSG")
SEVERITY = (("mild", 5, 15), ("moderate", 15, 30), ("severe", 30, 80))


def sleep_study(r: random.Random) -> Draft:
    home = maybe(r, 0.45)
    severity, low, high = pick(r, SEVERITY) if maybe(r, 0.9) else ("no significant", 0.5, 4.9)
    ahi = float(num(r, low, high))
    tst = r.randint(240, 450)
    trt = tst + r.randint(15, 110)
    index_name = pick(r, ("REI", "pAHI", "AHI", "AHI 4%", "AHI (3%)") if home else ("AHI", "AHI", "Apnea-Hypopnea Index (AHI)", "AHI 4%"))
    sections = []
    sections.append(Section("indication", pick(r, ("Indication", "Reason for Study", "Clinical History", "History",
                                                   "Referral Reason", "Indications for Study")),
                            [pick(r, ("Loud snoring, witnessed apneas and daytime sleepiness",
                                      "Suspected obstructive sleep apnea", "Snoring and nonrestorative sleep",
                                      f"Epworth Sleepiness Scale {r.randint(4, 22)}/24, snoring, morning headaches",
                                      "Follow-up study on oral appliance", "Hypertension and suspected OSA",
                                      "Evaluation of sleep disordered breathing", "Fatigue, gasping arousals"))]))
    if home:
        sections.append(Section("technical", pick(r, ("Study Details", "Technical Description", "Recording", "Device")),
                                [f"{pick(r, ('Device', 'Recorder', 'Equipment'))}: {pick(r, SLEEP_DEVICES)}",
                                 pick(r, ("Channels: nasal pressure, thoracic effort, pulse oximetry, body position",
                                          "Peripheral arterial tone, actigraphy, oximetry, snoring and position",
                                          "Unattended home recording, self-applied by the patient",
                                          "Airflow, respiratory effort, oxygen saturation and heart rate were recorded")),
                                 f"{pick(r, ('Monitoring time', 'Valid recording time', 'Total recording time'))}: "
                                 f"{trt // 60} h {trt % 60} min"]))
    else:
        sections.append(Section("technical", pick(r, ("Technical Description", "Procedure", "Montage", "Methods")),
                                [pick(r, ("A standard in-laboratory polysomnogram was performed with EEG, EOG, chin and leg EMG, "
                                          "ECG, nasal pressure, oronasal thermistor, thoracoabdominal belts and oximetry",
                                          "Attended overnight recording scored according to AASM criteria; hypopneas scored with 3% "
                                          "desaturation or arousal",
                                          "Full montage polysomnography with video monitoring by a registered technologist",
                                          "Split-night protocol: diagnostic portion followed by CPAP titration")),
                                 f"Scored by: {pick(r, ('RPSGT', 'registered sleep technologist', 'CPSGT'))}"]))
        stages = [("N1", r.randint(3, 15)), ("N2", r.randint(40, 60)), ("N3", r.randint(5, 22))]
        rem = 100 - sum(p for _, p in stages)
        stages.append(("REM", rem))
        sections.append(Section("architecture", pick(r, ("Sleep Architecture", "Sleep Staging", "Sleep Parameters",
                                                         "Sleep Summary")),
                                some(r, [f"Total sleep time: {tst} min", f"Time in bed: {trt} min",
                                         f"Sleep efficiency: {round(100 * tst / trt)}%",
                                         f"Sleep latency: {r.randint(3, 45)} min",
                                         f"REM latency: {r.randint(60, 180)} min",
                                         f"WASO: {r.randint(10, 90)} min",
                                         f"Arousal index: {num(r, 5, 40)}/h"], 3, 7),
                                table=(["Stage", "Minutes", "% TST"],
                                       [[s, str(round(tst * p / 100)), f"{p}%"] for s, p in stages])
                                if maybe(r, 0.6) else None))
    apneas, hypopneas = r.randint(5, 160), r.randint(10, 220)
    respiratory = [f"{index_name}: {ahi}/hr" if maybe(r, 0.5) else f"{index_name} {ahi} events per hour",
                   f"{pick(r, ('RDI', 'Respiratory disturbance index', 'pRDI'))}: {num(r, ahi, ahi + 12)}",
                   f"Obstructive apneas: {apneas}", f"Hypopneas: {hypopneas}",
                   f"Central apneas: {r.randint(0, 12)}",
                   f"Supine {index_name}: {num(r, ahi, ahi * 2 + 1)}", f"REM {index_name}: {num(r, ahi, ahi * 1.8 + 2)}",
                   f"Non-supine {index_name}: {num(r, 0.5, ahi + 1)}"]
    sections.append(Section("respiratory", pick(r, ("Respiratory Events", "Respiratory Analysis", "Breathing",
                                                    "Respiratory Data", "Sleep Disordered Breathing")),
                            some(r, respiratory, 2, 6),
                            table=(["Event", "Count", "Index"],
                                   [["Obstructive apnea", str(apneas), num(r, 1, 30)],
                                    ["Hypopnea", str(hypopneas), num(r, 1, 40)],
                                    ["Central apnea", str(r.randint(0, 10)), num(r, 0, 2)],
                                    ["Total " + index_name.split()[0], str(apneas + hypopneas), str(ahi)]])
                            if maybe(r, 0.4) else None))
    sections.append(Section("oxygen", pick(r, ("Oximetry", "Oxygen Saturation", "Oxygenation", "SpO2")),
                            some(r, [f"Baseline SpO2: {r.randint(93, 98)}%", f"SpO2 nadir: {r.randint(70, 90)}%",
                                     f"Lowest saturation {r.randint(70, 90)}%",
                                     f"Time below 90%: {num(r, 0, 25)}%",
                                     f"ODI: {num(r, 1, ahi + 5)}/h", f"Oxygen desaturation index {num(r, 1, 40)}"], 2, 4)))
    if maybe(r, 0.5):
        sections.append(Section("other", pick(r, ("Other Findings", "Cardiac / Limb", "Additional Findings")),
                                some(r, [f"Mean heart rate {r.randint(55, 85)} bpm, sinus rhythm",
                                         f"PLM index {num(r, 0, 30)}/h", f"Snoring present {r.randint(5, 70)}% of the night",
                                         "No cardiac arrhythmias observed", "Bruxism noted in stage N2"], 1, 3)))
    diagnosis = (f"{severity.capitalize()} obstructive sleep apnea" + pick(r, (" (G47.33)", "", ", G47.33", " - OSA")))
    if severity == "no significant":
        diagnosis = pick(r, ("No significant sleep apnea; primary snoring", "Study does not meet criteria for OSA",
                             "Upper airway resistance; AHI within normal limits"))
    sections.append(Section("impression", pick(r, ("Impression", "Interpretation", "Diagnosis", "Conclusion",
                                                   "Summary and Impression", "Assessment")), [diagnosis]))
    recs = some(r, ["CPAP titration or auto-PAP trial", "Oral appliance therapy is an appropriate alternative",
                    "Custom mandibular advancement device recommended given CPAP intolerance",
                    "Weight management", "Positional therapy", "Avoid alcohol and sedatives before bedtime",
                    "Do not drive when drowsy", "Follow-up with sleep medicine in 6 weeks",
                    "Repeat study on the oral appliance after titration", "ENT evaluation"], 1, 4)
    sections.append(Section("recommendations", pick(r, ("Recommendations", "Recommendation", "Plan", "Treatment Options")),
                            recs))
    order = sections[:1] + (r.sample(sections[1:-2], len(sections) - 3) if maybe(r, 0.3) else sections[1:-2]) + sections[-2:]
    reader = doctor(r)
    return Draft("sleep_study", pick(r, SLEEP_TITLES), order, person(r),
                 author=reader + pick(r, (", Diplomate ABSM", ", Board Certified Sleep Medicine", "", ", interpreting physician",
                                          ", D-ABSM", ", Sleep Medicine")),
                 department=pick(r, ("Sleep Medicine", "Pulmonary and Sleep Medicine", "Neurology - Sleep Lab", "Sleep Disorders Center")),
                 facility="" if maybe(r, 0.5) else f"{pick(r, ('Lakeside', 'Testville', 'Riverbend', 'Summit'))} "
                                                   f"{pick(r, ('Sleep Center', 'Sleep Disorders Center', 'Sleep Diagnostics', 'Center for Sleep Medicine'))}",
                 doc_date=day(r), recipient=doctor(r, dental=maybe(r, 0.5)))


# ------------------------------------------------------------------------------ pathology

PATH_TITLES = ("Surgical Pathology Report", "Oral Pathology Report", "Pathology Consultation", "Biopsy Report",
               "Histopathology Report", "Cytopathology Report", "Anatomic Pathology Report", "Tissue Examination",
               "Oral and Maxillofacial Pathology Report", "Pathology Report", "Surgical Pathology Consultation",
               "Final Pathology Report", "Dermatopathology Report", "Biopsy Service - Diagnostic Report")
SITES = ("left lateral tongue", "right lateral border of tongue", "floor of mouth", "right buccal mucosa",
         "left buccal mucosa", "hard palate", "soft palate", "lower lip mucosa", "maxillary gingiva, #8-9",
         "mandibular gingiva, #24-25", "periapical tissue #19", "left mandible, #17 region", "retromolar pad",
         "upper lip", "ventral tongue", "alveolar ridge, edentulous", "right maxillary sinus lining",
         "submandibular gland", "parotid", "lower left vestibule")
PATH_DIAGNOSES = (
    ("Irritation fibroma", "dense collagenous connective tissue covered by stratified squamous epithelium"),
    ("Mucocele (mucus extravasation phenomenon)", "pooled mucin surrounded by granulation tissue and foamy macrophages"),
    ("Leukoplakia with mild epithelial dysplasia", "hyperkeratosis with basilar hyperplasia and mild atypia in the lower third"),
    ("Moderate epithelial dysplasia", "architectural and cytologic atypia extending to the middle third of the epithelium"),
    ("Invasive squamous cell carcinoma, moderately differentiated", "nests and cords of atypical squamous cells invading the lamina propria with keratin pearls"),
    ("Oral lichen planus", "saw-tooth rete ridges, basal cell degeneration and a band-like lymphocytic infiltrate"),
    ("Pyogenic granuloma", "lobular proliferation of capillaries in an edematous, inflamed stroma with surface ulceration"),
    ("Periapical granuloma", "granulation tissue with chronic inflammatory cells and no epithelial lining"),
    ("Radicular (periapical) cyst", "a cyst lined by nonkeratinized stratified squamous epithelium with inflamed wall"),
    ("Dentigerous cyst", "a thin nonkeratinized epithelial lining attached at the cementoenamel junction"),
    ("Odontogenic keratocyst", "a corrugated parakeratinized lining of uniform thickness with palisaded basal cells"),
    ("Ameloblastoma, follicular type", "islands of odontogenic epithelium with peripheral palisading and stellate reticulum"),
    ("Peripheral giant cell granuloma", "multinucleated giant cells in a vascular stroma with hemorrhage"),
    ("Squamous papilloma", "finger-like projections of squamous epithelium with fibrovascular cores"),
    ("Frictional hyperkeratosis", "hyperkeratosis and acanthosis without dysplasia"),
    ("Pseudomembranous candidiasis", "parakeratin containing fungal hyphae highlighted by PAS stain"),
    ("Pleomorphic adenoma", "ductal epithelium and myoepithelial cells in a myxochondroid stroma"),
    ("Osteonecrosis of the jaw", "necrotic bone with empty lacunae and bacterial colonies"),
    ("Actinic cheilitis", "solar elastosis with hyperkeratosis and mild atypia"),
    ("Benign fibro-osseous lesion", "cellular fibrous stroma containing trabeculae of woven bone"),
)


def pathology_report(r: random.Random) -> Draft:
    site = pick(r, SITES)
    diagnosis, micro = pick(r, PATH_DIAGNOSES)
    size = f"{num(r, 0.2, 2.5)} x {num(r, 0.2, 1.5)} x {num(r, 0.1, 0.8)} cm"
    procedure = pick(r, ("incisional biopsy", "excisional biopsy", "punch biopsy", "excision", "curettage", "brush biopsy",
                         "enucleation", "wedge biopsy"))
    accession = f"{pick(r, ('S', 'SP', 'OP', 'P', 'DP', 'H'))}{r.randint(20, 26)}-{r.randint(100, 99999):05d}"
    sections = [
        Section("accession", pick(r, ("Accession", "Case Number", "Accession #", "Path No.", "Specimen ID")), [accession]),
        Section("clinical", pick(r, ("Clinical History", "Clinical Information", "Pre-operative Diagnosis", "History",
                                     "Clinical Impression")),
                [pick(r, (f"{pick(r, ('White', 'Red', 'Red and white', 'Ulcerated', 'Pigmented', 'Exophytic'))} lesion "
                          f"of the {site}, present {r.randint(2, 30)} weeks",
                          f"Rule out dysplasia. {pick(r, ('Smoker', 'Nonsmoker', 'Former smoker'))}",
                          f"Radiolucency associated with tooth #{r.randint(1, 32)}", f"Swelling, {site}",
                          "Non-healing area after extraction", "R/O carcinoma"))]),
        Section("specimen", pick(r, ("Specimen", "Specimen(s) Submitted", "Source of Specimen", "Specimen Received",
                                     "Tissue Submitted")),
                [f"{pick(r, ('A.', '1.', 'Part A:', ''))} {site.capitalize()}, {procedure}".strip()]),
        Section("gross", pick(r, ("Gross Description", "Gross", "Macroscopic Description", "Gross Examination")),
                [pick(r, (f"Received in formalin labeled with the patient's name is a {pick(r, ('tan', 'tan-white', 'pink', 'gray-white', 'brown'))} "
                          f"{pick(r, ('soft tissue fragment', 'ellipse of mucosa', 'irregular fragment', 'cystic sac', 'bone fragment'))} "
                          f"measuring {size}",
                          f"The specimen consists of {r.randint(1, 4)} pieces of tissue, aggregate {size}",
                          f"One {pick(r, ('firm', 'rubbery', 'friable'))} nodule, {size}, bisected")),
                 pick(r, ("Entirely submitted in one cassette", f"Submitted in toto in cassettes A1-A{r.randint(2, 4)}",
                          "Inked and serially sectioned; all submitted", "Decalcified and submitted"))]),
        Section("microscopic", pick(r, ("Microscopic Description", "Microscopic", "Histology", "Microscopic Examination",
                                        "Histologic Description")),
                [f"Sections show {micro}",
                 pick(r, ("No malignancy is identified", "The margins are free of lesion", "Margins are involved",
                          "Deeper levels were examined", "No dysplasia is seen", "The lesion extends to the deep margin",
                          "Perineural invasion is not identified", "Mitotic figures are rare"))]),
        Section("diagnosis", pick(r, ("Final Diagnosis", "Diagnosis", "Pathologic Diagnosis", "DIAGNOSIS", "Final Pathologic Diagnosis")),
                [f"{site.capitalize()}, {procedure}: {diagnosis}" if maybe(r, 0.6) else diagnosis]),
    ]
    if maybe(r, 0.4):
        sections.append(Section("stains", pick(r, ("Special Stains", "Immunohistochemistry", "Ancillary Studies")),
                                [pick(r, ("PAS and GMS stains negative for fungal organisms", "p16 immunostain negative",
                                          "Ki-67 shows increased proliferation in the basal layers", "Iron stain positive",
                                          "Controls stain appropriately"))]))
    if maybe(r, 0.4):
        sections.append(Section("comment", pick(r, ("Comment", "Note", "Comments")),
                                [pick(r, ("Clinical correlation is recommended", "Re-excision may be considered",
                                          "Findings were discussed with the submitting doctor", "Intradepartmental consultation obtained",
                                          "Close clinical follow-up is advised"))]))
    if maybe(r, 0.35):
        sections.append(Section("billing", pick(r, ("CPT", "Codes", "Billing")), [pick(r, ("88305", "88305 x1, 88312", "88304", "88305, 88342"))]))
    if maybe(r, 0.3):
        diagnosis_section = sections.pop(5)
        sections.insert(2, diagnosis_section)  # many labs put the diagnosis first
    return Draft("pathology_report", pick(r, PATH_TITLES), sections, person(r),
                 author=doctor(r) + pick(r, (", Pathologist", ", Oral and Maxillofacial Pathologist", "", ", FCAP", ", Dermatopathologist")),
                 department=pick(r, ("Pathology", "Pathology and Laboratory Medicine", "Oral Pathology", "Anatomic Pathology")),
                 facility="" if maybe(r, 0.5) else f"{pick(r, ('Regional', 'Tri-County', 'University', 'Lakeside'))} "
                                                   f"{pick(r, ('Pathology Associates', 'Oral Pathology Laboratory', 'Biopsy Service', 'Diagnostic Laboratories'))}",
                 doc_date=day(r), recipient=doctor(r, dental=True))


# ------------------------------------------------------------------------------ radiology

MODALITIES = (
    ("CT Maxillofacial without contrast", "CT"), ("CT Facial Bones", "CT"), ("CT Sinus without contrast", "CT"),
    ("CT Neck soft tissue with contrast", "CT"), ("Cone Beam CT (CBCT) of the maxilla and mandible", "CBCT"),
    ("CBCT TMJ bilateral", "CBCT"), ("MRI Temporomandibular Joints", "MRI"), ("MRI Face and Neck with and without contrast", "MRI"),
    ("Panoramic Radiograph", "PAN"), ("Lateral Cephalometric Radiograph", "CEPH"), ("Mandible Series, 4 views", "XR"),
    ("Ultrasound Submandibular Gland", "US"), ("CT Head without contrast", "CT"), ("XR Facial Bones 3 views", "XR"),
    ("CBCT airway analysis", "CBCT"), ("Sialogram, parotid", "FL"),
)
FINDINGS = (
    "There is a nondisplaced fracture of the left mandibular angle",
    "Displaced fracture of the right parasymphyseal mandible with a 3 mm step-off",
    "Fracture of the left condylar neck with anteromedial displacement of the condylar head",
    "The zygomatic arches are intact", "Orbital floors are intact",
    "There is a well-defined unilocular radiolucency measuring {a} x {b} mm associated with the crown of tooth #{t}",
    "Multilocular radiolucent lesion of the posterior mandible with cortical expansion",
    "Periapical radiolucency at the apex of tooth #{t}", "The inferior alveolar canal is displaced but intact",
    "Mucosal thickening of the right maxillary sinus", "Air-fluid level in the left maxillary sinus",
    "Complete opacification of the left maxillary sinus", "The ostiomeatal complexes are patent",
    "The condyles show flattening and osteophyte formation consistent with degenerative joint disease",
    "The articular disc is anteriorly displaced in the closed-mouth position and recaptures on opening",
    "Disc displacement without reduction on the left", "Joint effusion is present",
    "The oropharyngeal airway measures {a} mm at its narrowest, minimum cross-sectional area {b}0 sq mm",
    "Soft tissue swelling of the submandibular space without drainable collection",
    "A {a} mm rim-enhancing fluid collection is present in the buccal space", "Reactive cervical lymph nodes",
    "Impacted third molars #1, #16, #17 and #32", "Generalized horizontal alveolar bone loss",
    "Calcification projecting over the carotid bifurcation", "No acute fracture or dislocation",
    "Bone density is within normal limits", "The paranasal sinuses are clear",
)
IMPRESSIONS = ("Left mandibular angle fracture", "Findings most consistent with a dentigerous cyst",
               "Odontogenic keratocyst versus ameloblastoma", "Acute maxillary sinusitis, likely odontogenic",
               "Bilateral TMJ internal derangement", "Degenerative joint disease of the right TMJ",
               "Narrowed oropharyngeal airway", "Buccal space abscess", "No acute osseous abnormality",
               "Periapical pathology at #{t}", "Two-part mandible fracture", "Chronic sinus disease")


def radiology_report(r: random.Random) -> Draft:
    exam, modality = pick(r, MODALITIES)
    values = dict(a=r.randint(3, 40), b=r.randint(2, 30), t=r.randint(1, 32))
    findings = [f.format(**values) for f in some(r, FINDINGS, 2, 6)]
    sections = [
        Section("exam", pick(r, ("Exam", "Examination", "Procedure", "Study", "Exam Type")), [exam]),
        Section("history", pick(r, ("Clinical History", "Indication", "Reason for Exam", "History", "Clinical Indication")),
                [pick(r, ("Facial trauma after assault", "Fall with chin laceration", "Jaw pain and swelling",
                          "Evaluate radiolucency seen on panoramic image", "Pre-surgical planning for implant",
                          "TMJ pain and clicking, limited opening", "Snoring, evaluate airway",
                          "Sinus pressure following extraction", "Motor vehicle collision, malocclusion",
                          "Submandibular swelling, fever"))]),
    ]
    if modality in ("CT", "CBCT", "MRI") or maybe(r, 0.4):
        sections.append(Section("technique", pick(r, ("Technique", "Protocol", "Technical Factors")),
                                [pick(r, ("Axial images were acquired with coronal and sagittal reformats",
                                          f"Helical acquisition at {pick(r, ('0.625', '1.25', '2.5'))} mm slice thickness; bone and soft tissue algorithms",
                                          "Voxel size 0.2 mm; multiplanar reconstructions reviewed",
                                          "PD and T2-weighted images in closed and open mouth positions",
                                          f"CTDIvol {num(r, 5, 40)} mGy, DLP {r.randint(100, 900)} mGy-cm",
                                          "Standard views were obtained"))]))
    sections.append(Section("comparison", pick(r, ("Comparison", "Comparisons", "Prior Studies")),
                            [pick(r, ("None", "None available", f"Panoramic radiograph {fmt_date(r, day(r))}",
                                      f"Prior CT {fmt_date(r, day(r))}", "No prior imaging"))]))
    sections.append(Section("findings", pick(r, ("Findings", "Report", "Findings/Discussion", "Observations")), findings))
    impression = [i.format(**values) for i in some(r, IMPRESSIONS, 1, 3)]
    if maybe(r, 0.5):
        impression = [f"{n}. {text}" for n, text in enumerate(impression, start=1)]
    sections.append(Section("impression", pick(r, ("Impression", "Conclusion", "Summary", "Opinion", "IMPRESSION")),
                            impression))
    if maybe(r, 0.3):
        sections.append(Section("recommendation", pick(r, ("Recommendation", "Recommendations")),
                                [pick(r, ("Clinical correlation recommended", "Surgical consultation is recommended",
                                          "Follow-up imaging in 6 months", "Biopsy suggested",
                                          "Findings discussed with the referring provider by phone"))]))
    if maybe(r, 0.25):
        sections.insert(0, sections.pop(sections.index(next(s for s in sections if s.key == "impression"))))
    return Draft("radiology_report", pick(r, (f"{modality} Report", "Radiology Report", "Imaging Report", exam,
                                              "Diagnostic Imaging Report", "Radiology Consultation", "Final Report",
                                              "Oral and Maxillofacial Radiology Report", f"{exam} - Final")),
                 sections, person(r),
                 author=doctor(r, dental=maybe(r, 0.25)) + pick(r, (", Radiologist", ", Diagnostic Radiology",
                                                                     ", Oral and Maxillofacial Radiologist", "", ", Attending Radiologist")),
                 department=pick(r, ("Radiology", "Diagnostic Imaging", "Medical Imaging", "Neuroradiology")),
                 facility="" if maybe(r, 0.5) else f"{pick(r, ('Advanced', 'Summit', 'Valley', 'Open MRI of'))} "
                                                   f"{pick(r, ('Imaging', 'Imaging Associates', 'Radiology Group', 'Diagnostic Imaging Center'))}",
                 doc_date=day(r), recipient=doctor(r, dental=maybe(r, 0.5)))
