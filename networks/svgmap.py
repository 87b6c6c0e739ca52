"""A server-drawn SVG map of the Nordic countries with a marker per city region.

Framework-free on purpose (no Django imports), so the geometry is unit-tested on its own;
the view passes `map_context(regions)` to `templates/includes/map.html`.

Projection: a spherical Lambert conformal conic with standard parallels 58° and 67° N,
centred on 62° N, 17° E. Between those parallels the scale error stays within a few per
cent, so Denmark and the North Cape keep their proportions, and meridians converge
towards the pole as on a printed atlas map instead of spreading as on Web Mercator.

Frame: the outlines in `data/nordic_countries.geojson` (Denmark, Norway without Svalbard
and Jan Mayen, Sweden, Finland and Estonia), fitted into a viewBox `WIDTH` units wide.
Iceland is left out: it lies 1,000 km west of Norway and would halve the scale of the
rest. Estonia is drawn because it sits inside the frame anyway, across the gulf from
Helsinki. A point outside the frame still gets coordinates, just outside the viewBox.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

GEOJSON_PATH = Path(__file__).resolve().parent / "data" / "nordic_countries.geojson"

WIDTH = 600
PADDING = 8  # viewBox units around the outlines, so edge markers are not cut off

# Marker area is proportional to the number of cases (radius to its square root),
# the usual rule for proportional symbols: a region with four cases looks four times
# as big as one with one case, not sixteen times.
RADIUS_PER_SQRT_CASE = 5.0
# Regions without cases are drawn hollow at this radius, so they stay visible and
# clickable but never look like a region with one case.
EMPTY_RADIUS = 4.0
# Every marker is a target at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8): an invisible
# circle of this radius around it takes the clicks. The map is drawn WIDTH CSS pixels wide
# on every screen (a narrow one scrolls it sideways, as a map may), so one viewBox unit
# is one CSS pixel.
TARGET_RADIUS = 12.0
# The case counts the legend shows a marker for, beside the hollow one for none.
LEGEND_COUNTS = (1, 4, 9)

_STANDARD_PARALLELS = (58.0, 67.0)
_ORIGIN = (17.0, 62.0)  # (longitude, latitude) of the projection's centre


def _tan_half(lat):
    return math.tan(math.pi / 4 + math.radians(lat) / 2)


@functools.cache
def _cone():
    phi1, phi2 = (math.radians(p) for p in _STANDARD_PARALLELS)
    lat1, lat2 = _STANDARD_PARALLELS
    n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(_tan_half(lat2) / _tan_half(lat1))
    f = math.cos(phi1) * _tan_half(lat1) ** n / n
    rho0 = f / _tan_half(_ORIGIN[1]) ** n
    return n, f, rho0


def lambert(lon, lat):
    """Project WGS84 degrees onto the unit-sphere cone: x east, y north (not SVG yet)."""
    n, f, rho0 = _cone()
    rho = f / _tan_half(lat) ** n
    theta = n * math.radians(lon - _ORIGIN[0])
    return rho * math.sin(theta), rho0 - rho * math.cos(theta)


def _rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


@functools.cache
def _features():
    with GEOJSON_PATH.open(encoding="utf-8") as f:
        return json.load(f)["features"]


class Frame(NamedTuple):
    left: float  # projected x at the viewBox's left edge (less padding)
    top: float  # projected y at the top edge (less padding)
    scale: float  # viewBox units per projected unit
    width: int
    height: int


@functools.cache
def frame():
    """Fit the projected outlines into a viewBox `WIDTH` wide; the height follows."""
    points = [
        lambert(lon, lat)
        for feature in _features()
        for ring in _rings(feature["geometry"])
        for lon, lat in ring
    ]
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    scale = (WIDTH - 2 * PADDING) / (max(xs) - min(xs))
    height = math.ceil((max(ys) - min(ys)) * scale + 2 * PADDING)
    return Frame(min(xs), max(ys), scale, WIDTH, height)


def project(lon, lat):
    """WGS84 longitude and latitude in degrees to SVG x, y (y down) in the map's viewBox."""
    x, y = lambert(lon, lat)
    f = frame()
    return PADDING + (x - f.left) * f.scale, PADDING + (f.top - y) * f.scale


def _path_data(rings):
    parts = []
    for ring in rings:
        points = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            point = f"{x:.1f},{y:.1f}"
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 2:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


class CountryPath(NamedTuple):
    iso_code: str
    name: str
    d: str


@functools.cache
def country_paths():
    """The country outlines as SVG path data, computed once per process."""
    return [
        CountryPath(
            feature["properties"]["iso_a2"],
            feature["properties"]["name"],
            _path_data(_rings(feature["geometry"])),
        )
        for feature in _features()
    ]


class Point(NamedTuple):
    slug: str
    name: str
    latitude: float
    longitude: float
    count: int
    url: str


@dataclass(frozen=True)
class Marker:
    slug: str
    name: str
    url: str
    count: int
    x: float
    y: float
    r: float

    @property
    def is_empty(self):
        return self.count == 0

    @property
    def target_r(self):
        return max(self.r, TARGET_RADIUS)


class LegendItem(NamedTuple):
    count: int
    r: float

    @property
    def size(self):
        """The width and height of the small SVG that draws it, stroke included."""
        return math.ceil(2 * self.r + 4)


def marker_radius(count):
    if count <= 0:
        return EMPTY_RADIUS
    return round(RADIUS_PER_SQRT_CASE * math.sqrt(count), 1)


def place_markers(points):
    """Markers for the points, biggest first.

    SVG paints in document order, so drawing big markers first keeps a small one that
    overlaps a neighbour (Malmö next to Copenhagen, Buskerudbyen next to Oslo) on top
    and clickable. The same order is the keyboard order: most cases first.
    """
    markers = []
    for point in map(Point._make, points):
        x, y = project(point.longitude, point.latitude)
        markers.append(
            Marker(
                slug=point.slug,
                name=point.name,
                url=point.url,
                count=point.count,
                x=round(x, 1),
                y=round(y, 1),
                r=marker_radius(point.count),
            )
        )
    return sorted(markers, key=lambda m: (-m.r, m.name))


def map_context(regions):
    """What `includes/map.html` expects as `map`.

    `regions` are `Point`s (or tuples of the same fields). `markers` is in paint order;
    `listing` is the same markers by name, for the text list that follows the map.
    """
    f = frame()
    markers = place_markers(regions)
    return {
        "width": f.width,
        "height": f.height,
        "viewbox": f"0 0 {f.width} {f.height}",
        "paths": country_paths(),
        "markers": markers,
        "listing": sorted(markers, key=lambda m: m.name),
        "legend": [LegendItem(n, marker_radius(n)) for n in (*LEGEND_COUNTS, 0)],
    }
