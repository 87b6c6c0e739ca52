"""A sitemap section finds its latest change in one query, not by reading every item."""

import pytest
from django.db.models import Max

from cases.models import Case
from malnordic.sitemaps import CaseSitemap
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_the_latest_change_is_one_aggregate_query(django_assert_num_queries):
    make_case()
    with django_assert_num_queries(1):
        latest = CaseSitemap().get_latest_lastmod()
    assert latest == Case.objects.published().aggregate(m=Max("updated_at"))["m"]
