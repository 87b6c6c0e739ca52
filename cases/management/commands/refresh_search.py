from django.core.management.base import BaseCommand

from cases import search
from cases.models import Case


class Command(BaseCommand):
    help = "Recompute every case's search columns."

    def handle(self, *args, **options):
        ids = list(Case.objects.values_list("pk", flat=True))
        search.refresh(ids)
        self.stdout.write(f"Refreshed the search columns of {len(ids)} cases.")
