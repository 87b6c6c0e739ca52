"""Content in the site's languages: one column per language, English as the fallback.

`translated(field)` turns one model field into `<name>_fi`, `<name>_sv` and `<name>_en`
columns (django-translated-fields), and `<name>` into the text in the active language,
or the English text while that language has none. English is the language of record:
its column keeps the field's own rules (required or not); the others may stay empty.
Writing `<name>` (TranslatedModel) writes the English text.

A template marks text shown in another language than the page's with
`{% load content %}<p{% lang case "summary" %}>`, which writes ` lang="en"` for a
fallback and nothing otherwise.
"""

from django.conf import settings
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from translated_fields import TranslatedField

LANGUAGES = [code for code, _name in settings.LANGUAGES]
FALLBACK = "en"


def active_language():
    """The active content language; the fallback outside any known language."""
    language = get_language()
    return language if language in LANGUAGES else FALLBACK


class TranslatedModel:
    """For models with translated fields: `Model(title=…)` and `obj.title = …` write the
    English text, the language of record, as the fallback getter reads it last."""

    def __init__(self, *args, **kwargs):
        if kwargs:
            for name in translated_names(type(self)):
                if name in kwargs:
                    kwargs[f"{name}_{FALLBACK}"] = kwargs.pop(name)
        super().__init__(*args, **kwargs)


def translated_names(model):
    """The names of a model's translated fields."""
    names = model.__dict__.get("_translated_names")
    if names is None:
        names = [
            name
            for klass in model.__mro__
            for name, attr in vars(klass).items()
            if isinstance(attr, TranslatedField)
        ]
        model._translated_names = names
    return names


def _english_setter(name, field):
    def setter(self, value):
        setattr(self, f"{name}_{FALLBACK}", value)

    return setter


def _fallback_getter(name, field):
    def getter(self):
        return getattr(self, f"{name}_{active_language()}") or getattr(self, f"{name}_{FALLBACK}")

    return getter


def translated(field):
    """The field in every language; all but English may be left empty (and never unique)."""
    optional = {"blank": True}
    if field.unique:
        optional["unique"] = False
    specific = {code: optional for code in LANGUAGES if code != FALLBACK}
    return TranslatedField(
        field,
        specific,
        languages=LANGUAGES,
        attrgetter=_fallback_getter,
        attrsetter=_english_setter,
    )


def columns(name):
    """The column names of translated field `name`, one per language."""
    return [f"{name}_{code}" for code in LANGUAGES]


def fallback_language(obj, name):
    """The language `obj.<name>` is shown in when that is not the page's (the English
    fallback, for a `lang` attribute), or "" when it is in the page's language."""
    language = active_language()
    if (
        language != FALLBACK
        and not getattr(obj, f"{name}_{language}", "")
        and getattr(obj, f"{name}_{FALLBACK}", "")
    ):
        return FALLBACK
    return ""


def localised(name, prefix=""):
    """An expression for ordering by translated field `name` in the active language:
    its text there, or the English text where it has none. `prefix` follows a relation
    ("tag__")."""
    english = F(f"{prefix}{name}_{FALLBACK}")
    language = active_language()
    if language == FALLBACK:
        return english
    return Coalesce(NullIf(F(f"{prefix}{name}_{language}"), Value("")), english)
