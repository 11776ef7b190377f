"""Encryption at rest: the station key, the database key and the photo cipher."""
