"""Every change to what the public can see renews the content version (see
publishing.models.ContentVersion), in the same transaction as the change: each app names
its public models here from its own signals module."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from publishing.models import ContentVersion


def content_changed(sender, using, **kwargs):
    ContentVersion.bump(using)


def links_changed(sender, action, using, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        ContentVersion.bump(using)


def track(*models, relations=()):
    """Renew the version when a row of `models` is saved or deleted, or a link of the
    many-to-many `relations` is added or removed."""
    for model in models:
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"version-save-{label}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"version-del-{label}")
    for relation in relations:
        through = relation.through
        m2m_changed.connect(
            links_changed, sender=through, dispatch_uid=f"version-{through._meta.label}"
        )
