"""The QR code on a document page is read back by a real decoder (zxing-cpp's reader) to the page's address."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp

from generator.site.qr import QUIET, qr_svg

PX = 4  # pixels a module in the image handed to the reader


def read_svg(svg: str) -> str | None:
    """Draw the SVG's strokes as a grayscale image (quiet zone included) and decode it."""
    d = re.search(r' d="([^"]*)"', svg)
    assert d is not None
    runs = [(int(x), int(y), int(n)) for x, y, n in re.findall(r"M(\d+) (\d+)\.5h(\d+)", d.group(1))]
    assert runs and "".join(f"M{x} {y}.5h{n}" for x, y, n in runs) == d.group(1)  # nothing else in the path
    side = max(y for _x, y, _n in runs) + 1 + QUIET
    assert side == int(re.search(r'width="(\d+)"', svg).group(1)) // 3  # type: ignore[union-attr]
    pixels = bytearray([255]) * (side * PX) ** 2
    for x, y, n in runs:
        for row in range(y * PX, (y + 1) * PX):
            start = row * side * PX + x * PX
            pixels[start:start + n * PX] = bytes(n * PX)
    image = memoryview(bytes(pixels)).cast("B", (side * PX, side * PX))
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return found.text if found is not None else None


@pytest.mark.parametrize("address", [
    "https://kjj.example.gov.cn/",
    "https://kjj.example.gov.cn/documents/mskj-2024-12/",
    "http://localhost:8000/documents/%E6%B5%8B%E8%AF%95-0001/",
    "https://www.example.gov.cn/zwgk/kjj/documents/" + "x" * 150 + "/",
])
def test_qr_code_reads_back_as_the_address(address: str) -> None:
    assert read_svg(str(qr_svg(address))) == address


def test_every_document_page_carries_the_code_of_its_own_address(demo_site: Path) -> None:
    pages = sorted((demo_site / "documents").glob("*/index.html"))
    assert len(pages) > 20
    for page in pages[:: max(1, len(pages) // 10)]:
        html = page.read_text(encoding="utf-8")
        svg = re.search(r'<svg role="img" aria-label="本页网址的二维码[^>]*>.*?</svg>', html, re.S)
        assert svg is not None, page
        address = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert address is not None
        assert read_svg(svg.group(0)) == address.group(1), page
