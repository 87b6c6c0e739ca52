import json
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from networks import svgmap
from networks.svgmap import Point, country_paths, frame, map_context, place_markers, project

# Centres of Nordic cities (latitude, longitude), among them the westernmost (Bergen),
# easternmost (Kuopio), northernmost (Tromsø) and southernmost (Odense) of the city
# regions the site covers.
OSLO = (59.91, 10.75)
HELSINKI = (60.17, 24.94)
TROMSO = (69.65, 18.96)
COPENHAGEN = (55.68, 12.57)
REGIONS = [
    Point("oslo-centre", "Oslo centre", *OSLO, 3, "/regions/oslo-centre/"),
    Point("helsinki-centre", "Helsinki centre", *HELSINKI, 1, "/regions/helsinki-centre/"),
    Point("tromso-centre", "Tromsø centre", *TROMSO, 1, "/regions/tromso-centre/"),
    Point("copenhagen-centre", "Copenhagen centre", *COPENHAGEN, 5, "/regions/copenhagen-centre/"),
    Point("bergen-centre", "Bergen centre", 60.39, 5.32, 1, "/regions/bergen-centre/"),
    Point("kuopio-centre", "Kuopio centre", 62.89, 27.68, 0, "/regions/kuopio-centre/"),
    Point("odense-centre", "Odense centre", 55.40, 10.39, 1, "/regions/odense-centre/"),
]


def xy(lat_lon):
    latitude, longitude = lat_lon
    return project(longitude, latitude)


def marker(count):
    return place_markers([Point("x", "X", *OSLO, count, "/x/")])[0]


def test_oslo_lies_west_of_helsinki():
    assert xy(OSLO)[0] < xy(HELSINKI)[0]


def test_tromso_lies_north_of_copenhagen():
    # SVG y grows downwards.
    assert xy(TROMSO)[1] < xy(COPENHAGEN)[1]


def test_every_marker_falls_inside_the_viewbox():
    f = frame()
    for m in place_markers(REGIONS):
        assert 0 <= m.x - m.r and m.x + m.r <= f.width, m.slug
        assert 0 <= m.y - m.r and m.y + m.r <= f.height, m.slug


def test_a_region_with_more_cases_gets_a_bigger_marker():
    assert marker(1).r < marker(3).r < marker(10).r


def test_marker_area_grows_in_proportion_to_the_number_of_cases():
    assert marker(4).r == pytest.approx(2 * marker(1).r)


def test_a_region_without_cases_still_gets_a_visible_but_hollow_marker():
    empty = marker(0)
    assert 0 < empty.r < marker(1).r
    assert empty.is_empty and not marker(1).is_empty


def test_bigger_markers_come_first_so_smaller_ones_are_painted_on_top():
    radii = [m.r for m in place_markers(REGIONS)]
    assert radii == sorted(radii, reverse=True)


def test_country_paths_include_the_four_nordic_countries_with_path_data():
    paths = {iso: d for iso, _name, d in country_paths()}
    for iso in ["SE", "NO", "DK", "FI"]:
        assert paths[iso].startswith("M") and paths[iso].endswith("Z"), iso


def test_path_coordinates_are_rounded_to_one_decimal():
    d = country_paths()[0].d
    assert re.fullmatch(r"(M-?\d+\.\d,-?\d+\.\d(L-?\d+\.\d,-?\d+\.\d)+Z)+", d)


def test_the_outline_file_is_small_geojson():
    assert svgmap.GEOJSON_PATH.stat().st_size < 40_000
    assert json.loads(svgmap.GEOJSON_PATH.read_text())["type"] == "FeatureCollection"


def test_the_map_context_holds_the_viewbox_paths_and_markers():
    context = map_context(REGIONS)
    assert context["viewbox"] == f"0 0 {frame().width} {frame().height}"
    assert len(context["markers"]) == len(context["listing"]) == len(REGIONS)


def test_each_marker_link_is_named_with_its_region_and_case_count():
    with translation.override("en"):
        html = render_to_string("includes/map.html", {"map": map_context(REGIONS)})
    assert 'aria-label="Oslo centre: 3 cases"' in html
    assert "Tromsø centre (1 case)" in html


def test_marker_coordinates_keep_a_decimal_point_in_finnish():
    with translation.override("fi"):
        html = render_to_string("includes/map.html", {"map": map_context(REGIONS)})
    assert not re.search(r'c[xy]="\d+,\d"', html)
