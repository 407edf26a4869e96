"""The site as an installable app (overrides/hooks/web_manifest.py): one manifest per language, its
names in that language, every URL inside the Pages sub-path, icons drawn from the theme's logo with
the sizes they declare, each page linking its own language's manifest, and Chromium's own
installability check passing on a page of each language once the service worker controls it."""

from __future__ import annotations

import json
import re
import struct
import sys
import zlib
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, PREFIX, ROOT

SITE_URL = f"https://example.invalid{PREFIX}"  # what the manifests' relative URLs are resolved against
LANGUAGES = {
    "zh": ("", "支付宝还款协商指南", "还款协商指南"),
    "en": ("en/", "Alipay repayment negotiation guide", "Repayment guide"),
    "zh-Hant": ("zh-Hant/", "支付寶還款協商指南", "還款協商指南"),
}
THEME_TEAL = "#00695c"


def png_header(data: bytes) -> tuple[int, int, int, int]:
    """A PNG's width, height, bit depth and colour type, from its signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0], "IHDR checksum"
    return width, height, depth, colour


def png_pixels(data: bytes) -> list[bytes]:
    """The rows of an 8-bit RGB PNG without interlacing whose rows all use filter 0 (as written)."""
    width, height, depth, colour = png_header(data)
    assert (depth, colour) == (8, 2)
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = 1 + 3 * width
    assert len(raw) == stride * height
    rows = [raw[i * stride : (i + 1) * stride] for i in range(height)]
    assert all(row[0] == 0 for row in rows)
    return [row[1:] for row in rows]


def manifest_of(site: Path, lang: str) -> dict:
    return json.loads((site / LANGUAGES[lang][0] / "manifest.webmanifest").read_text("utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_manifest_with_its_names_inside_the_sub_path(site: Path, lang: str) -> None:
    directory, name, short = LANGUAGES[lang]
    app = manifest_of(site, lang)
    manifest_url = f"{SITE_URL}{directory}manifest.webmanifest"
    assert app["name"] == name and app["short_name"] == short
    assert app["lang"] == lang and app["dir"] == "ltr"
    assert app["display"] == "standalone"
    assert app["theme_color"] == THEME_TEAL and re.fullmatch(r"#[0-9a-f]{6}", app["background_color"])
    start = urljoin(manifest_url, app["start_url"])
    scope = urljoin(manifest_url, app["scope"])
    assert start == f"{SITE_URL}{directory}"  # the language's home page
    assert scope == SITE_URL  # the site root under the sub-path: the service worker's scope
    assert start.startswith(scope)
    assert urljoin(manifest_url, app["id"]) == start
    assert (site / directory / "index.html").is_file()
    description = app["description"]
    if lang == "en":
        assert re.search(r"[a-z]", description) and not re.search(r"[\u4e00-\u9fff]", description)
    else:
        assert re.search(r"[\u4e00-\u9fff]", description)
    if lang == "zh-Hant":
        assert "還" in description and "还" not in description


@pytest.mark.parametrize("lang", LANGUAGES)
def test_icons_exist_with_the_sizes_they_declare(site: Path, lang: str) -> None:
    directory = LANGUAGES[lang][0]
    app = manifest_of(site, lang)
    manifest_url = f"{SITE_URL}{directory}manifest.webmanifest"
    sizes = set()
    for icon in app["icons"]:
        url = urljoin(manifest_url, icon["src"])
        assert url.startswith(SITE_URL), url
        data = (site / urlsplit(url).path[len(PREFIX) :]).read_bytes()
        width, height, _, _ = png_header(data)
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png"
        sizes.add(width)
    assert {192, 512} <= sizes  # what Android's home screen and splash screen use
    assert {icon["purpose"] for icon in app["icons"]} == {"any", "maskable"}


def test_the_icon_is_the_logo_in_white_on_the_theme_teal(site: Path) -> None:
    """Corners (the maskable safe area's outside) are the teal; the logo's strokes are white, and
    they lie where the logo's own path is (checked against Chromium's rendering of the SVG below)."""
    rows = png_pixels((site / "assets/icons/icon-512.png").read_bytes())
    teal = bytes.fromhex(THEME_TEAL[1:])
    for y, x in ((0, 0), (0, 511), (511, 0), (511, 511), (256, 40)):
        assert rows[y][3 * x : 3 * x + 3] == teal
    pixels = [row[i : i + 3] for row in rows for i in range(0, len(row), 3)]
    white = sum(1 for pixel in pixels if pixel == b"\xff\xff\xff")
    assert 0.05 < white / len(pixels) < 0.4  # an outline drawing, not a blank or a filled square
    apple = png_header((site / "assets/icons/apple-touch-icon.png").read_bytes())
    assert apple[:2] == (180, 180) and apple[3] == 2  # RGB: iOS fills transparency with black


def test_each_page_links_its_own_languages_manifest_and_the_apple_touch_icon(site: Path) -> None:
    checked = 0
    for html in sorted(site.rglob("index.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith(("pyodide/", "py/")):
            continue
        text = html.read_text("utf-8")
        lang = re.search(r'<html lang="([^"]+)"', text).group(1)
        page_url = f"{SITE_URL}{relative.removesuffix('index.html')}"
        manifest = re.findall(r'<link rel="manifest" href="([^"]+)">', text)
        touch = re.findall(r'<link rel="apple-touch-icon" href="([^"]+)">', text)
        assert len(manifest) == 1 and len(touch) == 1, relative
        assert urljoin(page_url, manifest[0]) == f"{SITE_URL}{LANGUAGES[lang][0]}manifest.webmanifest"
        assert urljoin(page_url, touch[0]) == f"{SITE_URL}assets/icons/apple-touch-icon.png"
        checked += 1
    assert checked >= 30


def test_the_offline_copy_keeps_the_manifests_and_icons(site: Path) -> None:
    sw = (site / "sw.js").read_text("utf-8")
    lists = json.loads(
        sw[
            sw.index("const MANIFEST = ") + len("const MANIFEST = ") : sw.index(
                ";\n", sw.index("const MANIFEST")
            )
        ]
    )
    for directory, _, _ in LANGUAGES.values():
        assert f"{directory}manifest.webmanifest" in lists["assets"]
    for name in ("icon-192.png", "icon-512.png", "apple-touch-icon.png"):
        assert f"assets/icons/{name}" in lists["assets"]


def test_the_rasterizer_fills_by_the_non_zero_rule() -> None:
    """A square with a square hole wound the other way: the hole stays empty, as an SVG renderer draws it."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from web_manifest import coverage, path_polygons

    ring = path_polygons("M0 0H8V8H0Z M2 2V6H6V2Z")
    rows = coverage(ring, 8)
    assert rows[1][1] == 1.0 and rows[4][4] == 0.0 and rows[6][6] == 1.0
    same_way = path_polygons("M0 0H8V8H0Z M2 2H6V6H2Z")  # same winding: non-zero fills the hole
    assert coverage(same_way, 8)[4][4] == 1.0


LOGO_IN_CHROMIUM = """async ([svg, size]) => {
  const image = new Image();
  image.src = "data:image/svg+xml;base64," + btoa(svg.replace("<svg ", '<svg fill="white" '));
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const context = canvas.getContext("2d");
  context.fillStyle = "black";
  context.fillRect(0, 0, size, size);
  const logo = size * 0.6, offset = (size - logo) / 2;
  context.drawImage(image, offset, offset, logo, logo);
  return Array.from(context.getImageData(0, 0, size, size).data.filter((_, i) => i % 4 === 0));
}"""


@pytest.mark.browser
def test_the_icon_matches_chromiums_own_rendering_of_the_logo(browser, site: Path) -> None:
    """An independent reference: Chromium draws the same SVG at the same place; the two agree."""
    sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
    from web_manifest import THEME_COLOR, logo_path

    svg_text = logo_path({"theme": {"icon": {"logo": "material/handshake-outline"}}}).read_text("utf-8")
    page = browser.new_page()
    reference = page.evaluate(LOGO_IN_CHROMIUM, [svg_text, 192])
    page.close()
    rows = png_pixels((site / "assets/icons/icon-192.png").read_bytes())
    background = bytes.fromhex(THEME_COLOR[1:])[0]
    ours = [(row[3 * x] - background) / (255 - background) for row in rows for x in range(192)]
    difference = sum(abs(a - b / 255) for a, b in zip(ours, reference, strict=True)) / len(ours)
    painted = sum(1 for b in reference if b > 127) / len(reference)
    assert painted > 0.05
    assert difference < 0.01, difference  # the mean per-pixel difference: only anti-aliasing differs


INSTALLABILITY = "Page.getInstallabilityErrors"


def open_controlled(page, url: str) -> None:
    """Open ``url`` in a page its service worker controls (the first page a worker installs on
    is not controlled by it: it is reloaded once the worker is active)."""
    page.goto(url)
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    if not page.evaluate("() => navigator.serviceWorker.controller !== null"):
        page.reload()
    assert page.evaluate("() => navigator.serviceWorker.controller !== null"), url


@pytest.mark.browser
def test_chromium_finds_each_language_installable(browser, base_url: str, tmp_path: Path) -> None:
    """Chromium's own check (CDP Page.getInstallabilityErrors) on a page of each language once its
    service worker controls it; a profile on disk, as a reader's (an off-the-record one, which
    Playwright's contexts are, is never installable). A manifest without icons fails the same check."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS
    )
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        for lang, (directory, name, _) in LANGUAGES.items():
            open_controlled(page, f"{base_url}{directory}guide/introduction/")
            app = cdp.send("Page.getAppManifest")
            assert app["url"] == f"{base_url}{directory}manifest.webmanifest", lang
            assert app["errors"] == [], (lang, app["errors"])
            assert json.loads(app["data"])["name"] == name
            assert cdp.send(INSTALLABILITY)["installabilityErrors"] == [], lang

        def without_icons(route) -> None:  # noqa: ANN001 - Playwright's route
            app = json.loads(route.fetch().text())
            app.pop("icons")
            route.fulfill(body=json.dumps(app), content_type="application/manifest+json")

        context.route("**/en/manifest.webmanifest", without_icons)
        open_controlled(page, f"{base_url}en/about/")
        errors = {error["errorId"] for error in cdp.send(INSTALLABILITY)["installabilityErrors"]}
        assert errors, "a manifest without icons must not be installable"
    finally:
        context.close()
