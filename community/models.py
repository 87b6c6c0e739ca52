"""Peer learning: whom to ask about a case, cases members propose, and saved searches
that e-mail what is new.

Only the contacts are ever public, and only on a published case's page; proposals and
subscriptions hold what members send and are read by curators in the admin.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.models import Case
from cases.models.money import CaseRow
from networks.models import Organisation
from publishing.fields import CleanCharField, CleanTextField
from publishing.models import web_address
from publishing.text import link_target
from publishing.translation import translated

NAME_MAX_LENGTH = 200


class Contact(CaseRow):
    """Whom a planner can ask about a case: an organisation and a role in it, reached at a
    public address. A person is named only with their recorded consent."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("case")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The organisation to ask; or give its name below."),
    )
    organisation_name = CleanCharField(
        _("organisation's name"),
        max_length=NAME_MAX_LENGTH,
        blank=True,
        help_text=_("When the organisation is not in the list."),
    )
    role = translated(
        CleanCharField(
            _("role"),
            max_length=200,
            help_text=_("Who to ask there, e.g. “Regional planning unit”."),
        )
    )
    email = models.EmailField(
        _("public e-mail address"),
        blank=True,
        help_text=_("A public address, such as a registry or a unit's shared address."),
    )
    url = models.URLField(
        _("web page"),
        max_length=500,
        blank=True,
        validators=[web_address],
        help_text=_("A full http(s) address of a contact page."),
    )
    person_name = CleanCharField(
        _("person's name"),
        max_length=NAME_MAX_LENGTH,
        blank=True,
        help_text=_("Only with the person's consent, and its date below."),
    )
    consent_given_at = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("When the person agreed to be named on the case's page."),
    )
    history = HistoricalRecords()

    class Meta(CaseRow.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("whom to ask")
        constraints = [
            models.CheckConstraint(
                condition=Q(person_name="") | Q(consent_given_at__isnull=False),
                name="contact_person_named_with_consent",
                violation_error_message=_(
                    "A person may be named only with their consent: give the date they "
                    "agreed, or leave the name empty."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.organisation_text}: {self.role}" if self.organisation_text else self.role

    def natural_key(self):
        return super().natural_key()

    natural_key.dependencies = ["cases.case", "networks.organisation"]

    @property
    def organisation_text(self):
        return self.organisation.name if self.organisation_id else self.organisation_name

    @property
    def public_person_name(self):
        """The person's name, only while their consent is recorded."""
        return self.person_name if self.consent_given_at else ""

    @property
    def link(self):
        """The web page if it may be rendered as a link (http or https), otherwise ""."""
        return link_target(self.url)

    def clean(self):
        super().clean()
        if not self.organisation_id and not self.organisation_name:
            raise ValidationError(_("Choose the organisation, or give its name."))
        if not self.email and not self.url:
            raise ValidationError(_("Give a public e-mail address or a web page to ask at."))
        if self.person_name and not self.consent_given_at:
            raise ValidationError(
                {
                    "consent_given_at": _(
                        "A person may be named only with their consent: give the date they "
                        "agreed, or leave the name empty."
                    )
                }
            )


class Proposal(models.Model):
    """A case a member proposes, or a topic or region they would like covered. Never
    public: curators read it in the admin and may turn it into a draft case."""

    class Kind(models.TextChoices):
        CASE = "case", _("A case I propose")
        WISH = "wish", _("A topic or region I would like covered")

    class Country(models.TextChoices):
        SWEDEN = "SE", _("Sweden")
        NORWAY = "NO", _("Norway")
        DENMARK = "DK", _("Denmark")
        FINLAND = "FI", _("Finland")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        DONE = "done", _("Done")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CASE)
    title = CleanCharField(_("title"), max_length=200)
    country = models.CharField(_("country"), max_length=5, choices=Country.choices, blank=True)
    description = CleanTextField(_("what it is"), max_length=5_000)
    source_url = models.URLField(_("source"), max_length=500, blank=True, validators=[web_address])
    name = CleanCharField(_("name"), max_length=NAME_MAX_LENGTH, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    organisation = CleanCharField(_("organisation"), max_length=NAME_MAX_LENGTH, blank=True)
    may_contact = models.BooleanField(_("may be contacted"), default=False)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    case = models.ForeignKey(
        Case,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("draft case"),
        help_text=_("The draft case made from this proposal."),
    )
    sender_hash = models.CharField(
        _("sender's address (hashed)"), max_length=64, editable=False, db_index=True
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]

    # No get_absolute_url: a proposal has no public page.

    def __str__(self):
        return self.title


def new_token():
    return secrets.token_urlsafe(32)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """A browse selection someone follows by e-mail. Nothing but the confirmation message
    is sent until its link is followed (`confirmed_at`)."""

    email = models.EmailField(_("e-mail address"))
    query = models.CharField(
        _("selection"),
        max_length=2_000,
        blank=True,
        help_text=_("The browse page's query string: the selection followed."),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    site = models.URLField(
        _("site"), max_length=200, help_text=_("The site's address the links in e-mails use.")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("followed selection")
        verbose_name_plural = _("followed selections")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email}: ?{self.query}" if self.query else self.email


class SentAlert(models.Model):
    """A case that went out in a subscription's digest: never sent to it again."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="sent", verbose_name=_("selection")
    )
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="+", verbose_name=_("case")
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "case"], name="sentalert_once")
        ]

    def __str__(self):
        return f"{self.subscription_id}: {self.case_id}"
