from django.core.management.base import BaseCommand

from cases import search
from cases.models import Case
from publishing.models import ContentVersion


class Command(BaseCommand):
    help = (
        "Recompute every case's search columns, and renew the content version so that "
        "every server rebuilds what it derives from the content."
    )

    def handle(self, *args, **options):
        ids = list(Case.objects.values_list("pk", flat=True))
        search.refresh(ids)
        ContentVersion.bump()
        self.stdout.write(f"Refreshed the search columns of {len(ids)} cases.")
