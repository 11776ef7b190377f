"""Translated names of what the audit log records, and of what the chain check finds.

The record's own actions (registered, changed, viewed...) are named in labels.py; the
rest of the desk's and the command line's actions are named here. An action we do not
know is shown as the log wrote it.
"""

from __future__ import annotations

from station_app.services.audit_log import ChainProblem
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.labels import ACTIONS, action_label

AUDIT_ACTIONS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("AuditActions", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditActions", "Wrong password tried"),
    "encrypt_station": QT_TRANSLATE_NOOP("AuditActions", "Station encrypted"),
    "change_station_passphrase": QT_TRANSLATE_NOOP("AuditActions", "Station passphrase changed"),
    "list": QT_TRANSLATE_NOOP("AuditActions", "Listed a register"),
    "user_add": QT_TRANSLATE_NOOP("AuditActions", "User added"),
    "user_role": QT_TRANSLATE_NOOP("AuditActions", "Role changed"),
    "user_enable": QT_TRANSLATE_NOOP("AuditActions", "User enabled"),
    "user_disable": QT_TRANSLATE_NOOP("AuditActions", "User disabled"),
    "user_password_reset": QT_TRANSLATE_NOOP("AuditActions", "Password reset"),
    "password_change": QT_TRANSLATE_NOOP("AuditActions", "Own password changed"),
    "audit_view": QT_TRANSLATE_NOOP("AuditActions", "Audit log opened"),
    "audit_verify": QT_TRANSLATE_NOOP("AuditActions", "Audit log checked"),
    "backup": QT_TRANSLATE_NOOP("AuditActions", "Backup made"),
    "restore": QT_TRANSLATE_NOOP("AuditActions", "Backup restored"),
    "check": QT_TRANSLATE_NOOP("AuditActions", "Database checked"),
    "init_station": QT_TRANSLATE_NOOP("AuditActions", "Station set up"),
    "issue_handover": QT_TRANSLATE_NOOP("AuditActions", "Handover certificate issued"),
    "print_handover": QT_TRANSLATE_NOOP("AuditActions", "Certificate copy printed"),
    "print_notice": QT_TRANSLATE_NOOP("AuditActions", "Poster or notice printed"),
    "verify_document": QT_TRANSLATE_NOOP("AuditActions", "Certificate checked"),
    "review_matches": QT_TRANSLATE_NOOP("AuditActions", "Matches looked at"),
    "compare_match": QT_TRANSLATE_NOOP("AuditActions", "Match compared"),
    "confirm_match": QT_TRANSLATE_NOOP("AuditActions", "Match confirmed"),
    "reject_match": QT_TRANSLATE_NOOP("AuditActions", "Match rejected"),
    "undo_match": QT_TRANSLATE_NOOP("AuditActions", "Match decision undone"),
    "match_all": QT_TRANSLATE_NOOP("AuditActions", "All found children matched"),
    "choose_face": QT_TRANSLATE_NOOP("AuditActions", "Face chosen"),
    "view_gallery": QT_TRANSLATE_NOOP("AuditActions", "Parents' gallery shown"),
    "export": QT_TRANSLATE_NOOP("AuditActions", "Figures exported"),
    "print": QT_TRANSLATE_NOOP("AuditActions", "Figures printed"),
    "export_batch": QT_TRANSLATE_NOOP("AuditActions", "Batch for district HQ written"),
    "import_batch": QT_TRANSLATE_NOOP("AuditActions", "Station batch imported"),
    "export_key": QT_TRANSLATE_NOOP("AuditActions", "Key exported"),
    "set_hq_key": QT_TRANSLATE_NOOP("AuditActions", "District HQ key set"),
    "trust_key": QT_TRANSLATE_NOOP("AuditActions", "Station key trusted"),
    "create_signing_key": QT_TRANSLATE_NOOP("AuditActions", "Signing key made"),
    "settle_conflict": QT_TRANSLATE_NOOP("AuditActions", "Conflict settled"),
    "rematch": QT_TRANSLATE_NOOP("AuditActions", "Stations matched again"),
    "init_hq": QT_TRANSLATE_NOOP("AuditActions", "District HQ set up"),
    "import_pfif": QT_TRANSLATE_NOOP("AuditActions", "PFIF file imported"),
    "export_pfif": QT_TRANSLATE_NOOP("AuditActions", "PFIF file written"),
}


def audit_action_label(action: str) -> str:
    """The action in the chosen language; an unknown one as the log wrote it."""
    if action in ACTIONS:
        return action_label(action)
    text = AUDIT_ACTIONS.get(action)
    return translate("AuditActions", text) if text else action


_PROBLEMS: dict[str, str] = {
    "broken": QT_TRANSLATE_NOOP(
        "ChainProblems", "Row %1: the chain is broken here; rows were deleted or inserted."
    ),
    "altered": QT_TRANSLATE_NOOP("ChainProblems", "Row %1: its contents were altered."),
    "deleted": QT_TRANSLATE_NOOP("ChainProblems", "%2 row(s) were deleted."),
    "extra": QT_TRANSLATE_NOOP("ChainProblems", "%2 row(s) more than were written."),
    "end_missing": QT_TRANSLATE_NOOP("ChainProblems", "The record of the log's end is missing."),
    "end_differs": QT_TRANSLATE_NOOP(
        "ChainProblems", "The last row does not match the recorded end of the log."
    ),
}


def problem_label(problem: ChainProblem) -> str:
    template = _PROBLEMS.get(problem.kind)
    if template is None:
        return problem.text
    return (
        translate("ChainProblems", template)
        .replace("%1", str(problem.row))
        .replace("%2", str(problem.count))
    )
