"""A translated field in every language at once: {"fi": …, "sv": …, "en": …}."""

from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from publishing.translation import LANGUAGES

TRANSLATED_SCHEMA = {
    "type": "object",
    "description": "The text in each of the site's languages; English is always given, the "
    "others may be empty.",
    "properties": {code: {"type": "string"} for code in LANGUAGES},
    "required": list(LANGUAGES),
}


@extend_schema_field(TRANSLATED_SCHEMA)
class TranslatedField(serializers.Field):
    """Reads the columns `<name>_fi`, `<name>_sv`, `<name>_en` of translated field `name`
    (publishing/translation.py): the API gives every language version, never a fallback."""

    def __init__(self, name=None, **kwargs):
        self.translated_name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.translated_name = self.translated_name or field_name

    def to_representation(self, obj):
        name = self.translated_name
        return {code: getattr(obj, f"{name}_{code}") or "" for code in LANGUAGES}


@extend_schema_field(TRANSLATED_SCHEMA)
class LabelField(serializers.Field):
    """A choice's label (an interface string) in every language, e.g. a theme's name."""

    def __init__(self, label, **kwargs):
        self.label_of = label
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        label = self.label_of(obj)
        found = {}
        for code in LANGUAGES:
            with translation.override(code):
                found[code] = str(label)
        return found
