"""What the case and network admins share: edit conflicts and the publication workflow."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from networks.models import PublicationState


class ConcurrentEditForm(forms.ModelForm):
    """Refuses a save based on an outdated copy of the row, so no one's edit is lost.

    The form carries the row's `updated_at` as it was when the form was opened. If the row
    has changed since, the save is refused and the curator's input stays in the form.
    """

    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # From the database, not the instance: when restoring an old version from the
            # history, the instance is that old version.
            current = self.current_updated_at()
            self.fields["loaded_at"].initial = current.isoformat() if current else ""

    def current_updated_at(self, lock=False):
        rows = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        if lock:
            rows = rows.select_for_update()
        return rows.values_list("updated_at", flat=True).first()

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        model = type(self.instance)
        # Locked until the admin's transaction ends, so two saves cannot both pass.
        current = self.current_updated_at(lock=True)
        if current and cleaned_data.get("loaded_at") != current.isoformat():
            meta = model._meta
            history = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_history", args=[self.instance.pk]
            )
            change = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_change", args=[self.instance.pk]
            )
            raise forms.ValidationError(
                format_html(
                    '{} <a href="{}" target="_blank">{}</a> · <a href="{}" target="_blank">{}</a>',
                    _(
                        "Someone else saved this record after you opened it, so your changes "
                        "were not saved; they are still in the form below. Compare with the "
                        "other change, copy what you need into the latest version and save "
                        "there."
                    ),
                    history,
                    _("See what changed"),
                    change,
                    _("Open the latest version"),
                ),
                code="conflict",
            )
        return cleaned_data


class HistoryAdmin(SimpleHistoryAdmin):
    """The history pages answer 404, not 500, to an address with a malformed id."""

    def check_ids(self, *ids):
        try:
            for value in ids:
                self.model._meta.pk.to_python(unquote(value))
        except ValidationError:
            raise Http404 from None

    def history_view(self, request, object_id, extra_context=None):
        self.check_ids(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.check_ids(object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class WorkflowAdmin(HistoryAdmin):
    """Publish, unpublish and archive actions; each change is saved one by one, so that
    every record gets its own history entry."""

    actions = ["publish", "unpublish", "archive"]

    def move(self, queryset, state, reason):
        changed = 0
        for obj in queryset:
            if obj.state == state:
                continue
            obj.state = state
            if state == PublicationState.PUBLISHED and hasattr(obj, "published_at"):
                obj.published_at = obj.published_at or timezone.now()
            obj._change_reason = reason
            obj.save()
            changed += 1
        return changed

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        n = self.move(queryset, PublicationState.PUBLISHED, "Published")
        message = ngettext("%(n)d item published.", "%(n)d items published.", n)
        self.message_user(request, message % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("Return the selected items to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        n = self.move(queryset, PublicationState.DRAFT, "Returned to draft")
        message = ngettext("%(n)d item returned to draft.", "%(n)d items returned to draft.", n)
        self.message_user(request, message % {"n": n}, messages.SUCCESS)

    @admin.action(description=_("Archive the selected items"), permissions=["change"])
    def archive(self, request, queryset):
        n = self.move(queryset, PublicationState.ARCHIVED, "Archived")
        message = ngettext("%(n)d item archived.", "%(n)d items archived.", n)
        self.message_user(request, message % {"n": n}, messages.SUCCESS)
