"""What every record with a publication state shares."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class Publishable:
    """For models with a `state` field (draft, published, archived), and optionally a
    `published_at` timestamp.

    Every change of state goes through `save()` (the admin's change form and its workflow
    actions alike) or, for fixtures, through `derive_fields()` before a raw save: so the
    fields that follow from the state are always set the same way.
    """

    def derive_fields(self):
        """Set the fields that follow from others: `published_at` when first published."""
        if (
            self.state == PublicationState.PUBLISHED
            and getattr(self, "published_at", False) is None
        ):
            self.published_at = timezone.now()

    def state_fields(self):
        """The fields a change of state writes: for `save(update_fields=…)`."""
        fields = ["state", "updated_at"]
        if hasattr(self, "published_at"):
            fields.append("published_at")
        return fields

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)
