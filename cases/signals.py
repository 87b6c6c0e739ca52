"""Keep each case's search columns in step with the case and what it links to."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from cases import search
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
    TaggedCase,
    Theme,
)
from networks.models import CityRegion, Network, NetworkSource, Organisation
from publishing.signals import track


@receiver(post_save, sender=Case)
def case_saved(sender, instance, using, **kwargs):
    search.refresh([instance.pk], using=using)


@receiver(post_save, sender=TaggedCase)
@receiver(post_delete, sender=TaggedCase)
def goal_tagged(sender, instance, using, **kwargs):
    search.refresh([instance.content_object_id], using=using)


def links_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        search.refresh([instance.pk], using=using)
    elif pk_set:
        search.refresh(pk_set, using=using)


for relation in (Case.parties, Case.regions, Case.networks):
    m2m_changed.connect(links_changed, sender=relation.through, dispatch_uid=str(relation.through))


@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=CityRegion)
@receiver(post_save, sender=Network)
@receiver(post_save, sender=ClimateGoal)
def name_changed(sender, instance, raw, using, **kwargs):
    """A renamed party, region, network or goal changes the text of its cases."""
    if raw:
        return
    if isinstance(instance, ClimateGoal):
        cases = Case.objects.using(using).filter(goals=instance)
    else:
        cases = instance.cases.using(using)
    search.refresh(cases.values_list("pk", flat=True), using=using)


@receiver(pre_delete, sender=Organisation)
@receiver(pre_delete, sender=CityRegion)
@receiver(pre_delete, sender=Network)
def remember_cases(sender, instance, **kwargs):
    """Deleting a party, region or network drops its links without m2m_changed."""
    instance.cases_before_delete = list(instance.cases.values_list("pk", flat=True))


@receiver(post_delete, sender=Organisation)
@receiver(post_delete, sender=CityRegion)
@receiver(post_delete, sender=Network)
def forget_deleted(sender, instance, using, **kwargs):
    search.refresh(getattr(instance, "cases_before_delete", []), using=using)


# Every change to what the public can see gives the content a new version.
track(
    Case,
    TaggedCase,
    Source,
    KeyFigure,
    Milestone,
    Funding,
    Commitment,
    Indicator,
    Measurement,
    ClimateGoal,
    Theme,
    CityRegion,
    Organisation,
    Network,
    NetworkSource,
    relations=(Case.parties, Case.regions, Case.networks, Case.themes),
)
