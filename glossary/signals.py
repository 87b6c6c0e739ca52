"""A term's names are part of the search text of its cases; its changes renew the content
version like every other change to public content."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from cases import search
from glossary.models import Term
from publishing.models import ContentVersion


@receiver(post_save, sender=Term)
def term_saved(sender, instance, raw, using, **kwargs):
    ContentVersion.bump(using)
    if not raw:
        search.refresh(instance.cases.using(using).values_list("pk", flat=True), using=using)


@receiver(pre_delete, sender=Term)
def remember_cases(sender, instance, **kwargs):
    instance.cases_before_delete = list(instance.cases.values_list("pk", flat=True))


@receiver(post_delete, sender=Term)
def term_deleted(sender, instance, using, **kwargs):
    ContentVersion.bump(using)
    search.refresh(getattr(instance, "cases_before_delete", []), using=using)


@receiver(m2m_changed, sender=Term.cases.through)
def cases_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action == "pre_clear" and not reverse:
        # Clearing sends no primary keys: remember which cases lose the term.
        instance.cases_before_clear = list(instance.cases.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    ContentVersion.bump(using)
    if reverse:
        search.refresh([instance.pk], using=using)
    elif action == "post_clear":
        search.refresh(getattr(instance, "cases_before_clear", []), using=using)
    else:
        search.refresh(pk_set or [], using=using)
