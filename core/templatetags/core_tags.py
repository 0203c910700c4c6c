from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.templatetags.wagtailcore_tags import pageurl

from core.avatars import colour, display_name, initials
from core.caching import pages_generation
from core.timezones import reader_zone
from core.translations import Text

register = template.Library()


@register.simple_tag
def published_generation():
    """`{% published_generation as generation %}`, for `{% wagtailpagecache %}` fragments
    of what every reader sees (a module's body): a key that moves whenever anything is
    published, so a changed linked page or document never shows stale in them."""
    return pages_generation()


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    """The sections other apps add to this page: each `page_sections` hook function
    returns HTML (rendered with `render_to_string`) for `(page, request)`, or None."""
    request = context["request"]
    sections = (section(page, request) for section in hooks.get_hooks("page_sections"))
    return format_html_join("\n", "{}", ((html,) for html in sections if html))


def page_language(page):
    """The language a page, a snippet or a `Text` (a translated field) is written in."""
    if isinstance(page, Text):
        return page.language
    locale = getattr(page, "locale", None)
    return locale.language_code if locale else settings.LANGUAGE_CODE


@register.simple_tag
def fallback_lang(page):
    """`lang="en" dir="ltr"` on an item shown in a language other than the reader's
    (an untranslated page listed in its original language), else nothing, so that its
    punctuation lands on the right side inside a right-to-left page."""
    language = page_language(page)
    if language == translation.get_language():
        return ""
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)  # `<h1{% fallback_lang page %}>`


@register.simple_tag(takes_context=True)
def reader_pageurl(context, page):
    """The page's URL under the reader's language prefix: an untranslated page links to
    its English fallback under /ar/ rather than out of the reader's language."""
    url = pageurl(context, page)
    language = translation.get_language()
    if page_language(page) == language or not url.startswith("/"):
        return url
    with translation.override(page_language(page)):  # the URL resolves in its language
        return translate_url(url, language)


@register.filter
def ago(value):
    """A past moment as "8 minutes ago" or "just now", in the reader's language: one
    unit only (not "1 week, 6 days"), and never "0 minutes"."""
    if not value:
        return ""
    if (timezone.now() - value).total_seconds() < 60:
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(value, depth=1)}


@register.simple_tag
def list_separator():
    """The separator between two phrases of a list: ", ", or "، " (the Arabic comma) in
    the right-to-left languages of the site (Arabic, Persian, Urdu)."""
    return "، " if translation.get_language_bidi() else ", "


@register.filter
def bdi(value):
    """The value isolated in `<bdi>`, for a title, name or number inserted into a
    translated sentence (`{% blocktranslate with name=user.get_full_name|bdi %}`): an
    English name followed by ": 6" inside an Arabic sentence otherwise joins the digits
    to its own run and scrambles the line. Applied in the `with` clause, so the message
    ids (and their translations) stay as they are. Not for `<title>`, which is text."""
    return format_html("<bdi>{}</bdi>", value)


@register.simple_tag(name="reader_zone", takes_context=True)
def reader_zone_tag(context, venue_zone=None):
    """`{% reader_zone workshop.zone as zone %}`, then `{% timezone zone %}`: the zone
    this reader sees the venue's times in (`core.timezones`)."""
    return reader_zone(context.get("request"), venue_zone)


@register.simple_tag
def icon(name, label=""):
    """An icon from the sprite in base.html (templates/includes/icons.html): decorative,
    unless `label` names it for screen readers."""
    if label:
        return format_html(
            '<svg class="icon" role="img" aria-label="{}"><use href="#icon-{}"></use></svg>',
            label,
            name,
        )
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false"><use href="#icon-{}"></use></svg>',
        name,
    )


@register.simple_tag
def avatar(user_or_name, size=""):
    """A person's initials on their colour (core.avatars), hidden from screen readers:
    the name is always written beside it."""
    name = user_or_name if isinstance(user_or_name, str) else display_name(user_or_name)
    modifier = f" avatar--{size}" if size else ""
    return format_html(
        '<span class="avatar avatar--{}{}" aria-hidden="true">{}</span>',
        colour(name),
        modifier,
        initials(name),
    )


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form, *formsets, intro=""):
    """The GOV.UK error summary for a failed form (and its formsets, or lists of forms):
    one link per field in error, to the field itself (the first option of a radio group).
    `intro` says what happened, e.g. that nothing was saved."""
    errors = [("", error) for error in form.non_field_errors()]
    for each in [form, *(f for formset in formsets for f in formset)]:
        errors += [
            (field_anchor(field), f"{field.label}: {field.errors[0]}")
            for field in each
            if field.errors
        ]
    for formset in formsets:
        errors += [("", error) for error in getattr(formset, "non_form_errors", list)()]
    return {"errors": errors, "intro": intro}


def field_anchor(field):
    return field.id_for_label or f"{field.auto_id}_0"


@register.filter
def at(items, index):
    """`{{ headings|at:forloop.counter0 }}`: the item at an index, or "" past the end."""
    try:
        return items[index]
    except (IndexError, TypeError, KeyError):
        return ""
