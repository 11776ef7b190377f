"""Is a handover certificate genuine? Its QR code's signature, checked against the key
of the station it names, as this database knows that station.

The verdict carries a reason code (for the GUI to translate) and an English sentence
(for the CLI). Only the key on record counts: a code that carries its own key, or names
a station this database has never heard of, proves nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from station_app.documents.qr_payload import PURPOSE, Claim, NotACertificate, parse
from station_app.keys import fingerprint, verify_signature


class Reason(enum.StrEnum):
    GENUINE = "genuine"
    NOT_A_CERTIFICATE = "not_a_certificate"
    UNKNOWN_STATION = "unknown_station"
    STATION_HAS_NO_KEY = "station_has_no_key"
    OTHER_KEY = "other_key"
    ALTERED = "altered"
    DIFFERS_FROM_REGISTER = "differs_from_register"


@dataclass(frozen=True, slots=True)
class KnownStation:
    code: str
    name: str
    public_key: bytes | None
    is_local: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    genuine: bool
    reason: Reason
    message: str
    claim: Claim | None = None
    station_name: str = ""
    note: str = ""
    # Whether this station's register holds the same certificate (None: not checked).
    in_register: bool | None = None


StationLookup = Callable[[str], KnownStation | None]
# The signed payload this station's register holds for a certificate number, if any.
RegisterLookup = Callable[[str], bytes | None]


def check(text: str, stations: StationLookup, register: RegisterLookup) -> Verdict:
    try:
        signed = parse(text)
    except NotACertificate as error:
        return Verdict(False, Reason.NOT_A_CERTIFICATE, f"Not genuine: {error}.")
    claim = signed.claim
    station = stations(claim.station_code)
    if station is None:
        return Verdict(
            False,
            Reason.UNKNOWN_STATION,
            f"Not genuine: station {claim.station_code} is not known to this database, "
            "so its signature cannot be checked.",
            claim,
        )
    if station.public_key is None:
        return Verdict(
            False,
            Reason.STATION_HAS_NO_KEY,
            f"Not genuine: no signing key of station {station.code} is on record here.",
            claim,
            station.name,
        )
    known = fingerprint(station.public_key)
    if claim.key_fingerprint != known:
        return Verdict(
            False,
            Reason.OTHER_KEY,
            f"Not genuine: it is signed with key {claim.key_fingerprint}, but station "
            f"{station.code}'s key is {known}.",
            claim,
            station.name,
        )
    if not verify_signature(station.public_key, PURPOSE, claim.canonical(), signed.signature):
        return Verdict(
            False,
            Reason.ALTERED,
            "Not genuine: the signature does not match the text; a field was changed "
            "after the station signed it, or the signature was not made by the station.",
            claim,
            station.name,
        )
    return _against_register(claim, station, register)


def _against_register(claim: Claim, station: KnownStation, register: RegisterLookup) -> Verdict:
    genuine = (
        f"Genuine: issued by {station.name} ({station.code}), "
        f"signed with key {claim.key_fingerprint}."
    )
    if not station.is_local:
        return Verdict(True, Reason.GENUINE, genuine, claim, station.name)
    stored = register(claim.number)
    if stored is None:
        note = (
            "This certificate is not in this station's register; the database may be "
            "older than the certificate (restored from a backup?)."
        )
        return Verdict(True, Reason.GENUINE, genuine, claim, station.name, note, False)
    if stored != claim.canonical():
        return Verdict(
            False,
            Reason.DIFFERS_FROM_REGISTER,
            f"Not genuine: the register holds certificate {claim.number} with other details.",
            claim,
            station.name,
        )
    return Verdict(
        True,
        Reason.GENUINE,
        genuine,
        claim,
        station.name,
        "It matches the station's register.",
        True,
    )
