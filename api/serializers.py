"""The API's representations: every language version of translated text, absolute URLs,
and only published content and links to it.

The case serializers expect the rows prefetched as `Case.objects.for_detail()` (details)
or views.CASE_LIST_PREFETCH (lists) load them, and filter nothing themselves: what is
published is decided by the querysets, once, in api/views.py.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import links
from api.base import LICENCE
from api.fields import LabelField, TranslatedField
from cases.models import (
    Case,
    ClimateGoal,
    Commitment,
    Funding,
    Indicator,
    KeyFigure,
    Measurement,
    Milestone,
    Source,
    Theme,
)
from glossary.models import Term
from networks.models import CityRegion, Network, Organisation

# The countries of cases, for naming their enum in the schema (SPECTACULAR_SETTINGS).
CASE_COUNTRY_CHOICES = Case._meta.get_field("country").choices


class PageLinks(serializers.Serializer):
    """`url`: the public page (Finnish, the default language); `urls`: in each language;
    `api_url`: the record in the API. Subclasses set `api_name`, or None without a detail."""

    api_name = None

    url = serializers.SerializerMethodField()
    urls = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return links.page_url(self.context["request"], obj)

    @extend_schema_field({"type": "object", "additionalProperties": {"type": "string"}})
    def get_urls(self, obj):
        return links.page_urls(self.context["request"], obj)


class WithApiUrl(PageLinks):
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_api_url(self, obj):
        return links.api_url(self.context["request"], self.api_name, obj.slug)


class CasesLink(serializers.Serializer):
    """`cases_api_url`: the API's case list narrowed to this record (`facet`=slug)."""

    facet = None
    cases_api_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_cases_api_url(self, obj):
        return links.cases_api_url(self.context["request"], **{self.facet: obj.slug})


# Vocabulary: themes, goals, regions, parties.


class ThemeSerializer(CasesLink, PageLinks, serializers.ModelSerializer):
    facet = "theme"
    name = LabelField(lambda theme: Theme.Slug(theme.slug).label)

    class Meta:
        model = Theme
        fields = ["slug", "name", "url", "urls", "cases_api_url"]


class GoalRefSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "goal-detail"
    name = TranslatedField()

    class Meta:
        model = ClimateGoal
        fields = ["slug", "name", "url", "api_url"]


class GoalSerializer(CasesLink, GoalRefSerializer):
    facet = "goal"
    description = TranslatedField()
    case_count = serializers.IntegerField(read_only=True)

    class Meta(GoalRefSerializer.Meta):
        fields = [
            "slug",
            "name",
            "description",
            "case_count",
            "url",
            "urls",
            "api_url",
            "cases_api_url",
        ]


class RegionRefSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "region-detail"
    name = TranslatedField()

    class Meta:
        model = CityRegion
        fields = ["slug", "name", "country", "url", "api_url"]


class RegionSerializer(CasesLink, RegionRefSerializer):
    facet = "region"
    description = TranslatedField()
    case_count = serializers.IntegerField(read_only=True)

    class Meta(RegionRefSerializer.Meta):
        fields = [
            "slug",
            "name",
            "country",
            "latitude",
            "longitude",
            "description",
            "case_count",
            "url",
            "urls",
            "api_url",
            "cases_api_url",
        ]


class PartySerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name", "name_en", "kind", "level", "country"]


class NetworkRefSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "network-detail"
    name = TranslatedField()

    class Meta:
        model = Network
        fields = ["slug", "name", "url", "api_url"]


class TermRefSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "term-detail"
    name = TranslatedField()

    class Meta:
        model = Term
        fields = ["slug", "name", "url", "api_url"]


# A case's rows.


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Source
        fields = ["title", "url", "publisher", "year", "language"]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, source):
        return links.safe_link(source.url)


class RowSourceMixin(serializers.Serializer):
    """A row's source, by its URL among the case's sources; or that it comes from the case's
    own sources as a whole (`from_case_sources`)."""

    source = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_source(self, row):
        if row.source_id is None:
            return None
        return links.safe_link(self.context.get("source_urls", {}).get(row.source_id))


class KeyFigureSerializer(serializers.ModelSerializer):
    label = TranslatedField()
    value = TranslatedField()
    unit = TranslatedField()
    note = TranslatedField()

    class Meta:
        model = KeyFigure
        fields = ["label", "value", "unit", "year", "note"]


class MilestoneSerializer(serializers.ModelSerializer):
    event = TranslatedField()

    class Meta:
        model = Milestone
        fields = ["year", "month", "day", "event"]


class FundingSerializer(RowSourceMixin, serializers.ModelSerializer):
    payer = PartySerializer(read_only=True)
    payer_name = TranslatedField()
    note = TranslatedField()

    class Meta:
        model = Funding
        fields = [
            "payer_kind",
            "payer",
            "payer_name",
            "qualifier",
            "amount",
            "currency",
            "price_year",
            "share",
            "period_start",
            "period_end",
            "purpose",
            "note",
            "source",
            "from_case_sources",
        ]


class CommitmentSerializer(RowSourceMixin, serializers.ModelSerializer):
    party = PartySerializer(read_only=True)
    text = TranslatedField()
    goal = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Commitment
        fields = ["party_kind", "party", "kind", "text", "goal", "source", "from_case_sources"]


class MeasurementSerializer(RowSourceMixin, serializers.ModelSerializer):
    note = TranslatedField()

    class Meta:
        model = Measurement
        fields = ["year", "value", "note", "source"]


class IndicatorSerializer(RowSourceMixin, serializers.ModelSerializer):
    name = TranslatedField()
    unit = TranslatedField()
    note = TranslatedField()
    goal = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    measurements = MeasurementSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "direction",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "note",
            "goal",
            "measurements",
            "source",
            "from_case_sources",
        ]


# Cases.


class CaseListSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "case-detail"
    title = TranslatedField()
    summary = TranslatedField()
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    regions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    goals = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "slug",
            "title",
            "original_name",
            "summary",
            "country",
            "scale",
            "instrument",
            "status",
            "start_year",
            "end_year",
            "is_ongoing",
            "is_comparison",
            "themes",
            "regions",
            "goals",
            "published_at",
            "url",
            "urls",
            "api_url",
        ]

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_goals(self, case):
        return sorted(goal.slug for goal in case.goals.all())


class CaseDetailSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "case-detail"
    title = TranslatedField()
    instrument_detail = TranslatedField()
    status_note = TranslatedField()
    summary = TranslatedField()
    challenge = TranslatedField()
    how_it_works = TranslatedField()
    climate_goals = TranslatedField()
    results = TranslatedField()
    lessons_for_finland = TranslatedField()
    evidence_note = TranslatedField()
    themes = ThemeSerializer(many=True, read_only=True)
    goals = serializers.SerializerMethodField()
    regions = RegionRefSerializer(many=True, read_only=True)
    parties = PartySerializer(many=True, read_only=True)
    networks = NetworkRefSerializer(many=True, read_only=True)
    terms = TermRefSerializer(many=True, read_only=True)
    sources = SourceSerializer(many=True, read_only=True)
    key_figures = KeyFigureSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    funding = FundingSerializer(many=True, read_only=True)
    commitments = CommitmentSerializer(many=True, read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)
    licence = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = [
            "slug",
            "title",
            "original_name",
            "country",
            "scale",
            "instrument",
            "instrument_detail",
            "status",
            "status_note",
            "start_year",
            "end_year",
            "is_ongoing",
            "is_comparison",
            "summary",
            "challenge",
            "how_it_works",
            "climate_goals",
            "results",
            "lessons_for_finland",
            "evidence_level",
            "evidence_note",
            "last_verified",
            "published_at",
            "updated_at",
            "themes",
            "goals",
            "regions",
            "parties",
            "networks",
            "terms",
            "sources",
            "key_figures",
            "milestones",
            "funding",
            "commitments",
            "indicators",
            "url",
            "urls",
            "api_url",
            "licence",
        ]

    def to_representation(self, case):
        # Rows name their source by primary key; the payload names it by its URL.
        self.context["source_urls"] = {source.pk: source.url for source in case.sources.all()}
        return super().to_representation(case)

    @extend_schema_field(GoalRefSerializer(many=True))
    def get_goals(self, case):
        return GoalRefSerializer(case.sorted_goals(), many=True, context=self.context).data

    @extend_schema_field(
        {
            "type": "object",
            "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
        }
    )
    def get_licence(self, case):
        return LICENCE


# Networks and the glossary.


class NetworkSerializer(CasesLink, NetworkRefSerializer):
    facet = "network"
    kind_detail = TranslatedField()
    members = TranslatedField()
    summary = TranslatedField()
    mal_relevance = TranslatedField()
    evidence_note = TranslatedField()
    website = serializers.SerializerMethodField()

    class Meta(NetworkRefSerializer.Meta):
        fields = [
            "slug",
            "name",
            "original_name",
            "kind",
            "kind_detail",
            "countries",
            "founded_year",
            "members",
            "summary",
            "mal_relevance",
            "website",
            "evidence_level",
            "evidence_note",
            "url",
            "urls",
            "api_url",
            "cases_api_url",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_website(self, network):
        return links.safe_link(network.website)


class CaseRefSerializer(WithApiUrl, serializers.ModelSerializer):
    api_name = "case-detail"
    title = TranslatedField()

    class Meta:
        model = Case
        fields = ["slug", "title", "url", "api_url"]


class TermSerializer(TermRefSerializer):
    definition = TranslatedField()
    finnish_counterpart = TranslatedField()
    cases = CaseRefSerializer(many=True, read_only=True, source="published_cases")

    class Meta(TermRefSerializer.Meta):
        fields = [
            "slug",
            "name",
            "name_no",
            "name_da",
            "other_names",
            "language",
            "country",
            "definition",
            "finnish_counterpart",
            "cases",
            "url",
            "urls",
            "api_url",
        ]
