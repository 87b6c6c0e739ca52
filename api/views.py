"""The read-only endpoints. Each queryset here decides what is public, once: published
cases, networks and glossary terms; regions and goals while a published case uses them;
and, from a case, only its published networks and terms."""

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers
from api.base import OpenDataMixin
from api.pagination import CasePagination, ListPagination
from api.parameters import case_list_parameters
from cases.filters import CaseFilter
from cases.models import Case, ClimateGoal, Theme
from glossary.models import Term
from networks.models import CityRegion, Network
from publishing import licence

# What a case in a list shows besides its row: a fixed number of queries for any page.
CASE_LIST_PREFETCH = ["regions", "goals"]


class ReadOnlyViewSet(OpenDataMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    pagination_class = ListPagination
    not_found = _("No such record is published.")

    def get_object(self):
        # DRF's own 404 says only "Not found"; say what was not found.
        slug = self.kwargs[self.lookup_field]
        found = self.get_queryset().filter(slug=slug).first()
        if found is None:
            raise NotFound(self.not_found)
        self.check_object_permissions(self.request, found)
        return found


@extend_schema_view(
    list=extend_schema(
        summary="Published cases, as the browse page selects and orders them",
        description="Takes exactly the query parameters of the browse page /cases/ and gives "
        "the same cases in the same order, in pages of the same size.",
        parameters=case_list_parameters(),
    ),
    retrieve=extend_schema(summary="A published case with all its rows"),
)
class CaseViewSet(ReadOnlyViewSet):
    pagination_class = CasePagination
    not_found = _("There is no published case with this slug.")

    def get_queryset(self):
        return Case.objects.published().for_detail()

    def get_serializer_class(self):
        return (
            serializers.CaseListSerializer
            if self.action == "list"
            else serializers.CaseDetailSerializer
        )

    def list(self, request, *args, **kwargs):
        filterset = CaseFilter(request.GET)
        self.paginator.notes = filterset.problems()
        page = self.paginate_queryset(filterset.qs)
        prefetch_related_objects(page, *CASE_LIST_PREFETCH)
        data = self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)


@extend_schema_view(
    list=extend_schema(summary="Published networks"),
    retrieve=extend_schema(summary="A published network"),
)
class NetworkViewSet(ReadOnlyViewSet):
    serializer_class = serializers.NetworkSerializer
    not_found = _("There is no published network with this slug.")

    def get_queryset(self):
        return Network.objects.published()


@extend_schema_view(
    list=extend_schema(summary="City regions with published cases"),
    retrieve=extend_schema(summary="A city region with published cases"),
)
class RegionViewSet(ReadOnlyViewSet):
    serializer_class = serializers.RegionSerializer
    not_found = _("There is no city region with this slug and a published case.")

    def get_queryset(self):
        return CityRegion.objects.with_published_cases()


@extend_schema_view(
    list=extend_schema(summary="Climate goals of published cases"),
    retrieve=extend_schema(summary="A climate goal of published cases"),
)
class GoalViewSet(ReadOnlyViewSet):
    serializer_class = serializers.GoalSerializer
    not_found = _("There is no climate goal with this slug and a published case.")

    def get_queryset(self):
        return ClimateGoal.objects.with_published_cases()


@extend_schema_view(list=extend_schema(summary="The five MALPE themes"))
class ThemeViewSet(OpenDataMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = serializers.ThemeSerializer
    pagination_class = ListPagination
    queryset = Theme.objects.all()


@extend_schema_view(
    list=extend_schema(summary="Published glossary terms"),
    retrieve=extend_schema(summary="A published glossary term"),
)
class TermViewSet(ReadOnlyViewSet):
    serializer_class = serializers.TermSerializer
    not_found = _("There is no published glossary term with this slug.")

    def get_queryset(self):
        return Term.objects.for_glossary()


@extend_schema(exclude=True)
class RootView(OpenDataMixin, APIView):
    """/api/v1/: where everything is, for a person or a client that starts here."""

    def get(self, request):
        names = ["cases", "networks", "regions", "goals", "themes", "glossary"]
        basenames = ["case", "network", "region", "goal", "theme", "term"]
        return Response(
            {
                **{
                    name: request.build_absolute_uri(reverse(f"api:{basename}-list"))
                    for name, basename in zip(names, basenames, strict=True)
                },
                "schema": request.build_absolute_uri(reverse("api:schema")),
                "docs": request.build_absolute_uri(reverse("api:docs")),
                "licence": {"name": licence.NAME, "url": licence.URL},
            }
        )


@extend_schema(exclude=True)
class NotFoundView(OpenDataMixin, APIView):
    """Any other address under /api/v1/: a JSON 404, as every API error is."""

    def get(self, request, rest=""):
        raise NotFound(
            _("There is no such address in the API; see %(root)s.")
            % {"root": request.build_absolute_uri(reverse("api:root"))}
        )

    post = put = patch = delete = get
