from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases.admin import CaseAdmin
from cases.models import Case, Source
from community.models import Contact, Proposal, Subscription
from publishing.curation import ConcurrentEditForm, LanguagesAdmin, side_by_side
from publishing.models import PublicationState
from publishing.text import link_target


class ContactForm(ConcurrentEditForm):
    def conflict_record(self):
        return self.instance.case


class ContactInline(LanguagesAdmin, admin.StackedInline):
    """Whom to ask, edited in the case's form (stacked: every input keeps its label)."""

    model = Contact
    form = ContactForm
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = [
        "position",
        ("organisation", "organisation_name"),
        *side_by_side("role"),
        ("email", "url"),
        ("person_name", "consent_given_at"),
        "loaded_version",
    ]


# The contacts are the community app's, so its admin adds their inline to the case's form
# here rather than cases/admin.py knowing of this app. Registered inlines are read from the
# class on every request, so appending at import time is enough.
CaseAdmin.inlines = [*CaseAdmin.inlines, ContactInline]


def free_slug(title):
    """A slug for a new case from its title, not yet taken by another case."""
    base = (slugify(title) or "proposed-case")[:90].strip("-")
    slug, n = base, 1
    while Case.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "country", "status", "created_at", "case_link"]
    list_filter = ["status", "kind", "country", "created_at"]
    search_fields = ["title", "description", "name", "email", "organisation"]
    date_hierarchy = "created_at"
    fields = [
        "status",
        "kind",
        "title",
        "country",
        "description",
        "source_link",
        "name",
        "email",
        "organisation",
        "may_contact",
        "language",
        "created_at",
        "case_link",
    ]
    readonly_fields = [
        "kind",
        "title",
        "country",
        "description",
        "source_link",
        "name",
        "email",
        "organisation",
        "may_contact",
        "language",
        "created_at",
        "case_link",
    ]
    actions = ["make_draft_cases"]

    def has_add_permission(self, request):
        # Proposals come only through the public form.
        return False

    def has_add_case_permission(self, request):
        return request.user.has_perm("cases.add_case")

    @admin.display(description=_("source"))
    def source_link(self, obj):
        link = link_target(obj.source_url)
        if link:
            return format_html('<a href="{}" rel="noreferrer">{}</a>', link, obj.source_url)
        return obj.source_url or "–"

    @admin.display(description=_("draft case"))
    def case_link(self, obj):
        if obj.case_id:
            url = reverse("admin:cases_case_change", args=[obj.case_id])
            return format_html('<a href="{}">{}</a>', url, obj.case.title)
        return "–"

    @admin.action(
        description=_("Make a draft case of each selected proposal"), permissions=["add_case"]
    )
    def make_draft_cases(self, request, queryset):
        made, skipped = [], 0
        for pk in queryset.values_list("pk", flat=True):
            case = self.make_draft_case(pk)
            if case is None:
                skipped += 1
            else:
                made.append(case)
        if made:
            links = format_html(
                ", ".join(["{}"] * len(made)),
                *[
                    format_html(
                        '<a href="{}">{}</a>',
                        reverse("admin:cases_case_change", args=[case.pk]),
                        case.title,
                    )
                    for case in made
                ],
            )
            text = ngettext("%(n)d draft case made:", "%(n)d draft cases made:", len(made)) % {
                "n": len(made)
            }
            self.message_user(request, format_html("{} {}", text, links), messages.SUCCESS)
        if skipped:
            text = ngettext(
                "%(n)d proposal was left as it is: it is done already, a wish rather than a "
                "case, or its country is not one of the cases' countries.",
                "%(n)d proposals were left as they are: they are done already, wishes rather "
                "than cases, or their country is not one of the cases' countries.",
                skipped,
            ) % {"n": skipped}
            self.message_user(request, text, messages.WARNING)

    @staticmethod
    def make_draft_case(pk):
        """A draft case from the proposal, its source from the proposal's address, and the
        proposal marked done with a link to it; None if the proposal cannot be one."""
        countries = {value for value, _label in Case._meta.get_field("country").choices}
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update().get(pk=pk)
            if (
                proposal.status == Proposal.Status.DONE
                or proposal.kind != Proposal.Kind.CASE
                or proposal.country not in countries
            ):
                return None
            case = Case.objects.create(
                title_en=proposal.title,
                slug=free_slug(proposal.title),
                summary_en=proposal.description,
                country=proposal.country,
                scale=Case.Scale.REGIONAL,
                instrument=Case.Instrument.AGREEMENT,
                state=PublicationState.DRAFT,
            )
            if proposal.source_url:
                Source.objects.create(case=case, title=proposal.title, url=proposal.source_url)
            proposal.status, proposal.case = Proposal.Status.DONE, case
            proposal.save(update_fields=["status", "case"])
        return case


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Followed selections, for superusers: who follows what, and whether they confirmed.
    Made only by the public form, and never edited."""

    list_display = ["email", "query", "language", "confirmed_at", "last_sent_at"]
    list_filter = ["language", "confirmed_at"]
    search_fields = ["email", "query"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
