"""Granting the Curator group its permissions from a data migration."""

from django.contrib.auth.management import create_permissions

CURATOR = "Curator"


def curator_permissions(app_label, permissions):
    """A pair of migration functions that grant the Curator group `permissions` ({model:
    [action, …]}) of `app_label`'s models, and take them back."""

    def found(apps):
        Permission = apps.get_model("auth", "Permission")
        return [
            Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            for model, actions in permissions.items()
            for action in actions
        ]

    def grant(apps, schema_editor):
        # Permissions are normally created after all migrations; make sure they exist now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
        group, _created = apps.get_model("auth", "Group").objects.get_or_create(name=CURATOR)
        group.permissions.add(*found(apps))

    def revoke(apps, schema_editor):
        for group in apps.get_model("auth", "Group").objects.filter(name=CURATOR):
            group.permissions.remove(*found(apps))

    return grant, revoke
