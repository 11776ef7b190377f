"""`station-app audit verify`: is the audit log intact? `audit list`: who did what."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date

from station_app.app import App
from station_app.audit import AuditLog
from station_app.audit_verify import verify_audit
from station_app.cli.common import login
from station_app.domain import UserInfo
from station_app.errors import InvalidInput, Problem
from station_app.permissions import Action, require
from station_app.services import audit_log
from station_app.services.audit_log import AuditFilter, AuditRow


def cmd_audit_verify(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    require(user, Action.VIEW_AUDIT)
    start = time.perf_counter()
    with app.db.session() as session:
        reports = verify_audit(session)
    seconds = time.perf_counter() - start
    intact = all(r.intact for r in reports)
    for report in reports:
        state = "intact" if report.intact else "NOT INTACT"
        print(f"station {report.station_code}: {report.rows} row(s), {state}")
        for problem in report.problems[:100]:
            print(f"  {problem}")
        if len(report.problems) > 100:
            print(f"  ... and {len(report.problems) - 100} more")
    print(f"checked in {seconds:.1f} s")
    with app.db.session() as session:
        AuditLog(session, user).record(
            "audit_verify", "audit", None, {"summary": "intact" if intact else "NOT intact"}
        )
    return 0 if intact else 1


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-01-31") from None


def _rows(app: App, user: UserInfo, filters: AuditFilter, wanted: int) -> Iterator[AuditRow]:
    """Up to `wanted` events, newest first, fetched a page at a time."""
    offset = 0
    while offset < wanted:
        limit = min(audit_log.MAX_LIMIT, wanted - offset)
        page = audit_log.list_events(app, user, filters, limit=limit, offset=offset)
        yield from page.rows
        if len(page.rows) < limit:
            return
        offset += limit


def _as_dict(row: AuditRow) -> dict[str, object]:
    return {
        "seq": row.seq,
        "at": row.at.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z"),
        "station_code": row.station_code,
        "username": row.username,
        "action": row.action,
        "record_type": row.record_type,
        "record_id": row.record_id,
        "record": row.record_label,
        "summary": row.summary,
        "details": dict(row.details),
    }


def _as_line(row: AuditRow) -> str:
    when = row.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"{row.seq:>8} {when:<16} {row.username[:16]:<16} {row.action[:20]:<20} "
        f"{row.record_label[:20]:<20} {row.summary}"
    )


def cmd_audit_list(app: App, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise InvalidInput([Problem("must be at least 1", field="--limit")])
    user = login(app)
    filters = AuditFilter(
        username=args.user or "",
        action=args.action or "",
        record=args.record or "",
        since=args.since,
        until=args.until,
    )
    rows = list(_rows(app, user, filters, args.limit))
    audit_log.record_viewer_opened(app, user)
    if args.json:
        print(json.dumps([_as_dict(row) for row in rows], ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(_as_line(row))
        print(f"{len(rows)} event(s), newest first; times are this computer's", file=sys.stderr)
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="the audit log")
    actions = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="find altered, inserted or deleted rows")
    verify.set_defaults(handler=cmd_audit_verify)
    listing = actions.add_parser("list", help="who did what, newest first")
    listing.add_argument("--user", help="only this user's events")
    listing.add_argument("--action", help="only this action (login, view, update, ...)")
    listing.add_argument(
        "--record", metavar="ID", help="only events about this record: case number, ref or id"
    )
    listing.add_argument("--since", type=_day, metavar="DATE", help="from this day (YYYY-MM-DD)")
    listing.add_argument("--until", type=_day, metavar="DATE", help="up to this day, inclusive")
    listing.add_argument("--limit", type=int, default=100, help="at most N events (default 100)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_audit_list)
