"""Set C cast: synthetic clinicians and NPIs for the held-out cases in cases_c_*.py.

Every name says "Test" (clinicians) or "Synthetic" (patients); NPIs come from make_npi with bases
used nowhere else, and one deliberately broken copy is made in a case with broken_npi.
"""
from __future__ import annotations

from tests.golden.documents import Person, make_npi

SLEEPDOC_ROMEO = Person("Test Sleepdoc Romeo", make_npi("201478523"), "Sleep Medicine", "MD")
SLEEPDOC_OSCAR = Person("Test Sleepdoc Oscar", make_npi("117293846"), "Pulmonary and Sleep Medicine", "DO")
SLEEPDOC_LIMA = Person("Test Sleepdoc Lima", make_npi("263819475"), "Sleep Medicine", "MD")
SLEEPDOC_BRAVO = Person("Test Sleepdoc Bravo", make_npi("128374650"), "Pulmonology", "MD")
PCP_HOTEL = Person("Test Internist Hotel", make_npi("152846390"), "Family Medicine", "MD")
DENTIST_JULIETT = Person("Test Dentist Juliett", make_npi("284615937"), "Dental Sleep Medicine", "DMD")
DENTIST_ALPHA = Person("Test Dentist Alpha", make_npi("106358274"), "General Dentistry", "DDS")
SURGEON_FOXTROT = Person("Test Surgeon Foxtrot", make_npi("139572468"), "Oral and Maxillofacial Surgery", "DDS")
PATHOLOGIST_GOLF = Person("Test Pathologist Golf", make_npi("246813579"), "Oral and Maxillofacial Pathology", "DDS, MS")
RADIOLOGIST_INDIA = Person("Test Radiologist India", make_npi("175319864"), "Oral and Maxillofacial Radiology", "DDS")
ONCOLOGIST_MIKE = Person("Test Oncologist Mike", make_npi("228466715"), "Radiation Oncology", "MD")
CARDIOLOGIST_NOVEMBER = Person("Test Cardiologist November", make_npi("193746285"), "Cardiology", "MD")
ENT_PAPA = Person("Test Otolaryngologist Papa", make_npi("211557799"), "Otolaryngology", "MD")
SLP_SORREL = Person("Test Therapist Sorrel", make_npi("160482937"), "Speech-Language Pathology", "MS, CCC-SLP")
ED_ECHO = Person("Test Emergency Echo", make_npi("249175308"), "Emergency Medicine", "MD")
OROFACIAL_CHARLIE = Person("Test Dentist Charlie", make_npi("187264053"), "Orofacial Pain", "DDS, MS")
