from django.contrib.auth.management import create_permissions
from django.db import migrations

CURATOR = "Curator"
# Curators keep the contact details up to date and read and answer the messages; nobody
# adds a message in the admin, and only superusers delete one.
PERMISSIONS = {
    "servicecontact": ["change", "view"],
    "feedbackmessage": ["change", "view"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=CURATOR)
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=CURATOR):
        group.permissions.remove(*permissions(apps))


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label="feedback", codename=f"{action}_{model}")
        for model, actions in PERMISSIONS.items()
        for action in actions
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_service_contact"),
        ("cases", "0005_curator_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
