from urllib.parse import urlencode

from django.contrib import messages
from django.core.validators import slug_re
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from cases import search
from cases.compare import comparison_rows
from cases.facetindex import current_index
from cases.filters import SORTS, CaseFilter
from cases.models import Case, ClimateGoal
from cases.related import related_cases
from cases.searchquery import parse
from publishing.links import browse_url
from publishing.pagecache import may_preview
from publishing.prefetch import CompiledQuery, OnePrefetch
from publishing.translation import localised


class CaseListView(FilterView):
    """Browse: facets with counts, search, sort and pagination, all in the URL.

    django-filter's flow as it is: the FilterSet is always bound, and its `qs` is the
    selection in the page's order (cases.filters.Selection), which the paginator pages.
    """

    filterset_class = CaseFilter
    template_name = "cases/case_list.html"
    paginate_by = 20
    strict = False  # an invalid parameter is left out and reported, not an empty page

    def get_queryset(self):
        return Case.objects.published()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        asked = self.request.GET.get("page", "1")
        # A number below 1 means the first page; get_page would give the last.
        below_one = asked.lstrip("-").isdigit() and (asked.startswith("-") or not asked.strip("0"))
        page = paginator.get_page(1 if below_one else asked)
        if asked != str(page.number):
            messages.warning(
                self.request,
                _("There is no page “%(asked)s”; showing page %(page)s of %(pages)s.")
                % {"asked": asked[:20], "page": page.number, "pages": paginator.num_pages},
            )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset, page = self.filterset, context["page_obj"]
        context.update(
            facets=filterset.facet_list(),
            chips=filterset.chips(),
            sorts=list(SORTS.items()),
            sort=filterset.sort,
            page_range=page.paginator.get_elided_page_range(page.number),
            problems=filterset.problems(),
            selectable=True,
        )
        if not page.paginator.count and context["chips"]:
            context["widen"] = filterset.widen()
        return context


class CaseDetailView(DetailView):
    template_name = "cases/case_detail.html"
    context_object_name = "case"
    # What the page shows of the case, each relation's query compiled once.
    page_rows = OnePrefetch(
        lambda: [*Case.objects.detail_lookups(), *Case.objects.contact_lookups()]
    )

    # The case a visitor may open, by its slug (no slug has a space), its SQL compiled once.
    public_case = CompiledQuery(
        lambda slug: Case.objects.public().filter(slug=slug), "a stand-in slug"
    )

    def get_object(self, queryset=None):
        # Curators may preview drafts; everyone else gets 404 for them.
        if may_preview(self.request, "cases.view_case"):
            case = super().get_object(Case.objects.all())
        else:
            case = self.public_case.row(self.kwargs["slug"])
            if case is None:
                raise Http404
        return self.page_rows(case)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.object.is_draft:
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
        return response

    def get_context_data(self, **kwargs):
        case = self.object
        return super().get_context_data(
            parties=case.parties_by_level(),
            related=related_cases(case),
            page_url=self.request.build_absolute_uri(case.get_absolute_url()),
            **kwargs,
        )


class GoalListView(ListView):
    template_name = "cases/goal_list.html"
    context_object_name = "goals"

    def get_queryset(self):
        """The goals some published case has, by name, counted in the facet index."""
        counts = current_index().totals("goal")
        goals = list(ClimateGoal.objects.filter(slug__in=counts))
        for goal in goals:
            goal.case_count = counts[goal.slug]
        return goals


class GoalDetailView(DetailView):
    template_name = "cases/goal_detail.html"
    context_object_name = "goal"
    # The numeric targets listed side by side; more are found on the browse page.
    TARGETS_SHOWN = 50

    def get_queryset(self):
        return ClimateGoal.objects.with_published_cases()

    def get_context_data(self, **kwargs):
        goal = self.object
        cases = Case.objects.published().filter(goals=goal).for_list()[: goal.CASES_SHOWN]
        targets = (
            goal.indicators.of_published_cases()
            .with_targets()
            .select_related("case")
            .order_by(localised("title", "case__"), "case__slug", "position", "pk")
        )
        targets = list(targets[: self.TARGETS_SHOWN + 1])
        return super().get_context_data(
            cases=cases,
            case_total=goal.case_count,
            all_url=browse_url(goal=goal.slug),
            targets=targets[: self.TARGETS_SHOWN],
            more_targets=len(targets) > self.TARGETS_SHOWN,
            targets_url=browse_url(goal=goal.slug, target="yes"),
            **kwargs,
        )


class CompareView(TemplateView):
    """2 to 4 cases side by side, picked by ?case=<slug>&case=<slug>…"""

    template_name = "cases/compare.html"
    MAX_CASES = 4
    CANDIDATES = 10

    def get_context_data(self, **kwargs):
        asked = list(dict.fromkeys(self.request.GET.getlist("case")))
        # Only well-formed slugs reach the database (PostgreSQL refuses a NUL in text).
        slugs = [slug for slug in asked if slug_re.fullmatch(slug)]
        found = Case.objects.public().for_detail().in_bulk(slugs, field_name="slug")
        notes = [
            _("There is no published case “%(slug)s”.") % {"slug": slug[:80]}
            for slug in asked
            if slug not in found
        ]
        cases = [found[slug] for slug in asked if slug in found]
        if len(cases) > self.MAX_CASES:
            notes.append(
                _("At most %(max)s cases can be compared; the first %(max)s are shown.")
                % {"max": self.MAX_CASES}
            )
            cases = cases[: self.MAX_CASES]
        if len(cases) < 2:
            notes.append(_("Choose at least two cases to compare."))
        chosen = [case.slug for case in cases]
        find = self.request.GET.get("find", "")[:200]
        return super().get_context_data(
            cases=cases,
            columns=[(case, remove_url(chosen, case.slug)) for case in cases],
            rows=comparison_rows(cases),
            notes=notes,
            can_add=len(cases) < self.MAX_CASES,
            find=find,
            candidates=self.candidates(chosen, find) if len(cases) < self.MAX_CASES else [],
            chosen=chosen,
            **kwargs,
        )

    def candidates(self, chosen, find):
        """(title, URL adding it) for at most CANDIDATES published cases matching the search
        for a case to add: a bounded list, whatever the number of cases."""
        words = parse(find).terms
        if not words:
            return []
        found = search.matching(Case.objects.published().exclude(slug__in=chosen), words)
        found = search.ranked(found, words).order_by("-rank", localised("title"), "slug")
        return [(case, add_url(chosen, case.slug)) for case in found[: self.CANDIDATES]]


def remove_url(slugs, slug):
    return "?" + urlencode([("case", other) for other in slugs if other != slug])


def add_url(slugs, slug):
    return "?" + urlencode([("case", other) for other in [*slugs, slug]])
