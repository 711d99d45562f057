"""Seed files for `medlane sandbox` (a package only so that the JSON files ship with it)."""
