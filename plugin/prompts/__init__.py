"""Prompts MedLane writes back into Open Dental: the ApptField, one popup per patient, a note line."""
