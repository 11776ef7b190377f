"""Printed documents of a case: handover certificates, missing posters, found-child notices.

Nothing here opens a session or writes the audit log: `services.handover` does that and
calls these modules to lay out pages (`*_pdf.py`) and to sign and check QR codes.
"""
