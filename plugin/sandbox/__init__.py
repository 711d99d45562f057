"""`medlane sandbox`: a stand-in for the subset of the Open Dental REST API that MedLane uses."""
