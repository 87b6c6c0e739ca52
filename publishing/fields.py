"""Model fields for the text curators write, cleaned on the way in.

Every path that validates a model (the admin's forms, fixture loading, any later API)
calls `full_clean()`, which runs each field's `to_python()` and validators: so the text is
cleaned and its length checked in one place, whatever the origin.
"""

from django.core.validators import MaxLengthValidator
from django.db import models

from publishing.text import clean_text

# A long text field holds at most this many characters: several times the longest text a
# case has, and far inside what PostgreSQL's search column (a tsvector of at most 1 MB)
# can index even with every text field of a case full.
LONG_TEXT_MAX_LENGTH = 20_000


class CleanCharField(models.CharField):
    """A CharField whose value loses its control characters on validation."""

    def to_python(self, value):
        return clean_text(super().to_python(value))


class CleanTextField(models.TextField):
    """A TextField with a length limit (checked on validation and in the admin's form) whose
    value loses its control characters on validation."""

    def __init__(self, *args, max_length=LONG_TEXT_MAX_LENGTH, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)
        self.validators.append(MaxLengthValidator(self.max_length))

    def to_python(self, value):
        return clean_text(super().to_python(value))

    def formfield(self, **kwargs):
        # No `maxlength` in the browser: it would cut a long paste short without a word.
        # The form's own check answers with a message and keeps the text in the field.
        field = super().formfield(**kwargs)
        field.widget.attrs.pop("maxlength", None)
        return field
