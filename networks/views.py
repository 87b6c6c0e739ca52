from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from networks.models import CityRegion, Network, PublicationState

PUBLISHED_CASES = Q(cases__state=PublicationState.PUBLISHED)


class NetworkListView(ListView):
    template_name = "networks/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return Network.objects.published().annotate(
            case_count=Count("cases", filter=PUBLISHED_CASES)
        )


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Network.objects.public().prefetch_related("sources")

    def get_context_data(self, **kwargs):
        # The reverse relation's manager is the case model's own, so this app needs no import.
        cases = self.object.cases.published().for_list()
        return super().get_context_data(cases=cases, **kwargs)


class RegionListView(ListView):
    template_name = "networks/region_list.html"
    context_object_name = "regions"

    def get_queryset(self):
        return CityRegion.objects.annotate(case_count=Count("cases", filter=PUBLISHED_CASES))


class RegionDetailView(DetailView):
    template_name = "networks/region_detail.html"
    context_object_name = "region"
    model = CityRegion

    def get_context_data(self, **kwargs):
        cases = self.object.cases.published().for_list()
        return super().get_context_data(cases=cases, **kwargs)
