"""`manage.py send_alerts`: e-mail each confirmed followed selection what is new in it.

For cron, e.g. daily: each run sends a subscriber at most one digest, and never a case it
has sent them before (community/alerts.py).
"""

from django.core.management.base import BaseCommand

from community.alerts import send_all


class Command(BaseCommand):
    help = (
        "E-mails every confirmed subscriber one digest of the cases published or updated in "
        "their selection since the last one."
    )

    def handle(self, *args, **options):
        digests = cases = quiet = 0
        for outcome in send_all():
            if outcome.cases:
                digests += 1
                cases += outcome.cases
                self.stdout.write(
                    f"Subscription {outcome.subscription.pk}: sent "
                    f"{plural(outcome.cases, 'case')}."
                )
            else:
                quiet += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"Subscription {outcome.subscription.pk}: nothing new.")
        self.stdout.write(summary(digests, cases, quiet))


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary(digests, cases, quiet):
    """ "Sent 3 digests with 7 cases to 3 subscribers; 2 had nothing new.": in English,
    like the rest of the command's output, for the cron log."""
    return (
        f"Sent {plural(digests, 'digest')} with {plural(cases, 'case')} to "
        f"{plural(digests, 'subscriber')}; {quiet} had nothing new."
    )
