from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from cases.filters import CaseFilter
from cases.models import Case, ClimateGoal
from networks.models import Organisation


class CaseListView(FilterView):
    filterset_class = CaseFilter
    template_name = "cases/case_list.html"
    paginate_by = 20
    strict = False  # an invalid parameter is ignored and reported, not an empty page

    def get_queryset(self):
        return Case.objects.published().for_list()

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        asked = self.request.GET.get("page", "1")
        page = paginator.get_page(asked)
        if asked != str(page.number):
            messages.warning(
                self.request,
                _("There is no page “%(asked)s”; showing page %(page)s of %(pages)s.")
                % {"asked": asked[:20], "page": page.number, "pages": paginator.num_pages},
            )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number)
        context["filter_errors"] = [
            (self.filterset.form[name].label, error)
            for name, errors in self.filterset.form.errors.items()
            for error in errors
        ]
        return context


class CaseDetailView(DetailView):
    template_name = "cases/case_detail.html"
    context_object_name = "case"

    def get_queryset(self):
        return Case.objects.public().for_detail()

    def get_context_data(self, **kwargs):
        case = self.object
        level = Organisation.Level
        levels = {level.STATE: [], level.REGIONAL: [], level.MUNICIPAL: []}
        others = []
        for party in case.parties.all():
            levels.get(party.level, others).append(party)
        parties = [(level.label, orgs) for level, orgs in levels.items() if orgs]
        if others:
            parties.append((_("Other parties"), others))
        goals = sorted(case.goals.all(), key=lambda goal: goal.name)
        return super().get_context_data(parties=parties, goals=goals, **kwargs)


class GoalListView(ListView):
    template_name = "cases/goal_list.html"
    context_object_name = "goals"

    def get_queryset(self):
        return ClimateGoal.objects.with_case_counts()


class GoalDetailView(DetailView):
    template_name = "cases/goal_detail.html"
    context_object_name = "goal"
    model = ClimateGoal

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cases"] = Case.objects.published().filter(goals=self.object).for_list()
        return context
