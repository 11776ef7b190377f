"""Importing registers: the JSON Lines contract of specs/import-format.md, and CSV."""
