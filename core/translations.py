"""Translatable snippets (Wagtail's `TranslatableMixin`) shown in the reader's language:
each object is swapped for its translation in the active locale where one exists, and
kept, in its own language, where none does (templates mark it with `fallback_lang`)."""

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
