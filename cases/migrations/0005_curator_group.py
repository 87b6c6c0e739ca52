from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR = "Curator"
# What a curator may do: everything on content except deleting cases, networks, regions,
# organisations and goals outright (they archive instead); inline rows may be deleted.
PERMISSIONS = {
    "cases": {
        "case": ["add", "change", "view"],
        "climategoal": ["add", "change", "view"],
        "source": ["add", "change", "delete", "view"],
        "keyfigure": ["add", "change", "delete", "view"],
        "milestone": ["add", "change", "delete", "view"],
        "taggedcase": ["add", "change", "delete", "view"],
        "theme": ["change", "view"],
    },
    "networks": {
        "network": ["add", "change", "view"],
        "cityregion": ["add", "change", "view"],
        "organisation": ["add", "change", "view"],
        "networksource": ["add", "change", "delete", "view"],
    },
}


def create_curator_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=CURATOR)
    codenames = [
        (app, f"{action}_{model}")
        for app, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in codenames
    ]
    group.permissions.set(permissions)


def remove_curator_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CURATOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_history"),
        ("networks", "0002_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_curator_group, remove_curator_group)]
