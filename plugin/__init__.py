"""MedLane's Open Dental side: the API client, the sandbox, the flagger and the prompts it writes."""
