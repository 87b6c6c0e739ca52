from django.apps import AppConfig
from django.db.models.signals import post_delete, pre_save
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        # Imported here: the module reads the models of the apps it redirects for.
        from publishing import redirects

        for model in redirects.renamable_models():
            label = model._meta.label_lower
            pre_save.connect(
                redirects.remember_old_slug, sender=model, dispatch_uid=f"old-slug-{label}"
            )
            post_delete.connect(
                redirects.forget_old_slugs, sender=model, dispatch_uid=f"old-slugs-gone-{label}"
            )
