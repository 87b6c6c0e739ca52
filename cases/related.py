"""Cases related to a case: the most shared goals, regions, networks, themes and instrument."""

from collections import defaultdict

from django.utils.translation import gettext_lazy as _

from cases.models import Case, TaggedCase, Theme

# How much one shared item of each kind counts towards relatedness.
WEIGHTS = {"goal": 2, "region": 3, "network": 2, "theme": 1, "instrument": 2}
REASONS = {
    "goal": _("Shared climate goals"),
    "region": _("Same city region"),
    "network": _("Shared networks"),
    "theme": _("Shared themes"),
    "instrument": _("Same instrument"),
}


def related_cases(case, limit=4):
    """The `limit` published cases most related to `case`, each with `related_reasons`,
    a list of (reason, names).

    Six queries whatever the data: one per kind of link, then one for the chosen cases.
    """
    others = Case.objects.published().exclude(pk=case.pk)
    shared = defaultdict(lambda: defaultdict(list))  # case id -> kind -> names

    links = {
        "goal": TaggedCase.objects.filter(
            content_object__in=others, tag__in=case.goals.all()
        ).values_list("content_object_id", "tag__name"),
        "region": Case.regions.through.objects.filter(
            case__in=others, cityregion__in=case.regions.all()
        ).values_list("case_id", "cityregion__name"),
        "network": Case.networks.through.objects.filter(
            case__in=others, network__in=case.networks.published()
        ).values_list("case_id", "network__name"),
        "theme": Case.themes.through.objects.filter(
            case__in=others, theme__in=case.themes.all()
        ).values_list("case_id", "theme__slug"),
        "instrument": others.filter(instrument=case.instrument).values_list("pk", "instrument"),
    }
    labels = {
        "theme": lambda slug: Theme.Slug(slug).label,
        "instrument": lambda value: Case.Instrument(value).label,
    }
    for kind, rows in links.items():
        label = labels.get(kind, str)
        for case_id, name in rows:
            shared[case_id][kind].append(label(name))

    def score(item):
        case_id, kinds = item
        return -sum(WEIGHTS[kind] * len(names) for kind, names in kinds.items()), case_id

    best = sorted(shared.items(), key=score)[:limit]
    chosen = Case.objects.in_bulk([case_id for case_id, _kinds in best])
    results = []
    for case_id, kinds in best:
        related = chosen[case_id]
        related.related_reasons = [(REASONS[kind], sorted(names)) for kind, names in kinds.items()]
        results.append(related)
    return results
