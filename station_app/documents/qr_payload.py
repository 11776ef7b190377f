"""The QR code of a handover certificate: its key facts, signed by the station.

The QR text is one JSON object with short keys, for example
    {"at":"2026-04-03T14:30","cc":"RTM01/2026/M/0001","ch":"राजेश कुमार","id":"…",
     "kf":"3f9a1c0b7d2e4a61","no":"RTM01/2026/H/0001","rc":"सुरेश कुमार","rl":"father",
     "sig":"<base64url Ed25519 signature>","st":"RTM01","t":"handover","v":1}
Any phone's QR reader shows it as readable text. The signature covers the canonical JSON
of every other key (sorted keys, no spaces, UTF-8), so the order or spacing of a copied
text does not matter, but any changed character does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from station_app.documents.certificate import Certificate
from station_app.documents.vocabulary import id_document, masked_id
from station_app.keys import StationSigner, b64url, from_b64url

PURPOSE = "handover-certificate/v1"
DOCUMENT_TYPE = "handover"
PAYLOAD_VERSION = 1
_KEYS = {
    "v": "version",
    "t": "document_type",
    "st": "station_code",
    "kf": "key_fingerprint",
    "no": "number",
    "ch": "child_name",
    "cc": "complaint_case_number",
    "rc": "receiver_name",
    "rl": "receiver_relation",
    "id": "receiver_id",
    "at": "handed_over_at",
}


class NotACertificate(ValueError):
    """The text is not a handover certificate's QR code (or is damaged beyond reading)."""


@dataclass(frozen=True, slots=True)
class Claim:
    """What a certificate's QR code says: the facts that the signature vouches for."""

    station_code: str
    key_fingerprint: str
    number: str
    child_name: str
    complaint_case_number: str
    receiver_name: str
    receiver_relation: str
    receiver_id: str
    handed_over_at: str
    version: int = PAYLOAD_VERSION
    document_type: str = DOCUMENT_TYPE

    def fields(self) -> dict[str, object]:
        return {short: getattr(self, name) for short, name in _KEYS.items()}

    def canonical(self) -> bytes:
        return canonical_json(self.fields())


@dataclass(frozen=True, slots=True)
class SignedClaim:
    claim: Claim
    signature: bytes

    def qr_text(self) -> str:
        return json.dumps(
            {**self.claim.fields(), "sig": b64url(self.signature)},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )


def canonical_json(fields: dict[str, object]) -> bytes:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def claim_for(certificate: Certificate) -> Claim:
    receiver = certificate.receiver
    id_name = id_document(receiver.id_type)[1]
    return Claim(
        station_code=certificate.station.code,
        key_fingerprint=certificate.key_fingerprint,
        number=certificate.number,
        child_name=certificate.child.name,
        complaint_case_number=certificate.child.complaint_case_number,
        receiver_name=receiver.name,
        receiver_relation=receiver.relation,
        receiver_id=f"{id_name} {masked_id(receiver.id_type, receiver.id_number)}",
        handed_over_at=certificate.handed_over_at.isoformat(timespec="minutes"),
    )


def sign(claim: Claim, signer: StationSigner) -> SignedClaim:
    return SignedClaim(claim, signer.sign(PURPOSE, claim.canonical()))


def qr_text_for(signed_payload: str, signature: bytes) -> str:
    """The QR text again, from the canonical payload and signature a register keeps."""
    return parse(
        json.dumps({**json.loads(signed_payload), "sig": b64url(signature)}, ensure_ascii=False)
    ).qr_text()


def parse(text: str) -> SignedClaim:
    """Read a QR text back; NotACertificate says why it cannot be one of ours."""
    try:
        data = json.loads(text.strip())
    except ValueError:
        raise NotACertificate("the text is not a Muskaan handover certificate code") from None
    if not isinstance(data, dict) or data.get("t") != DOCUMENT_TYPE:
        raise NotACertificate("the text is not a Muskaan handover certificate code")
    if data.get("v") != PAYLOAD_VERSION:
        raise NotACertificate(f"certificate code version {data.get('v')!r} is not known here")
    missing = [key for key in (*_KEYS, "sig") if key not in data]
    if missing:
        raise NotACertificate(f"the code lacks {', '.join(missing)}: it is incomplete")
    extra = sorted(set(data) - set(_KEYS) - {"sig"})
    if extra:
        raise NotACertificate(f"the code has fields a certificate never has ({', '.join(extra)})")
    try:
        signature = from_b64url(str(data["sig"]))
    except ValueError:
        raise NotACertificate("the signature in the code is not readable") from None
    values = {name: data[short] for short, name in _KEYS.items()}
    if not all(isinstance(v, str) for k, v in values.items() if k != "version"):
        raise NotACertificate("a field of the code is not text")
    return SignedClaim(Claim(**values), signature)
