"""Related cases on the real starter content."""

import pytest

from cases.models import Case
from cases.related import related_cases

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]

AS_BEFORE = {
    "fi-mal-helsinki": [
        "fi-mal-tampere",
        "fi-mal-jyvaskyla-kuopio-lahti",
        "fi-mal-turku",
        "fi-malpe-oulu",
    ],
    "no-byvekstavtale-bergen": [
        "no-byvekstavtale-oslo",
        "no-byvekstavtale-nord-jaeren",
        "no-miljopakken-trondheim",
        "se-stockholmsforhandlingen-2013",
    ],
    "se-sverigeforhandlingen": [
        "se-gr-strukturbild-hallbar-tillvaxt",
        "se-hyllie-klimatkontrakt",
        "se-lund-sparvag-brunnshog",
        "se-stockholmsforhandlingen-2013",
    ],
    "dk-odense-letbane": [
        "dk-aarhus-letbane",
        "dk-hovedstadens-letbane-ring3",
        "se-lund-sparvag-brunnshog",
        "se-hyllie-klimatkontrakt",
    ],
}


@pytest.mark.parametrize(("slug", "expected"), AS_BEFORE.items(), ids=list(AS_BEFORE))
def test_the_related_cases_of_a_starter_case_are_as_before(client, slug, expected):
    response = client.get(Case.objects.get(slug=slug).get_absolute_url())
    assert [case.slug for case in response.context["related"]] == expected


def test_every_starter_case_has_four_related_cases_and_none_is_related_to_itself():
    results = {case.slug: related_cases(case) for case in Case.objects.published().for_detail()}
    assert {slug: len(related) for slug, related in results.items() if len(related) != 4} == {}
    assert [slug for slug, related in results.items() if slug in {r.slug for r in related}] == []
