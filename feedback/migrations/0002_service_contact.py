from datetime import date

from django.db import migrations

# What is known for certain about the supervisory authority: since 1 January 2026 the
# Finnish Supervisory Agency (Lupa- ja valvontavirasto), which took over the tasks of the
# Regional State Administrative Agency for Southern Finland, with its web service for the
# accessibility requirements. Its e-mail address and phone, and the coordinator's details,
# are left for curators to fill in from the authority's and the network's own pages.
ROW = {
    "authority_name_fi": "Lupa- ja valvontavirasto",
    "authority_name_en": "Finnish Supervisory Agency",
    "authority_url": "https://www.saavutettavuusvaatimukset.fi/",
    "prepared_on": date(2026, 11, 27),
    "updated_on": date(2026, 12, 1),
    "assessment": "self",
}


def create_row(apps, schema_editor):
    ServiceContact = apps.get_model("feedback", "ServiceContact")
    ServiceContact.objects.get_or_create(pk=1, defaults=ROW)


def remove_row(apps, schema_editor):
    apps.get_model("feedback", "ServiceContact").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(create_row, remove_row)]
