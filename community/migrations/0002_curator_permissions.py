from django.db import migrations

from publishing.permissions import curator_permissions

# Curators keep a case's contacts as its other rows, and read proposals and mark them done
# (making a draft case of one also needs the cases' own add permission). Followed
# selections hold people's addresses: superusers only.
grant, revoke = curator_permissions(
    "community",
    {
        "contact": ["add", "change", "delete", "view"],
        "proposal": ["change", "view"],
    },
)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("cases", "0005_curator_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
