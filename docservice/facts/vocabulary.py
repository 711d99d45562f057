"""The fact names of the shared contract (§2) and the shape of each value, which patterns.yaml must cover.

The contract is what the claim builder, the checks and the narratives read, so a rule in
patterns.yaml that names a fact not listed here, or reads it with another kind of value, is
refused when the patterns load.
"""
from __future__ import annotations

# name -> the `kind` of rule that reads it (see extract.py for what each kind yields)
VOCABULARY: dict[str, str] = {
    # sleep
    "ahi": "number",
    "rdi": "number",
    "respiratory_events": "integer",
    "sleep_study_date": "date",
    "sleep_study_type": "term",
    "interpreting_physician": "person",
    "ordering_physician": "person",
    "order_date": "date",
    "face_to_face_date": "date",
    "delivery_date": "date",
    "cpap_trial": "flag",
    "cpap_intolerance": "flag",
    "epworth": "integer",
    "appliance_hinge": "term",
    "sleep_symptom": "term",
    "comorbidity": "term",
    "bmi": "number",
    # tmd
    "max_opening_mm": "number",
    "pain_score": "integer",
    "pain": "flag",
    "joint_sounds": "joint_sound",
    "symptom_duration_days": "days",
    "conservative_therapy": "term",
    "conservative_therapy_days": "days",
    "side": "term",
    # trauma
    "injury_date": "date",
    "injury_place": "text",
    "injury_mechanism": "term",
    "teeth_involved": "teeth",
    "sound_before_injury": "flag",
    # pathology
    "lesion_site": "term",
    "lesion_size_mm": "number",
    "lesion_duration_days": "days",
    "pathology_diagnosis": "text",
    "tobacco_use": "flag",
    # referral / clearance
    "referral_source": "referral",
    "planned_procedure": "text",
    "planned_procedure_date": "date",
    # procedure wording and sites
    "frenum_action": "term",
    "jaw": "term",
    "laceration_length_cm": "number",
    # infection
    "swelling": "flag",
    "fever": "flag",
    "temperature": "number",
    "trismus": "flag",
    # graft
    "graft_etiology": "term",
    # reports
    "radiology_impression": "text",
    "report_signed": "signer",
    "prior_authorization": "text",
    "authorization_end_date": "date",
    "chief_complaint": "text",
    "functional_impairment": "text",
}

# The values a term fact may take, where the contract fixes them.
TERM_VALUES: dict[str, frozenset[str]] = {
    "sleep_study_type": frozenset({"psg", "hsat"}),
    "appliance_hinge": frozenset({"yes", "no"}),
    "sleep_symptom": frozenset(
        {"daytime_sleepiness", "insomnia", "impaired_cognition", "mood_disorder", "snoring", "witnessed_apneas"}
    ),
    "comorbidity": frozenset(
        {"hypertension", "ischemic_heart_disease", "stroke", "diabetes", "obesity", "atrial_fibrillation", "heart_failure"}
    ),
    "conservative_therapy": frozenset(
        {"nsaids", "muscle_relaxant", "occlusal_splint", "physical_therapy", "moist_heat", "soft_diet", "jaw_exercises", "other"}
    ),
    "side": frozenset({"right", "left", "bilateral"}),
    "injury_mechanism": frozenset({"fall", "sports", "assault", "motor_vehicle", "bicycle", "work", "other"}),
    "lesion_site": frozenset(
        {"lip", "vestibule", "tongue_anterior", "tongue_posterior", "floor_of_mouth", "palate", "gingiva", "buccal_mucosa"}
    ),
    "frenum_action": frozenset({"incision", "excision", "plasty"}),
    "jaw": frozenset({"maxilla", "mandible"}),
    "graft_etiology": frozenset({"trauma", "tumor", "cleft", "atrophy", "extraction", "infection"}),
    "joint_sounds": frozenset({"click", "pop", "crepitus"}),
}

# Kinds whose facts cue words negate unless a rule says otherwise: conditions, not measurements.
NEGATABLE_KINDS = frozenset({"flag", "term", "joint_sound"})
