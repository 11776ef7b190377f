"""`station-app audit verify`: is the audit log intact?"""

from __future__ import annotations

import argparse
import time

from station_app.app import App
from station_app.audit import AuditLog
from station_app.audit_verify import verify_audit
from station_app.cli.common import login
from station_app.permissions import Action, require


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


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="the audit log")
    actions = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help="find altered, inserted or deleted rows")
    verify.set_defaults(handler=cmd_audit_verify)
