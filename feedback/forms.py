from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.models import MESSAGE_MAX_LENGTH, FeedbackMessage
from feedback.pages import site_path


class FeedbackForm(forms.ModelForm):
    # A field people never see, for bots that fill every field: a message with anything in
    # it is quietly dropped. Screen readers do reach it, so its label says what to do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = FeedbackMessage
        fields = ["message", "name", "email", "page"]
        labels = {
            "message": _("Your message"),
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address (optional)"),
            "page": _("The page your message concerns (optional)"),
        }
        help_texts = {
            "name": "",
            "email": _("Give it if you want an answer."),
            "page": _("An address on this site, for example /cases/."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, host=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host
        self.fields["message"].help_text = _("At most %(limit)d characters.") % {
            "limit": MESSAGE_MAX_LENGTH
        }
        self.fields["message"].error_messages["max_length"] = _(
            "Your message is %(show_value)d characters long; shorten it to at most "
            "%(limit_value)d characters. Your text is kept below."
        )

    def clean_page(self):
        value = self.cleaned_data["page"].strip()
        if not value:
            return ""
        path = site_path(value, self.host)
        if not path:
            raise forms.ValidationError(
                _("Give an address on this site, for example /cases/, or leave this empty."),
                code="external",
            )
        return path

    @property
    def is_bot(self):
        """Whether the hidden field was filled: only a bot sees it."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())
