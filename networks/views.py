from django.urls import reverse
from django.views.generic import DetailView, ListView

from networks.models import CityRegion, Network
from networks.svgmap import Point, map_context


class NetworkListView(ListView):
    template_name = "networks/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return Network.objects.published().with_case_counts()


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Network.objects.public().prefetch_related("sources")

    def get_context_data(self, **kwargs):
        cases = self.object.published_cases().for_list()
        return super().get_context_data(cases=cases, **kwargs)


class RegionListView(ListView):
    template_name = "networks/region_list.html"
    context_object_name = "regions"

    def get_queryset(self):
        return CityRegion.objects.with_published_cases()

    def get_context_data(self, **kwargs):
        return super().get_context_data(map=region_map(self.object_list), **kwargs)


class RegionDetailView(DetailView):
    template_name = "networks/region_detail.html"
    context_object_name = "region"

    def get_queryset(self):
        return CityRegion.objects.with_published_cases()

    def get_context_data(self, **kwargs):
        cases = self.object.published_cases().for_list()
        return super().get_context_data(cases=cases, **kwargs)


def region_map(regions):
    """The map of regions annotated with `case_count`; each marker opens their cases."""
    browse = reverse("cases:list")
    return map_context(
        Point(r.slug, r.name, r.latitude, r.longitude, r.case_count, f"{browse}?region={r.slug}")
        for r in regions
    )
