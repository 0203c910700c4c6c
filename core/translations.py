"""Content shown in the reader's language. Translatable snippets (Wagtail's
`TranslatableMixin`) are swapped for their translation in the active locale where one
exists, and kept, in their own language, where none does; models with translation rows
(a forum, the site settings) take each field from the reader's row where it is filled
in. Templates mark what stays in another language with `fallback_lang`."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


def localized(objects):
    """The objects, in order, each in the active locale when translated: one query for
    all of them, where `obj.localized` would make one each."""
    objects = list(objects)
    if not objects:
        return objects
    locale = Locale.get_active()
    keys = [obj.translation_key for obj in objects if obj.locale_id != locale.pk]
    translations = {
        translation.translation_key: translation
        for translation in type(objects[0])
        .objects.filter(translation_key__in=keys, locale=locale)
        .select_related("locale")
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


class Text(str):
    """A string that knows the language it is written in, so that `fallback_lang` marks
    an English fallback inside a page in another language."""

    def __new__(cls, value, language):
        text = super().__new__(cls, value)
        text.language = language
        return text


def translatable_languages():
    """The languages a translation row may be in: every site language but the default."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def with_translation(obj, row, fields):
    """`obj` with each of `fields` taken from `row` (a translation in the reader's
    language, or None) where filled in, else kept in the default language; each as a
    `Text`. Changes `obj` in memory only: it is for showing, not for saving."""
    for field in fields:
        value = getattr(row, field, "")
        language = row.language_code if value else settings.LANGUAGE_CODE
        setattr(obj, field, Text(value or getattr(obj, field), language))
    return obj


def in_reader_language(objects, fields, related_name="translations"):
    """The objects with `fields` in the reader's language (`with_translation`): one
    query for all of them, none in the default language, and none for objects that
    carry their rows already (`reader_rows`)."""
    objects = list(objects)
    language = translation.get_language()
    if not objects or language == settings.LANGUAGE_CODE:
        return objects
    missing = [obj for obj in objects if not hasattr(obj, "reader_translations")]
    if missing:
        reader_rows(missing, language, related_name)
    for obj in objects:
        with_translation(obj, next(iter(obj.reader_translations), None), fields)
    return objects


def reader_rows(objects, language, related_name="translations"):
    """Load each object's translation rows in `language` as `reader_translations` (one
    query), for `in_reader_language` to use later: what is remembered for every reader
    of a language carries them."""
    model = objects[0]._meta.get_field(related_name).related_model
    prefetch_related_objects(
        objects,
        Prefetch(
            related_name,
            queryset=model.objects.filter(language_code=language),
            to_attr="reader_translations",
        ),
    )
    return objects


def language_field():
    """The language of a translation row: any site language but the default."""
    return models.CharField(_("language"), max_length=10, choices=translatable_languages())
