from django.core.management.base import BaseCommand, CommandError

from cases.synthetic import seeding


def share(value):
    number = float(value)
    if not 0 <= number <= 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Add N synthetic cases, reproducible from --seed, for benchmarks and scaling checks. "
        "Each has 2-4 sources, 3-5 key figures, 3-6 milestones, 2-4 climate goals, 1-2 city "
        "regions, 3-8 parties and some networks; a share --drafts of them are drafts, about "
        "1 %% archived. Existing rows stay and are reused; regions, organisations, goals and "
        "networks are added up to realistic numbers. Rows are bulk-created, so no signals "
        "fire and no history (HistoricalCase and the like) is recorded; the search columns "
        "are built in bulk instead. For benchmark databases, not for real content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, required=True, help="How many cases to add.")
        parser.add_argument("--seed", type=int, default=0, help="The same seed, the same cases.")
        parser.add_argument(
            "--drafts", type=share, default=0.1, help="Share of drafts, 0 to 1 (default 0.1)."
        )
        parser.add_argument("--batch-size", type=int, default=1000, help="Cases per insert.")

    def handle(self, *args, cases, seed, drafts, batch_size, verbosity, **options):
        if cases < 1 or batch_size < 1:
            raise CommandError("--cases and --batch-size must be at least 1.")
        log = self.stdout.write if verbosity else None
        summary = seeding.seed(cases, seed=seed, drafts=drafts, batch_size=batch_size, log=log)
        self.stdout.write(summary.line())
