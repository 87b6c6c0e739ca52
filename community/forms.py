from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import Proposal

QUERY_MAX_LENGTH = 2_000


class HoneypotForm(forms.Form):
    """A field people never see, for bots that fill every field: a form with anything in
    it is quietly dropped (as the feedback form does). Screen readers do reach it, so its
    label says what to do."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_bot(self):
        return bool(self.data.get(self.add_prefix("website"), "").strip())


class ProposalForm(forms.ModelForm, HoneypotForm):
    class Meta:
        model = Proposal
        fields = [
            "kind",
            "title",
            "country",
            "description",
            "source_url",
            "name",
            "email",
            "organisation",
            "may_contact",
        ]
        labels = {
            "kind": _("What are you sending?"),
            "title": _("Title"),
            "country": _("Country"),
            "description": _("What it is"),
            "source_url": _("A source (web address)"),
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address (optional)"),
            "organisation": _("Your organisation (optional)"),
            "may_contact": _("The coordinator may contact me about this"),
        }
        help_texts = {
            "title": _("The case's name, or the topic or region you would like covered."),
            "country": _("Required for a case."),
            "description": _("A few sentences: what was agreed or planned, by whom, and why."),
            "source_url": _(
                "Required for a case: an http:// or https:// address where it is described."
            ),
            "email": _("Give it if the coordinator may ask you more; then tick the box below."),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "source_url": forms.URLInput(attrs={"inputmode": "url"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Proposal.Kind.choices  # no empty choice
        self.fields["description"].error_messages["max_length"] = _(
            "Your text is %(show_value)d characters long; shorten it to at most "
            "%(limit_value)d characters. Your text is kept below."
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == Proposal.Kind.CASE:
            if not data.get("country") and "country" not in self.errors:
                self.add_error("country", _("Choose the country of the case."))
            if not data.get("source_url") and "source_url" not in self.errors:
                self.add_error("source_url", _("Give a web address where the case is described."))
        if data.get("email") and not data.get("may_contact"):
            self.add_error(
                "may_contact",
                _(
                    "Tick this box if the coordinator may write to you, or leave your e-mail "
                    "address out."
                ),
            )
        return data


class FollowForm(HoneypotForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    query = forms.CharField(required=False, max_length=QUERY_MAX_LENGTH, widget=forms.HiddenInput)
