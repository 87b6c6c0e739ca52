from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cases.models import Case


class Command(BaseCommand):
    help = "Load the starter content (fixtures/starter.json) if the database has no cases yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even if there are cases already."
        )

    def handle(self, *args, force=False, **options):
        if Case.objects.exists() and not force:
            self.stdout.write("The database has cases already; starter content not loaded.")
            return
        try:
            call_command("loaddata", settings.STARTER_FIXTURE, verbosity=options["verbosity"])
        except CommandError as error:
            raise CommandError(
                f"Could not load the starter content, {settings.STARTER_FIXTURE}.\n{error}"
            ) from error
