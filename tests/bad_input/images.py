"""Broken and hostile image files, made from scratch (no real child's photo in the tests)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def jpeg(size: tuple[int, int] = (120, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (170, 120, 90)).save(out, "JPEG", quality=85)
    return out.getvalue()


def png(size: tuple[int, int] = (48, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (20, 160, 60)).save(out, "PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header (with a correct CRC) claims width x height pixels."""
    data = bytearray(png())
    ihdr = 8  # after the signature: length (4), b"IHDR" (4), then the 13 data bytes
    struct.pack_into(">II", data, ihdr + 8, width, height)
    crc = zlib.crc32(bytes(data[ihdr + 4 : ihdr + 8 + 13]))
    struct.pack_into(">I", data, ihdr + 8 + 13, crc)
    return bytes(data)


def png_with_bad_pixels() -> bytes:
    """A PNG whose compressed pixel data is garbage (its chunk CRC made to match)."""
    data = bytearray(png((64, 64)))
    start = data.index(b"IDAT")
    length = struct.unpack(">I", data[start - 4 : start])[0]
    data[start + 4 : start + 4 + length] = bytes(length)
    crc = zlib.crc32(bytes(data[start : start + 4 + length]))
    struct.pack_into(">I", data, start + 4 + length, crc)
    return bytes(data)


def gif() -> bytes:
    out = io.BytesIO()
    Image.new("P", (16, 16)).save(out, "GIF")
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
