from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from feedback.models import FeedbackMessage, ServiceContact
from publishing.curation import ConcurrentEditForm, HistoryAdmin


class ServiceContactForm(ConcurrentEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Blank in the database until a curator fills them in; required from then on, as
        # messages are sent to this address.
        for name in ("coordinator_name", "coordinator_email"):
            self.fields[name].required = True


@admin.register(ServiceContact)
class ServiceContactAdmin(HistoryAdmin):
    form = ServiceContactForm
    list_display = ["__str__", "coordinator_name", "coordinator_email", "updated_on"]
    fieldsets = [
        (
            _("Feedback"),
            {
                "fields": [
                    "coordinator_name",
                    "coordinator_email",
                    "coordinator_phone",
                    "coordinator_address",
                ]
            },
        ),
        (
            _("Supervisory authority"),
            {
                "fields": [
                    "authority_name_fi",
                    "authority_name_sv",
                    "authority_name_en",
                    "authority_url",
                    "authority_email",
                    "authority_phone",
                ]
            },
        ),
        (_("Statement"), {"fields": ["prepared_on", "updated_on", "assessment"]}),
        (None, {"fields": ["loaded_version"]}),
    ]

    def has_add_permission(self, request):
        # One row, made by a migration.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        # A list of one: go straight to it.
        if ServiceContact.objects.filter(pk=ServiceContact.ROW).exists() and (
            self.has_view_or_change_permission(request)
        ):
            return redirect(
                reverse("admin:feedback_servicecontact_change", args=[ServiceContact.ROW])
            )
        return super().changelist_view(request, extra_context)


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at", "answer_due", "name", "email", "page_shown"]
    list_filter = ["status", "language", "created_at"]
    search_fields = ["message", "name", "email", "page"]
    date_hierarchy = "created_at"
    fields = [
        "status",
        "message",
        "name",
        "email",
        "page_shown",
        "language",
        "created_at",
        "answer_due",
    ]
    readonly_fields = [
        "message",
        "name",
        "email",
        "page_shown",
        "language",
        "created_at",
        "answer_due",
    ]
    actions = ["mark_answered", "mark_new"]

    def has_add_permission(self, request):
        # Messages come only through the public form.
        return False

    @admin.display(description=_("page concerned"), ordering="page")
    def page_shown(self, obj):
        """The page as a link when it is a path on this site; anything else as text."""
        if obj.page_link:
            return format_html('<a href="{}">{}</a>', obj.page_link, obj.page)
        return obj.page or "–"

    @admin.display(description=_("answer due"), ordering="created_at")
    def answer_due(self, obj):
        return obj.answer_due.date()

    def set_status(self, request, queryset, status):
        return queryset.exclude(status=status).update(status=status, updated_at=timezone.now())

    @admin.action(description=_("Mark the selected messages answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        n = self.set_status(request, queryset, FeedbackMessage.Status.ANSWERED)
        text = ngettext("%(n)d message marked answered.", "%(n)d messages marked answered.", n)
        self.message_user(request, text % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("Mark the selected messages new"), permissions=["change"])
    def mark_new(self, request, queryset):
        n = self.set_status(request, queryset, FeedbackMessage.Status.NEW)
        text = ngettext("%(n)d message marked new.", "%(n)d messages marked new.", n)
        self.message_user(request, text % {"n": n}, messages.SUCCESS)
