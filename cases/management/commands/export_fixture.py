import io

from django.core.management.base import BaseCommand, CommandError

from cases.fixture import write_fixture
from cases.models import Case, Theme
from networks.models import PublicationState


class Command(BaseCommand):
    help = (
        "Write cases as a Django fixture (JSON, natural keys) with everything they need. "
        "Without filters: the whole knowledge base, including unused regions, networks and goals."
    )

    def add_arguments(self, parser):
        parser.add_argument("--country", action="append", default=[], help="e.g. SE; repeatable")
        parser.add_argument("--theme", action="append", default=[], help="e.g. housing")
        parser.add_argument("--goal", action="append", default=[], help="a goal's slug")
        parser.add_argument(
            "--state", action="append", default=[], choices=PublicationState.values
        )
        parser.add_argument("--case", action="append", default=[], help="a case's slug")
        parser.add_argument("-o", "--output", help="file to write; standard output if not given")

    def handle(self, *args, country, theme, goal, state, case, output, **options):
        unknown = set(theme) - set(Theme.Slug.values)
        if unknown:
            raise CommandError(f"Unknown theme: {', '.join(sorted(unknown))}")
        cases = Case.objects.all()
        filters = {
            "country__in": country,
            "themes__slug__in": theme,
            "goals__slug__in": goal,
            "state__in": state,
            "slug__in": case,
        }
        for lookup, values in filters.items():
            if values:
                cases = cases.filter(**{lookup: values})
        missing = set(case) - set(
            Case.objects.filter(slug__in=case).values_list("slug", flat=True)
        )
        if missing:
            raise CommandError(f"No such case: {', '.join(sorted(missing))}")
        everything = not any(filters.values())
        cases = Case.objects.filter(pk__in=cases.values("pk"))
        if output:
            with open(output, "w", encoding="utf-8") as stream:
                write_fixture(cases, stream, everything)
                stream.write("\n")
        else:
            stream = io.StringIO()
            write_fixture(cases, stream, everything)
            self.stdout.write(stream.getvalue())
