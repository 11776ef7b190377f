"""Encrypted backups of a SQLite station (database, photos, keys) and their restore.

The file is one encrypted stream (stream.py) holding a tar archive (archive.py) whose
last member is a manifest with the SHA-256 of every other member (manifest.py).
"""
