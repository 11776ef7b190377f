"""Commands for the batches to district HQ, for HQ itself, and for PFIF files.

At a station:
    station-app keys export --to FILE            the station's public key, for HQ
    station-app keys set-hq FILE [--fingerprint FP] [--replace]
    station-app keys show
    station-app export --to DIR [--all] [--next-sequence N]
At district HQ:
    station-app hq init --code C --name N --district D --state S [--admin NAME]
    station-app hq export-key --to FILE
    station-app hq trust FILE [--fingerprint FP] [--replace]
    station-app hq keys | stations | conflicts [--all] | matches [--all] [--json]
    station-app hq import FILE... [--accept-gap]
    station-app hq settle CONFLICT_ID --keep hq|batch
    station-app hq rematch STATION
Anywhere:
    station-app pfif export FILE.xml | pfif import FILE.xml
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TypeAlias

from station_app.app import App
from station_app.cli.common import Progress, login, password
from station_app.errors import StationError
from station_app.pfif.service import export_pfif, import_pfif
from station_app.services import hq, sync
from station_app.sync.errors import BatchRejected
from station_app.sync.keyfiles import KeyFile, spaced


def _fingerprint(key: KeyFile, given: str | None, who: str) -> str:
    """The fingerprint the officer compared: from --fingerprint, else typed in."""
    print(f"{key.describe()}\nfingerprint: {spaced(key.fingerprint)}")
    if given:
        return given
    if not sys.stdin.isatty():
        raise StationError(
            f"Compare this fingerprint with the one {who} shows, then pass it with --fingerprint."
        )
    return input(f"Type the fingerprint {who} shows you (to compare): ")


# --- station ----------------------------------------------------------------------------------


def cmd_keys_export(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    key = sync.export_station_key(app, user, Path(args.to))
    print(f"Station key of {key.describe()} written to {args.to}.")
    print(f"Fingerprint (tell HQ, by phone or letter): {spaced(key.fingerprint)}")
    return 0


def cmd_keys_set_hq(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    path = Path(args.file)
    key = sync.read_hq_key_file(path)
    typed = _fingerprint(key, args.fingerprint, "HQ")
    sync.set_hq_key(app, user, path, typed, replace=args.replace)
    print(f"Batches will be encrypted for {key.describe()}.")
    return 0


def cmd_keys_show(app: App, args: argparse.Namespace) -> int:
    login(app)
    own = sync.station_key(app)
    print(f"this station: {own.describe()}, fingerprint {spaced(own.fingerprint)}")
    target = sync.hq_key(app)
    if target is None:
        print("district HQ: not set (station-app keys set-hq FILE)")
    else:
        print(
            f"district HQ: {target.name} ({target.code}), fingerprint {spaced(target.fingerprint)}"
        )
    return 0


def cmd_export(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    report = sync.export_batch(
        app,
        user,
        Path(args.to),
        full=args.all,
        next_sequence=args.next_sequence,
        progress=Progress("batch"),
    )
    print(report.summary())
    return 0


# --- HQ ---------------------------------------------------------------------------------------


def cmd_hq_init(app: App, args: argparse.Namespace) -> int:
    info, admin, key = hq.init_hq(
        app, args.code, args.name, args.district, args.state, args.admin, password(confirm=True)
    )
    print(
        f"District HQ {info.code} ({info.name}) set up in {app.paths.home}; "
        f"admin '{admin.username}'."
    )
    print(f"HQ key fingerprint (give it to every station): {spaced(key.fingerprint)}")
    return 0


def cmd_hq_export_key(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    key = hq.export_hq_key(app, user, Path(args.to))
    print(f"HQ key of {key.describe()} written to {args.to}.")
    print(f"Fingerprint (stations compare it before using the file): {spaced(key.fingerprint)}")
    return 0


def cmd_hq_trust(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    path = Path(args.file)
    key = hq.read_station_key_file(path)
    typed = _fingerprint(key, args.fingerprint, f"station {key.code}")
    outcome = hq.trust_station(app, user, path, typed, replace=args.replace)
    if not outcome.added:
        print(f"Station {key.code}'s key {key.fingerprint} was already trusted; nothing changed.")
    elif outcome.replaced:
        print(
            f"Station {key.code} is now trusted with key {key.fingerprint} "
            f"(its old key {outcome.replaced} is revoked)."
        )
    else:
        print(f"Station {key.code} ({key.name}) is now trusted with key {key.fingerprint}.")
    return 0


def cmd_hq_keys(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    for key in hq.trusted_keys(app, user):
        state = f"revoked {key.revoked_at:%Y-%m-%d}" if key.revoked_at else "trusted"
        print(
            f"{key.station_code:<12} {key.station_name[:30]:<30} {spaced(key.fingerprint)}  "
            f"{state} (by {key.trusted_by}, {key.trusted_at:%Y-%m-%d})"
        )
    return 0


def cmd_hq_import(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    status = 0
    for name in args.files:
        try:
            report = hq.import_batch(
                app, user, Path(name), accept_gap=args.accept_gap, progress=Progress("import")
            )
        except BatchRejected as error:
            print(f"refused: {error}", file=sys.stderr)
            status = 1
            continue
        print("\n".join(report.summary()))
    return status


def cmd_hq_stations(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    for s in hq.station_overview(app, user):
        last = (
            f"batch {s.last_sequence} received {s.last_received_at:%Y-%m-%d}"
            if s.last_sequence is not None and s.last_received_at is not None
            else "no batch yet"
        )
        gap = f"; MISSING batch(es) {', '.join(map(str, s.gaps))}" if s.gaps else ""
        print(
            f"{s.code:<12} {s.name[:30]:<30} {last}{gap}; {s.open_conflicts} conflict(s), "
            f"{s.pending_matches} match(es) to review"
        )
    return 0


def cmd_hq_conflicts(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    found = hq.conflicts(app, user, include_settled=args.all)
    for c in found:
        state = f"settled: {c.resolution} by {c.settled_by}" if c.settled_at else "open"
        print(f"{c.id}  {c.station_code} {c.label} version {c.version} ({c.table_name}), {state}")
        for f in c.fields:
            print(f"    {f.name}: HQ {f.hq_value!r} / batch {f.batch_value!r}")
    print(f"{len(found)} conflict(s)", file=sys.stderr)
    return 0


def cmd_hq_settle(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    info = hq.settle_conflict(app, user, args.conflict_id, args.keep)
    print(f"Conflict on {info.label} version {info.version} settled: {info.resolution}.")
    return 0


def cmd_hq_matches(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    found = hq.cross_matches(app, user, pending_only=not args.all)
    if args.json:
        rows = [
            {
                "found_case_number": m.found_case_number,
                "found_station": m.found_station,
                "missing_case_number": m.missing_case_number,
                "missing_station": m.missing_station,
                "score": m.score,
                "label": m.label,
                "decided": m.decided,
            }
            for m in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for m in found:
        print(
            f"{m.label:<9} {m.score:4.2f}  found {m.found_case_number} {m.found_name[:20]!r} "
            f"~ complaint {m.missing_case_number} {m.missing_name[:20]!r}"
            + ("  (decided)" if m.decided else "")
        )
    print(f"{len(found)} cross-station match(es)", file=sys.stderr)
    return 0


def cmd_hq_rematch(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    matches = hq.rematch_station(app, user, args.station, progress=Progress("matching"))
    print(f"{len(matches)} cross-station match(es) for {args.station}.")
    return 0


# --- PFIF ------------------------------------------------------------------------------------


def cmd_pfif_export(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    report = export_pfif(app, user, Path(args.file), progress=Progress("pfif"))
    print(report.summary())
    return 0


def cmd_pfif_import(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    report = import_pfif(
        app, user, Path(args.file), dry_run=args.dry_run, progress=Progress("pfif")
    )
    for warning in report.warnings[:50]:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


# --- the parser -------------------------------------------------------------------------------

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def add_commands(commands: Subparsers) -> None:
    _add_station_commands(commands)
    _add_hq_commands(commands)
    pfif = commands.add_parser("pfif", help="PFIF 1.4 files (People Finder Interchange Format)")
    actions = pfif.add_subparsers(dest="pfif_command", required=True, metavar="ACTION")
    out = actions.add_parser("export", help="both registers as PFIF 1.4 persons and notes")
    out.add_argument("file")
    out.set_defaults(handler=cmd_pfif_export)
    inp = actions.add_parser("import", help="PFIF persons as records (all or nothing)")
    inp.add_argument("file")
    inp.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    inp.set_defaults(handler=cmd_pfif_import)


def _add_station_commands(commands: Subparsers) -> None:
    keys = commands.add_parser("keys", help="this station's key and district HQ's key")
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    out = actions.add_parser("export", help="write this station's public key for HQ")
    out.add_argument("--to", required=True, metavar="FILE")
    out.set_defaults(handler=cmd_keys_export)
    set_hq = actions.add_parser("set-hq", help="encrypt batches for the HQ in this key file")
    set_hq.add_argument("file")
    set_hq.add_argument("--fingerprint", help="the fingerprint HQ showed (else asked)")
    set_hq.add_argument("--replace", action="store_true", help="replace another HQ's key")
    set_hq.set_defaults(handler=cmd_keys_set_hq)
    show = actions.add_parser("show", help="the fingerprints of this station and its HQ")
    show.set_defaults(handler=cmd_keys_show)

    export = commands.add_parser("export", help="a signed, encrypted batch for district HQ")
    export.add_argument("--to", required=True, metavar="DIR", help="folder (e.g. a pen drive)")
    export.add_argument("--all", action="store_true", help="everything, not only changes")
    export.add_argument(
        "--next-sequence", type=int, metavar="N", help="batch number to use (after a restore)"
    )
    export.set_defaults(handler=cmd_export)


def _add_hq_commands(commands: Subparsers) -> None:
    hq_parser = commands.add_parser("hq", help="district HQ: keys, station batches, review")
    actions = hq_parser.add_subparsers(dest="hq_command", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="set this desk up as district HQ")
    init.add_argument("--code", required=True, help="e.g. DHQ-RTM")
    init.add_argument("--name", required=True)
    init.add_argument("--district", required=True)
    init.add_argument("--state", required=True)
    init.add_argument("--admin", default="admin", help="admin user name (default admin)")
    init.set_defaults(handler=cmd_hq_init)
    key = actions.add_parser("export-key", help="write HQ's public key for the stations")
    key.add_argument("--to", required=True, metavar="FILE")
    key.set_defaults(handler=cmd_hq_export_key)
    trust = actions.add_parser("trust", help="trust a station's key file")
    trust.add_argument("file")
    trust.add_argument("--fingerprint", help="the fingerprint the station showed (else asked)")
    trust.add_argument("--replace", action="store_true", help="replace the station's old key")
    trust.set_defaults(handler=cmd_hq_trust)
    actions.add_parser("keys", help="the trusted station keys").set_defaults(handler=cmd_hq_keys)
    imp = actions.add_parser("import", help="import station batches")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument(
        "--accept-gap", action="store_true", help="merge even if earlier batches are missing"
    )
    imp.set_defaults(handler=cmd_hq_import)
    stations = actions.add_parser("stations", help="stations, their last batch and any gap")
    stations.set_defaults(handler=cmd_hq_stations)
    conflicts = actions.add_parser("conflicts", help="conflicting edits to settle")
    conflicts.add_argument("--all", action="store_true", help="settled ones too")
    conflicts.set_defaults(handler=cmd_hq_conflicts)
    settle = actions.add_parser("settle", help="settle a conflict")
    settle.add_argument("conflict_id")
    settle.add_argument("--keep", required=True, choices=["hq", "batch"])
    settle.set_defaults(handler=cmd_hq_settle)
    matches = actions.add_parser("matches", help="cross-station matches to review")
    matches.add_argument("--all", action="store_true", help="decided ones too")
    matches.add_argument("--json", action="store_true")
    matches.set_defaults(handler=cmd_hq_matches)
    rematch = actions.add_parser("rematch", help="match one station's records again")
    rematch.add_argument("station")
    rematch.set_defaults(handler=cmd_hq_rematch)
