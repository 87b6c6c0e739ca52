"""Published cases saved through the change form before it set `published_at` have none:
give them their last update, the nearest known moment at or after their publication."""

from django.db import migrations
from django.db.models import F


def backfill(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Case.objects.filter(state="published", published_at__isnull=True).update(
        published_at=F("updated_at")
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_clean_text")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
