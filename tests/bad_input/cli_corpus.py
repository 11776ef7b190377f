"""Command lines an officer could get wrong, and what they must be told.

HOME in an argument stands for the test station's data folder. Exit status 2 is argparse
refusing the command line itself; 1 is a refusal after reading it (a rule, a file).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CliCase:
    name: str
    argv: tuple[str, ...]
    status: int
    says: str
    new_password: str = "good-pass-1"
    password: str | None = None  # None: the admin's right password
    known_bug: str = ""  # a bug outside this work, reported: the case is expected to fail


def _usage(name: str, argv: str, says: str) -> CliCase:
    return CliCase(name, tuple(argv.split("|")) if argv else (), 2, says)


def _refused(
    name: str, argv: str, says: str, new_password: str = "good-pass-1", password: str | None = None
) -> CliCase:
    return CliCase(name, tuple(argv.split("|")), 1, says, new_password, password)


CASES = [
    _usage("no-command", "", "the following arguments are required: COMMAND"),
    _usage("unknown-command", "frobnicate", "invalid choice: 'frobnicate'"),
    _usage("misspelt-command", "lsit|missing", "invalid choice: 'lsit'"),
    _usage("unknown-option", "list|missing|--jsn", "unrecognized arguments: --jsn"),
    _usage("home-without-value", "--home", "expected one argument"),
    _usage("users-without-action", "users", "the following arguments are required: ACTION"),
    _usage("users-unknown-action", "users|promote|x", "invalid choice: 'promote'"),
    _usage("users-add-bare", "users|add", "the following arguments are required: username"),
    _usage("users-add-no-role", "users|add|x.y", "the following arguments are required: --role"),
    _usage("users-add-role-no-value", "users|add|x.y|--role", "expected one argument"),
    _usage("users-add-unknown-role", "users|add|x.y|--role|superuser", "invalid choice"),
    _usage("set-role-no-role", "users|set-role|x.y", "the following arguments are required: role"),
    _usage("set-role-unknown-role", "users|set-role|x.y|king", "invalid choice: 'king'"),
    _usage("disable-no-user", "users|disable", "the following arguments are required: username"),
    _usage("enable-two-users", "users|enable|a|b", "unrecognized arguments: b"),
    _usage("reset-no-user", "users|reset-password", "required: username"),
    _usage("passwd-with-argument", "passwd|admin", "unrecognized arguments: admin"),
    _usage("backup-no-target", "backup", "the following arguments are required: --to"),
    _usage("backup-to-no-value", "backup|--to", "expected one argument"),
    _usage("restore-no-file", "restore", "the following arguments are required: FILE"),
    _usage("restore-two-files", "restore|a|b", "unrecognized arguments: b"),
    _usage("import-no-file", "import", "the following arguments are required: file"),
    _usage("list-no-kind", "list", "the following arguments are required: kind"),
    _usage("list-unknown-kind", "list|lost", "invalid choice: 'lost'"),
    _usage("show-no-ref", "show", "the following arguments are required: ref"),
    _usage("audit-unknown-action", "audit|fix", "invalid choice: 'fix'"),
    _usage("init-bare", "init", "the following arguments are required: --station-code"),
    _usage("handover-feb-30", "handover|--missing|FIR 1|--pdf|x.pdf|--cwc-order-date|2026-02-30",
           "'2026-02-30' is not a date"),
    _usage("handover-date-words", "handover|--missing|FIR 1|--pdf|x.pdf|--cwc-order-date|kal",
           "'kal' is not a date"),
    _usage("handover-month-13", "handover|--missing|FIR 1|--pdf|x.pdf|--at|2026-13-01 10:00",
           "is not a time"),
    _usage("report-feb-30", "report|monthly|--from|2026-02-30|--to|2026-03-31",
           "'2026-02-30' is not a date"),
    _usage("report-no-end", "report|monthly|--from|2026-03-01", "required: --to"),
    _usage("match-top-words", "match|--all|--top|many", "invalid int value: 'many'"),
    _refused("username-with-space", "users|add|asi verma|--role|officer", "contain spaces"),
    _refused("password-too-short", "users|add|x.y|--role|officer", "at least 6 characters",
             new_password="abc"),
    _refused("unknown-user", "users|set-role|ghost|officer", "No user 'ghost'"),
    _refused("last-admin-disabled", "users|disable|admin", "last active admin"),
    _refused("own-password-reset", "users|reset-password|admin", "station-app passwd"),
    _refused("wrong-password", "users|list", "Wrong user name or password", password="guess"),
    _refused("passwd-wrong-old", "passwd", "Wrong user name or password", password="guess"),
    _refused("import-missing-file", "import|HOME/nowhere.jsonl", "is not a file"),
    _refused("import-a-folder", "import|HOME", "is not a file"),
    _refused("restore-missing-file", "restore|HOME/nowhere.msbackup", "is not a file"),
    _refused("backup-to-missing-folder", "backup|--to|HOME/no/such/b.msbackup", "does not exist"),
    _refused("backup-to-a-folder", "backup|--to|HOME", "is a folder"),
    _refused("backup-over-the-database", "backup|--to|HOME/station.sqlite3", "own data"),
    _refused("show-unknown-ref", "show|FIR 999/2026", "No record"),
    CliCase("list-unknown-status", ("list", "missing", "--status", "lost"), 1, "lost"),
    CliCase("home-is-a-file", ("--home", "HOME/station.sqlite3", "list", "missing"), 1,
            "error:"),
    CliCase("db-url-nonsense", ("--db", "nonsense://x", "list", "missing"), 1, "error:"),
]  # fmt: skip
