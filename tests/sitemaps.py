"""Reading the sitemap as a crawler does: the index, then every page it lists."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from django.urls import reverse

SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_pages(client):
    """The addresses (path and query) of the sitemap pages the index lists."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    pages = []
    for loc in index.findall("sm:sitemap/sm:loc", SITEMAP):
        parts = urlsplit(loc.text)
        pages.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return pages


def sitemap_locations(client):
    """Every address on every page of the sitemap, in order, duplicates kept."""
    locations = []
    for page in sitemap_pages(client):
        response = client.get(page)
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        locations += [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP)]
    return locations
