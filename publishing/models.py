"""What every record with a publication state shares, and the version of the content."""

import uuid

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


class ContentVersion(models.Model):
    """A single row whose token changes with every change to public content.

    Whatever is derived from the whole published content and kept between requests (the
    facet index; caches) is kept under this token and rebuilt when it changes. The token is
    written in the same transaction as the change, so a reader never sees new content
    under an old token; it is random rather than counted, so a rolled-back change cannot
    make an old token stand for new content.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content version")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="contentversion_single_row")
        ]

    def __str__(self):
        return self.token

    @classmethod
    def current(cls, using="default"):
        token = cls.objects.using(using).filter(pk=1).values_list("token", flat=True).first()
        return token or cls.bump(using)

    @classmethod
    def bump(cls, using="default"):
        token = uuid.uuid4().hex
        if not cls.objects.using(using).filter(pk=1).update(token=token):
            cls.objects.using(using).update_or_create(pk=1, defaults={"token": token})
        return token
