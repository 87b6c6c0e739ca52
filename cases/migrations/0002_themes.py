from django.db import migrations

THEMES = ["land-use", "housing", "transport", "services", "business"]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("cases", "Theme")
    for position, slug in enumerate(THEMES):
        Theme.objects.update_or_create(slug=slug, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
