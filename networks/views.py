from django.views.generic import DetailView, ListView

from networks.models import CityRegion, Network
from networks.svgmap import Point, map_context
from publishing.links import browse_url


class NetworkListView(ListView):
    template_name = "networks/network_list.html"
    context_object_name = "networks"

    def get_queryset(self):
        return Network.objects.published().with_case_counts()


class NetworkDetailView(DetailView):
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return Network.objects.public().with_case_counts().prefetch_related("sources")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **case_sample(self.object, browse_url(network=self.object.slug)), **kwargs
        )


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
        return super().get_context_data(
            **case_sample(self.object, browse_url(region=self.object.slug)), **kwargs
        )


def case_sample(record, all_url):
    """The context of includes/case_sample.html for a region or network annotated with
    `case_count`."""
    cases = record.published_cases().for_list()[: record.CASES_SHOWN]
    return {"cases": cases, "case_total": record.case_count, "all_url": all_url}


def region_map(regions):
    """The map of regions annotated with `case_count`; each marker opens their cases."""
    return map_context(
        Point(r.slug, r.name, r.latitude, r.longitude, r.case_count, browse_url(region=r.slug))
        for r in regions
    )
