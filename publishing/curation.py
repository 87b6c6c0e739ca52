"""What the curated models' admins share: edit conflicts, history and the publication
workflow."""

import hashlib
import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from publishing.models import PublicationState
from publishing.translation import columns


def row_version(model, pk, lock=False):
    """A fingerprint of the row as stored: it changes whenever any field of it is saved.

    Derived columns (the search text, which follows renamed parties and regions) are left
    out, so that only an edit of the row itself counts. With `lock`, the row is locked
    until the transaction ends, so that two saves cannot both pass the check.
    """
    names = [f.attname for f in model._meta.concrete_fields if f.serialize]
    rows = model._base_manager.filter(pk=pk)
    if lock:
        rows = rows.select_for_update()
    values = rows.values(*names).first()
    if values is None:
        return ""
    encoded = json.dumps(values, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


class ConcurrentEditForm(forms.ModelForm):
    """Refuses a save based on an outdated copy of the row, so no one's edit is lost.

    The form carries the row's version as it was when the form was opened. If the row has
    changed since (a change form, a workflow action or an inline saved by someone else),
    the save is refused and the curator's input stays in the form.
    """

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # From the database, not the instance: when restoring an old version from the
            # history, the instance is that old version.
            self.fields["loaded_version"].initial = row_version(
                type(self.instance), self.instance.pk
            )

    def conflict_record(self):
        """The record whose history and latest version a refused save links to: the row
        itself, or for an inline row without admin pages of its own, its parent."""
        return self.instance

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        model = type(self.instance)
        current = row_version(model, self.instance.pk, lock=True)
        if current and cleaned_data.get("loaded_version") != current:
            record = self.conflict_record()
            meta = record._meta
            history = reverse(
                f"admin:{meta.app_label}_{meta.model_name}_history", args=[record.pk]
            )
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
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


def side_by_side(*names):
    """Fieldset rows with each translated field's languages side by side."""
    return [tuple(columns(name)) for name in names]


class LanguagesAdmin:
    """For admins and inlines of models with translated fields: each language's input is
    labelled with the language's name and marked with its `lang`."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        code = getattr(db_field, "_translated_field_language_code", "")
        if formfield is not None and code:
            language = dict(settings.LANGUAGES)[code]
            formfield.label = format_lazy("{} ({})", capfirst(db_field.verbose_name), language)
            formfield.widget.attrs["lang"] = code
        return formfield


class HistoryAdmin(LanguagesAdmin, SimpleHistoryAdmin):
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
        """Put the selected rows in `state`, each under a lock and from its latest version.

        Only the state fields are written (`Publishable.state_fields`), so an edit saved
        while the action runs is kept; and the row's version changes, so a change form
        opened before the action is refused rather than saved over it.
        """
        changed = 0
        for pk in queryset.order_by("pk").values_list("pk", flat=True):
            with transaction.atomic(using=queryset.db):
                obj = self.model._base_manager.select_for_update().filter(pk=pk).first()
                if obj is None or obj.state == state:
                    continue
                obj.state = state
                obj._change_reason = reason
                obj.save(update_fields=obj.state_fields())
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
