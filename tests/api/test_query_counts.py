"""The API's list and detail cost a fixed number of queries, for 10 cases as for 60."""

import pytest

from tests.factories import bulk_cases, make_term, make_vocabulary, shared_content

pytestmark = pytest.mark.django_db


def build(size):
    vocabulary = make_vocabulary(max(2, size // 5))
    cases = bulk_cases(size, **vocabulary)
    for n in range(0, size, 5):
        make_term(cases[n : n + 5])
    return cases


content = shared_content(build, params=[10, 60])

# The content version (is the facet index current?), the page's cases, their themes,
# regions and goals.
LIST_QUERIES = 5
# The content version is not read; the case, then its themes, regions, published
# networks, parties, sources, key figures, milestones, goals, published terms, funding,
# commitments, indicators and their measurements.
DETAIL_QUERIES = 14


@pytest.mark.parametrize(
    ("query", "extra"),
    # A search adds one query: the ranks of the matching cases.
    [("", 0), ("?theme=transport", 0), ("?country=SE&sort=title", 0), ("?q=bulk", 1)],
)
def test_the_case_list_costs_the_same_for_any_amount_of_content(
    client, content, django_assert_num_queries, query, extra
):
    client.get(f"/api/v1/cases/{query}")  # the facet index is built once, then current
    with django_assert_num_queries(LIST_QUERIES + extra):
        response = client.get(f"/api/v1/cases/{query}")
    assert response.status_code == 200
    assert response.json()["results"]


def test_a_case_costs_the_same_for_any_amount_of_content(
    client, content, django_assert_num_queries
):
    client.get("/api/v1/cases/")
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(f"/api/v1/cases/{content[0].slug}/")
    assert response.status_code == 200
    assert response.json()["funding"] and response.json()["terms"]
