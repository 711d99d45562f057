"""A thin client of the Open Dental REST API (/api/v1), written for MedLane's needs."""
