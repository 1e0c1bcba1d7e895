"""The QR code of a page's address, drawn at build time as inline SVG: people pass a notice on by phone.

No script and no request to a QR service: the same address always gives the same bytes (segno is
deterministic), and the code prints with the page.
"""

from __future__ import annotations

import segno

from generator.templating import Markup

ALT = "本页网址的二维码，用手机扫描可打开本页"


def qr_svg(address: str) -> Markup:
    """An <svg role="img"> QR code of `address` (error correction M, 3 px a module), named for screen readers."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=3, title=ALT, svgclass="gov-qr", lineclass=None, omitsize=False)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{ALT}" ', 1).replace("</title><", "</title>\n<", 1)
    return Markup(svg)
