"""What to tell the officer when something goes wrong, in the chosen language.

The core raises StationError with an English sentence. The sentences it is known to
write are matched here and given as translated templates with the same numbers and
names filled in; an unknown sentence is shown as the core wrote it. Errors of the
desk's environment that reach us as plain exceptions (disk full, database locked or
damaged, file unreadable) are told apart here from bugs.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from station_app.environment_errors import Trouble, classify
from station_app.errors import InvalidInput, Problem, StationError
from station_app.ui.i18n import QT_TRANSLATE_NOOP, translate
from station_app.ui.labels import field_label

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), t)
    for p, t in [
        (r"^is required$", QT_TRANSLATE_NOOP("Messages", "is required")),
        (r"^is empty$", QT_TRANSLATE_NOOP("Messages", "must be filled in")),
        (r"^'(.*)' is not a number$", QT_TRANSLATE_NOOP("Messages", "'%1' is not a number")),
        (
            r"^the two passwords differ$",
            QT_TRANSLATE_NOOP("Messages", "the two passwords are not the same"),
        ),
        (
            r"^the two passphrases differ$",
            QT_TRANSLATE_NOOP("Messages", "the two passphrases are not the same"),
        ),
        (
            r"^The station passphrase must be at least (\d+) characters: .*$",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The station passphrase must be at least %1 characters: it alone keeps the "
                "register unreadable if this computer is stolen. A short sentence is easy to "
                "remember and hard to guess.",
            ),
        ),
        (
            r"^That passphrase does not unlock this station .*$",
            QT_TRANSLATE_NOOP(
                "Messages", "That passphrase does not unlock this station. Nothing was changed."
            ),
        ),
        (r"^lies in the future$", QT_TRANSLATE_NOOP("Messages", "lies in the future")),
        (
            r"^is longer than (\d+) characters$",
            QT_TRANSLATE_NOOP("Messages", "is longer than %1 characters"),
        ),
        (
            r"^([\d.]+) is not an age \(0 to ([\d.]+) years\)$",
            QT_TRANSLATE_NOOP("Messages", "%1 is not an age (0 to %2 years)"),
        ),
        (
            r"^([\d.]+) is more than age_max ([\d.]+)$",
            QT_TRANSLATE_NOOP("Messages", "%1 is more than the upper age %2"),
        ),
        (
            r"^([\d.]+) cm is not a child's height$",
            QT_TRANSLATE_NOOP("Messages", "%1 cm is not a child's height"),
        ),
        (
            r"^is required when status is 'traced'$",
            QT_TRANSLATE_NOOP("Messages", "is required when the child is traced"),
        ),
        (
            r"^is given but status is '(\w+)'$",
            QT_TRANSLATE_NOOP("Messages", "is given but the case is still open"),
        ),
        (
            r"^is before last_seen_at$",
            QT_TRANSLATE_NOOP("Messages", "is before the last seen date"),
        ),
        (
            r"^is after last_seen_at$",
            QT_TRANSLATE_NOOP("Messages", "is after the last seen date"),
        ),
        (
            r"^is after found_at$",
            QT_TRANSLATE_NOOP("Messages", "is after the date the child was found"),
        ),
        (r"^is already used by (.+)$", QT_TRANSLATE_NOOP("Messages", "is already used by %1")),
        (
            r"^use 1 to 16 capital letters, digits or '-', e\.g\. RTM01$",
            QT_TRANSLATE_NOOP("Messages", "use 1 to 16 capital letters, digits or '-', e.g. RTM01"),
        ),
        (
            r"^must be at least (\d+) characters$",
            QT_TRANSLATE_NOOP("Messages", "must be at least %1 characters"),
        ),
        (r"^'(.+)' is taken$", QT_TRANSLATE_NOOP("Messages", "'%1' is already taken")),
        (
            r"^Wrong user name or password\.$",
            QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
        ),
        (
            r"^Account '(.+)' is locked after (\d+) wrong passwords; try again in (\d+) min\.$",
            QT_TRANSLATE_NOOP(
                "Messages",
                "Account '%1' is locked after %2 wrong passwords; try again in %3 minutes.",
            ),
        ),
        (
            r"^(\S+) was changed by (\S+) at (\d\d:\d\d) while you were editing it; "
            r"reopen it to see their change\.$",
            QT_TRANSLATE_NOOP(
                "Messages",
                "%1 was changed by %2 at %3 while you were editing it. "
                "Close this form and open the record again to see their change.",
            ),
        ),
        (
            r"^Cancelled; nothing was changed\.$",
            QT_TRANSLATE_NOOP("Messages", "Cancelled; nothing was changed."),
        ),
        (
            r"^The database (.+) is damaged \((.*)\)\. It will be moved aside, not overwritten\.$",
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database %1 is damaged (%2). It has been moved aside, not overwritten.",
            ),
        ),
        (
            r"^(\S+) \((\w+)\) may not (.+); ask (.+)\.$",
            QT_TRANSLATE_NOOP(
                "Messages", "%1 may not do this. Ask an officer with more rights (%4)."
            ),
        ),
        (r"^(.+) is empty$", QT_TRANSLATE_NOOP("Messages", "%1 is empty")),
        (
            r"^(.+) is not an image Pillow can read$",
            QT_TRANSLATE_NOOP("Messages", "%1 is not an image this program can read"),
        ),
        (
            r"^(.+) is damaged or truncated \((.*)\)$",
            QT_TRANSLATE_NOOP("Messages", "%1 is damaged or incomplete (%2)"),
        ),
        (
            r"^(.+) is a (\S+) file; use JPEG, PNG, BMP, PGM or WebP$",
            QT_TRANSLATE_NOOP("Messages", "%1 is a %2 file; use JPEG, PNG, BMP, PGM or WebP"),
        ),
        (
            r"^(.+) is ([\d.]+) MB; the limit is (\d+) MB$",
            QT_TRANSLATE_NOOP("Messages", "%1 is %2 MB; the limit is %3 MB"),
        ),
        (
            r"^(.+) is (\d+) x (\d+) pixels; the limit is (\d+) megapixels$",
            QT_TRANSLATE_NOOP("Messages", "%1 is %2 x %3 pixels; the limit is %4 megapixels"),
        ),
        (
            r"^(.+) is too large to open safely \((.*)\)$",
            QT_TRANSLATE_NOOP("Messages", "%1 is too large to open safely (%2)"),
        ),
        (
            r"^photo '(.+)' does not exist$",
            QT_TRANSLATE_NOOP("Messages", "photo '%1' does not exist"),
        ),
        (
            r"^A station is already set up in (.+)\.$",
            QT_TRANSLATE_NOOP("Messages", "A station is already set up in %1."),
        ),
    ]
]


_USER_FIELDS = {
    "rank": QT_TRANSLATE_NOOP("Users", "Rank"),
    "badge_number": QT_TRANSLATE_NOOP("Users", "Badge no."),
    "role": QT_TRANSLATE_NOOP("Users", "Role"),
}

# What the user services say (their translations are in the "Users" context).
_USER_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), t)
    for p, t in [
        (
            r"^'(.+)' is the last active admin and cannot be demoted; make another user admin",
            QT_TRANSLATE_NOOP(
                "Users",
                "'%1' is the last active administrator and cannot lose that role; "
                "make another user administrator first.",
            ),
        ),
        (
            r"^'(.+)' is the last active admin and cannot be disabled; make another user admin",
            QT_TRANSLATE_NOOP(
                "Users",
                "'%1' is the last active administrator and cannot be disabled; "
                "make another user administrator first.",
            ),
        ),
        (
            r"^You cannot raise your own role; ask another admin\.$",
            QT_TRANSLATE_NOOP(
                "Users", "You cannot raise your own role; ask another administrator."
            ),
        ),
        (
            r"^Change your own password with .*$",
            QT_TRANSLATE_NOOP("Users", "Change your own password with “Change my password…”."),
        ),
        (
            r"^The account '(.+)' is no longer active\.$",
            QT_TRANSLATE_NOOP("Users", "The account '%1' is no longer active."),
        ),
        (r"^No user '(.+)'\.$", QT_TRANSLATE_NOOP("Users", "There is no user '%1'.")),
        (r"^must not contain spaces$", QT_TRANSLATE_NOOP("Users", "must not contain spaces")),
        (
            r"^contains control characters$",
            QT_TRANSLATE_NOOP("Users", "contains characters that cannot be typed"),
        ),
        (
            r"^is too like the existing user '(.+)'$",
            QT_TRANSLATE_NOOP("Users", "is too like the existing user '%1'"),
        ),
        (r"^'(.+)' is already \w+$", QT_TRANSLATE_NOOP("Users", "'%1' is already so")),
    ]
]


def sentence(text: str) -> str:
    """A core sentence in the chosen language, if it is one we know; else as written."""
    for context, patterns in (("Messages", _PATTERNS), ("Users", _USER_PATTERNS)):
        for pattern, template in patterns:
            match = pattern.match(text)
            if match:
                result = translate(context, template)
                for index, value in enumerate(match.groups(), start=1):
                    result = result.replace(f"%{index}", value)
                return result
    return text


def user_field_text(name: str) -> str:
    """A field of a user account (rank, badge, role) or of a record, in the chosen language."""
    text = _USER_FIELDS.get(name)
    return translate("Users", text) if text else field_label(name)


def problem_text(problem: Problem, with_field: bool = True) -> str:
    message = sentence(problem.message)
    if with_field and problem.field:
        return f"{user_field_text(problem.field)}: {message}"
    return message


def environment_message(error: BaseException) -> str | None:
    """A plain message for a failure of the disk or database, or None for a bug."""
    found = classify(error)
    if found is None:
        return None
    trouble, detail = found
    if trouble is Trouble.DISK_FULL:
        return QCoreApplication.translate(
            "Messages",
            "The disk is full. Nothing was saved. Free some space (or ask the computer "
            "operator to) and try again.",
        )
    if trouble is Trouble.NO_PERMISSION:
        return QCoreApplication.translate(
            "Messages", "A file could not be written or read (permission denied): %1"
        ).replace("%1", detail)
    if trouble is Trouble.DATABASE_BUSY:
        return QCoreApplication.translate(
            "Messages",
            "The database is busy: another program on this computer is using it. "
            "Wait a moment and try again; nothing was saved.",
        )
    return QCoreApplication.translate(
        "Messages",
        "The database file is damaged. Close the program and start it again: it will "
        "move the damaged file aside and tell you what to do.",
    )


def error_text(error: BaseException) -> str | None:
    """What to show for an error the officer can act on; None means it is a bug."""
    if isinstance(error, InvalidInput):
        head = QCoreApplication.translate("Messages", "Nothing was saved. Please correct:")
        return "\n".join([head, *(f"• {problem_text(p)}" for p in error.problems[:30])])
    if isinstance(error, StationError):
        return "\n".join(sentence(line) for line in str(error).splitlines())
    return environment_message(error)
