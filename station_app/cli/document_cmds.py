"""Commands for printed documents: handover, poster, verify-document."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from station_app.app import App
from station_app.cli.common import login
from station_app.documents.certificate import Officer, Receiver, Witness
from station_app.documents.handover_request import HandoverRequest
from station_app.documents.verification import Verdict
from station_app.documents.vocabulary import ID_DOCUMENTS
from station_app.errors import StationError
from station_app.pdf.output import save_pdf
from station_app.services import handover

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y")
_TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M")


def _date(text: str) -> date:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-04-03 or 03-04-2026")


def _moment(text: str) -> datetime:
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{text}' is not a time like '2026-04-03 14:30'")


def _check_destination(path: Path) -> None:
    """Refuse a bad --pdf before anything is issued, so a certificate is never left unprinted."""
    if path.is_dir():
        raise StationError(f"{path} is a folder; give a file name ending in .pdf.")
    if not path.parent.is_dir():
        raise StationError(f"The folder {path.parent} does not exist; nothing was issued.")


def _read_photo(name: str | None) -> bytes | None:
    if not name:
        return None
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise StationError(f"{name} cannot be read ({error.strerror or error}).") from error


def _request(args: argparse.Namespace) -> HandoverRequest:
    return HandoverRequest(
        missing_ref=args.missing,
        found_ref=args.found or "",
        receiver=Receiver(
            name=args.receiver_name or "",
            relation=args.receiver_relation or "",
            id_type=args.receiver_id_type or "",
            id_number=args.receiver_id_number or "",
            address=args.receiver_address or "",
            phone=args.receiver_phone or "",
        ),
        receiver_photo=_read_photo(args.receiver_photo),
        officer=Officer(args.officer or "", args.officer_rank or "", args.officer_number or ""),
        witnesses=tuple(Witness(name) for name in args.witness),
        cwc_order_number=args.cwc_order_number or "",
        cwc_order_date=args.cwc_order_date,
        handed_over_at=args.at,
        place=args.place or "",
    )


def cmd_handover(app: App, args: argparse.Namespace) -> int:
    target = Path(args.pdf)
    _check_destination(target)
    user = login(app)
    if args.reprint:
        document = handover.reprint_handover(app, user, args.reprint)
        save_pdf(target, document.pdf)
        print(
            f"Duplicate copy (प्रतिलिपि) no. {document.copy_number} of certificate "
            f"{document.certificate_number} written to {target}."
        )
        return 0
    document = handover.issue_handover(app, user, _request(args))
    try:
        save_pdf(target, document.pdf)
    except OSError as error:
        raise StationError(
            f"Certificate {document.certificate_number} was issued, but {target} could not be "
            f"written ({error.strerror or error}). Print it with --reprint "
            f"{document.certificate_number} (it will say duplicate)."
        ) from error
    print(
        f"Certificate {document.certificate_number} issued; the complaint is traced"
        f"{' and the found child restored' if args.found else ''}. "
        f"Written to {target} (family's copy and station file copy)."
    )
    return 0


def cmd_poster(app: App, args: argparse.Namespace) -> int:
    target = Path(args.pdf)
    _check_destination(target)
    user = login(app)
    document = handover.public_notice(app, user, args.ref, contact=args.contact or "")
    save_pdf(target, document.pdf)
    print(f"{document.title} written to {target}.")
    return 0


def describe(verdict: Verdict) -> list[str]:
    """What the certificate says, then whether it is genuine and why."""
    lines = []
    claim = verdict.claim
    if claim is not None:
        station = (
            f"{verdict.station_name} ({claim.station_code})"
            if verdict.station_name
            else (claim.station_code)
        )
        lines += [
            f"Certificate   {claim.number}",
            f"Station       {station}",
            f"Child         {claim.child_name} (complaint {claim.complaint_case_number})",
            f"Handed to     {claim.receiver_name} ({claim.receiver_relation}), {claim.receiver_id}",
            f"On            {claim.handed_over_at.replace('T', ' ')}",
            f"Signing key   {claim.key_fingerprint}",
            "",
        ]
    lines.append(("GENUINE. " if verdict.genuine else "NOT GENUINE. ") + verdict.message)
    if verdict.note:
        lines.append(verdict.note)
    return lines


def cmd_verify(app: App, args: argparse.Namespace) -> int:
    if (args.qr is None) == (args.file is None):
        raise StationError("Give either --qr TEXT or a FILE (a PDF or a scanned image).")
    user = login(app)
    if args.qr is not None:
        verdict = handover.verify_text(app, user, args.qr)
    else:
        verdict = handover.verify_file(app, user, Path(args.file))
    print("\n".join(describe(verdict)))
    return 0 if verdict.genuine else 1


def cmd_signing_key(app: App, args: argparse.Namespace) -> int:
    user = login(app)
    fingerprint = handover.station_key(app, user, create=args.create)
    print(f"Station signing key: {fingerprint}" + (" (new)" if args.create else ""))
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cert = commands.add_parser(
        "handover",
        help="issue the handover certificate of a restored child, or print a copy of one",
        description="Issue the certificate (the complaint becomes traced, the found record "
        "restored) and write its PDF; or, with --reprint, write a duplicate copy.",
    )
    what = cert.add_mutually_exclusive_group(required=True)
    what.add_argument("--missing", metavar="REF", help="the complaint: case number or ref")
    what.add_argument("--reprint", metavar="CERT_NO", help="print a duplicate copy")
    cert.add_argument("--found", metavar="REF", help="the found-child record, if there is one")
    cert.add_argument("--receiver-name", metavar="NAME")
    cert.add_argument("--receiver-relation", metavar="RELATION", help="e.g. father, mother")
    cert.add_argument(
        "--receiver-id-type",
        metavar="TYPE",
        help=f"identity document shown: {', '.join(ID_DOCUMENTS)} (or its name)",
    )
    cert.add_argument("--receiver-id-number", metavar="NUMBER")
    cert.add_argument("--receiver-address", metavar="ADDRESS")
    cert.add_argument("--receiver-phone", metavar="PHONE")
    cert.add_argument("--receiver-photo", metavar="FILE", help="a photo of the receiver")
    cert.add_argument(
        "--witness", metavar="NAME", action="append", default=[], help="up to two, repeat"
    )
    cert.add_argument("--officer", metavar="NAME", help="the officer handing the child over")
    cert.add_argument("--officer-rank", metavar="RANK")
    cert.add_argument("--officer-number", metavar="NUMBER", help="belt or staff number")
    cert.add_argument("--cwc-order-number", metavar="NUMBER", help="Child Welfare Committee order")
    cert.add_argument("--cwc-order-date", metavar="DATE", type=_date)
    cert.add_argument("--place", help="where the child was handed over")
    cert.add_argument(
        "--at", metavar="'YYYY-MM-DD HH:MM'", type=_moment, help="when (default: now)"
    )
    cert.add_argument("--pdf", metavar="FILE", required=True, help="where to write the PDF")
    cert.set_defaults(handler=cmd_handover)

    poster = commands.add_parser(
        "poster",
        help="missing poster (for a complaint) or found-child notice (for a found child)",
    )
    poster.add_argument("ref", help="case number or ref")
    poster.add_argument("--pdf", metavar="FILE", required=True)
    poster.add_argument("--contact", help="phone number to print (default: the station's)")
    poster.set_defaults(handler=cmd_poster)

    verify = commands.add_parser(
        "verify-document",
        help="check a handover certificate: exit 0 genuine, 1 not",
        description="Read the certificate's QR code (from --qr text, a PDF or a scan) and "
        "check its signature against the station's key known to this database.",
    )
    verify.add_argument("file", nargs="?", help="the certificate as PDF, or a scan (PNG, JPEG)")
    verify.add_argument("--qr", metavar="TEXT", help="the QR code's text")
    verify.set_defaults(handler=cmd_verify)

    key = commands.add_parser(
        "signing-key", help="show the station's signing key (its fingerprint), or make one"
    )
    key.add_argument(
        "--create", action="store_true", help="make a key for a station that has none (admin)"
    )
    key.set_defaults(handler=cmd_signing_key)
