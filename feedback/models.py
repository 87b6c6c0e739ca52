"""Who answers for the service's accessibility, and the feedback people send about it."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from feedback.pages import PAGE_MAX_LENGTH, site_path
from publishing.fields import CleanCharField, CleanTextField
from publishing.models import web_address
from publishing.text import link_target

MESSAGE_MAX_LENGTH = 5_000


class Assessment(models.TextChoices):
    SELF = "self", _("self-assessment")
    THIRD_PARTY = "third-party", _("assessment by a third party")

    @property
    def sentence(self):
        """How the statement says who assessed the service, before its list of methods."""
        if self == Assessment.THIRD_PARTY:
            return _("The service's accessibility was assessed by a third party, with:")
        return _(
            "The service's accessibility was assessed by its own developers "
            "(a self-assessment), with:"
        )


class ServiceContactQuerySet(models.QuerySet):
    def current(self):
        """The one row (a migration makes it), or an empty unsaved one if it is missing,
        so that the statement and the form still answer."""
        return self.filter(pk=ServiceContact.ROW).first() or ServiceContact()


class ServiceContact(models.Model):
    """The service's contact details for accessibility: one row, edited by curators.

    The statement, the feedback page and the e-mail of each message read them from here.
    """

    ROW = 1

    coordinator_name = CleanCharField(
        _("coordinator"),
        max_length=200,
        blank=True,
        help_text=_("Name or role of the person who answers accessibility feedback."),
    )
    coordinator_email = models.EmailField(
        _("coordinator's e-mail address"),
        blank=True,
        help_text=_("Feedback messages are sent here, and the statement shows it."),
    )
    coordinator_phone = CleanCharField(
        _("coordinator's phone"), max_length=50, blank=True, help_text=_("Optional.")
    )
    coordinator_address = CleanTextField(
        _("coordinator's postal address"),
        max_length=500,
        blank=True,
        help_text=_("Optional; one line per line of the address."),
    )
    authority_name_fi = CleanCharField(
        _("supervisory authority (Finnish)"),
        max_length=200,
        help_text=_("The authority that supervises the accessibility requirements."),
    )
    authority_name_sv = CleanCharField(
        _("supervisory authority (Swedish)"),
        max_length=200,
        blank=True,
        help_text=_("Its Swedish name; the Finnish one is shown where this is empty."),
    )
    authority_name_en = CleanCharField(
        _("supervisory authority (English)"),
        max_length=200,
        blank=True,
        help_text=_("Its English name; the Finnish one is shown where this is empty."),
    )
    authority_url = models.URLField(
        _("supervisory authority's web address"),
        max_length=300,
        blank=True,
        validators=[web_address],
        help_text=_("Where people can read how to complain or ask for an investigation."),
    )
    authority_email = models.EmailField(
        _("supervisory authority's e-mail address"),
        blank=True,
        help_text=_("Optional; only as the authority itself publishes it."),
    )
    authority_phone = CleanCharField(
        _("supervisory authority's phone"),
        max_length=50,
        blank=True,
        help_text=_("Optional; only as the authority itself publishes it."),
    )
    prepared_on = models.DateField(
        _("statement prepared on"), help_text=_("When the statement was first prepared.")
    )
    updated_on = models.DateField(
        _("statement last updated on"),
        help_text=_("When the statement was last reviewed; at least once a year."),
    )
    assessment = models.CharField(
        _("assessment"),
        max_length=20,
        choices=Assessment.choices,
        default=Assessment.SELF,
        help_text=_("Who assessed the service's accessibility."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = ServiceContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("service contact details")
        verbose_name_plural = _("service contact details")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="feedback_servicecontact_one_row"),
            models.CheckConstraint(
                condition=Q(updated_on__gte=models.F("prepared_on")),
                name="feedback_servicecontact_updated_after_prepared",
            ),
        ]

    def __str__(self):
        return str(_("Contact details of the service"))

    def save(self, *args, **kwargs):
        self.pk = self.ROW
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accessibility")

    @property
    def authority_name(self):
        """The authority's name in the active language, or in Finnish."""
        return getattr(self, f"authority_name_{self.authority_name_lang}")

    @property
    def authority_name_lang(self):
        """The language of `authority_name`, for its `lang` attribute."""
        code = get_language()
        return code if getattr(self, f"authority_name_{code}", "") else "fi"

    @property
    def authority_link(self):
        """The authority's web address if it may be rendered as a link, otherwise ""."""
        return link_target(self.authority_url)

    @property
    def assessment_sentence(self):
        return Assessment(self.assessment).sentence

    @property
    def coordinator_address_lines(self):
        return [line.strip() for line in self.coordinator_address.splitlines() if line.strip()]


class FeedbackQuerySet(models.QuerySet):
    def from_sender(self, sender_hash, since):
        return self.filter(sender_hash=sender_hash, created_at__gte=since)


class FeedbackMessage(models.Model):
    """A message sent through the feedback form. Never public: curators read it in the
    admin. The sender's network address is kept only as a salted hash, for rate limits."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    message = CleanTextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("What the sender wrote."),
    )
    name = CleanCharField(_("name"), max_length=200, blank=True, help_text=_("Optional."))
    email = models.EmailField(
        _("e-mail address"), blank=True, help_text=_("Optional; where to send the answer.")
    )
    page = CleanCharField(
        _("page concerned"),
        max_length=PAGE_MAX_LENGTH,
        blank=True,
        help_text=_("The address on this site that the message concerns, if any."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the page the message was sent from."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        help_text=_("Mark the message answered once the sender has had an answer."),
    )
    sender_hash = models.CharField(
        _("sender's address (hashed)"), max_length=64, editable=False, db_index=True
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["sender_hash", "created_at"], name="feedback_sender_time"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "answered"]), name="feedback_message_status"
            ),
        ]

    # No get_absolute_url: a message has no public page, and "View on site" must not appear.

    def __str__(self):
        text = " ".join(self.message.split())
        return text if len(text) <= 60 else text[:59] + "…"

    @property
    def page_link(self):
        """The page as a link target if it is a path on this site, otherwise ""."""
        return site_path(self.page)

    @property
    def answer_due(self):
        """The law's deadline for an answer: 14 days from receipt."""
        return self.created_at + timedelta(days=14)


def sender_hash(address):
    """A salted hash of a network address: the same address gives the same hash on every
    server of the site (the salt comes from SECRET_KEY), and the hash does not give the
    address back."""
    return salted_hmac(
        "feedback.FeedbackMessage.sender_hash", address or "", algorithm="sha256"
    ).hexdigest()
