"""Build step: the site as an app a reader can install (add to the home screen).

- One web app manifest per language: ``manifest.webmanifest`` (the default language, at the site
  root), ``en/manifest.webmanifest``, ``zh-Hant/manifest.webmanifest``, each with that language's
  site name, a short name for the home screen, its description, ``lang`` and ``dir``. Every URL in
  a manifest is relative, resolved against the manifest's own URL, so it works under GitHub Pages'
  ``/<repo>/`` sub-path: ``start_url`` (and ``id``) is the language's home page, ``scope`` the site
  root (the service worker's scope), so the language switcher stays inside the app.
- Icons, drawn at build time from the theme's own logo (Material's ``material/handshake-outline``
  SVG, from the installed mkdocs-material package: nothing downloaded): the logo in white on the
  site's teal (``THEME_COLOR``, the primary of ``assets/theme.css``), full bleed with the logo in
  the middle 60 %, so one picture serves as an ordinary and as a "maskable" icon (Android crops it
  to a circle or a rounded square) and as iOS's apple-touch-icon (iOS wants no transparency).
  The rasterizer is the few lines below (the logo is one path of lines and Bézier curves, filled
  with the non-zero rule, anti-aliased by exact horizontal coverage over 4 sub-rows a pixel): a
  PNG library from PyPI would need Cairo or another system library on a fresh machine.
- Each page links its language's manifest and the apple-touch-icon (``overrides/main.html``, from
  ``web_manifest`` in the page's context); the offline copy lists the manifests and their icons
  (``offline_copy.py``).
"""

from __future__ import annotations

import json
import math
import re
import struct
import zlib
from pathlib import Path

import material
from mkdocs.plugins import event_priority
from traditional_text import to_traditional

MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/icons"
ICON_SIZES = (192, 512)
APPLE_TOUCH_ICON = f"{ICON_DIR}/apple-touch-icon.png"  # 180 x 180, what iOS asks for
APPLE_SIZE = 180
THEME_COLOR = "#00695c"  # the teal primary of overrides/assets/theme.css (white on it: 7.4:1)
BACKGROUND_COLOR = "#ffffff"  # the splash screen while the first page loads (Material's light page)
LOGO_SCALE = 0.6  # the logo's share of the icon's side: inside the 80 % circle maskable icons keep
# The home screen's label under the icon (the full site name is too long for it).
SHORT_NAMES = {"zh": "还款协商指南", "en": "Repayment guide"}
TRADITIONAL = "zh-Hant"

_names: dict[str, tuple[str, str]] = {}  # language -> (site name, description), seen per build


def logo_path(config) -> Path:  # noqa: ANN001 - the mkdocs config
    """The theme's logo icon (``theme.icon.logo``) as Material ships it."""
    name = (config["theme"].get("icon") or {}).get("logo") or "material/library"
    return Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg"


# ---------------------------------------------------------------------------------------------
# The logo's path, flattened to polygons

NUMBER = re.compile(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?")
TOKEN = re.compile(rf"[MmLlHhVvCcSsQqTtZzAa]|{NUMBER.pattern}")
CURVE_STEPS = 24
ARITY = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "Z": 0}

Point = tuple[float, float]


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point) -> list[Point]:
    points = []
    for step in range(1, CURVE_STEPS + 1):
        t = step / CURVE_STEPS
        u = 1 - t
        points.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return points


def path_polygons(d: str) -> list[list[Point]]:
    """An SVG path's subpaths as closed polygons (curves flattened); arcs are not supported.

    >>> path_polygons("M1 1h2v2H1z")
    [[(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0)]]
    >>> len(path_polygons("M0 0c1 0 1 1 0 1")[0]) == 1 + CURVE_STEPS
    True
    """
    tokens = TOKEN.findall(d)
    polygons: list[list[Point]] = []
    current: list[Point] = []
    x = y = 0.0
    start = (0.0, 0.0)
    control: Point | None = None  # the last curve's second control point, for S and T
    command = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        if command.upper() == "A":
            raise ValueError("arcs are not supported in the logo's path")
        upper, relative = command.upper(), command.islower()
        count = ARITY[upper]
        args = [float(value) for value in tokens[i : i + count]]
        i += count
        dx, dy = (x, y) if relative else (0.0, 0.0)
        previous_control, control = control, None
        if upper == "M":
            if len(current) > 1:
                polygons.append(current)
            x, y = args[0] + dx, args[1] + dy
            start = (x, y)
            current = [start]
            command = "l" if relative else "L"  # further pairs are lines
        elif upper == "L":
            x, y = args[0] + dx, args[1] + dy
            current.append((x, y))
        elif upper == "H":
            x = args[0] + dx
            current.append((x, y))
        elif upper == "V":
            y = args[0] + dy
            current.append((x, y))
        elif upper in ("C", "S"):
            if upper == "C":
                c1 = (args[0] + dx, args[1] + dy)
                rest = args[2:]
            else:
                c1 = (
                    (2 * x - previous_control[0], 2 * y - previous_control[1]) if previous_control else (x, y)
                )
                rest = args
            c2 = (rest[0] + dx, rest[1] + dy)
            end = (rest[2] + dx, rest[3] + dy)
            current += _cubic((x, y), c1, c2, end)
            control = c2
            x, y = end
        elif upper in ("Q", "T"):
            if upper == "Q":
                q = (args[0] + dx, args[1] + dy)
                end = (args[2] + dx, args[3] + dy)
            else:
                q = (2 * x - previous_control[0], 2 * y - previous_control[1]) if previous_control else (x, y)
                end = (args[0] + dx, args[1] + dy)
            c1 = (x + 2 / 3 * (q[0] - x), y + 2 / 3 * (q[1] - y))
            c2 = (end[0] + 2 / 3 * (q[0] - end[0]), end[1] + 2 / 3 * (q[1] - end[1]))
            current += _cubic((x, y), c1, c2, end)
            control = q
            x, y = end
        elif upper == "Z":
            if len(current) > 1:
                polygons.append(current)
            x, y = start
            current = [start]
    if len(current) > 1:
        polygons.append(current)
    return polygons


def logo_polygons(svg: str) -> tuple[list[list[Point]], float]:
    """The polygons of every ``<path>`` of an icon, and the side of its square viewBox."""
    view = re.search(r'viewBox="([^"]+)"', svg)
    left, top, width, height = (float(v) for v in view.group(1).split()) if view else (0, 0, 24, 24)
    polygons = []
    for d in re.findall(r'<path[^>]*\sd="([^"]+)"', svg):
        polygons += [[(px - left, py - top) for px, py in polygon] for polygon in path_polygons(d)]
    return polygons, max(width, height)


# ---------------------------------------------------------------------------------------------
# Filling (non-zero rule, anti-aliased) and PNG


def coverage(polygons: list[list[Point]], size: int, sub_rows: int = 4) -> list[list[float]]:
    """How much of each pixel of a ``size`` x ``size`` image the polygons cover (0 to 1).

    >>> square = coverage([[(0.5, 0.5), (2.5, 0.5), (2.5, 2.5), (0.5, 2.5)]], 3)
    >>> [[round(v, 2) for v in row] for row in square]
    [[0.25, 0.5, 0.25], [0.5, 1.0, 0.5], [0.25, 0.5, 0.25]]
    """
    edges = []
    for polygon in polygons:
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            if y0 != y1:
                edges.append((x0, y0, x1, y1, 1 if y1 > y0 else -1))
    rows = []
    for row in range(size):
        total = [0.0] * size
        near = [e for e in edges if min(e[1], e[3]) <= row + 1 and max(e[1], e[3]) >= row]
        for sub in range(sub_rows):
            sy = row + (sub + 0.5) / sub_rows
            crossings = []
            for x0, y0, x1, y1, winding in near:
                if (y0 <= sy < y1) or (y1 <= sy < y0):
                    crossings.append((x0 + (sy - y0) * (x1 - x0) / (y1 - y0), winding))
            crossings.sort()
            inside = 0
            for (xa, winding), (xb, _) in zip(crossings, crossings[1:], strict=False):
                inside += winding
                if inside:
                    _add_span(total, max(xa, 0.0), min(xb, float(size)))
        rows.append([min(1.0, value / sub_rows) for value in total])
    return rows


def _add_span(total: list[float], xa: float, xb: float) -> None:
    """Add the span [xa, xb) of one sub-row to the pixels it covers, by the length covered."""
    if xb <= xa:
        return
    first, last = int(math.floor(xa)), int(math.floor(xb))
    if first == last:
        total[first] += xb - xa
        return
    total[first] += first + 1 - xa
    for column in range(first + 1, min(last, len(total))):
        total[column] += 1.0
    if last < len(total):
        total[last] += xb - last


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def png(rows: list[bytes], size: int) -> bytes:
    """An 8-bit RGB PNG from rows of ``size`` * 3 bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon_png(svg: str, size: int) -> bytes:
    """The logo in white on the theme colour, ``size`` pixels square, the logo in the middle."""
    polygons, side = logo_polygons(svg)
    scale = size * LOGO_SCALE / side
    offset = size * (1 - LOGO_SCALE) / 2
    placed = [[(offset + x * scale, offset + y * scale) for x, y in polygon] for polygon in polygons]
    background, foreground = _rgb(THEME_COLOR), (255, 255, 255)
    rows = []
    for row in coverage(placed, size):
        line = bytearray()
        for alpha in row:
            line += bytes(round(b + (f - b) * alpha) for b, f in zip(background, foreground, strict=True))
        rows.append(bytes(line))
    return png(rows, size)


# ---------------------------------------------------------------------------------------------
# The manifests


def language_dir(locale: str, default: str) -> str:
    return "" if locale == default else f"{locale}/"


def short_name(locale: str, site_name: str) -> str:
    if locale in SHORT_NAMES:
        return SHORT_NAMES[locale]
    if locale == TRADITIONAL:
        return to_traditional(SHORT_NAMES["zh"])
    return site_name


def web_manifest(locale: str, default: str, site_name: str, description: str) -> dict:
    """The manifest of one language; its URLs are relative to where it is written."""
    up = "../" * language_dir(locale, default).count("/")  # from the language's directory to the root
    icons = [
        {
            "src": f"{up}{ICON_DIR}/icon-{size}.png",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": purpose,
        }
        for size in ICON_SIZES
        for purpose in ("any", "maskable")
    ]
    return {
        "id": "./",
        "name": site_name,
        "short_name": short_name(locale, site_name),
        "description": description,
        "lang": locale,
        "dir": "ltr",
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }


def _i18n(config):  # noqa: ANN001, ANN202 - the mkdocs config, the plugin
    return config["plugins"].get("i18n")


@event_priority(-100)  # after mkdocs-static-i18n has set this language's site name
def on_config(config):  # noqa: ANN001, ANN201 - mkdocs hook
    i18n = _i18n(config)
    locale = i18n.current_language if i18n else config["theme"]["language"]
    _names[locale] = (config["site_name"], config["site_description"] or "")
    return config


def _manifest_url(config) -> str:  # noqa: ANN001 - the mkdocs config
    i18n = _i18n(config)
    if i18n is None:
        return MANIFEST
    return language_dir(i18n.current_language, i18n.default_language) + MANIFEST


def on_page_context(context, page, config, nav):  # noqa: ANN001, ANN201 - mkdocs hook
    context["web_manifest"] = _manifest_url(config)
    return context


def on_template_context(context, template_name, config):  # noqa: ANN001, ANN201 - mkdocs hook
    # The 404 page, one for the whole site in every language, starts with the default language.
    context["web_manifest"] = MANIFEST
    return context


@event_priority(-180)  # after mkdocs-static-i18n (-100) has built every language, before the offline copy
def on_post_build(config) -> None:  # noqa: ANN001 - mkdocs hook
    i18n = _i18n(config)
    if i18n is not None and i18n.building:
        return  # one language's own build: the outer build writes every language's
    site = Path(config["site_dir"])
    svg = logo_path(config).read_text("utf-8")
    (site / ICON_DIR).mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        (site / ICON_DIR / f"icon-{size}.png").write_bytes(icon_png(svg, size))
    (site / APPLE_TOUCH_ICON).write_bytes(icon_png(svg, APPLE_SIZE))
    default = i18n.default_language if i18n else config["theme"]["language"]
    for locale, (site_name, description) in _names.items():
        app = web_manifest(locale, default, site_name, description)
        target = site / language_dir(locale, default) / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(app, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
