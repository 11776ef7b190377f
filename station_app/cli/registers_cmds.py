"""Commands for the registers: init, import, list, show.

`list` over 100,000 records is timed with start-up included, so the modules that only
import, show and check use (the importer, the record mapping, maintenance) are imported
inside those commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import TextIO

from station_app.app import PASSPHRASE_ENV, App
from station_app.audit import AuditLog
from station_app.cli.common import Progress, login, password, secret
from station_app.domain import Kind, RegisterRow
from station_app.errors import NotFound
from station_app.permissions import Action, require
from station_app.services import station
from station_app.services.listing import (
    RegisterQuery,
    age_text,
    check_query,
    iter_listing_json,
    iter_rows,
)


def cmd_init(app: App, args: argparse.Namespace) -> int:
    fields = (args.station_code, args.station_name, args.district, args.state, args.admin)
    admin_password = password(confirm=True)
    if not args.encrypt:
        info, admin = station.init_station(app, *fields, admin_password)
    else:
        passphrase = secret(PASSPHRASE_ENV, "station passphrase", confirm=True)
        opened, info, admin = station.init_encrypted_station(
            app, passphrase, *fields, admin_password
        )
        opened.close()
    print(
        f"Station {info.code} ({info.name}, {info.district}, {info.state}) set up in "
        f"{app.paths.home}; admin user '{admin.username}'"
        + (", encrypted with the station passphrase." if args.encrypt else ".")
    )
    return 0


def cmd_import(app: App, args: argparse.Namespace) -> int:
    from station_app.importing.service import import_file

    user = login(app)
    report = import_file(
        app, user, Path(args.file), dry_run=args.dry_run, progress=Progress("import")
    )
    for warning in report.warnings[:50]:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


def _format_row(row: RegisterRow) -> str:
    age = age_text(row.age_years, row.age_min, row.age_max)
    when = row.event_at.strftime("%Y-%m-%d") if row.event_at else ""
    return (
        f"{row.case_number:<20} {row.ref:<16} {row.name[:28]:<28} {row.sex.value:<7} "
        f"{age:>5} {row.status:<10} {when:<10} {row.place[:30]}"
    )


def _write_json_array(out: TextIO, pieces: Iterable[str]) -> None:
    """A JSON array written as it is produced: each piece (objects joined by ", ") a line."""
    out.write("[")
    first = True
    for piece in pieces:
        out.write("\n" if first else ",\n")
        out.write(piece)
        first = False
    out.write("\n]\n")


def cmd_list(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    require(user, Action.VIEW)
    query = RegisterQuery(
        kind=Kind(args.kind),
        status=args.status,
        text=args.search or "",
        sort="registered_at",
        descending=False,
    )
    check_query(query)
    with app.db.session() as session:
        AuditLog(session, user).record(
            "list", query.kind.value, None, {"summary": f"cli list {args.kind}"}
        )
    out = sys.stdout
    with app.db.read_session() as session:
        if args.json:
            with closing(iter_listing_json(session, query)) as pieces:
                _write_json_array(out, pieces)
        else:
            count = 0
            for row in iter_rows(session, app.photos, query):
                print(_format_row(row))
                count += 1
            print(f"{count} {args.kind} record(s)", file=sys.stderr)
    return 0


def cmd_show(app: App, args: argparse.Namespace) -> int:
    from station_app.serialize import record_dict
    from station_app.services import registers

    user = login(app)
    records = registers.lookup(app, user, args.ref)
    if not records:
        raise NotFound(f"No record with case number, id or ref '{args.ref}'.")
    if args.json:
        data = [record_dict(r) for r in records]
        print(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
        return 0
    for record in records:
        _print_record(record_dict(record))
    return 0


def _print_record(data: dict[str, object]) -> None:
    skip = {"photos", "id"}
    print(f"{data['case_number']}  (ref {data['ref']}, {data['kind']})")
    for key, value in data.items():
        if key in skip or value in ("", None, [], {}) or key in ("case_number", "ref"):
            continue
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items() if v)
            if not value:
                continue
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        print(f"  {key:<16} {value}")
    photos = data.get("photos") or []
    assert isinstance(photos, list)
    for photo in photos:
        main = " (main)" if photo["is_main"] else ""
        print(f"  photo{main:<11} {photo['original_path']}")
    print()


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser("init", help="set up this desk's station and its admin")
    init.add_argument("--station-code", required=True)
    init.add_argument("--station-name", required=True)
    init.add_argument("--district", required=True)
    init.add_argument("--state", required=True)
    init.add_argument("--admin", default="admin", help="admin user name (default admin)")
    init.add_argument(
        "--encrypt",
        action="store_true",
        help=f"encrypt the database and photos under a station passphrase ({PASSPHRASE_ENV})",
    )
    init.set_defaults(handler=cmd_init)

    imp = commands.add_parser("import", help="import a register (.jsonl or .csv)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    imp.set_defaults(handler=cmd_import)

    lst = commands.add_parser("list", help="list a register")
    lst.add_argument("kind", choices=[k.value for k in Kind])
    lst.add_argument("--status", help="open, traced, closed / unclaimed, in_shelter, restored")
    lst.add_argument("--search", help="name (either script), ref, case number or place")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = commands.add_parser("show", help="show one record by ref, case number or id")
    show.add_argument("ref")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    add_maintenance_commands(commands)


def cmd_check(app: App, args: argparse.Namespace) -> int:
    from station_app.services.maintenance import check_health

    user = login(app)
    report = check_health(app, user, sweep=not args.no_sweep)
    print(f"database: {report.database_detail}")
    print(f"photos: {report.photos} recorded, {len(report.missing_files)} file(s) missing")
    for path in report.missing_files[:50]:
        print(f"  missing: {path}")
    print(f"orphan files swept: {len(report.swept_files)}")
    if app.encrypted:
        print(f"encrypted: database and {len(report.unsealed_files)} photo file(s) in the clear")
        if report.unsealed_files:
            print("  run 'station-app encrypt' again to seal them")
    return 0 if report.ok else 1


def add_maintenance_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    check = commands.add_parser(
        "check", help="check the database and photo files; sweep orphaned photo files"
    )
    check.add_argument("--no-sweep", action="store_true", help="only report")
    check.set_defaults(handler=cmd_check)
