"""The QR code of a page's address, drawn at build time as inline SVG: people pass a notice on by phone.

No script and no request to a QR service: the same address always gives the same bytes. The symbol
is encoded by zxing-cpp (C++; the mask chosen by the standard's penalty rules, error correction M) —
a pure-Python encoder spent 4 ms a page choosing the mask, most of a 10,000-document build. The SVG is
written here: one horizontal stroke per run of dark modules, with the standard's 4-module quiet zone.
"""

from __future__ import annotations

import re

import zxingcpp

from generator.templating import Markup

ALT = "本页网址的二维码，用手机扫描可打开本页"
QUIET = 4  # modules of white around the symbol (ISO/IEC 18004)
SCALE = 3  # px a module
_DARK = bytes([1] + [0] * 255)  # translate table: pixel 0 (black) → 1, any other → 0
_RUN = re.compile(rb"\x01+")


def modules(address: str) -> list[bytes]:
    """The symbol's rows, one byte a module: 1 dark, 0 light (no quiet zone)."""
    code = zxingcpp.create_barcode(address, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    # zxing-cpp's Image has the buffer protocol (its type stubs do not say so).
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    size = image.shape[0] if image.shape else 0
    raw = image.tobytes()  # 0 black, 255 white
    return [raw[y * size:(y + 1) * size].translate(_DARK) for y in range(size)]


def path_data(rows: list[bytes]) -> str:
    """`M x y.5 h n` for each run of dark modules, in module units (scaled by the path's transform)."""
    return "".join(f"M{run.start() + QUIET} {y + QUIET}.5h{run.end() - run.start()}"
                   for y, row in enumerate(rows) for run in _RUN.finditer(row))


def qr_svg(address: str) -> Markup:
    """An <svg role="img"> QR code of `address`, 3 px a module, named for screen readers."""
    rows = modules(address)
    side = (len(rows) + 2 * QUIET) * SCALE
    return Markup(
        f'<svg role="img" aria-label="{ALT}" width="{side}" height="{side}" class="gov-qr">'
        f"<title>{ALT}</title>\n"
        f'<path transform="scale({SCALE})" stroke="#000" d="{path_data(rows)}"/></svg>'
    )
